"""Paragraphs and sentences of a release, in English and Korean, as spans of the document text.

Releases are written by many hands and scraped from the web: paragraphs are separated by blank
lines, or stand on one line each under list markers (``1.``, ``°``, ``ㅇ``, ``-``, ``*``, ``Q:``),
or are hard-wrapped. Sentences must survive the abbreviations of diplomatic English
(``H.E. Mr. Park Joo-sun``, ``Amb.``, ``U.S.``, ``No. 5``) and end where Korean ends them
(``다.``, ``요.``, ``?``, ``!``, closing quotes included).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from kogloss.document import Document

# A list marker at the start of a line: numbered points, the ministry's sub-point signs, bullets,
# interview turns and Markdown headings.
LIST_MARKER = re.compile(
    r"[ \t\u00a0\u3000]*"
    r"(?:\d{1,3}[.)](?=\s)|\(\d{1,3}\)(?=\s)|\([a-zA-Z가나다라마바사아자차카타파하]\)(?=\s)|[a-z][.)](?=\s)"
    r"|[°ㅇ○●•◦▪■□◆◇▶▷►‣∙·※*\-–—](?=\s|[가-힣])"
    r"|[QA][:.](?=\s)|#{1,6}(?=\s))"
    r"[ \t\u00a0\u3000]*"
)

# Words that end with a period without ending the sentence (compared without the period).
ABBREVIATIONS = frozenset(
    """Mr Mrs Ms Messrs Dr Prof Amb Min Gen Lt Col Maj Capt Cmdr Adm Sgt Gov Sen Rep Pres Hon
    Rev Jr Sr St Mt Ft Inc Ltd Co Corp Dept Univ Assn Bros vs cf al approx Art Vol Fig ch
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Wed Thu Fri Sat Sun""".split()
)
# Abbreviations that hold the sentence open only before a number ("No. 5", "Art. 3").
NUMBER_ABBREVIATIONS = frozenset("No Nos no nos Art Para para p pp Vol vol Sec sec".split())

_BOUNDARY = re.compile(r"(?:[.!?。？！]|\.\.\.|…)+[\"'”’」』)\]]*(?=\s)")
_CLOSING_QUOTES = "\"'”’」』"
_KOREAN_QUOTATIVE = re.compile(r"(?:이?라(?:고|며|는)|하(?:고|며|면서)|고|며)(?![가-힣])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_DOTTED_ACRONYM = re.compile(r"(?:[A-Za-z]\.){1,}[A-Za-z]$")


@dataclass(frozen=True)
class Segment:
    """A paragraph or sentence: a span ``[start, end)`` of its document's text.

    ``marker`` is the list marker the segment opens with (``1.``, ``°``, ``Q:`` ...), kept in
    ``text`` because both versions of a release share it and the aligner uses it as an anchor.
    """

    start: int
    end: int
    text: str
    kind: str
    index: int
    paragraph: int
    marker: str = ""


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Spans of paragraphs: blocks between blank lines, split into their lines unless the
    block is hard-wrapped prose (then lines join, except before a list marker).

    Scraped pages put menus, footers and headline links on consecutive lines without blank
    lines between them: each such line is a paragraph of its own.
    """
    spans: list[tuple[int, int]] = []
    block: list[tuple[int, int]] = []
    position = 0
    for line in text.split("\n"):
        line_start = position
        position += len(line) + 1
        if not line.strip():
            spans.extend(_block_paragraphs(text, block))
            block = []
            continue
        content_start = line_start + (len(line) - len(line.lstrip()))
        block.append((content_start, line_start + len(line.rstrip())))
    spans.extend(_block_paragraphs(text, block))
    return spans


def _block_paragraphs(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if len(lines) < 2:
        return list(lines)
    joinable = [
        not LIST_MARKER.match(text, start, end) and previous_end - previous_start >= 40
        for (previous_start, previous_end), (start, end) in itertools.pairwise(lines)
    ]
    wrapped_joins = sum(
        1
        for can_join, (previous, current) in zip(joinable, itertools.pairwise(lines), strict=True)
        if can_join and _continues_prose(text, previous, current)
    )
    if not any(joinable) or wrapped_joins * 2 < sum(joinable):
        return list(lines)
    spans = [lines[0]]
    for can_join, line in zip(joinable, lines[1:], strict=True):
        if can_join:
            spans[-1] = (spans[-1][0], line[1])
        else:
            spans.append(line)
    return spans


def _continues_prose(text: str, previous: tuple[int, int], current: tuple[int, int]) -> bool:
    """Whether ``current`` reads as the wrapped continuation of ``previous``."""
    first = text[current[0]]
    if first.islower():
        return True
    last = text[previous[1] - 1]
    return "가" <= first <= "힣" and "가" <= last <= "힣"


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the sentences of ``text[start:end]`` (one paragraph), leading spaces trimmed."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    sentence_start = start
    marker = LIST_MARKER.match(text, start, end)
    marker_end = marker.end() if marker else start
    for match in _BOUNDARY.finditer(text, start, end):
        boundary = match.end()
        if boundary <= marker_end or not _is_sentence_end(text, match.start(), boundary, end):
            continue
        spans.append((sentence_start, boundary))
        sentence_start = boundary
        while sentence_start < end and text[sentence_start].isspace():
            sentence_start += 1
    tail_end = end
    while tail_end > sentence_start and text[tail_end - 1].isspace():
        tail_end -= 1
    if tail_end > sentence_start:
        spans.append((sentence_start, tail_end))
    return [span for span in spans if text[span[0] : span[1]].strip()]


def _is_sentence_end(text: str, mark: int, boundary: int, limit: int) -> bool:
    following = boundary
    while following < limit and text[following].isspace():
        following += 1
    if following >= limit:
        return False  # the paragraph's end closes the sentence anyway
    next_char = text[following]
    if next_char.islower() or next_char in ",;:":
        return False
    if text[boundary - 1] in _CLOSING_QUOTES and _KOREAN_QUOTATIVE.match(text, following):
        return False  # “...다.” 라고 말했다: the quotation continues the sentence
    if text[mark] != ".":
        return True
    previous = text[max(0, mark - 1)] if mark else ""
    if previous.isdigit() and next_char.isdigit():
        return False  # 2017. 9. 3. and decimal-like dates
    word_match = _WORD_BEFORE.search(text, max(0, mark - 24), mark + 1)
    if not word_match:
        return True
    word = word_match.group(1)
    bare = word.rsplit(".", 1)[-1] if "." in word else word
    if bare in ABBREVIATIONS or word in ("H.E", "e.g", "i.e"):
        return False
    if bare in NUMBER_ABBREVIATIONS and next_char.isdigit():
        return False
    if len(bare) == 1 and bare.isupper() and mark >= 1:
        return False  # an initial: "Kim K. Lee", "J. Smith"
    return not _DOTTED_ACRONYM.fullmatch(word)


def paragraphs(document: Document) -> list[Segment]:
    text = document.text
    segments = []
    for index, (start, end) in enumerate(paragraph_spans(text)):
        marker = _marker(text, start, end)
        segments.append(Segment(start, end, text[start:end], "paragraph", index, index, marker))
    return segments


def sentences(document: Document, paragraph_list: list[Segment] | None = None) -> list[Segment]:
    text = document.text
    segments: list[Segment] = []
    for paragraph in paragraph_list if paragraph_list is not None else paragraphs(document):
        for start, end in sentence_spans(text, paragraph.start, paragraph.end):
            marker = paragraph.marker if start == paragraph.start else ""
            segments.append(
                Segment(
                    start,
                    end,
                    text[start:end],
                    "sentence",
                    len(segments),
                    paragraph.index,
                    marker,
                )
            )
    return segments


def line_segments(document: Document) -> tuple[list[Segment], list[Segment]]:
    """Pre-segmented input (one segment per line, a blank line between paragraphs).

    Returns the segments and the paragraphs they form; indices count segments from 0, the
    convention of hunalign and other aligners.
    """
    text = document.text
    segments: list[Segment] = []
    paragraph_index = 0
    position = 0
    for line in text.split("\n"):
        line_start = position
        position += len(line) + 1
        if not line.strip():
            if segments and segments[-1].paragraph == paragraph_index:
                paragraph_index += 1
            continue
        start = line_start + len(line) - len(line.lstrip())
        end = line_start + len(line.rstrip())
        marker = _marker(text, start, end)
        segments.append(
            Segment(start, end, text[start:end], "sentence", len(segments), paragraph_index, marker)
        )
    paragraph_list: list[Segment] = []
    for segment in segments:
        if paragraph_list and paragraph_list[-1].index == segment.paragraph:
            first = paragraph_list[-1]
            paragraph_list[-1] = Segment(
                first.start,
                segment.end,
                text[first.start : segment.end],
                "paragraph",
                first.index,
                first.index,
                first.marker,
            )
        else:
            paragraph_list.append(
                Segment(
                    segment.start,
                    segment.end,
                    segment.text,
                    "paragraph",
                    segment.paragraph,
                    segment.paragraph,
                    segment.marker,
                )
            )
    return segments, paragraph_list


def _marker(text: str, start: int, end: int) -> str:
    match = LIST_MARKER.match(text, start, end)
    return match.group(0).strip() if match else ""
