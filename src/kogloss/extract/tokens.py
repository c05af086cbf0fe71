"""Word tokens of an English sentence, with offsets, and the tests every pattern shares.

Names in releases carry dots (``H.E.``, ``U.S.``), hyphens (``Kim Kyou-hyun``,
``Punggye-ri``) and curly apostrophes (``People’s``); a possessive ``’s`` closes a name, so it
becomes a token of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kogloss.extract.gazetteer import is_place
from kogloss.extract.lexicon import (
    DEMONYMS,
    FUNCTION_WORDS,
    HONORIFICS,
    MONTHS_AND_DAYS,
    NAME_CONNECTORS,
    ORG_TAILS,
    PLACE_TAILS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    words,
)

_TOKEN = re.compile(
    r"H\.E\.|Mrs?\.|Ms\.|Dr\.|Prof\.|(?:[A-Z]\.){2,}"
    r"|[^\W\d_]\w*(?:[-’'][^\W_]\w*)*"
    r"|\d[\d,.]*[^\W\d_]*"
    r"|[^\s\w]"
)
_POSSESSIVE = re.compile(r"[’']s$")
# A Korean given name as English releases hyphenate it: Kyou-hyun, Joo-sun, Ki-moon.
KOREAN_GIVEN = re.compile(r"^[A-Z][a-z]{1,5}-[a-z]{1,5}$")
KOREAN_SURNAME = re.compile(r"^[A-Z][a-z]{1,4}$")
ACRONYM = re.compile(r"^(?:[A-Z][A-Z0-9&]{1,7}s?|(?:[A-Z]\.){2,})$")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def is_capitalised(self) -> bool:
        return self.text[0].isupper() or self.text in HONORIFICS

    @property
    def is_connector(self) -> bool:
        return self.text in NAME_CONNECTORS


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of ``text``; offsets are ``offset`` plus the position in ``text``."""
    tokens = []
    for match in _TOKEN.finditer(text):
        word = match.group(0)
        start = offset + match.start()
        possessive = _POSSESSIVE.search(word)
        if possessive and word not in ("People’s", "People's") and len(word) > 2:
            cut = possessive.start()
            tokens.append(Token(word[:cut], start, start + cut))
            tokens.append(Token(word[cut:], start + cut, start + len(word)))
        else:
            tokens.append(Token(word, start, start + len(word)))
    return tokens


def is_acronym(word: str) -> bool:
    return bool(ACRONYM.match(word)) and not any(char.isdigit() for char in word)


def is_title_word(word: str) -> bool:
    return word in TITLE_HEADS or word in TITLE_MODIFIERS


def is_korean_name(surname: str, given: str) -> bool:
    """``Kim Kyou-hyun``: a short capitalised surname and a hyphenated given name."""
    return (
        bool(KOREAN_SURNAME.match(surname))
        and bool(KOREAN_GIVEN.match(given))
        and surname not in FUNCTION_WORDS
        and not is_title_word(surname)
    )


def is_name_word(word: str, common_words: frozenset[str] = frozenset()) -> bool:
    """Could ``word`` be part of a person's name? Not a title word, a place or organisation
    head, an acronym, a month, a demonym or a word the document also writes in lower case."""
    return (
        word[:1].isupper()
        and word not in HONORIFICS
        and not is_title_word(word)
        and word not in ORG_TAILS
        and word not in PLACE_TAILS
        and word not in FUNCTION_WORDS
        and word not in MONTHS_AND_DAYS
        and word not in DEMONYMS
        and word not in COMPLEMENT_WORDS
        and not is_acronym(word)
        and word.casefold() not in common_words
        and not is_place(word)
    )


# Words of title complements ("of Foreign Affairs", "for Public Relations") that are not
# names, even when a document never writes them in lower case.
COMPLEMENT_WORDS = words("""
    Affairs Relations Trade Industry Energy Economy Integration Finance Unification Public
    Education Science Culture Sport Sports Health Labor Labour Justice Interior Agriculture
    Environment Transport Transportation Infrastructure Land Oil Gas Refugees IDPs Security
    Peace Defense Defence Development Cooperation Investment Strategy Planning Policy National
    Republic Kingdom Federation Communications Information Technology Welfare Family Gender
    Equality Employment Maritime Fisheries Tourism Resources Emergency Situations Protocol
    Legal International Multilateral Bilateral Consular Assembly Parliament Government
    """)
