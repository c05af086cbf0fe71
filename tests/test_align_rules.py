"""The bilingual rules' cases, read from ``tests/rules/bilingual/<id>.yaml``.

A case holds a Korean and an English text (one segment per line, as ``--lines`` reads them),
optionally a glossary snippet, and exactly the findings the rule must report; ``side`` says
which file a finding points into (``en``, or ``ko`` for an omission).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kogloss.align import IndexAnchors, align
from kogloss.check.bilingual import FAMILY, bilingual_findings
from kogloss.document import document_from_text
from kogloss.glossary import TermIndex, load_glossary
from kogloss.rules import RULES
from tests.rule_cases import rule_cases

CASES = Path(__file__).parent / "rules" / "bilingual"


@pytest.mark.parametrize(("rule_id", "case"), rule_cases(CASES))
def test_bilingual_rule_case(rule_id: str, case: dict[str, Any], tmp_path: Path) -> None:
    korean = document_from_text(case["ko"], "ko.txt")
    english = document_from_text(case["en"], "en.txt")
    index = None
    if "glossary" in case:
        glossary_file = tmp_path / "glossary.yaml"
        glossary_file.write_text(case["glossary"], encoding="utf-8")
        index = TermIndex(load_glossary(glossary_file))
    anchors = IndexAnchors(index) if index is not None else None
    alignment = align(korean, english, lines=True, anchors=anchors)
    findings = [
        finding
        for finding in bilingual_findings(korean, english, alignment, index)
        if finding.rule == rule_id
    ]
    expected = case.get("findings", [])
    assert len(findings) == len(expected), [finding.to_dict() for finding in findings]
    for finding, wanted in zip(findings, expected, strict=True):
        assert finding.path == f"{wanted['side']}.txt"
        assert (finding.line, finding.column) == (wanted["line"], wanted["column"])
        if "end_column" in wanted:
            assert finding.end_column == wanted["end_column"]
        if "message" in wanted:
            assert wanted["message"] in finding.message
        if "suggestion" in wanted:
            assert finding.suggestion == wanted["suggestion"]


def test_every_bilingual_rule_has_cases() -> None:
    covered = {path.stem for path in CASES.glob("*.yaml")}
    bilingual = {rule_id for rule_id, info in RULES.items() if info.family == FAMILY}
    assert bilingual | {"untranslated"} <= covered


def test_findings_need_the_documents_of_the_alignment() -> None:
    korean = document_from_text("김 차관은 비슈케크를 방문하였다.\n", "ko.txt")
    english = document_from_text("Vice Minister Kim visited Bishkek.\n", "en.txt")
    alignment = align(korean, english, lines=True)
    other = document_from_text("Something else.\n", "other.txt")
    with pytest.raises(ValueError):
        bilingual_findings(korean, other, alignment)
