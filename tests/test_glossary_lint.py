"""Lint: every code has a case file of glossaries that must and must not raise it, at a place."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kogloss.glossary.lint import lint_glossary
from kogloss.glossary.problems import CODES
from tests.cli_runner import run_cli
from tests.conftest import DATA, ROOT

CASES_DIR = DATA / "glossary" / "lint"


def _cases() -> list[tuple[str, dict]]:
    cases = []
    for path in sorted(CASES_DIR.glob("GL*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            cases.append((path.stem, case))
    return cases


@pytest.mark.parametrize(
    ("code", "case"), _cases(), ids=[f"{code}-{case['name']}" for code, case in _cases()]
)
def test_lint_case(code: str, case: dict, tmp_path: Path) -> None:
    glossary = tmp_path / "case.yaml"
    glossary.write_text(case["glossary"], encoding="utf-8")
    problems = lint_glossary(glossary)
    if case.get("clean"):
        assert [problem.render() for problem in problems] == []
        return
    found = sorted(f"{p.line}:{p.column} {p.code}" for p in problems if p.code == code)
    assert found == sorted(case["expect"])
    assert all(problem.path == str(glossary) for problem in problems)


def test_every_code_has_cases_and_a_description() -> None:
    covered = {path.stem for path in CASES_DIR.glob("GL*.yaml")}
    assert covered == set(CODES)
    for summary, description in CODES.values():
        assert summary and len(description) > len(summary)


def test_project_glossary_is_clean() -> None:
    result = run_cli(["glossary", "lint", str(ROOT / "glossary")])
    assert result.stdout == ""
    assert result.exit_code == 0


def test_lint_reports_every_problem_with_exit_1(tmp_path: Path) -> None:
    glossary = tmp_path / "places.yaml"
    glossary.write_text(
        "terms:\n"
        "  - en: Korean Peninsula\n"
        "    type: place\n"
        "    status: approved\n"
        "    varaints: [Korean Peninsular]\n"
        "  - en: Korean Peninsula\n"
        "    ko: Hanbando\n"
        "    type: place\n"
        "    status: approved\n",
        encoding="utf-8",
    )
    result = run_cli(["glossary", "lint", str(glossary)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines == [
        f"{glossary}:5:5: GL005 unknown key `varaints` in an entry (did you mean `variants`?)",
        f"{glossary}:6:9: GL101 duplicate entry `Korean Peninsula`: already `en` of "
        f"`Korean Peninsula` ({glossary}:2)",
        f"{glossary}:7:9: GL302 `ko: Hanbando` has no Hangul",
    ]


def test_lint_json_and_sarif_carry_the_codes(tmp_path: Path) -> None:
    glossary = tmp_path / "g.yaml"
    glossary.write_text("terms:\n  - en: Bishkek\n    type: city\n    status: approved\n")
    result = run_cli(["glossary", "lint", str(glossary), "--format", "sarif"])
    assert result.exit_code == 1
    sarif = yaml.safe_load(result.stdout)
    rule = sarif["runs"][0]["tool"]["driver"]["rules"][0]
    assert rule["id"] == "GL004"
    assert rule["shortDescription"]["text"] == CODES["GL004"][0]
    region = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (3, 11)
