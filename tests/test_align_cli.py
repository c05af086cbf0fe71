"""``kogloss align`` as a user runs it: formats, -o, --lines, glossary options, bad input."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from tests.cli_runner import run_cli
from tests.conftest import DATA

KO = str(DATA / "align" / "r04.ko.txt")
EN = str(DATA / "align" / "r04.en.txt")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def test_json_links_follow_the_gold_convention() -> None:
    result = run_cli(["align", KO, EN, "--lines", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    payload = json.loads(result.stdout)
    links = payload["links"]
    assert [index for link in links for index in link["ko"]] == list(range(18))
    assert [index for link in links for index in link["en"]] == list(range(17))
    assert {"ko", "en", "score", "confidence", "ko_text", "en_text"} <= set(links[0])
    assert links[1]["ko_text"].startswith("1. 북한은")
    assert (links[2]["ko"], links[2]["en"]) == ([], [2])  # the translator's added sentence


def test_tsv_has_korean_english_score() -> None:
    result = run_cli(["align", KO, EN, "--lines", "--format", "tsv"])
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert all(len(row) == 3 for row in rows)
    assert rows[0][0].startswith("북한의 제6차 핵실험")
    assert rows[0][1].startswith("Statement by the Spokesperson")
    float(rows[0][2])


def test_tmx_is_tmx_14b_with_one_unit_per_two_sided_link() -> None:
    result = run_cli(["align", KO, EN, "--lines", "--format", "tmx"])
    assert "<!ENTITY" not in result.stdout
    root = ElementTree.fromstring(result.stdout.encode("utf-8"))
    assert root.tag == "tmx" and root.get("version") == "1.4"
    assert root.find("header").get("srclang") == "ko"
    units = root.findall("body/tu")
    json_links = json.loads(run_cli(["align", KO, EN, "--lines", "--format", "json"]).stdout)
    two_sided = [link for link in json_links["links"] if link["ko"] and link["en"]]
    assert len(units) == len(two_sided)
    languages = [tuv.get(XML_LANG) for tuv in units[0].findall("tuv")]
    assert languages == ["ko", "en"]


def test_text_view_shows_omissions_and_the_summary() -> None:
    result = run_cli(["align", KO, EN, "--lines"])
    assert "(not translated)" in result.stdout
    assert "(no Korean source)" in result.stdout
    assert "18 Korean and 17 English segments" in result.stdout


def test_output_file_and_determinism(tmp_path: Path) -> None:
    target = tmp_path / "pairs.tsv"
    first = run_cli(["align", KO, EN, "--lines", "--format", "tsv", "-o", str(target)])
    assert first.exit_code == 0 and first.stdout == ""
    again = run_cli(["align", KO, EN, "--lines", "--format", "tsv"])
    assert target.read_text(encoding="utf-8") == again.stdout


def test_without_glossary_the_alignment_still_works() -> None:
    result = run_cli(["align", KO, EN, "--lines", "--no-glossary", "--format", "json"])
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["links"]) >= 17


def test_swapped_languages_are_an_error() -> None:
    result = run_cli(["align", EN, KO, "--lines"])
    assert result.exit_code == 2
    assert "give the Korean release first" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("side", ["ko", "en"])
def test_an_empty_side_is_an_error(side: str, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    args = [str(empty), EN] if side == "ko" else [KO, str(empty)]
    result = run_cli(["align", *args, "--lines"])
    assert result.exit_code == 2
    assert str(empty) in result.stderr


def test_english_given_for_both_sides_is_an_error() -> None:
    result = run_cli(["align", EN, EN])
    assert result.exit_code == 2
    assert "Hangul" in result.stderr


def test_one_side_far_longer_is_a_warning(tmp_path: Path) -> None:
    korean = tmp_path / "ko.txt"
    korean.write_text("북한은 2017년 9월 3일 핵실험을 강행하였다.\n", encoding="utf-8")
    result = run_cli(["align", str(korean), EN, "--lines", "--format", "json"])
    assert result.exit_code == 0
    assert "times as long as the Korean suggests" in result.stderr
    assert json.loads(result.stdout)["warnings"]


def test_text_without_sentence_punctuation_is_explained(tmp_path: Path) -> None:
    korean = tmp_path / "ko.txt"
    english = tmp_path / "en.txt"
    korean.write_text(
        ("북한은 핵실험을 강행하였고 정부는 이를 규탄하였으며 " * 12) + "\n", encoding="utf-8"
    )
    english.write_text(
        ("The DPRK conducted a test and the government condemned it " * 8) + "\n", encoding="utf-8"
    )
    result = run_cli(["align", str(korean), str(english)])
    assert result.exit_code == 0
    assert "no sentence punctuation" in result.stdout
