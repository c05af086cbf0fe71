"""The near-variant rule's C scanner (kogloss._native.runs) against its Python reference
(_python_runs, _python_run_tally in kogloss.check.variants) on generated text: names with "of"
and "for", possessives with ' and ’, hyphenated given names, every kind of gap (spaces, tabs,
NBSP, line breaks), lowercase tails, headlines and title-case lines, sentence openings, and
characters of each width a str stores (Latin-1, Hangul, beyond the BMP).

Skipped where the accelerator is not built (no C compiler) or KOGLOSS_PURE_PYTHON is set."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kogloss._native import load
from kogloss.check.variants import _python_run_tally, _python_runs
from kogloss.document import collect_paths, load_document
from tests.conftest import REAL_FOLDERS

native = load("runs")
pytestmark = pytest.mark.skipif(
    native is None, reason="kogloss._native.runs is not built, or KOGLOSS_PURE_PYTHON is set"
)

# Pieces that make names (Bank of Korea, Ministry for Foreign Affairs), possessives, given
# names, tails, headlines, title-case lines and sentence openings.
PIECES = st.sampled_from(
    [
        "Korea", "Korean", "Peninsula", "peninsula", "of", "for", "ofA", "fork", "Of", "FOR",
        "the", "The", "Bank", "Kim", "Kyu-hyun", "Kyou-hyun", "Korea’s", "Korea's", "Korea’",
        "Korea-", "-Korea", "'Korea", "’Korea", "O'Brien", "A-1", "G20", "3M", "x'", "don’t",
        "e-mail", "government", "govt", "ROK", "IDP", "KOREA SIGNS", "KOREA SIGNS MOU",
        "Korea Supports IDP Villages in Fuzuli Regions", "Villages", "Supports", "in", "and",
        "abcd", "aBcde", "McDonald", "THE", "UN", "KOICA", "A&B", "İstanbul", "Kelvin", "ſo",
        "1.", "Q:", "•", ".", "!", "?", ":", ";", '"', "“", "”", "(", "[", ",", ")",
        " ", "  ", "\t", "\u00a0", "\n", "\n\n", " \n ", "\u00a0\n\t", "\r\n", "\u2028",
        "é", "가", "😀", "\x00",
    ]
)  # fmt: skip
# Single characters where the scanner's choices are made, for texts no piece list builds.
CHARACTERS = st.sampled_from(list("AKZaofrez09'’-. \t\u00a0\n\"“”([!?:;,é가😀"))
TEXTS = (
    st.lists(PIECES, max_size=40).map(" ".join)
    | st.lists(PIECES, max_size=40).map("".join)
    | st.lists(PIECES, max_size=12).map("\n".join)
    | st.text(CHARACTERS, max_size=60)
)


def _spans(text: str, data: st.DataObject) -> tuple[list[int], list[int]]:
    """Known spans in order, not overlapping, some of them empty or touching."""
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=10)))
    spans = list(zip(cuts[::2], cuts[1::2], strict=False))
    return [start for start, _ in spans], [end for _, end in spans]


@settings(max_examples=2000, deadline=None)
@given(text=TEXTS)
def test_the_runs_are_those_of_the_python_reference(text: str) -> None:
    assert native.runs(text) == _python_runs(text)


@settings(max_examples=1000, deadline=None)
@given(text=TEXTS, data=st.data())
def test_the_tally_is_that_of_the_python_reference(text: str, data: st.DataObject) -> None:
    starts, ends = _spans(text, data)
    expected = list(_python_run_tally(text, starts, ends).items())
    assert list(native.tally(text, starts, ends).items()) == expected
    assert list(native.tally(text, tuple(starts), tuple(ends)).items()) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Korea",
        "The Bank of Korea and the Ministry for Foreign Affairs met",
        "Bank of\nKorea\n\nof Korea",
        "Korea’s Kim Kyu-hyun said: Korea for all",
        "KOREA SIGNS MOU\nKorea Supports IDP Villages in Fuzuli Regions\nThe ROK government",
        "\u00a0 Korea\tgovernment\u00a0\nand\nSeoul. Busan",
        "Seoul 😀 Korea’s Busan 가 Ulsan é Daegu",
    ],
)
def test_examples_of_each_width(text: str) -> None:
    for variant in (text, text + "é", text + "가", text + "😀"):
        assert native.runs(variant) == _python_runs(variant)
        assert native.tally(variant, [], []) == _python_run_tally(variant, [], [])
        if variant:
            spans = ([0], [len(variant)])
            assert native.tally(variant, *spans) == _python_run_tally(variant, *spans)


REAL_FILES = collect_paths([str(folder) for folder in REAL_FOLDERS])


@pytest.mark.parametrize("path", REAL_FILES)
def test_real_files_give_the_runs_and_tally_of_the_python_reference(path: str) -> None:
    text = load_document(path).text
    assert native.runs(text) == _python_runs(text)
    # known spans over every other stretch of 50 characters, cutting through runs
    starts = list(range(0, len(text), 100))
    ends = [min(start + 50, len(text)) for start in starts]
    for spans in (([], []), (starts, ends)):
        expected = list(_python_run_tally(text, *spans).items())
        assert list(native.tally(text, *spans).items()) == expected


def test_a_key_is_as_canonical_as_the_same_string_made_in_python() -> None:
    """Keys are built in C: each must equal (and hash as) the string Python would make."""
    for text in ("Korea", "Korea’s Busan", "Korea\u00a0Busan", "Seoul 가"):
        (key,) = native.tally(text + " 😀", [], [])
        made = "".join(list(key))
        assert key == made
        assert hash(key) == hash(made)


@pytest.mark.parametrize(
    ("starts", "ends"), [([-1], [2]), ([3], [2]), ([0], [99]), ([0, 1], [1]), (["0"], [1])]
)
def test_known_spans_outside_the_text_are_refused(starts: list, ends: list) -> None:
    with pytest.raises((ValueError, TypeError)):
        native.tally("Korea Busan", starts, ends)
