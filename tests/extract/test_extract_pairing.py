"""Korean forms paired with English candidates, measured on the align development set
(tests/data/align/rNN: Korean and English releases, gold links, and the true bilingual terms)."""

from __future__ import annotations

import json
from functools import cache

import pytest
import yaml
from extract_support import ROOT

from kogloss.document import load_document
from kogloss.extract.candidates import Candidate, aggregate
from kogloss.extract.corpus import add_korean_forms, english_mentions, extract_candidates
from kogloss.extract.gazetteer import major_place_names
from kogloss.extract.korean import analyser, noun_spans
from kogloss.extract.pairing import (
    AlignedUnit,
    _korean_name_forms,
    _title_beside,
    transliteration_similarity,
)
from kogloss.segment import line_segments

DEV = ROOT / "tests" / "data" / "align"
RELEASES = sorted(
    path.name.split(".")[0]
    for path in DEV.glob("r*.terms.yaml")
    if all((DEV / f"{path.name.split('.')[0]}.{part}").exists() for part in ("ko.txt", "en.txt"))
)
TARGET_TYPES = ("title", "person", "place")


@cache
def dev_candidates() -> tuple[Candidate, ...]:
    """All development releases in one run, as `kogloss extract` reads them with --lines."""
    pairs = [
        (load_document(str(DEV / f"{name}.ko.txt")), load_document(str(DEV / f"{name}.en.txt")))
        for name in RELEASES
    ]
    return tuple(extract_candidates([en for _, en in pairs], pairs, lines=True))


def matching_candidate(term: dict, release: str) -> tuple[Candidate | None, bool]:
    """The candidate for a gold term: same ``en`` (or acronym); else a longer form of it
    ("Deputy Prime Minister of Azerbaijan") or the full name of a surname ("Otorbaev"), whose
    Korean form must then contain the gold one. Returns (candidate, matched loosely)."""
    path = str(DEV / f"{release}.en.txt")
    mine = [
        c
        for c in dev_candidates()
        if path in c.seen_in
        and (c.type == term["type"] or (c.type == "acronym" and term["type"] in ("place", "org")))
    ]
    for candidate in mine:
        if term["en"] in (candidate.en, candidate.abbr):
            return candidate, False
    for candidate in mine:
        if (
            term["en"] in candidate.short_forms
            or candidate.en.startswith(term["en"] + " ")
            or (term["type"] == "person" and candidate.en.split()[-1] == term["en"])
        ):
            return candidate, True
    return None, False


def gold_terms(types: tuple[str, ...] = TARGET_TYPES) -> list[tuple[str, dict]]:
    terms = []
    for release in RELEASES:
        for term in yaml.safe_load((DEV / f"{release}.terms.yaml").read_text(encoding="utf-8")):
            if term["type"] in types:
                terms.append((release, term))
    return terms


def test_development_set_is_present() -> None:
    assert len(RELEASES) >= 10
    assert len(gold_terms()) >= 100


def test_korean_forms_paired_for_nine_in_ten_terms() -> None:
    """End to end: English extraction, alignment, Korean analysis, pairing."""
    right, wrong = 0, []
    for release, term in gold_terms():
        candidate, loose = matching_candidate(term, release)
        ko = candidate.ko if candidate else None
        if ko == term["ko"] or (loose and ko and term["ko"] in ko):
            right += 1
        else:
            wrong.append((release, term["en"], term["ko"], ko))
    total = right + len(wrong)
    assert right * 10 >= total * 9, f"{right}/{total}; wrong: {wrong}"


def test_organisations_paired_are_mostly_right() -> None:
    """Organisations are no target of the issue; when one gets a Korean form it should be
    the right one (a short form's abbreviation, 안보리 for Security Council, counts wrong)."""
    right = attempted = 0
    for release, term in gold_terms(("org",)):
        candidate, loose = matching_candidate(term, release)
        if candidate is None or candidate.ko is None:
            continue
        attempted += 1
        right += candidate.ko == term["ko"] or (loose and term["ko"] in candidate.ko)
    assert attempted >= 25
    assert right >= 0.85 * attempted, f"{right}/{attempted}"


def test_pairings_carry_method_and_confidence() -> None:
    paired = [c for c in dev_candidates() if c.ko is not None]
    assert paired
    for candidate in paired:
        assert candidate.ko_method
        assert candidate.confidence is not None and 0.0 <= candidate.confidence <= 1.0


def test_pairing_on_gold_alignments_is_as_good() -> None:
    """With the true links instead of the aligner's, pairing alone meets the target too."""
    documents, units = [], []
    for release in RELEASES:
        release_units, english = gold_units(release)
        units.extend(release_units)
        documents.append(english)
    mentions = english_mentions(documents)
    candidates = aggregate(mentions, major_place_names())
    add_korean_forms(candidates, mentions, units)
    by_path = {}
    for candidate in candidates:
        for path in candidate.seen_in:
            by_path.setdefault(path, {})[(candidate.type, candidate.en)] = candidate.ko
    right = total = 0
    for release, term in gold_terms():
        path = str(DEV / f"{release}.en.txt")
        ko = by_path.get(path, {}).get((term["type"], term["en"]))
        if ko is None:
            continue  # the English side reads this term under another form
        total += 1
        right += ko == term["ko"]
    assert total >= 70
    assert right * 10 >= total * 9, f"{right}/{total}"


def gold_units(release: str) -> tuple[list[AlignedUnit], object]:
    """Units from the gold links, to judge pairing apart from the aligner."""
    korean = load_document(str(DEV / f"{release}.ko.txt"))
    english = load_document(str(DEV / f"{release}.en.txt"))
    ko_segments, en_segments = line_segments(korean)[0], line_segments(english)[0]
    links = json.loads((DEV / f"{release}.gold.json").read_text(encoding="utf-8"))["links"]
    units = []
    for number, link in enumerate(links):
        if link["ko"] and link["en"]:
            text = " ".join(ko_segments[i].text for i in link["ko"])
            spans = [(en_segments[j].start, en_segments[j].end) for j in link["en"]]
            units.append(AlignedUnit((english.path, number), text, spans))
    return units, english


@pytest.mark.parametrize(
    ("korean", "english"),
    [("비슈케크", "Bishkek"), ("남카자흐스탄주", "South Kazakhstan Province"),
     ("헤이다르 알리예프 궁전", "Heydar Aliyev Palace"), ("키르기즈", "Kyrgyzstan"),
     ("남코카서스", "South Caucasus"), ("아시가바트", "Ashgabat")],
)  # fmt: skip
def test_transliterations_score_high(korean: str, english: str) -> None:
    assert transliteration_similarity(korean, english) >= 0.5


@pytest.mark.parametrize(
    ("korean", "english"), [("대표단", "Barda"), ("협력", "Kars"), ("외교부", "Bishkek")]
)
def test_unrelated_words_score_low(korean: str, english: str) -> None:
    assert transliteration_similarity(korean, english) < 0.5


def test_korean_names_are_found_in_the_text_the_analyser_splits() -> None:
    text = "1. 윤강현 외교부 경제외교조정관은 2019년 4월 10일(수) 아시가바트에서"
    assert "윤강현" not in {span.form for span in noun_spans(text)}  # 윤강 + 현 (determiner)
    assert "윤강현" in _korean_name_forms("Yun Kang-hyeon", text)


def test_title_beside_person_skips_gloss_and_keeps_the_named_title() -> None:
    text = "라시드 메레도프(Rashid Meredov) 투르크메니스탄 부총리 겸 외교장관과 함께"
    unit = AlignedUnit(("x", 0), text, [(0, 1)], noun_spans(text))
    places = {"투르크메니스탄": "Turkmenistan"}
    both = "Deputy Prime Minister and Minister of Foreign Affairs of Turkmenistan"
    assert (
        _title_beside(unit, "라시드 메레도프", both, places) == "투르크메니스탄 부총리 겸 외교장관"
    )
    assert _title_beside(unit, "라시드 메레도프", "Deputy Prime Minister", places) == "부총리"


def test_user_words_keep_names_and_titles_whole() -> None:
    text = "김규현 외교부 제1차관은 비슈케크에서 포럼을 개최하였다."
    plain = analyser().tokenize(text)
    assert "김규현" not in {token.form for token in plain}  # 김/규/현 without help
    assert "제1차관" in {token.form for token in plain}  # a built-in title word
    tokens = analyser(["김규현"]).tokenize(text)
    assert {("김규현", "NNP"), ("비슈케크", "NNP")} <= {(t.form, t.tag) for t in tokens}
