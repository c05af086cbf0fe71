"""Every title, person and place an editor finds in the two seed releases is proposed
(shared/seeds/README.md), with titles linked to their persons."""

from __future__ import annotations

import pytest
from extract_support import APA_SEED, MOFA_SEED, candidates_of, find

APA_TITLES_AND_PERSONS = [
    ("Ambassador of the Republic of Korea to Azerbaijan", "Kim Chang-gyu"),
    ("Speaker of the Azerbaijan National Assembly", "Ogtay Asadov"),
    ("vice president of the ROK parliament", "Park Joo-sun"),
    ("Chairman of State Committee for Refugees and IDPs", "Ali Hasanov"),
]
MOFA_TITLES_AND_PERSONS = [
    ("First Vice Minister of Foreign Affairs", "Kim Kyou-hyun"),
    ("Deputy Prime Minister", "Djoomart Otorbaev"),
    ("Foreign Minister", "Abdyldaev"),
    ("Kyrgyz President", "Rosa Otunbaeva"),
]
APA_PLACES = [
    "Baku", "Tbilisi", "Kars", "Gabala", "Seoul", "Punggye-ri", "Gilju",
    "North Hamgyung Province", "Zangilan", "Khojavand", "Barda", "Fuzuli", "Bilasuvar",
    "Heydar Aliyev Palace", "Eurasia", "Baku-Tbilisi-Kars railway",
]  # fmt: skip
MOFA_PLACES = ["Bishkek", "Central Asia", "Eurasia"]


@pytest.mark.parametrize(("title", "person"), APA_TITLES_AND_PERSONS)
def test_interview_titles_are_linked_to_their_persons(title: str, person: str) -> None:
    candidates = candidates_of(APA_SEED)
    assert person in find(candidates, title, "title").links
    assert title in find(candidates, person, "person").links


@pytest.mark.parametrize(("title", "person"), MOFA_TITLES_AND_PERSONS)
def test_release_titles_are_linked_to_their_persons(title: str, person: str) -> None:
    candidates = candidates_of(MOFA_SEED)
    assert person in find(candidates, title, "title").links
    assert title in find(candidates, person, "person").links


def test_short_form_names_the_same_person() -> None:
    candidates = candidates_of(MOFA_SEED)
    kim = find(candidates, "Kim Kyou-hyun", "person")
    assert "Vice Minister Kim" in kim.short_forms
    assert kim.count == 8  # one full mention and seven "Vice Minister Kim"
    assert not [c for c in candidates if c.type == "person" and c.en == "Kim"]
    otorbaev = find(candidates, "Djoomart Otorbaev", "person")
    assert "Deputy Prime Minister Otorbaev" in otorbaev.short_forms


def test_signature_title_is_proposed() -> None:
    find(
        candidates_of(MOFA_SEED),
        "Spokesperson and Deputy Minister for Public Relations of MOFA",
        "title",
    )


@pytest.mark.parametrize("place", APA_PLACES)
def test_interview_places(place: str) -> None:
    find(candidates_of(APA_SEED), place, "place")


@pytest.mark.parametrize("place", MOFA_PLACES)
def test_release_places(place: str) -> None:
    find(candidates_of(MOFA_SEED), place, "place")


def test_five_central_asian_countries_are_places() -> None:
    candidates = candidates_of(MOFA_SEED)
    for country in ("Uzbekistan", "Kazakhstan", "Turkmenistan"):
        find(candidates, country, "place")


def test_interview_persons_without_titles_and_former_titles() -> None:
    candidates = candidates_of(APA_SEED)
    find(candidates, "Chung Hyun-bak", "person")
    assert "UN Secretary-General" in find(candidates, "Ban Ki-moon", "person").links


def test_organisations_named_in_the_issue() -> None:
    apa, mofa = candidates_of(APA_SEED), candidates_of(MOFA_SEED)
    find(apa, "State Committee for Refugees and IDPs", "org")
    find(apa, "Azerbaijan National Assembly", "org")
    find(mofa, "Korea Forest Service", "org")
    find(mofa, "Ministry of Land, Infrastructure and Transport", "org")
    find(mofa, "Ministry of Trade, Industry and Energy", "org")


def test_spelling_variants_fold_into_one_candidate() -> None:
    candidates = candidates_of(APA_SEED)
    peninsula = find(candidates, "Korean Peninsula", "place")
    assert set(peninsula.variants) == {"Korean Peninsular", "Korean peninsula"}
    assert peninsula.count == 4
    eximbank = find(candidates, "Korea Eximbank", "org")
    assert eximbank.variants == ["Korean Eximbank"]


def test_acronym_with_expansion_counts_its_later_uses() -> None:
    dprk = find(candidates_of(APA_SEED), "Democratic People’s Republic of Korea", "acronym")
    assert dprk.abbr == "DPRK"
    assert dprk.count == 4  # the introduction and three later "DPRK"


def test_example_sentence_and_position() -> None:
    candidate = find(candidates_of(APA_SEED), "Heydar Aliyev Palace", "place")
    assert "Sori and Mugham Joint Concert" in candidate.example
    assert candidate.example_path.endswith("apa_interview_ambassador_azerbaijan.txt")
    lines = APA_SEED.read_text(encoding="utf-8").splitlines()
    line = lines[candidate.example_line - 1]
    column = candidate.example_column - 1
    assert line[column : column + len("Heydar Aliyev Palace")] == "Heydar Aliyev Palace"


def test_boilerplate_is_no_source() -> None:
    """The "Related news releases" block and the Korean menu lines propose nothing."""
    apa_text = " ".join(c.en for c in candidates_of(APA_SEED))
    assert "French" not in apa_text and "USD" not in apa_text
    for candidate in candidates_of(MOFA_SEED) + candidates_of(APA_SEED):
        assert not any("\uac00" <= char <= "\ud7a3" for char in candidate.en)
        assert "Press Releases" not in candidate.example
