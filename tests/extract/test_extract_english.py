"""Cases the development releases taught the English side, checked on those releases."""

from __future__ import annotations

from extract_support import GOLD, ROOT, candidates_of, find

DEV = ROOT / "tests" / "data" / "align"
HELDOUT = GOLD / "heldout"


def test_numbered_levels_are_no_places() -> None:
    candidates = candidates_of(DEV / "r10.en.txt")
    assert "Level" not in {c.en for c in candidates}
    find(candidates, "Amhara Region", "place")


def test_a_surname_two_persons_share_is_no_candidate() -> None:
    candidates = candidates_of(DEV / "r08.en.txt")
    persons = {c.en for c in candidates if c.type == "person"}
    assert "Kim" not in persons
    assert {"Kim Chang-gyu", "Kim Chang-kyu"} <= persons  # the release spells him both ways


def test_plural_acronym_introduces_the_singular() -> None:
    candidates = candidates_of(DEV / "r08.en.txt")
    idp = [c for c in candidates if c.abbr == "IDP"]
    assert len(idp) == 1 and idp[0].type == "acronym"


def test_region_list_names_each_place() -> None:
    candidates = candidates_of(DEV / "r08.en.txt")
    find(candidates, "Zangilan", "place")
    find(candidates, "Fuzuli", "place")
    assert "Fuzuli Regions" not in {c.en for c in candidates}


def test_titles_open_with_their_own_words() -> None:
    for path in (DEV / "r01.en.txt", HELDOUT / "embassy_astana_flood_relief.txt"):
        for candidate in candidates_of(path):
            if candidate.type == "title":
                assert not candidate.en.startswith(("to ", "Outcome")), candidate.en
    find(
        candidates_of(HELDOUT / "embassy_astana_flood_relief.txt"),
        "First Deputy Minister of Foreign Affairs",
        "title",
    )


def test_currency_codes_are_no_acronyms() -> None:
    candidates = candidates_of(DEV / "r09.en.txt")
    assert not [c for c in candidates if c.type == "acronym" and c.en in ("USD", "US dollar")]
