"""The matching index on real releases: the seeds' variants, wrapped terms, Korean particles."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
import yaml

from kogloss.document import load_document
from kogloss.errors import InputError
from kogloss.glossary import Entry, Glossary, TermIndex, Variant, load_glossary
from tests.conftest import APA_SEED, DATA, MOFA_SEED, ROOT

ALIGN = DATA / "align"


@pytest.fixture(scope="module")
def project_index() -> TermIndex:
    return TermIndex(load_glossary(ROOT / "glossary"))


def _glossary(*entries: Entry) -> Glossary:
    return Glossary(list(entries), [])


def test_seed_variants_found_where_the_text_has_them(project_index: TermIndex) -> None:
    text = load_document(str(APA_SEED)).text
    matches = project_index.find_english(text)
    peninsular = [m for m in matches if m.matched == "Korean Peninsular"]
    assert len(peninsular) == text.count("Korean Peninsular") == 3
    assert all(m.form == "variant" and m.entry.en == "Korean Peninsula" for m in peninsular)
    for match in matches:
        assert text[match.start : match.end] == match.matched
    hamgyung = [m for m in matches if m.matched == "North Hamgyung Province"]
    assert hamgyung and hamgyung[0].form == "variant"


def test_kyrgyz_pattern_finds_the_country_misnamed_in_the_mofa_seed(
    project_index: TermIndex,
) -> None:
    text = load_document(str(MOFA_SEED)).text
    kyrgyz = [m for m in project_index.find_english(text) if m.form == "pattern"]
    misnamed = {text[m.start - 9 : m.end] for m in kyrgyz if m.entry.en == "Kyrgyz Republic"}
    assert "Bishkek, Kyrgyz" in misnamed
    # "the Kyrgyz Republic" and "Kyrgyzstan" are right and never reported
    assert all(text[m.start : m.end + 9] != "Kyrgyz Republic" for m in kyrgyz)


def test_matches_are_in_order_and_do_not_overlap(project_index: TermIndex) -> None:
    for path in sorted((ROOT / "samples").glob("*.txt")):
        matches = project_index.find_english(load_document(str(path)).text)
        for before, after in itertools.pairwise(matches):
            assert before.end <= after.start


def test_wrapped_and_double_spaced_terms_still_match() -> None:
    entry = Entry(en="Korean Peninsula", variants=[Variant(text="Korean Peninsular")])
    index = TermIndex(_glossary(entry))
    text = (
        "peace on the Korean\nPeninsular and the Korean  Peninsula, and the Korean\n  Peninsula."
        "\nA heading ending in Korean\n\nPeninsula starts a paragraph: two places, no term."
    )
    matches = index.find_english(text)
    assert [(m.form, m.matched) for m in matches] == [
        ("variant", "Korean\nPeninsular"),
        ("en", "Korean  Peninsula"),
        ("en", "Korean\n  Peninsula"),
    ]
    assert [text[m.start : m.end] for m in matches] == [m.matched for m in matches]


def test_word_boundaries_and_case_rules() -> None:
    korea = Entry(en="Korea", variants=[Variant(text="Corea")])
    mou = Entry(en="memorandum of understanding", abbr="MOU", case_sensitive=False)
    index = TermIndex(_glossary(korea, mou))
    text = "Koreans signed a Memorandum of Understanding (MOU) with Korea; mou and KOREA."
    found = [(m.matched, m.form) for m in index.find_english(text)]
    assert found == [
        ("Memorandum of Understanding", "en"),
        ("MOU", "abbr"),
        ("Korea", "en"),
    ]


def test_longest_match_wins_and_nested_matches_on_request() -> None:
    minister = Entry(en="Vice Minister", type="title")
    first = Entry(en="First Vice Minister of Foreign Affairs", type="title")
    index = TermIndex(_glossary(minister, first))
    text = "First Vice Minister of Foreign Affairs Kim met Vice Minister Lee."
    assert [m.matched for m in index.find_english(text)] == [
        "First Vice Minister of Foreign Affairs",
        "Vice Minister",
    ]
    nested = [m.matched for m in index.find_english(text, nested=True)]
    assert nested == ["First Vice Minister of Foreign Affairs", "Vice Minister", "Vice Minister"]


def test_partly_overlapping_terms_settle_longest_first() -> None:
    minister = Entry(en="Minister of Foreign Affairs", type="title")
    committee = Entry(en="Foreign Affairs Committee", type="org")
    seoul = Entry(en="Seoul", type="place")
    index = TermIndex(_glossary(minister, committee, seoul))
    text = (
        "Seoul: the Minister of Foreign Affairs Committee met in Seoul; "
        "the Foreign Affairs Committee of Seoul and the Vice Minister of Foreign Affairs Committee."
    )
    assert [m.matched for m in index.find_english(text)] == [
        "Seoul",
        "Minister of Foreign Affairs",
        "Seoul",
        "Foreign Affairs Committee",
        "Seoul",
        "Minister of Foreign Affairs",
    ]


def test_case_rules_hold_for_letters_whose_lower_case_depends_on_context() -> None:
    # Σ lowers to ς at a word's end and to σ before a letter: matched as written
    odysseus = Entry(en="ΟΔΥΣΣΕΥΣ", type="person")
    index = TermIndex(_glossary(odysseus))
    text = "ΟΔΥΣΣΕΥΣ'S ship, not οδυσσευς, ΟΔΥΣΣΕΥΣ."
    assert [m.start for m in index.find_english(text)] == [0, text.rindex("Ο")]


def test_matches_are_hashable_values() -> None:
    index = TermIndex(_glossary(Entry(en="Korea", variants=[Variant(text="Corea")])))
    first, second = index.find_english("Korea and Corea")
    assert len({first, second, index.find_english("Korea")[0]}) == 2
    assert first == index.find_english("Korea and Corea")[0]
    assert (first.start, first.end, first.form, first.variant, first.particle) == (
        0,
        5,
        "en",
        None,
        "",
    )


def test_an_exact_case_variant_beats_a_case_insensitive_preferred_form() -> None:
    entry = Entry(en="Government", case_sensitive=False, variants=[Variant(text="GOVERNMENT")])
    index = TermIndex(_glossary(entry))
    assert [m.form for m in index.find_english("the government and the GOVERNMENT")] == [
        "en",
        "variant",
    ]


def test_statuses_select_the_entries() -> None:
    old = Entry(en="Ministry of Foreign Affairs and Trade", status="deprecated")
    new = Entry(en="Ministry of Foreign Affairs", status="approved")
    text = "the Ministry of Foreign Affairs and Trade"
    default = TermIndex(_glossary(old, new)).find_english(text)
    assert [m.matched for m in default] == ["Ministry of Foreign Affairs"]
    every = TermIndex(_glossary(old, new), statuses=("approved", "deprecated"))
    assert [m.matched for m in every.find_english(text)] == [text[4:]]


def _align_pairs() -> list[Path]:
    return sorted(ALIGN.glob("r*.terms.yaml"))


@pytest.mark.parametrize("terms_path", _align_pairs(), ids=lambda p: p.name.split(".")[0])
def test_every_term_of_the_aligned_releases_is_found_in_both_languages(terms_path: Path) -> None:
    """The gold files list each pair's terms with the exact surface forms of its two texts."""
    terms = yaml.safe_load(terms_path.read_text(encoding="utf-8"))
    entries = [Entry(en=t["en"], ko=t["ko"], type=t["type"]) for t in terms]
    index = TermIndex(_glossary(*entries))
    stem = terms_path.name.split(".")[0]
    korean = load_document(str(ALIGN / f"{stem}.ko.txt")).text
    english = load_document(str(ALIGN / f"{stem}.en.txt")).text
    found_ko = {m.entry.ko for m in index.find_korean(korean, nested=True)}
    found_en = {m.entry.en for m in index.find_english(english, nested=True)}
    assert {e.ko for e in entries} - found_ko == set()
    assert {e.en for e in entries} - found_en == set()


def test_korean_particles_attach_and_longer_nouns_do_not_match() -> None:
    bishkek = Entry(en="Bishkek", ko="비슈케크", type="place")
    korea = Entry(en="Korea", ko="한국", type="place")
    vice = Entry(en="First Vice Minister of Foreign Affairs", ko="외교부 제1차관", type="title")
    index = TermIndex(_glossary(bishkek, korea, vice))
    text = (
        "외교부제1차관은 비슈케크에서 한국의 입장을 설명하고 "
        "한국가스공사와 주비슈케크 대사관을 찾았다."
    )
    found = [(m.matched, m.particle) for m in index.find_korean(text)]
    assert found == [
        ("외교부제1차관", "은"),
        ("비슈케크", "에서"),
        ("한국", "의"),
        ("비슈케크", ""),
    ]


def test_korean_terms_in_a_real_release_with_particles() -> None:
    text = load_document(str(ALIGN / "r01.ko.txt")).text
    index = TermIndex(_glossary(Entry(en="Bishkek", ko="비슈케크")))
    matches = index.find_korean(text)
    assert len(matches) == len(re.findall("비슈케크", text))
    assert "에서" in {m.particle for m in matches}


def test_a_runaway_pattern_stops_at_its_time_limit() -> None:
    entry = Entry(
        en="Korean Peninsula",
        variants=[Variant(pattern=r"(\s|\s\s)+Peninsular", message="runaway")],
        path="places.yaml",
        line=7,
    )
    index = TermIndex(_glossary(entry), pattern_timeout=0.2)
    with pytest.raises(InputError) as raised:
        index.find_english(" " * 60 + "! Peninsular")
    assert raised.value.path == "places.yaml" and raised.value.line == 7
