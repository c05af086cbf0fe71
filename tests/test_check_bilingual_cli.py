"""``kogloss check EN --source KO`` and pairs found by name, end to end through the CLI on the
aligner's gold development set (tests/data/align), whose planted faults say what must be found.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.cli_runner import CliResult, run_cli
from tests.conftest import DATA, ROOT

ALIGN = DATA / "align"
R03_KO, R03_EN = ALIGN / "r03.ko.txt", ALIGN / "r03.en.txt"
BILINGUAL = ("number-mismatch", "omission", "addition", "term-mismatch", "untranslated")


def _check(args: list[str]) -> CliResult:
    return run_cli(["check", "--no-config", *args])


def _json(args: list[str]) -> tuple[int, list[dict[str, Any]]]:
    result = _check(["--format", "json", *args])
    assert result.stderr == "", result.stderr
    return result.exit_code, json.loads(result.stdout)["findings"]


def _segment_lines(path: Path) -> list[int]:
    """1-based file line of each segment (the dev set's segments are its non-blank lines)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return [number for number, line in enumerate(lines, 1) if line.strip()]


def _gold_links(release: str, kind: str) -> list[dict[str, Any]]:
    gold = json.loads((ALIGN / f"{release}.gold.json").read_text(encoding="utf-8"))
    return [link for link in gold["links"] if link.get("kind") == kind]


def _planted_number_place() -> tuple[int, int]:
    """Line and column of the planted '50 million euros' (the Korean says 5억 유로)."""
    [link] = _gold_links("r03", "number")
    line = _segment_lines(R03_EN)[link["en"][0]]
    text = R03_EN.read_text(encoding="utf-8").split("\n")[line - 1]
    return line, text.index("50 million") + 1


def _planted_omission_line() -> int:
    [link] = _gold_links("r03", "omission")
    return _segment_lines(R03_KO)[link["ko"][0]]


def _by_rule(findings: list[dict[str, Any]], rule: str) -> list[dict[str, Any]]:
    return [finding for finding in findings if finding["rule"] == rule]


def test_source_reports_the_planted_number_change_and_the_omission() -> None:
    code, findings = _json([str(R03_EN), "--source", str(R03_KO)])
    assert code == 1
    [number] = _by_rule(findings, "number-mismatch")
    assert (Path(number["path"]), number["line"], number["column"]) == (
        R03_EN,
        *_planted_number_place(),
    )
    assert number["severity"] == "error" and "5억" in number["message"]
    [omission] = _by_rule(findings, "omission")
    assert (Path(omission["path"]), omission["line"]) == (R03_KO, _planted_omission_line())
    # The English-only rules still run on the release; nothing is reported in the Korean file
    # except what is missing from the English.
    assert {f["rule"] for f in findings} - set(BILINGUAL)
    assert {f["rule"] for f in findings if Path(f["path"]) == R03_KO} == {"omission"}


def test_the_korean_beside_a_release_is_its_source_and_without_one_nothing_is_found(
    tmp_path: Path,
) -> None:
    _, beside = _json([str(R03_EN), "--select", "bilingual"])
    _, named = _json([str(R03_EN), "--source", str(R03_KO), "--select", "bilingual"])
    assert beside == named
    alone = tmp_path / "r03.en.txt"
    shutil.copy(R03_EN, alone)
    _, findings = _json([str(alone), "--select", "bilingual"])
    assert findings == []


def test_select_ignore_and_severity_apply_to_bilingual_rules() -> None:
    pair = [str(R03_EN), "--source", str(R03_KO)]
    _, findings = _json([*pair, "--ignore", "number-mismatch"])
    assert not _by_rule(findings, "number-mismatch") and _by_rule(findings, "omission")
    _, findings = _json([*pair, "--select", "bilingual", "--no-glossary"])
    assert {f["rule"] for f in findings} == {"number-mismatch", "omission", "addition"}
    _, findings = _json(
        [*pair, "--select", "number-mismatch", "--severity", "number-mismatch=info"]
    )
    assert [f["severity"] for f in findings] == ["info"]


def test_exit_codes_follow_the_bilingual_severities() -> None:
    pair = [str(R03_EN), "--source", str(R03_KO)]
    assert _check([*pair, "--select", "bilingual"]).exit_code == 1
    # number-mismatch is the only error
    assert _check([*pair, "--select", "bilingual", "--fail-on", "error"]).exit_code == 1
    ignored = ["--ignore", "number-mismatch", "--fail-on", "error"]
    assert _check([*pair, "--select", "bilingual", *ignored]).exit_code == 0
    assert _check([*pair, "--select", "addition"]).exit_code == 0  # info only


def test_text_and_sarif_outputs_carry_the_bilingual_findings() -> None:
    pair = [str(R03_EN), "--source", str(R03_KO), "--select", "bilingual"]
    line, column = _planted_number_place()
    text = _check(pair).stdout
    assert f"{R03_EN}:{line}:{column}: error number-mismatch" in text
    assert f"{R03_KO}:{_planted_omission_line()}:1: warning omission" in text
    sarif = json.loads(_check([*pair, "--format", "sarif"]).stdout)
    [run] = sarif["runs"]
    results = {
        result["ruleId"]: result["locations"][0]["physicalLocation"] for result in run["results"]
    }
    assert results["number-mismatch"]["artifactLocation"]["uri"].endswith("r03.en.txt")
    assert results["number-mismatch"]["region"]["startLine"] == line
    assert results["omission"]["artifactLocation"]["uri"].endswith("r03.ko.txt")
    described = {rule["id"] for rule in run["tool"]["driver"]["rules"]}
    assert {"number-mismatch", "omission"} <= described


def test_inline_suppression_in_each_file(tmp_path: Path) -> None:
    korean, english = tmp_path / "r.ko.txt", tmp_path / "r.en.txt"
    line = _planted_number_place()[0]
    lines = R03_EN.read_text(encoding="utf-8").split("\n")
    lines[line - 1] += "  # kogloss: disable-line=number-mismatch"
    english.write_text("\n".join(lines), encoding="utf-8")
    lines = R03_KO.read_text(encoding="utf-8").split("\n")
    lines.insert(_planted_omission_line() - 1, "# kogloss: disable-next-line=omission")
    korean.write_text("\n".join(lines), encoding="utf-8")
    _, findings = _json([str(english), "--source", str(korean), "--select", "bilingual"])
    assert not _by_rule(findings, "number-mismatch") and not _by_rule(findings, "omission")
    assert _by_rule(findings, "addition")


def _copy_pair(release: str, directory: Path, english_name: str) -> None:
    shutil.copy(ALIGN / f"{release}.ko.txt", directory / f"{release}.ko.txt")
    shutil.copy(ALIGN / f"{release}.en.txt", directory / english_name)


def test_a_directory_pairs_releases_by_name(tmp_path: Path) -> None:
    _copy_pair("r03", tmp_path, "r03.en.txt")
    _copy_pair("r10", tmp_path, "r10.txt")  # x.txt pairs with x.ko.txt too
    shutil.copy(ALIGN / "r05.ko.txt", tmp_path / "lonely.ko.txt")
    result = _check([str(tmp_path), "--select", "bilingual", "--format", "json"])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "lonely.ko.txt" in result.stderr and "warning" in result.stderr
    findings = json.loads(result.stdout)["findings"]
    # Each pair's findings are exactly those of --source on that pair alone.
    for release, english_name in (("r03", "r03.en.txt"), ("r10", "r10.txt")):
        english = tmp_path / english_name
        korean = tmp_path / f"{release}.ko.txt"
        _, alone = _json([str(english), "--source", str(korean), "--select", "bilingual"])
        assert alone
        mine = [f for f in findings if Path(f["path"]) in (english, korean)]
        assert mine == alone
    assert not [f for f in findings if "lonely" in f["path"]]


@pytest.mark.parametrize(
    "args",
    [
        [str(R03_EN), str(ALIGN / "r04.en.txt"), "--source", str(R03_KO)],
        [str(R03_EN), "--source", "no-such-file.ko.txt"],
        [str(R03_EN), "--source", str(R03_EN)],  # English given as the Korean original
    ],
)
def test_bad_sources_are_one_line_errors(args: list[str]) -> None:
    result = _check(args)
    assert result.exit_code == 2, result.stdout
    assert result.stderr.startswith("kogloss: error: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_the_documented_example_is_what_the_command_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    section = (ROOT / "docs" / "check.md").read_text(encoding="utf-8")
    section = section.split("## Against the Korean source", 1)[1]
    block = section.split("```text\n$ kogloss ", 1)[1].split("```", 1)[0]
    command, _, shown = block.partition("\n")
    monkeypatch.chdir(ROOT)
    assert run_cli(command.split()).stdout == shown


def test_a_segment_left_in_korean_is_reported_once_with_its_source(tmp_path: Path) -> None:
    """detect's untranslated and the bilingual one see the same fault: one finding."""
    korean, english = tmp_path / "u.ko.txt", tmp_path / "u.en.txt"
    korean.write_text(
        "외교부 보도자료\n\n양측은 경제 협력을 확대하기로 합의했다.\n", encoding="utf-8"
    )
    english.write_text(
        "외교부 보도자료\n\nThe two sides agreed to expand economic cooperation.\n",
        encoding="utf-8",
    )
    code, findings = _json([str(english), "--select", "untranslated"])
    assert code == 1
    assert [(f["rule"], f["line"], f["column"]) for f in findings] == [("untranslated", 1, 1)]
