"""SARIF 2.1.0, the format GitHub code scanning uploads: one run, rules with help, results.

Columns count Unicode characters of the decoded text (``columnKind: unicodeCodePoints``), so a
finding after Hangul lands on the right character in GitHub's view.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO

from kogloss import __version__
from kogloss.findings import Finding, Severity
from kogloss.report.jsonstream import dumps_indented, write_array
from kogloss.rules import rule_info

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# Inside JSON strings quotes are escaped, so only the real key can look like this.
_EMPTY_RESULTS = '"results": []'
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


def _result(finding: Finding, rule_index: int) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
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
    return result


def _run_header(rule_ids: list[str]) -> dict[str, Any]:
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
                "results": [],
            }
        ],
    }


def write_sarif(findings: Iterable[Finding], stream: TextIO, rule_ids: Iterable[str]) -> None:
    """The SARIF log, its results written one by one; ``rule_ids`` are the rules the findings
    name (the driver's rule list comes before the results that index into it)."""
    ordered = sorted(set(rule_ids))
    index = {rule_id: position for position, rule_id in enumerate(ordered)}
    head, tail = dumps_indented(_run_header(ordered), 0).rsplit(_EMPTY_RESULTS, 1)
    stream.write(head + '"results": ')
    write_array((_result(finding, index[finding.rule]) for finding in findings), stream, 3)
    stream.write(tail + "\n")
