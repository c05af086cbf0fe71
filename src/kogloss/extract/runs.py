"""Runs of capitalised words: where a name starts and ends, and where a run holds two names.

A run keeps the small words names keep inside them (``Ministry of Land, Infrastructure and
Transport``, ``Embassy of the Republic of Korea in Georgia``) and stops at a possessive, at an
honorific that opens the next name, or before a month.
"""

from __future__ import annotations

from kogloss.extract.gazetteer import is_place
from kogloss.extract.lexicon import (
    HONORIFICS,
    MONTHS_AND_DAYS,
    ORG_HEADS,
    ORG_TAILS,
    PLACE_TAILS,
    TERM_TAILS,
    TITLE_HEADS,
    words,
)
from kogloss.extract.titles import has_title_head
from kogloss.extract.tokens import Token, is_acronym

_LOWER_PLACE_TAILS = frozenset(("peninsula", "peninsular"))
_TAKES_COMPLEMENT = (
    ORG_HEADS
    | ORG_TAILS
    | TITLE_HEADS
    | PLACE_TAILS
    | words("Republic Kingdom Commonwealth Federation General Minister")
)


def run_end(tokens: list[Token], start: int) -> int:
    """End (exclusive) of the run of capitalised words starting at ``start``."""
    end = start + 1
    while end < len(tokens):
        token = tokens[end]
        if token.text in HONORIFICS and tokens[end - 1].text not in HONORIFICS:
            break
        if token.is_word and token.is_capitalised:
            end += 1
            continue
        if token.text in _LOWER_PLACE_TAILS:
            end += 1
            break
        if token.text in ("’s", "'s"):
            break
        run = tokens[start:end]
        allowed = {"of", "for", "and", "the", "&", "de"}
        if has_title_head(run):
            allowed |= {"to"}
        if any(word.text in ("Embassy", "Consulate") for word in run):
            allowed |= {"in"}
        if run[-1].text in ORG_TAILS:
            allowed |= {"on"}
        if token.text == "(" and end + 2 < len(tokens) and tokens[end + 2].text == ")":
            if run[-1].text in TITLE_HEADS and tokens[end + 1].is_capitalised:
                end += 3
                continue
            break
        if token.text == "," and _list_follows(tokens, end, run):
            end += 1
            continue
        if token.text in allowed:
            following = end
            while following < len(tokens) and tokens[following].text in allowed:
                following += 1
            if (
                following < len(tokens)
                and tokens[following].is_word
                and tokens[following].is_capitalised
                and tokens[following].text not in MONTHS_AND_DAYS
            ):
                end = following
                continue
        break
    return end


def _list_follows(tokens: list[Token], comma: int, run: list[Token]) -> bool:
    """After "Ministry of Land" or "Deputy Minister of Education": a list of capitalised
    words closed by "and" ("Infrastructure and Transport") continues the name."""
    heads = ORG_HEADS | TITLE_HEADS
    if not any(
        token.text in heads and index + 1 < len(run) and run[index + 1].text in ("of", "for")
        for index, token in enumerate(run)
    ):
        return False
    position = comma
    while position < len(tokens) and tokens[position].text == ",":
        position += 1
        words = 0
        while position < len(tokens) and tokens[position].is_capitalised:
            position += 1
            words += 1
        if words == 0 or words > 2:
            return False
    return (
        position + 1 < len(tokens)
        and tokens[position].text == "and"
        and tokens[position + 1].is_capitalised
    )


def split_run(tokens: list[Token], start: int, end: int) -> list[tuple[int, int]]:
    """Split a run into names: at "and the"; at an "of" that no head word before it takes
    ("Relocation of the Korea Visa Application Centre"); at an "and" between two complete
    names ("Seoul and Baku", "Tbilisi State University and Ilia State University") but not
    inside one ("Ministry of Trade, Industry and Energy", "Red Cross and Red Crescent
    Societies", "Committee for Refugees and IDPs")."""
    for index in range(start + 1, end - 1):
        word = tokens[index].text
        if word == "and" and tokens[index + 1].text == "the":
            return split_run(tokens, start, index) + split_run(tokens, index + 2, end)
        if word in ("of", "for", "on") and not any(
            token.text in _TAKES_COMPLEMENT for token in tokens[start:index]
        ):
            return [(start, index), *split_run(tokens, index + 1, end)]
    parts = []
    part_start = start
    for index in range(start, end):
        if tokens[index].text in ("and", "&", ",") and _splits_at(tokens, part_start, index, end):
            if index > part_start:
                parts.append((part_start, index))
            part_start = index + 1
            while part_start < end and tokens[part_start].text == "the":
                part_start += 1
    if part_start < end:
        parts.append((part_start, end))
    return parts


def _splits_at(tokens: list[Token], start: int, index: int, end: int) -> bool:
    before = tokens[start:index]
    after = tokens[index + 1 : end]
    if not before or not after:
        return True
    last = before[-1].text
    if last in ORG_TAILS or (is_acronym(last) and not last.endswith("s")):
        return True
    if is_place(" ".join(token.text for token in before), major_only=True):
        return True
    if len(after) == 1 and is_acronym(after[0].text) and not after[0].text.endswith("s"):
        return True
    if (
        is_place(last, major_only=True)
        and after[-1].text in ORG_TAILS
        and not any(token.text == "of" for token in after)
    ):
        return True  # "... of Georgia and Tbilisi State University"
    heads = ORG_HEADS | ORG_TAILS | TITLE_HEADS | TERM_TAILS
    return not any(token.text in heads for token in tokens[start:end])
