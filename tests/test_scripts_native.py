"""The C letter count of script_profile (``kogloss._native.scripts``) against the regular
expressions it mirrors, on generated text and on the real files: the same profile, exactly.

Every code point is counted once, in blocks; generated text is drawn from all of them, with
the edges of each script's ranges, the characters that are alphanumeric but no decimal digit
(², ½, Ⅻ) and the reverse (٣, ১), "_", and lone surrogates coming up often.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kogloss import _native, scripts
from kogloss.document import collect_paths, load_document
from kogloss.segment import paragraphs
from tests.conftest import REAL_FOLDERS

NATIVE = _native.load("scripts")
pytestmark = pytest.mark.skipif(
    NATIVE is None, reason="kogloss._native.scripts is not built (or KOGLOSS_PURE_PYTHON)"
)

# Each range of scripts.py from one before its first code point to one after its last.
RANGE_EDGES = [
    chr(code)
    for first, last in (
        (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0x24F), (0x1E00, 0x1EFF), (0x400, 0x52F),
        (0xAC00, 0xD7A3), (0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F),
        (0xD7B0, 0xD7FF), (0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0xF900, 0xFAFF),
    )
    for code in (first - 1, first, last, last + 1)
]  # fmt: skip
SPECIAL = [*"azAZ@[`{09_²½Ⅻ٣১ªµßİ’…\u00a0\u3000", "\ud800", "\udfff", "😀", "\U00020000"]
TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(RANGE_EDGES + SPECIAL),
        st.characters(max_codepoint=0x7F),
        st.characters(),
    ),
    max_size=200,
)


def _pure_profile(text: str) -> scripts.ScriptProfile:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(scripts, "_NATIVE", None)
        return scripts.script_profile(text)


@settings(max_examples=1000, deadline=None)
@given(text=TEXT)
def test_native_profile_equals_the_python_one(text: str) -> None:
    assert scripts.script_profile(text) == _pure_profile(text)


def test_native_profile_equals_the_python_one_on_every_code_point() -> None:
    """Every code point, in blocks of 256: a character counted in the wrong script (or counted
    when it is no letter) changes its block's profile."""
    for start in range(0, 0x110000, 256):
        block = "".join(map(chr, range(start, start + 256)))
        assert scripts.script_profile(block) == _pure_profile(block), hex(start)


def _real_texts() -> Iterator[str]:
    for path in collect_paths([str(folder) for folder in REAL_FOLDERS]):
        document = load_document(path)
        yield document.text
        yield from (paragraph.text for paragraph in paragraphs(document))


def test_native_profile_equals_the_python_one_on_the_real_files() -> None:
    texts = list(_real_texts())
    assert texts
    for text in texts:
        assert scripts.script_profile(text) == _pure_profile(text), text[:80]


def test_native_profile_rejects_what_is_not_a_str() -> None:
    assert NATIVE is not None
    with pytest.raises(TypeError):
        NATIVE.script_counts(b"bytes")
