"""Property tests: the shortcuts of sentence splitting, repeated-sentence, repeated-word and
acronym-first-use agree with the plain definitions they replace."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kogloss.check.acronyms import HEADLINE_UPPER_SHARE, _in_headline
from kogloss.document import document_from_text
from kogloss.segment import LIST_MARKER, _is_sentence_end, paragraphs, sentences

LINES = st.lists(
    st.sampled_from(["KOREA", "Korea", "ROK", "and", " ", "\n", "1", "-", "é", "É", "가", "Ⅱ"]),
    max_size=30,
).map("".join)


def _plain_in_headline(text: str, offset: int) -> bool:
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    letters = [char for char in line if char.isalpha()]
    return sum(char.isupper() for char in letters) >= HEADLINE_UPPER_SHARE * len(letters)


@settings(max_examples=300, deadline=None)
@given(text=LINES, data=st.data())
def test_headline_counted_in_bytes_as_by_characters(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    assert _in_headline(text, offset) == _plain_in_headline(text, offset)


# The sentence-end candidates as first written, every one judged by _is_sentence_end.
_PLAIN_CANDIDATE = re.compile(r"([.!?。？！…]+[\"'”’」』)\]]*)\s+(?=[^\sa-z,;:])")


def _plain_sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    marker = LIST_MARKER.match(text, start, end)
    marker_end = marker.end() if marker else start
    spans = []
    sentence_start = start
    for match in _PLAIN_CANDIDATE.finditer(text, start, end):
        boundary, following = match.end(1), match.end()
        if (
            following < end
            and boundary > marker_end
            and _is_sentence_end(text, match.start(), boundary, following)
        ):
            spans.append((sentence_start, boundary))
            sentence_start = following
    tail_end = end
    while tail_end > sentence_start and text[tail_end - 1].isspace():
        tail_end -= 1
    if tail_end > sentence_start:
        spans.append((sentence_start, tail_end))
    return spans


# Words of diplomatic English and Korean, each with the marks, closing quotes and spaces
# that may end it: abbreviations (held open always, before a number, never), initials,
# dotted acronyms, words as long as an abbreviation and longer, dates, quotatives, list
# markers, and characters outside ASCII that are lowercase letters or digits.
_WORDS = st.sampled_from(
    [
        "Mr", "Mrs", "Messrs", "approx", "Prof", "No", "no", "pp", "p", "Art", "Sept", "Para",
        "H.E", "e.g", "i.e", "U.S", "a.b.c", "J", "x", "Kim", "Lee", "Seoul", "Forums",
        "Cabinet", "delegates", "the", "2017", "5", "12", "٣", "²", "é", "É", "ß", "다", "요",
        "라고", "하며", "고", "가", "“", "(", ",", ":", "1.", "a.", "Q:", "°", "-", "",
    ]
)  # fmt: skip
_ENDINGS = st.sampled_from(
    ["", "", ".", ".", "?", "!", "...", "…", "。", "？", ".)", ".”", '?"', ".'", "]", "”"]
)
_SPACES = st.sampled_from([" ", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", ""])
SENTENCE_TEXTS = st.lists(st.tuples(_WORDS, _ENDINGS, _SPACES).map("".join), max_size=30).map(
    "".join
)


@settings(max_examples=2000, deadline=None)
@given(text=SENTENCE_TEXTS)
def test_sentence_ends_told_apart_in_c_as_judged_one_by_one(text: str) -> None:
    document = document_from_text(text)
    text = document.text
    found = [(segment.start, segment.end) for segment in sentences(document)]
    expected = [
        span
        for paragraph in paragraphs(document)
        for span in _plain_sentence_spans(text, paragraph.start, paragraph.end)
    ]
    assert found == expected
