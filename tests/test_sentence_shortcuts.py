"""Property tests: the shortcuts of sentence splitting, repeated-sentence, repeated-word and
acronym-first-use agree with the plain definitions they replace."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kogloss.check.acronyms import HEADLINE_UPPER_SHARE, _in_headline
from kogloss.check.repetition import _DOUBLED_WORD, _SPACING_TO_NORMALISE, _doubled_words
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


# Words that double, case-blind, across the characters outside ASCII that fold to ASCII.
_DOUBLING = st.sampled_from(
    [
        "(the", "-the", "“the", "'the", "the", "The", "THE", "to", "don't", "don’t", "dogs'",
        "x'", "is", "İs", "ıs", "iS", "ſo", "so", "Kelvin", "kelvin", "a", "A", "é", "가", "1",
        "_", "(", ".", "-", "\u00a0", " ",
        "  ", "\t", "\n", "\n\n", " \n ",
    ]
)  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(text=st.lists(_DOUBLING, max_size=40).map("".join))
def test_doubled_words_found_where_the_folded_text_doubles_them(text: str) -> None:
    def spans(matches: object) -> list[tuple[tuple[int, int], tuple[str, ...]]]:
        return [(match.span(), match.groups()) for match in matches]  # type: ignore[attr-defined]

    assert spans(_doubled_words(text)) == spans(_DOUBLED_WORD.finditer(text))


def test_the_spacing_to_normalise_is_every_space_but_one() -> None:
    spaces = {char for char in map(chr, range(0x110000)) if char.isspace()}
    assert set(_SPACING_TO_NORMALISE) == {"  "} | spaces - {" "}
