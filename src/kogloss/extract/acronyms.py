"""Acronyms introduced with their expansion: ``The Democratic People’s Republic of Korea (DPRK)``.

The expansion is found the way Schwartz and Hearst (2003) do it: the shortest run of words
before the parenthesis whose letters contain the acronym's letters in order, the first letter
opening a word. It needs no list of acronyms and rejects ``Khokim (Governor)`` or
``ethnic Koreans (Koryo-saram)``, which are glosses, not acronyms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_INTRODUCTION = re.compile(r"\(([A-Z][A-Za-z&\-]*[A-Z][A-Za-z]*|(?:[A-Z]\.){2,})\)")
_WORD = re.compile(r"[^\s()]+")
_LEADING_ARTICLE = re.compile(r"^(?:the|The|a|an)\s+")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


@dataclass(frozen=True)
class AcronymPair:
    acronym: str
    expansion: str
    start: int  # of the expansion in the searched text
    end: int  # after the closing parenthesis


def _letters(acronym: str) -> str:
    return re.sub(r"[^A-Za-z]", "", acronym).lower().removesuffix("s") or acronym.lower()


def _match_expansion(acronym: str, candidate: str) -> int | None:
    """Index in ``candidate`` where the expansion starts, or None (Schwartz–Hearst)."""
    letters = _letters(acronym)
    short_index = len(letters) - 1
    long_index = len(candidate) - 1
    while short_index >= 0:
        char = letters[short_index]
        while long_index >= 0 and (
            candidate[long_index].lower() != char
            or (short_index == 0 and long_index > 0 and candidate[long_index - 1].isalnum())
        ):
            long_index -= 1
        if long_index < 0:
            return None
        long_index -= 1
        short_index -= 1
    return candidate.rfind(" ", 0, long_index + 1) + 1


def find_acronyms(text: str) -> list[AcronymPair]:
    """Every ``Expansion (ACRONYM)`` in ``text``, in order."""
    pairs = []
    for match in _INTRODUCTION.finditer(text):
        acronym = match.group(1)
        capitals = sum(char.isupper() for char in acronym)
        if capitals * 2 < sum(char.isalpha() for char in acronym):
            continue
        before = text[: match.start()].rstrip()
        if not before or _HANGUL.search(before[-1]):
            continue
        letter_count = len(_letters(acronym))
        words = list(_WORD.finditer(before))
        window = words[-min(len(words), letter_count + 5) :]
        if not window:
            continue
        window_start = window[0].start()
        candidate = before[window_start:]
        found = _match_expansion(acronym, candidate)
        if found is None:
            continue
        expansion = candidate[found:].strip(" ,;:")
        expansion = _LEADING_ARTICLE.sub("", expansion)
        word_count = len(expansion.split())
        if word_count < 2 or word_count > letter_count + 5 or _HANGUL.search(expansion):
            continue
        start = window_start + candidate.find(expansion)
        pairs.append(AcronymPair(acronym, expansion, start, match.end()))
    return pairs
