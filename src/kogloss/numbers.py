"""Numbers, amounts, dates and times in Korean and English, reduced to comparable keys.

A translation keeps its numbers but not their spelling: ``2억 5,100만`` is ``251 million``,
``5억 유로`` is ``500 million euros`` or ``€500m``, ``2017년 9월 3일`` is ``September 3, 2017``,
``다섯 차례`` is ``five``. Both the aligner (numbers are the strongest anchors that survive
translation) and the ``number-mismatch`` check read the same :class:`Quantity` keys, so a value
counts as "the same" in exactly one place.

Keys: plain values (``"251000000"``, ``"5.7"``, ``"2017"``), month-and-day dates (``"M9D3"``),
months alone (``"M9"``) and clock times (``"T12:29"``). A year is a plain value, so
``2013년`` matches ``in 2013``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

ENGLISH_WORDS = {
    word: value
    for value, words in {
        1: ("one", "first", "once", "single"),
        2: ("two", "second", "twice", "both"),
        3: ("three", "third"),
        4: ("four", "fourth"),
        5: ("five", "fifth"),
        6: ("six", "sixth"),
        7: ("seven", "seventh"),
        8: ("eight", "eighth"),
        9: ("nine", "ninth"),
        10: ("ten", "tenth"),
        11: ("eleven", "eleventh"),
        12: ("twelve", "twelfth"),
        13: ("thirteen", "thirteenth"),
        14: ("fourteen", "fourteenth"),
        15: ("fifteen", "fifteenth"),
        20: ("twenty", "twentieth"),
        30: ("thirty", "thirtieth"),
        40: ("forty", "fortieth"),
        50: ("fifty", "fiftieth"),
        100: ("hundred",),
    }.items()
    for word in words
}

# Native Korean numerals count things only before a counter ("다섯 차례", "두 번째", "세 나라").
KOREAN_NATIVE = {
    "한": 1,
    "첫": 1,
    "두": 2,
    "세": 3,
    "네": 4,
    "다섯": 5,
    "여섯": 6,
    "일곱": 7,
    "여덟": 8,
    "아홉": 9,
    "열": 10,
    "스무": 20,
}
KOREAN_STANDALONE = {"하나": 1, "둘째": 2, "셋째": 3, "넷째": 4}
_COUNTERS = "차례|번째|번|명|개국|개|가지|곳|건|나라|해|달|주|째|사람|척|대|분야"

_ENGLISH_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_KOREAN_SMALL = {"십": 10, "백": 100, "천": 1000}
_KOREAN_LARGE = {"만": 1e4, "억": 1e8, "조": 1e12}

_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"

_KO_DATE = re.compile(
    rf"(?:(?P<year>\d{{4}})\s*년\s*)?(?P<month>\d{{1,2}})\s*월(?:\s*(?P<day>\d{{1,2}})\s*일)?"
)
_KO_DOTTED_DATE = re.compile(
    r"(?<![\d.])(?P<year>\d{4})\s*\.\s*(?P<month>\d{1,2})\s*\.\s*(?P<day>\d{1,2})\.?"
)
_KO_TIME = re.compile(r"(?P<hour>\d{1,2})\s*시(?:\s*(?P<minute>\d{1,2})\s*분)?")
# Digits glued to Latin letters ("G20", "A1") are codes: the aligner keeps them as Latin anchors.
_KO_AMOUNT = re.compile(
    rf"(?<![A-Za-z\d.,])(?P<number>{_NUMBER})(?P<scale>\s?(?:[십백천](?:[만억조])?|[만억조]))?(?![\d.,])"
)
_KO_NATIVE = re.compile(
    rf"(?<![가-힣])(?P<word>{'|'.join(sorted(KOREAN_NATIVE, key=len, reverse=True))})"
    rf"\s?(?={_COUNTERS})"
    rf"|(?<![가-힣])(?P<alone>{'|'.join(KOREAN_STANDALONE)})(?=[가-힣]?(?:[\s.,]|$))"
)

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_EN_DATE = re.compile(
    rf"\b(?:(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<month>{_MONTH_NAMES})\b\.?"
    rf"(?:\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:,\d|\.\d|:)))?"
    rf"(?:,?\s+(?P<year>\d{{4}})\b)?",
    re.IGNORECASE,
)
_EN_TIME = re.compile(
    r"\b(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s*(?P<ampm>[ap])\.?m\.?(?![a-z])"
    r"|\b(?P<hour24>\d{1,2}):(?P<minute24>\d{2})\b",
    re.IGNORECASE,
)
_EN_AMOUNT = re.compile(
    rf"(?<![A-Za-z\d.,])(?P<number>{_NUMBER})(?:(?P<suffix>st|nd|rd|th)\b"
    rf"|(?P<attached>m|k|b|\s?bn|\s?mn|\s?tn)\b"
    rf"|(?:\s|-)(?P<scale>thousand|million|billion|trillion)\b)?",
    re.IGNORECASE,
)
_EN_WORD = re.compile(
    rf"\b(?P<word>{'|'.join(sorted(ENGLISH_WORDS, key=len, reverse=True))})\b"
    rf"(?:[\s-](?P<scale>thousand|million|billion|trillion)\b)?",
    re.IGNORECASE,
)
# "one of", "one another" and the like are not numbers a translation must keep.
_EN_WORD_EXCLUDE = frozenset({"one", "second", "both", "once", "single"})


@dataclass(frozen=True)
class Quantity:
    """A number as written (``text`` at ``[start, end)``) and the key it compares by.

    ``spelled`` marks values written in words (``five``, ``다섯``): they confirm a match but are
    too loose to accuse a translation of dropping a number.
    """

    key: str
    start: int
    end: int
    text: str
    kind: str  # "number" | "date" | "month" | "time"
    spelled: bool = False


def format_value(value: float) -> str:
    """The canonical spelling of a value: ``251000000``, ``5.7``, ``0.25``."""
    if value == int(value) and abs(value) < 1e18:
        return str(int(value))
    return f"{value:.10g}"


def _to_float(number: str) -> float:
    return float(number.replace(",", ""))


class _Spans:
    """Character ranges already claimed by a longer reading (a date claims its digits)."""

    def __init__(self) -> None:
        self._taken: list[tuple[int, int]] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in self._taken)

    def take(self, start: int, end: int) -> None:
        self._taken.append((start, end))


def _date_quantities(
    year: str | None, month: int, day: str | None, match: re.Match[str]
) -> Iterator[Quantity]:
    start, end, text = match.start(), match.end(), match.group(0)
    if not 1 <= month <= 12:
        return
    if day and 1 <= int(day) <= 31:
        yield Quantity(f"M{month}D{int(day)}", start, end, text, "date")
    else:
        yield Quantity(f"M{month}", start, end, text, "month")
    if year:
        yield Quantity(year, start, end, text, "date")


def korean_quantities(text: str) -> list[Quantity]:
    """Dates, times, amounts (with 천/만/억/조) and counted native numerals in Korean text."""
    found: list[Quantity] = []
    spans = _Spans()
    for pattern in (_KO_DOTTED_DATE, _KO_DATE):
        for match in pattern.finditer(text):
            if not spans.free(match.start(), match.end()):
                continue
            spans.take(match.start(), match.end())
            found.extend(
                _date_quantities(
                    match.group("year"), int(match.group("month")), match.group("day"), match
                )
            )
    for match in _KO_TIME.finditer(text):
        if spans.free(match.start(), match.end()) and int(match.group("hour")) <= 24:
            spans.take(match.start(), match.end())
            hour = int(match.group("hour")) % 12 or 12
            minute = int(match.group("minute") or 0)
            found.append(
                Quantity(f"T{hour}:{minute:02d}", match.start(), match.end(), match[0], "time")
            )
    found.extend(_korean_amounts(text, spans))
    for match in _KO_NATIVE.finditer(text):
        word = match.group("word") or match.group("alone")
        value = KOREAN_NATIVE.get(word) or KOREAN_STANDALONE[word]
        found.append(
            Quantity(format_value(value), match.start(), match.end(), word, "number", True)
        )
    return sorted(found, key=lambda quantity: (quantity.start, quantity.key))


def _korean_amounts(text: str, spans: _Spans) -> Iterator[Quantity]:
    """Digit groups with their scales, joined while the scales fall: 2억 5,100만 is one value."""
    run_value = 0.0
    run_start = run_end = -1
    last_large = float("inf")
    for match in _KO_AMOUNT.finditer(text):
        if not spans.free(match.start(), match.end()):
            continue
        number = _to_float(match.group("number"))
        scale_text = (match.group("scale") or "").strip()
        small = _KOREAN_SMALL.get(scale_text[:1], 1) if scale_text else 1
        large = _KOREAN_LARGE.get(scale_text[-1:], 1) if scale_text else 1
        joins = (
            run_start >= 0
            and large < last_large
            and not text[run_end : match.start()].strip()
            and match.start() - run_end <= 1
        )
        if not joins and run_start >= 0:
            yield _amount(text, run_value, run_start, run_end)
            run_value = 0.0
        if not joins:
            run_start = match.start()
        run_value += number * small * large
        run_end = match.end()
        last_large = large if large > 1 else 0
    if run_start >= 0:
        yield _amount(text, run_value, run_start, run_end)


def _amount(text: str, value: float, start: int, end: int) -> Quantity:
    return Quantity(format_value(value), start, end, text[start:end], "number")


def english_quantities(text: str) -> list[Quantity]:
    """Dates (month names), clock times, amounts (million, bn, m), ordinals and number words."""
    found: list[Quantity] = []
    spans = _Spans()
    for match in _EN_DATE.finditer(text):
        month_word = match.group("month").lower()
        day = match.group("day1") or match.group("day2")
        year = match.group("year")
        if month_word == "may" and not (day or year) and match.group("month") != "May":
            continue  # the verb
        if len(month_word) <= 4 and not (day or year) and month_word not in ("june", "july"):
            continue  # "Mar", "Dec" alone are too often something else
        spans.take(match.start(), match.end())
        found.extend(_date_quantities(year, MONTHS[month_word], day, match))
    for match in _EN_TIME.finditer(text):
        if not spans.free(match.start(), match.end()):
            continue
        spans.take(match.start(), match.end())
        hour = int(match.group("hour") or match.group("hour24"))
        minute = int(match.group("minute") or match.group("minute24") or 0)
        hour = hour % 12 or 12
        found.append(
            Quantity(f"T{hour}:{minute:02d}", match.start(), match.end(), match[0], "time")
        )
    for match in _EN_AMOUNT.finditer(text):
        if not spans.free(match.start(), match.end()):
            continue
        value = _to_float(match.group("number"))
        scale = (match.group("scale") or match.group("attached") or "").strip().lower()
        value *= _ENGLISH_SCALES.get(scale, 1)
        found.append(_amount(text, value, match.start(), match.end()))
    for match in _EN_WORD.finditer(text):
        word = match.group("word").lower()
        if word in _EN_WORD_EXCLUDE and not match.group("scale"):
            continue
        value = ENGLISH_WORDS[word] * _ENGLISH_SCALES.get((match.group("scale") or "").lower(), 1)
        found.append(
            Quantity(format_value(value), match.start(), match.end(), match[0], "number", True)
        )
    return sorted(found, key=lambda quantity: (quantity.start, quantity.key))


def quantities(text: str, language: str) -> list[Quantity]:
    """The quantities of ``text`` written in ``language`` (``"ko"`` or ``"en"``)."""
    if language == "ko":
        return korean_quantities(text)
    if language == "en":
        return english_quantities(text)
    raise ValueError(f"unknown language {language!r} (choose ko or en)")


def quantity_keys(text: str, language: str) -> list[str]:
    """Just the keys, in order: what the aligner compares."""
    return [quantity.key for quantity in quantities(text, language)]
