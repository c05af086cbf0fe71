"""Place names: pycountry's countries and subdivisions, plus the lexicon's own list.

pycountry (a well-kept package of ISO 3166 data, no downloads) spells countries the English
way ("Kyrgyzstan", official name "Kyrgyz Republic") but subdivisions in their local
romanisation ("Seoul-teukbyeolsi", "Almaty oblysy"); both are reduced to the forms an English
release writes, and generic words ("Central", "Capital") are left out so a lone capitalised
word is never a place merely because some country has a province of that name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pycountry

from kogloss.extract.lexicon import DEMONYMS, FUNCTION_WORDS, MONTHS_AND_DAYS, PLACES, words

# Korean and Central Asian administrative suffixes that English releases drop.
_ADMIN_SUFFIX = re.compile(
    r"(?:-(?:teukbyeolsi|gwangyeoksi|teukbyeoljachido|teukbyeoljachisi|do|si|gun|gu)"
    r"| (?:oblysy|oblasty|oblast|viloyati|viloyat|province|region|city|shahri|wiloýaty))$",
    re.IGNORECASE,
)
_GENERIC = words("""
    Central Capital North South East West Northern Southern Eastern Western Centre Center Coast
    Lakes Islands Upper Lower Nord Sud Est Ouest Littoral Mountain Plateau Valley Sea Atlantic
    Pacific Border Interior River Island Greater Middle Orange Western Federal Union Estuary
    National District Region Province Lake Highlands Copperbelt Luxembourg Georgia
    """)


def _ascii_fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _usable(name: str) -> bool:
    return (
        len(name) >= 4
        and name.isascii()
        and name[0].isupper()
        and name not in FUNCTION_WORDS
        and name not in MONTHS_AND_DAYS
        and name not in DEMONYMS
        and not re.search(r"[,()]", name)
    )


def _country_names() -> set[str]:
    names: set[str] = set()
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value and _usable(value):
                names.add(value)
    return names


def _subdivision_names() -> set[str]:
    names: set[str] = set()
    for subdivision in pycountry.subdivisions:
        folded = _ascii_fold(subdivision.name)
        base = _ADMIN_SUFFIX.sub("", folded)
        for name in {folded, base}:
            if _usable(name) and name not in _GENERIC:
                names.add(name)
    return names


@lru_cache(maxsize=1)
def major_place_names() -> frozenset[str]:
    """Countries and the lexicon's cities and regions: safe even at the start of a sentence."""
    extra = {"Korea", "Republic of Korea", "Democratic People’s Republic of Korea", "Georgia"}
    return frozenset(_country_names() | PLACES | extra)


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Every place name the gazetteer knows, subdivisions included."""
    return major_place_names() | frozenset(_subdivision_names())


def is_place(name: str, major_only: bool = False) -> bool:
    """True when ``name`` is a known place; ``major_only`` leaves out the thousands of
    subdivision names, some of which are English words ("Bar", "Delta")."""
    return name in (major_place_names() if major_only else place_names())
