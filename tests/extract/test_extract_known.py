"""With a glossary, terms it already has are reported as known (with new spellings seen),
not proposed again; its Korean forms are trusted for pairing."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from extract_support import APA_SEED, MOFA_SEED, ROOT
from test_extract_cli import run

from kogloss.document import load_document
from kogloss.extract.corpus import extract_candidates
from kogloss.extract.known import glossary_pairs, split_known
from kogloss.glossary import load_glossary

PROJECT_GLOSSARY = ROOT / "glossary"


def test_project_glossary_terms_are_known_not_proposed() -> None:
    glossary = load_glossary(PROJECT_GLOSSARY)
    candidates = extract_candidates([load_document(str(MOFA_SEED))])
    new, known = split_known(candidates, glossary)
    known_names = {term.entry_en for term in known}
    assert "Kim Kyou-hyun" in known_names and "Bishkek" in known_names
    assert not {candidate.en for candidate in new} & known_names
    assert len(new) + len(known) == len(candidates)


def test_new_spelling_of_a_known_term_is_reported(tmp_path: Path) -> None:
    glossary = tmp_path / "places.yaml"
    glossary.write_text(
        "terms:\n  - en: Korean Peninsula\n    ko: 한반도\n    type: place\n", encoding="utf-8"
    )
    code, out, _ = run(["extract", str(APA_SEED), "--glossary", str(glossary), "--format", "json"])
    assert code == 0
    data = json.loads(out)
    peninsula = next(term for term in data["known"] if term["en"] == "Korean Peninsula")
    assert set(peninsula["new_variants"]) == {"Korean Peninsular", "Korean peninsula"}
    assert peninsula["glossary"].endswith("places.yaml:2")
    assert "Korean Peninsula" not in {term["en"] for term in data["terms"]}


def test_yaml_output_lists_known_terms_as_comments(tmp_path: Path) -> None:
    glossary = tmp_path / "g.yaml"
    glossary.write_text("terms:\n  - en: Baku\n    type: place\n", encoding="utf-8")
    code, out, _ = run(["extract", str(APA_SEED), "--glossary", str(glossary)])
    assert code == 0
    assert "#   Baku (" in out
    assert "Baku" not in {entry["en"] for entry in yaml.safe_load(out)["terms"]}


def test_no_glossary_proposes_everything() -> None:
    _, out, _ = run(["extract", str(MOFA_SEED), "--no-glossary"])
    assert "Kim Kyou-hyun" in {entry["en"] for entry in yaml.safe_load(out)["terms"]}


def test_bad_glossary_is_one_line_and_exit_2(tmp_path: Path) -> None:
    glossary = tmp_path / "bad.yaml"
    glossary.write_text("terms:\n  - en: [unclosed\n", encoding="utf-8")
    code, _, err = run(["extract", str(MOFA_SEED), "--glossary", str(glossary)])
    assert code == 2 and "bad.yaml" in err and err.count("\n") == 1


def test_glossary_pairs_feed_pairing() -> None:
    pairs = glossary_pairs(load_glossary(PROJECT_GLOSSARY))
    assert pairs["Korean Peninsula"] == "한반도"
    dev = ROOT / "tests" / "data" / "align"
    korean, english = load_document(str(dev / "r04.ko.txt")), load_document(str(dev / "r04.en.txt"))
    candidates = extract_candidates([english], [(korean, english)], known_pairs=pairs, lines=True)
    by_en = {candidate.en: candidate for candidate in candidates}
    assert by_en["United States"].ko == "미국"
    assert by_en["United States"].ko_method == "glossary"


def test_output_is_a_glossary_that_loads(tmp_path: Path) -> None:
    target = tmp_path / "candidates.yaml"
    code, _, _ = run(["extract", str(APA_SEED), str(MOFA_SEED), "--no-glossary", "-o", str(target)])
    assert code == 0
    glossary = load_glossary(target)
    assert glossary.entries
    assert {entry.status for entry in glossary.entries} == {"candidate"}
    kim = next(entry for entry in glossary.entries if entry.en == "Kim Kyou-hyun")
    assert kim.type == "person" and kim.count == 8 and kim.seen_in == [str(MOFA_SEED)]
