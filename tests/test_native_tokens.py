"""The C accelerator kogloss._native.tokens against the Python it mirrors: acronym_uses against
acronyms._acronym_uses, doubled_word_starts against repetition._doubled_word_starts, on
generated text and on the samples, the test data and the seeds; and the acronym rule's first
uses, from either, against the loop over every match as first written."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kogloss._native import load
from kogloss.check import acronyms
from kogloss.check.acronyms import (
    _ACRONYM,
    HEADLINE_UPPER_SHARE,
    MAX_ACRONYM_LETTERS,
    _acronym_uses,
    _case_bytes,
    _first_uses,
    _in_headline,
    _introduces,
    _is_dateline,
    _is_shouted,
    _may_be_acronym,
)
from kogloss.check.context import CheckContext
from kogloss.check.repetition import _doubled_word_starts
from kogloss.document import collect_paths, load_document
from tests.conftest import REAL_FOLDERS

tokens = load("tokens")
needs_tokens = pytest.mark.skipif(
    tokens is None, reason="kogloss._native.tokens not built (or KOGLOSS_PURE_PYTHON set)"
)

# Pieces of releases around what the two scans look at: capitals, digits, "&", plural "s",
# hyphens, brackets and expansions, Roman numerals, shouted lines and datelines, doubled words
# across spaces, line breaks and case, apostrophes, the letters outside ASCII that fold to
# ASCII ones, other letters (Hangul, Greek, a capital Roman numeral that is no letter) and a
# character outside the BMP, so that every str kind comes up.
PIECES = st.sampled_from(
    [
        "ROK", "ROK-US", "ROKs", "ROKS", "KOICA", "ODA", "UN", "G20", "A&B", "AB&", "&", "A1s2",
        "COVID-19", "XIV", "MDC", "III", "VIP", "ABCDEFG", "KOREAs", "s", "S", "A", "I",
        "(ODA)", "Official Development Assistance (ODA)", "ODA (Official Development",
        "Assistance)", "(Official\n", "(", ")", " (", ") ", "PHOTO NOT FOR SALE", "THE",
        "SEOUL, Korea", "ALMATY,", ",", "EXCLUSIVE INTERVIEW", "the", "The", "THE", "to",
        "To", "that", "had", "don't", "don’t", "x'", "'", "’", "İs", "is", "ıs", "ſo", "so",
        "\u212aim", "kim", "Kim", "é", "É", "Ωmega", "Ⅰ", "가", "서울", "😀", "\u00a0", " ", "  ",
        "\t", "\n", "\n\n", ". ", ", ", "-", "1", "2024", "Korea", "mail", "e-mail",
    ]
)  # fmt: skip
# And character by character, from an alphabet of the characters that matter to either scan.
CHARACTERS = st.text(
    alphabet="ABCDIKMOSVXZabkist019&()-,.'’ \t\n\u00a0İıſ\u212aéΩⅠ가😀", max_size=60
)
# An acronym and what may follow it in brackets: an expansion, or not quite one.
BRACKETED = st.tuples(
    st.sampled_from(["ODA", "ROK", "", "Assistance", "(ODA"]),
    st.sampled_from(["", " ", "\n", "\t", "\u00a0"]),
    st.lists(st.sampled_from(["(", ")", "Official", "official", " ", "\n", "\u3000", "X"])),
).map(lambda parts: parts[0] + parts[1] + "".join(parts[2]))
TEXTS = (
    st.lists(PIECES | BRACKETED, max_size=40).map(" ".join)
    | st.lists(PIECES | BRACKETED, max_size=40).map("".join)
    | CHARACTERS
)

REAL_TEXTS = [
    load_document(path).text for path in collect_paths([str(folder) for folder in REAL_FOLDERS])
]


def _native_acronym_uses(text: str) -> list[tuple[str, int, int]]:
    assert tokens is not None
    uses: list[tuple[str, int, int]] = tokens.acronym_uses(
        text, MAX_ACRONYM_LETTERS, HEADLINE_UPPER_SHARE
    )
    return uses


def _same_scans(text: str) -> None:
    assert tokens is not None
    assert _native_acronym_uses(text) == list(_acronym_uses(text))
    assert tokens.doubled_word_starts(text) == list(_doubled_word_starts(text))


@needs_tokens
@settings(max_examples=1000, deadline=None)
@given(text=TEXTS)
def test_the_native_scans_find_what_the_python_finds(text: str) -> None:
    _same_scans(text)


@needs_tokens
@pytest.mark.parametrize(
    "text",
    [
        *("", "A", "AB", "ABs", "see ABs2", "AB,", "A\n", "the the", "the", "a a", "😀ROK"),
        "ROK (Korea)",
        *("ROK (Republic\n)", "ROK (Republic\nof\n)", "ROK (Republic\nof)", "ROK (Republic of\n)"),
    ],
)
def test_the_native_scans_at_the_edges(text: str) -> None:
    _same_scans(text)


@needs_tokens
@pytest.mark.skipif(not REAL_TEXTS, reason="no real releases found")
def test_the_native_scans_on_real_releases() -> None:
    for text in REAL_TEXTS:
        _same_scans(text)


@needs_tokens
def test_the_native_scans_take_only_a_str() -> None:
    assert tokens is not None
    with pytest.raises(TypeError):
        tokens.doubled_word_starts(b"the the")
    with pytest.raises(TypeError):
        tokens.acronym_uses(b"ROK", MAX_ACRONYM_LETTERS, HEADLINE_UPPER_SHARE)


def _plain_first_uses(
    text: str, allowed: set[str], context: CheckContext
) -> tuple[dict[str, tuple[int, int]], dict[str, int]]:
    """The rule's loop as first written: every match of _ACRONYM, in order."""
    first_use: dict[str, tuple[int, int]] = {}
    introduced: dict[str, int] = {}
    for match in _ACRONYM.finditer(_case_bytes(text)):
        acronym = text[match.start(1) : match.end(1)]
        if acronym in introduced or acronym in allowed or not _may_be_acronym(acronym):
            continue
        start = match.start()
        if _introduces(text, start, match.end()):
            introduced[acronym] = start
            continue
        if (
            acronym not in first_use
            and not _is_dateline(text, start, match.end())
            and not _in_headline(text, start)
            and not _is_shouted(text, start, context)
        ):
            first_use[acronym] = (start, start + len(acronym))
    return first_use, introduced


@pytest.mark.parametrize("native", [False, True], ids=["python", "native"])
@settings(max_examples=300, deadline=None)
@given(text=TEXTS, allowed=st.sets(st.sampled_from(["ROK", "UN", "ODA", "PHOTO", "AB"])))
def test_the_first_uses_are_those_of_the_loop_over_every_match(
    native: bool, text: str, allowed: set[str]
) -> None:
    if native and tokens is None:
        pytest.skip("kogloss._native.tokens not built (or KOGLOSS_PURE_PYTHON set)")
    saved = acronyms._TOKENS
    acronyms._TOKENS = tokens if native else None
    try:
        # a fresh context for each: the shouted runs are cached per document
        assert _first_uses(text, allowed, CheckContext()) == _plain_first_uses(
            text, allowed, CheckContext()
        )
    finally:
        acronyms._TOKENS = saved
