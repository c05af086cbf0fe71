"""Every rule's cases, read from ``tests/rules/<id>.yaml`` by this one parametrised test.

A case holds a text (or several documents, for corpus rules), optionally a glossary snippet
and rule options, the findings the rule must report (exactly these, with positions) and, for
fixable rules, the text after ``--fix``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kogloss.check import CheckSettings, check_documents, load_rules
from kogloss.check.fix import apply_fixes
from kogloss.document import document_from_text
from tests.rule_cases import rule_cases

RULES_DIR = Path(__file__).parent / "rules"


def _glossary(case: dict[str, Any], tmp_path: Path) -> Any:
    if "glossary" not in case:
        return None
    load_glossary = pytest.importorskip("kogloss.glossary").load_glossary

    file = tmp_path / "glossary.yaml"
    file.write_text(case["glossary"], encoding="utf-8")
    return load_glossary(file)


@pytest.mark.parametrize(("rule_id", "case"), rule_cases(RULES_DIR))
def test_rule_case(rule_id: str, case: dict[str, Any], tmp_path: Path) -> None:
    sources = case.get("documents") or [
        {"path": case.get("path", "case.txt"), "text": case["text"]}
    ]
    documents = [
        document_from_text(source["text"], source["path"], source.get("kind", "text"))
        for source in sources
    ]
    settings = CheckSettings(select=(rule_id,), options={rule_id: case.get("options", {})})
    result = check_documents(documents, settings, _glossary(case, tmp_path))
    assert all(finding.rule == rule_id for finding in result.findings)
    expected = case.get("findings", [])
    assert len(result.findings) == len(expected), [f.to_dict() for f in result.findings]
    for finding, wanted in zip(result.findings, expected, strict=True):
        assert finding.path == wanted.get("path", sources[0]["path"])
        assert (finding.line, finding.column) == (wanted["line"], wanted["column"])
        if "end_column" in wanted:
            assert finding.end_column == wanted["end_column"]
        if "message" in wanted:
            assert wanted["message"] in finding.message
        if "suggestion" in wanted:
            assert finding.suggestion == wanted["suggestion"]
    if "fix" in case:
        fixed = apply_fixes(documents[0], result.findings)
        assert fixed.text == case["fix"]


def test_every_rule_has_cases() -> None:
    covered = {path.stem for path in RULES_DIR.rglob("*.yaml")}
    assert set(load_rules()) <= covered
