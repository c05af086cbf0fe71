"""SARIF 2.1.0, the format GitHub code scanning uploads: one run, rules with help, results.

Columns count Unicode characters of the decoded text (``columnKind: unicodeCodePoints``), so a
finding after Hangul lands on the right character in GitHub's view.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from kogloss import __version__
from kogloss.findings import Finding, Severity
from kogloss.rules import rule_info

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rule_descriptor(rule_id: str) -> dict[str, Any]:
    info = rule_info(rule_id)
    descriptor: dict[str, Any] = {"id": rule_id, "name": rule_id}
    if info is not None:
        descriptor["shortDescription"] = {"text": info.summary}
        descriptor["fullDescription"] = {"text": info.description}
        descriptor["help"] = {"text": info.description}
        descriptor["defaultConfiguration"] = {"level": _LEVELS[info.severity]}
    return descriptor


def sarif_document(findings: Sequence[Finding]) -> dict[str, Any]:
    rule_ids = sorted({finding.rule for finding in findings})
    index = {rule_id: position for position, rule_id in enumerate(rule_ids)}
    results = []
    for finding in findings:
        result: dict[str, Any] = {
            "ruleId": finding.rule,
            "ruleIndex": index[finding.rule],
            "level": _LEVELS[finding.severity],
            "message": {"text": finding.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": finding.path.replace("\\", "/")},
                        "region": {
                            "startLine": finding.line,
                            "startColumn": finding.column,
                            "endLine": finding.end_line,
                            "endColumn": finding.end_column,
                        },
                    }
                }
            ],
        }
        if finding.suggestion is not None:
            result["properties"] = {"suggestion": finding.suggestion}
        results.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "kogloss",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/kogloss/",
                        "rules": [_rule_descriptor(rule_id) for rule_id in rule_ids],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render_sarif(findings: Sequence[Finding]) -> str:
    return json.dumps(sarif_document(findings), ensure_ascii=False, indent=2) + "\n"
