"""The C paragraphs and sentences (kogloss._native.sentences) against the Python reference in
kogloss.segment: the same segments, spans and texts, on generated text and on the real files.

The text is drawn from the pieces each rule of segment.py turns on: sentence marks and closing
quotes, every listed abbreviation, initials and dotted acronyms, dates, list markers of every
kind at line starts (and some the pattern refuses), Korean endings and quotatives, lowercase and
digit characters outside ASCII, and every kind of space (tabs, NBSP, ideographic spaces, line
and paragraph separators), in lines long enough to be taken for hard-wrapped prose.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kogloss import segment
from kogloss._native import load
from kogloss.document import collect_paths, load_document
from kogloss.errors import InputError
from tests.conftest import REAL_FOLDERS

native = load("sentences")
pytestmark = pytest.mark.skipif(
    native is None, reason="kogloss._native.sentences not built (or KOGLOSS_PURE_PYTHON=1)"
)

_WORDS = st.sampled_from(
    [
        *sorted(segment.ABBREVIATIONS | segment.NUMBER_ABBREVIATIONS),
        "H.E", "e.g", "i.e", "U.S", "a.b.c", "A.B", "ab.cd", "J", "x", "K", "Kim", "Lee", "Seoul",
        "Forums", "Cabinet", "delegates", "the", "programme", "Ambassadorial", "approximately",
        "2017", "5", "12", "1234", "٣", "²", "Ⅱ", "é", "É", "ß", "ǅ", "다", "요", "했다", "라고",
        "이라고", "이라는", "하며", "하면서", "고", "며", "가", "“", "(", ",", ";", ":", "-", "",
        "😀",
    ]
)  # fmt: skip
_ENDINGS = st.sampled_from(
    [
        "", "", "", ".", ".", ".", "?", "!", "...", "..", "…", "。", "？", "！", ".)", ".]",
        ".”", '?"', ".'", ".’", ".」", "!』", "]", "”", "’",
    ]
)  # fmt: skip
_SPACES = st.sampled_from(
    [" ", " ", " ", " ", "  ", "\t", "\u00a0", "\u3000", "\u2028", "\x1c", "\r", "\x85", ""]
)
_SENTENCE = st.lists(st.tuples(_WORDS, _ENDINGS, _SPACES).map("".join), max_size=16).map("".join)
_MARKERS = st.sampled_from(
    [
        "", "", "", "", "1. ", "12) ", "123. ", "1234. ", "1.", "(3) ", "(12) ", "(가) ", "(a) ",
        "(하)", "a. ", "b) ", "° ", "ㅇ", "ㅇ ", "○ ", "• ", "- ", "* ", "*가", "— ", "– ", "※ ",
        "Q: ", "A. ", "Q:", "# ", "### ", "###### ", "####### ", "#", "٣. ", "²) ", "(٣) ",
        " \t1. ", "\u00a0° ", "\u3000- ", "1.\u00a0\u3000 ",
    ]
)  # fmt: skip
_INDENTS = st.sampled_from(["", "", "", " ", "  ", "\t", "\u00a0", "\u3000"])
_LINE = st.tuples(_INDENTS, _MARKERS, _SENTENCE, _SPACES).map("".join)
_BREAKS = st.sampled_from(["\n", "\n", "\n", "\n\n", "\n \n", "\n\t\n", "\n\n\n"])
# Lines with their breaks, and a last line that ends the text without one.
TEXTS = st.tuples(
    st.lists(st.tuples(_LINE, _BREAKS).map("".join), max_size=12).map("".join), _LINE
).map("".join)


def _assert_same(text: str) -> None:
    """The C functions and their Python references agree on ``text``."""
    found = native.paragraphs(text, segment.Segment)
    expected = segment._paragraphs(text)
    assert found == expected
    assert all(type(paragraph) is segment.Segment for paragraph in found)
    bounds = segment._paragraph_bounds(text, expected)
    assert native.sentence_spans(text, bounds) == segment._sentence_spans(text, bounds)
    assert native.sentence_texts(text, expected) == segment._sentence_texts(text, expected)


@settings(max_examples=1000, deadline=None)
@given(text=TEXTS)
def test_paragraphs_and_sentences_as_in_python(text: str) -> None:
    _assert_same(text)


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, data=st.data())
def test_sentence_spans_of_any_bounds_as_in_python(text: str, data: st.DataObject) -> None:
    """Bounds the paragraphs never give: starting inside a run of marks, ending inside a
    candidate, overlapping, out of order, with any marker end."""
    index = st.integers(0, len(text))
    bounds = data.draw(st.lists(st.tuples(index, index, st.integers(-2, len(text) + 1))))
    assert native.sentence_spans(text, bounds) == segment._sentence_spans(text, bounds)


def test_real_files_as_in_python() -> None:
    paths = collect_paths([str(folder) for folder in REAL_FOLDERS])
    checked = 0
    for path in paths:
        try:
            document = load_document(path)
        except (InputError, OSError, UnicodeError):
            continue  # the test data holds files made to fail loading
        _assert_same(document.text)
        checked += 1
    assert checked >= 20


def test_bad_arguments_raise() -> None:
    with pytest.raises(TypeError):
        native.paragraphs(b"text", segment.Segment)
    with pytest.raises(TypeError):
        native.paragraphs("text", list)
    with pytest.raises(ValueError):
        native.sentence_spans("text", [(0, 5, 0)])
    with pytest.raises(TypeError):
        native.sentence_spans("text", [(0, 4)])
    with pytest.raises(TypeError):
        native.sentence_texts("text", [(0, 4, "text", "paragraph", 0, 0, None)])
    assert native.sentence_spans("", []) == []
    assert native.paragraphs("", segment.Segment) == []


def test_every_kind_of_str() -> None:
    """The C reads each kind of str: one, two and four bytes a character."""
    for text in ("Mr. Kim left. He came back.", "Mr. Kim’s visit. 다. 라고", "Go. 😀 Then. End"):
        _assert_same(text)
        _assert_same("1. " + text + "\n" + text * 5 + "\n\n- " + text)
