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
import string
from typing import NamedTuple

from kogloss._native import load
from kogloss.document import Document

# The C twin of paragraphs, _sentence_spans and sentence_texts (kogloss._native.sentences),
# or None: the Python below is the reference it is tested against, and the fallback.
_NATIVE = load("sentences")

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

# Characters that can end the word before a period (the only case needing _WORD_BEFORE).
_WORD_CHARS_BEFORE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")
_CLOSING_QUOTES = "\"'”’」』"
_KOREAN_QUOTATIVE = re.compile(r"(?:이?라(?:고|며|는)|하(?:고|며|면서)|고|며)(?![가-힣])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_DOTTED_ACRONYM = re.compile(r"(?:[A-Za-z]\.){1,}[A-Za-z]$")
# Last words before a period that may hold the sentence open: abbreviations and initials.
_MAY_HOLD_OPEN = ABBREVIATIONS | NUMBER_ABBREVIATIONS | frozenset(string.ascii_letters)


def _period_after_free_word() -> str:
    """Behind a period, a word that cannot hold the sentence open: longer than any that can,
    or (after a non-letter) as long as some but none of them. Every single letter may be an
    initial. One look-behind per length: a look-behind's alternatives must share its width."""
    longest = max(map(len, _MAY_HOLD_OPEN))
    lengths = [rf"(?<=[A-Za-z]{{{longest + 1}}}\.)"]
    for length in range(2, longest + 1):
        held = "|".join(sorted(word for word in _MAY_HOLD_OPEN if len(word) == length))
        lengths.append(
            rf"(?<=[^A-Za-z][A-Za-z]{{{length}}}\.)"
            + (rf"(?<![^A-Za-z](?:{held})\.)" if held else "")
        )
    return "|".join(lengths)


_MARKS_AND_CLOSERS = r"[.!?。？！…]*+[\"'”’」』)\]]*+"
# The marks that end a sentence, but the period.
_MARKS_BUT_PERIOD = "!?。？！…"
_SENTENCE_MARKS = frozenset("." + _MARKS_BUT_PERIOD)


def _sentence_end(first_mark: str) -> re.Pattern[str]:
    r"""The pattern of a candidate sentence end opening with ``first_mark``: a run of final
    marks and closing quotes, then spaces up to the next sentence's first character, which
    is no ASCII lowercase letter, "," ";" or ":".

    One pass tells the candidates apart in C. Group 1 ends a sure end, as _is_sentence_end
    would judge it: a mark other than the period; a period after a character other than a
    letter or a digit, after a digit when no digit opens the next sentence, or after a word
    that holds no sentence open; then an ASCII character that opens a sentence or a Hangul
    syllable (unless a closing quote comes before the spaces: “...다.” 라고 말했다). Group 2
    ends any other candidate, left to _is_sentence_end: an abbreviation or an initial, a
    date, a character outside ASCII and Hangul. The conditions look behind the first mark,
    so that the pattern opens with it and the engine skips in C to the marks.
    """
    return re.compile(
        first_mark + r"(?:(?:(?<=[!?。？！…])"
        r"|(?<=[\x00-\x2d\x2f\x3a-\x40\x5b-\x60\x7b-\x7f가-힣]\.)"
        rf"|(?<=[0-9]\.)(?={_MARKS_AND_CLOSERS}\s++[^0-9])"
        rf"|{_period_after_free_word()})"
        rf"({_MARKS_AND_CLOSERS})"
        r"(?:\s++(?=[\x21-\x2b\x2d-\x39\x3c-\x60\x7b-\x7e])|(?<![\"'”’」』])\s++(?=[가-힣]))"
        r"|([.!?。？！…]*[\"'”’」』)\]]*)\s+(?=[^\sa-z,;:]))"
    )


_SENTENCE_END = _sentence_end(r"[.!?。？！…]")
# The same for a text without _MARKS_BUT_PERIOD (nearly every English release): the engine
# leaps from period to period in C, where it tests every character against the class.
_PERIOD_END = _sentence_end(r"\.")


class Segment(NamedTuple):
    """A paragraph or sentence: a span ``[start, end)`` of its document's text.

    ``marker`` is the list marker the segment opens with (``1.``, ``°``, ``Q:`` ...), kept in
    ``text`` because both versions of a release share it and the aligner uses it as an anchor.
    A named tuple, immutable like the frozen dataclass it replaces but three times cheaper to
    make: a thousand releases have some 100,000 sentences.
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
    return _spans_of_sentences(text, [(start, end, _marker_end(text, start, end))])[0]


def _spans_of_sentences(
    text: str, paragraph_bounds: list[tuple[int, int, int]]
) -> list[list[tuple[int, int]]]:
    """``_sentence_spans``, in C where it was built."""
    if _NATIVE is not None:
        return _NATIVE.sentence_spans(text, paragraph_bounds)
    return _sentence_spans(text, paragraph_bounds)


def _marker_end(text: str, start: int, end: int) -> int:
    """Where the list marker opening ``text[start:end]`` ends (with its spaces), or ``start``."""
    marker = LIST_MARKER.match(text, start, end)
    return marker.end() if marker else start


def _sentence_spans(
    text: str, paragraph_bounds: list[tuple[int, int, int]]
) -> list[list[tuple[int, int]]]:
    """The sentence spans of each paragraph ``(start, end, marker_end)``, given in text order.

    One regex pass from the first paragraph to the last serves them all: a pass per paragraph
    costs more in calls than in scanning. A candidate whose spaces run past its paragraph's end
    (only the paragraph's last one can) is one a pass over the paragraph alone would not see.
    """
    result: list[list[tuple[int, int]]] = []
    if not paragraph_bounds:
        return result
    pattern = _SENTENCE_END if any(map(text.__contains__, _MARKS_BUT_PERIOD)) else _PERIOD_END
    candidates = pattern.finditer(text, paragraph_bounds[0][0], paragraph_bounds[-1][1])
    match = next(candidates, None)
    for start, end, marker_end in paragraph_bounds:
        spans = []
        sentence_start = start
        while match is not None and match.start() < end:
            following = match.end()
            if following < end:
                boundary = match.end(1)
                if boundary < 0:  # group 2: a candidate the pattern leaves to Python
                    boundary = match.end(2)
                    if not _is_sentence_end(text, match.start(), boundary, following):
                        boundary = -1
                if boundary > marker_end:
                    spans.append((sentence_start, boundary))
                    sentence_start = following
            match = next(candidates, None)
        tail_end = end
        while tail_end > sentence_start and text[tail_end - 1].isspace():
            tail_end -= 1
        if tail_end > sentence_start:
            spans.append((sentence_start, tail_end))
        result.append(spans)
    return result


def _is_sentence_end(text: str, mark: int, boundary: int, following: int) -> bool:
    """Whether a candidate sentence end ends its sentence: the run of marks and closing quotes
    ``[mark, boundary)``, then spaces up to the character at ``following``, which is no ASCII
    lowercase letter, "," ";" or ":" (``_SENTENCE_END`` has judged the common cases in C)."""
    next_char = text[following]
    if next_char.islower():
        return False
    if text[boundary - 1] in _CLOSING_QUOTES and _KOREAN_QUOTATIVE.match(text, following):
        return False  # “...다.” 라고 말했다: the quotation continues the sentence
    if text[mark] != ".":
        return True
    previous = text[mark - 1] if mark else ""
    if previous not in _WORD_CHARS_BEFORE:
        return not (previous.isdigit() and next_char.isdigit())  # 2017. 9. 3.: a date
    return _period_ends_sentence(text, mark, next_char)


def _period_ends_sentence(text: str, mark: int, next_char: str) -> bool:
    """Whether the period at ``mark`` (after a letter or a period) ends the sentence."""
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
    if _NATIVE is not None:
        return _NATIVE.paragraphs(document.text, Segment)
    return _paragraphs(document.text)


def _paragraphs(text: str) -> list[Segment]:
    """``paragraphs`` in Python: the reference of the C version and its fallback."""
    make = Segment._make  # tuple.__new__ itself, without the Python frame of Segment(...)
    return [
        make((start, end, text[start:end], "paragraph", index, index, _marker(text, start, end)))
        for index, (start, end) in enumerate(paragraph_spans(text))
    ]


def sentences(document: Document, paragraph_list: list[Segment] | None = None) -> list[Segment]:
    text = document.text
    if paragraph_list is None:
        paragraph_list = paragraphs(document)
    span_lists = _spans_of_sentences(text, _paragraph_bounds(text, paragraph_list))
    segments: list[Segment] = []
    append = segments.append
    make = Segment._make  # tuple.__new__ itself, without the Python frame of Segment(...)
    for paragraph, spans in zip(paragraph_list, span_lists, strict=True):
        for start, end in spans:
            marker = paragraph.marker if start == paragraph.start else ""
            append(
                make(
                    (
                        start,
                        end,
                        text[start:end],
                        "sentence",
                        len(segments),
                        paragraph.index,
                        marker,
                    )
                )
            )
    return segments


def sentence_texts(document: Document, paragraph_list: list[Segment]) -> list[str]:
    """The texts of ``sentences(document, paragraph_list)``, without making their segments:
    what a rule needs that compares sentences and seldom points at one."""
    if _NATIVE is not None:
        return _NATIVE.sentence_texts(document.text, paragraph_list)
    return _sentence_texts(document.text, paragraph_list)


def _sentence_texts(text: str, paragraph_list: list[Segment]) -> list[str]:
    """``sentence_texts`` in Python: the reference of the C version and its fallback."""
    span_lists = _sentence_spans(text, _paragraph_bounds(text, paragraph_list))
    return list(map(text.__getitem__, itertools.starmap(slice, itertools.chain(*span_lists))))


def _paragraph_bounds(text: str, paragraph_list: list[Segment]) -> list[tuple[int, int, int]]:
    """``(start, end, marker_end)`` of each paragraph, as ``_sentence_spans`` takes them.

    A marker without a sentence mark (``°``, ``-``, ``*``) holds no candidate end, and its
    paragraph needs no LIST_MARKER match: ``start`` serves for ``marker_end``.
    """
    return [
        (
            paragraph.start,
            paragraph.end,
            paragraph.start
            if _SENTENCE_MARKS.isdisjoint(paragraph.marker)
            else _marker_end(text, paragraph.start, paragraph.end),
        )
        for paragraph in paragraph_list
    ]


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
