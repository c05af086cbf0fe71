"""Official titles and the persons they belong to.

Releases write a title in front of a name (``First Vice Minister of Foreign Affairs Kim
Kyou-hyun``, ``Vice Minister Kim``, ``Deputy Prime Minister Djoomart Otorbaev of Kyrgyz``) or
after it, set off by a comma (``H.E. Mr. Ogtay Asadov, Speaker of the Azerbaijan National
Assembly``; ``Park Joo-sun, vice president of the ROK parliament``). The title and the name
are separate glossary entries, linked to each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from kogloss.extract.gazetteer import is_place
from kogloss.extract.lexicon import HONORIFICS, TITLE_HEADS, TITLE_MODIFIERS, words
from kogloss.extract.tokens import (
    KOREAN_SURNAME,
    Token,
    is_korean_name,
    is_name_word,
    is_title_word,
)

# Lower-case title words allowed after a name and its comma.
_LOWER_TITLE_WORDS = frozenset(word.casefold() for word in TITLE_HEADS | TITLE_MODIFIERS)
# Lower-case nouns that may close the complement of a lower-case title.
_LOWER_ORG_NOUNS = words("parliament government ministry assembly council committee")
_PLURAL_HEADS = words(
    "Ministers Ambassadors Delegates Representatives Secretaries Directors Consuls"
)
_MAX_NAME_WORDS = 3


@dataclass(frozen=True)
class TitleParse:
    """Token index ranges ``[start, end)`` inside one run."""

    title: tuple[int, int]
    name: tuple[int, int] | None
    rest: int  # first token not consumed (an "and" before another title, an affiliation)


def has_title_head(tokens: list[Token]) -> bool:
    return any(token.text in TITLE_HEADS for token in tokens)


def is_plural_title(tokens: list[Token]) -> bool:
    """A plural head ("Vice Foreign Ministers") names no one; "Deputy Chairman of the Cabinet
    of Ministers" has a plural only in its complement."""
    for token in tokens:
        if token.text in _PLURAL_HEADS:
            return True
        if token.text in TITLE_HEADS:
            return False
    return False


def _name_at(tokens: list[Token], index: int, common: frozenset[str]) -> int:
    """End of the name starting at ``index`` (``index`` itself when there is none)."""
    if index + 1 < len(tokens) and is_korean_name(tokens[index].text, tokens[index + 1].text):
        return index + 2
    end = index
    while (
        end < len(tokens)
        and end - index < _MAX_NAME_WORDS
        and is_name_word(tokens[end].text, common)
    ):
        end += 1
    if end == index == len(tokens) - 1 and _bare_surname(tokens[index].text):
        return index + 1  # "Vice Minister Park": a surname that is also an English word
    return end


def _bare_surname(word: str) -> bool:
    return bool(KOREAN_SURNAME.match(word)) and not is_title_word(word) and not is_place(word)


def _name_suffix(tokens: list[Token], start: int, end: int, common: frozenset[str]) -> int:
    """Start of a name that closes ``tokens[start:end]`` (``end`` when none does)."""
    if end - start >= 3 and is_korean_name(tokens[end - 2].text, tokens[end - 1].text):
        return end - 2
    begin = end
    while (
        begin > start + 1
        and end - begin < _MAX_NAME_WORDS
        and is_name_word(tokens[begin - 1].text, common)
    ):
        begin -= 1
    if begin < end and tokens[begin - 1].is_connector:
        return end  # "Minister of Trade and Integration": the complement, not a name
    return begin


def parse_title(tokens: list[Token], common: frozenset[str]) -> TitleParse | None:
    """A title (and the name after it) at the start of a run of capitalised words."""
    heads = [index for index, token in enumerate(tokens) if token.text in TITLE_HEADS]
    if not heads:
        return None
    head = heads[0]
    # the title opens after the last small word before its head: "Outcome of First Vice
    # Minister ..." is a headline around the title, "UN Secretary-General" a title
    opening = max((i + 1 for i in range(head) if tokens[i].is_connector), default=0)
    index = head + 1
    # Coordinated titles: "Spokesperson and Deputy Minister", "Deputy Prime Minister and
    # Minister of Foreign Affairs".
    while index + 1 < len(tokens) and tokens[index].text == "and":
        following = index + 1
        while following < len(tokens) and tokens[following].text in TITLE_MODIFIERS:
            following += 1
        if following < len(tokens) and tokens[following].text in TITLE_HEADS:
            index = following + 1
        else:
            break
    if index + 2 < len(tokens) and tokens[index].text == "(" and tokens[index + 2].text == ")":
        index += 3  # Khokim (Governor)
    if index < len(tokens) and tokens[index].text in ("of", "for", "to"):
        stop = _complement_end(tokens, index)
        name_start = _name_suffix(tokens, index + 1, stop, common)
        if name_start < stop:
            return TitleParse((opening, name_start), (name_start, stop), stop)
        return TitleParse((opening, stop), None, stop)
    name_end = _name_at(tokens, index, common)
    if name_end > index:
        return TitleParse((opening, index), (index, name_end), name_end)
    return TitleParse((opening, index), None, index)


def _complement_end(tokens: list[Token], index: int) -> int:
    """End of "of ... / for ... / to ..." after a title head: up to a second coordinated
    title ("... and the Director-General ...") or the end of the run."""
    position = index + 1
    while position < len(tokens):
        token = tokens[position]
        if token.text == "and":
            after = position + 1
            if after < len(tokens) and tokens[after].text == "the":
                return position
            if after < len(tokens) and tokens[after].text in TITLE_MODIFIERS | TITLE_HEADS:
                return position
        position += 1
    return position


def lower_title_after(tokens: list[Token], index: int) -> int:
    """End of a lower-case appositive title starting at ``index`` ("vice president of the
    ROK parliament"); ``index`` when there is none."""
    position = index
    if position < len(tokens) and tokens[position].text in ("former", "the"):
        position += 1
    start = position
    while position < len(tokens) and tokens[position].text.casefold() in _LOWER_TITLE_WORDS:
        position += 1
    if position == start or not any(
        tokens[i].text.casefold() in {h.casefold() for h in TITLE_HEADS}
        for i in range(start, position)
    ):
        return index
    end = position
    while position < len(tokens) and tokens[position].text in ("of", "for", "to"):
        position += 1
        while position < len(tokens) and tokens[position].text == "the":
            position += 1
        words = position
        while position < len(tokens) and (
            tokens[position].is_capitalised or tokens[position].text in _LOWER_ORG_NOUNS
        ):
            position += 1
        if position == words:
            break
        end = position
    return end


def honorific_prefix(tokens: list[Token]) -> int:
    """How many leading tokens are titles of address (``H.E. Mr.``)."""
    count = 0
    while count < len(tokens) and tokens[count].text in HONORIFICS:
        count += 1
    return count
