"""Acronyms: each one introduced as ``Expansion (ACRONYM)`` before it is used bare."""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from kogloss._native import load
from kogloss.check.context import CheckContext
from kogloss.check.registry import Rule, rule
from kogloss.document import Document
from kogloss.findings import Finding, Severity, make_finding

# Two or more capitals (digits allowed after the first), an optional plural "s"; hyphens
# separate acronyms ("ROK-US" holds two).
# (Each pattern below checks what precedes its first capital after matching it, so that the
# engine can skip ahead to capitals. The look-ahead, implied by what follows it, turns away
# the commonest capital, the first letter of a word in lowercase, before anything else.)
# _ACRONYM searches the text as _case_bytes writes it, where every capital is "A": opening
# with a fixed byte, the engine leaps in C from capital to capital, where it would test every
# character against a class. The text's own acronym lies at the match's places.
_ACRONYM = re.compile(rb"(A(?=[A0-9&])(?<![Aas0-9].)[A0-9&]*[A0-9])(s?)(?![Aas0-9])")
# Capitals to "A", lowercase letters but "s" (the plural) to "a", other ASCII kept.
_CASE_BYTES = bytes.maketrans(
    string.ascii_uppercase.encode() + string.ascii_lowercase.replace("s", "").encode(),
    b"A" * 26 + b"a" * 25,
)
_ROMAN_NUMERAL = re.compile(r"[IVXLCDM]+")
# "ACRONYM (Expansion words)": the reverse order of introduction, also accepted.
_EXPANSION_AFTER = re.compile(r"\s*\(\s*[A-Z][^()\n]*\s[^()\n]*\)")
# Several words in capitals with a function word among them are shouting ("PHOTO NOT FOR
# SALE"), not acronyms.
_CAPITALS_RUN = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z]+(?:[ \t]+[A-Z]{2,})+\b")
# What must touch a word in capitals for it to be in such a run: capitals after it, or before.
_CAPITALS_AFTER = re.compile(r"[A-Z]*[ \t]+[A-Z]{2}")
_TWO_CAPITALS = re.compile(r"[A-Z]{2}")
_SHOUTED_FUNCTION_WORDS = frozenset(
    ["THE", "AND", "OR", "OF", "FOR", "NOT", "TO", "IN", "ON", "WITH", "IS", "ARE", "BY", "AT"]
)
# Longer words in capitals are emphasis ("EXCLUSIVE INTERVIEW"), not acronyms.
MAX_ACRONYM_LETTERS = 6
# A line written mostly in capitals is a headline: its words are not acronyms.
HEADLINE_UPPER_SHARE = 0.6
_ASCII_LETTERS = string.ascii_letters.encode()
_ASCII_CAPITALS = string.ascii_uppercase.encode()
# The kinds of use that _acronym_uses yields: an introduction; a use that is no dateline, no
# headline and has no capitals beside it; a use beside capitals, that may be shouting.
INTRODUCES, USE, BESIDE_CAPITALS = range(3)
# _acronym_uses in C (kogloss/_native/tokens.c), or None.
_TOKENS = load("tokens")


@rule
class AcronymFirstUse(Rule):
    """An acronym used before it is introduced as ``Expansion (ACRONYM)``.

    A reader abroad may not know that ROK is the Republic of Korea or that KOICA is the Korea
    International Cooperation Agency: style guides ask for the expansion at first use, with
    the acronym in brackets, and the bare acronym after that. The finding is on the first use
    before the introduction (one per acronym and document). When the glossary has an entry
    whose ``abbr`` is the acronym, the suggestion is ``en (abbr)``. Acronyms every reader
    knows (UN, US, EU ...) are in the ``allow`` list; add your own with ``extend_allow``.
    Roman numerals and headlines in capitals are not acronyms.

    **Anti-pattern**::

        The ROK government hosted the forum.

    **Best practice**::

        The Republic of Korea (ROK) government hosted the forum. The ROK will host it again.
    """

    id = "acronym-first-use"
    severity = Severity.WARNING
    family = "acronyms"
    options: ClassVar[dict[str, Any]] = {
        "allow": [
            "UN", "US", "USA", "UK", "EU", "NATO", "GDP", "CEO", "TV", "AM", "PM", "ID", "OK",
            "COVID", "IT", "ICT", "CCTV", "SNS", "DC", "USD", "EUR", "KRW", "LG", "SK", "UTC",
            "GMT", "KST",
        ],
        "extend_allow": [],
    }  # fmt: skip

    def check(self, document: Document, context: CheckContext) -> Iterable[Finding]:
        if context.language(document) != "en":
            return []
        allowed = set(context.settings.option(self, "allow"))
        allowed.update(context.settings.option(self, "extend_allow"))
        first_use, introduced = _first_uses(document.text, allowed, context)
        expansions = context.run_cached("abbreviations", lambda: _glossary_expansions(context))
        findings = []
        for acronym, (start, end) in first_use.items():
            introduction = introduced.get(acronym)
            if introduction is not None and introduction < start:
                continue
            expansion = expansions.get(acronym)
            if introduction is None:
                message = f"'{acronym}' is used but never introduced as 'Expansion ({acronym})'"
            else:
                line = document.position(introduction).line
                message = f"'{acronym}' is used before it is introduced (at line {line})"
            if expansion:
                message += f"; the glossary has '{expansion} ({acronym})'"
            findings.append(
                make_finding(
                    document,
                    start,
                    end,
                    self.id,
                    self.severity,
                    message,
                    suggestion=f"{expansion} ({acronym})" if expansion else None,
                    data={"acronym": acronym},
                )
            )
        return findings


def _first_uses(
    text: str, allowed: set[str], context: CheckContext
) -> tuple[dict[str, tuple[int, int]], dict[str, int]]:
    """Each acronym's first use before its introduction (start, end), and its first
    introduction (start), but for the ``allowed`` acronyms."""
    first_use: dict[str, tuple[int, int]] = {}
    introduced: dict[str, int] = {}
    for acronym, start, kind in _uses(text):
        if acronym in allowed:
            continue
        if kind == INTRODUCES:
            introduced[acronym] = start
        elif acronym not in first_use and (kind == USE or not _is_shouted(text, start, context)):
            first_use[acronym] = (start, start + len(acronym))
    return first_use, introduced


def _uses(text: str) -> Iterable[tuple[str, int, int]]:
    """What _acronym_uses yields, from the C accelerator where it was built."""
    if _TOKENS is None:
        return _acronym_uses(text)
    uses: list[tuple[str, int, int]] = _TOKENS.acronym_uses(
        text, MAX_ACRONYM_LETTERS, HEADLINE_UPPER_SHARE
    )
    return uses


def _acronym_uses(text: str) -> Iterator[tuple[str, int, int]]:
    """The uses of acronyms in ``text`` that may decide a finding, in order, as (acronym, start,
    kind): every match of _ACRONYM with an acronym's letters, but those after the acronym's
    first introduction (nothing after it can change a finding), those that are no use
    (datelines, headlines) and those after a first plain use (the first use is known). A use
    beside capitals is yielded until a plain one comes: whether it is shouting is for the
    caller to ask (the shouted runs are found once per document, and rarely needed).
    """
    introduced: set[str] = set()
    used: set[str] = set()
    for match in _ACRONYM.finditer(_case_bytes(text)):
        acronym = text[match.start(1) : match.end(1)]
        if acronym in introduced or not _may_be_acronym(acronym):
            continue
        start, end = match.span()
        if _introduces(text, start, end):
            introduced.add(acronym)
            yield acronym, start, INTRODUCES
        elif not (acronym in used or _is_dateline(text, start, end) or _in_headline(text, start)):
            if _next_to_capitals(text, start):
                yield acronym, start, BESIDE_CAPITALS
            else:
                used.add(acronym)
                yield acronym, start, USE


def _case_bytes(text: str) -> bytes:
    """``text`` one byte a character for _ACRONYM: "?" for each character outside ASCII."""
    return text.encode("ascii", "replace").translate(_CASE_BYTES)


@functools.lru_cache(maxsize=1 << 14)
def _may_be_acronym(word: str) -> bool:
    """Whether a word in capitals has the letters of an acronym and is no Roman numeral."""
    letters = sum(char.isalpha() for char in word)
    return 2 <= letters <= MAX_ACRONYM_LETTERS and not _ROMAN_NUMERAL.fullmatch(word)


def _introduces(text: str, start: int, end: int) -> bool:
    """``(ACRONYM)`` after its expansion, or ``ACRONYM (Expansion ...)``."""
    if start > 0 and text[start - 1] == "(" and text.startswith(")", end):
        return True
    return _EXPANSION_AFTER.match(text, end) is not None


def _is_shouted(text: str, offset: int, context: CheckContext) -> bool:
    """Whether the acronym at ``offset`` is in a run of shouted words. The runs are found
    once per document, and only when an acronym has another word in capitals beside it."""
    if not _next_to_capitals(text, offset):
        return False
    shouted = context.cached("acronym-first-use:shouted", lambda: _shouted_spans(text))
    return any(start <= offset < end for start, end in shouted)


def _next_to_capitals(text: str, offset: int) -> bool:
    """Whether the word in capitals at ``offset`` has spaces, then two capitals, after it
    or two capitals, then spaces, before it."""
    if _CAPITALS_AFTER.match(text, offset):
        return True
    gap_start = offset
    while gap_start > 0 and text[gap_start - 1] in " \t":
        gap_start -= 1
    return (
        gap_start < offset and _TWO_CAPITALS.fullmatch(text, gap_start - 2, gap_start) is not None
    )


def _shouted_spans(text: str) -> list[tuple[int, int]]:
    return [
        (match.start(), match.end())
        for match in _CAPITALS_RUN.finditer(text)
        if _SHOUTED_FUNCTION_WORDS.intersection(match.group(0).split())
    ]


def _is_dateline(text: str, start: int, end: int) -> bool:
    """``ALMATY, Kazakhstan (Yonhap) --``: a place in capitals opening a paragraph."""
    return (start == 0 or text[start - 1] == "\n") and text.startswith(",", end)


def _in_headline(text: str, offset: int) -> bool:
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if line.isascii():
        # The common case, counted in C: in ASCII the letters are A-Z and a-z, the capitals A-Z.
        data = line.encode("ascii")
        letters = len(data) - len(data.translate(None, _ASCII_LETTERS))
        capitals = len(data) - len(data.translate(None, _ASCII_CAPITALS))
        return capitals >= HEADLINE_UPPER_SHARE * letters
    letter_list = [char for char in line if char.isalpha()]
    return sum(char.isupper() for char in letter_list) >= HEADLINE_UPPER_SHARE * len(letter_list)


def _glossary_expansions(context: CheckContext) -> dict[str, str]:
    glossary = context.glossary
    if glossary is None:
        return {}
    expansions: dict[str, str] = {}
    for entry in glossary.entries:
        if entry.abbr and entry.status != "deprecated":
            expansions.setdefault(entry.abbr, entry.en)
    return expansions
