"""SARIF 2.1.0, the format GitHub code scanning uploads: one run, rules with help, results.

Columns count Unicode characters of the decoded text (``columnKind: unicodeCodePoints``), so a
finding after Hangul lands on the right character in GitHub's view.
"""

from __future__ import annotations

from collections.abc import Iterable
from json.encoder import encode_basestring
from typing import Any, TextIO

from kogloss import __version__
from kogloss.findings import Finding, Severity
from kogloss.report.jsonstream import dumps_indented, write_rendered
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


# A result sits at depth 4 (in runs[0].results); _P[k] starts a line k levels inside it.
_P = ["\n" + "  " * (4 + level) for level in range(6)]


def _result(finding: Finding, rule_index: int) -> str:
    """The SARIF result of a finding as ``dumps_indented(result, 4)`` writes it, put together
    directly: ``json.dumps`` with ``indent`` runs the encoder in Python (0.2 s for 12,000
    findings); the strings go through the encoder's own (C) string function."""
    p0, p1, p2, p3, p4, p5 = _P
    uri = encode_basestring(finding.path.replace("\\", "/"))
    text = (
        f'{{{p1}"ruleId": {encode_basestring(finding.rule)},'
        f'{p1}"ruleIndex": {rule_index},'
        f'{p1}"level": "{_LEVELS[finding.severity]}",'
        f'{p1}"message": {{{p2}"text": {encode_basestring(finding.message)}{p1}}},'
        f'{p1}"locations": [{p2}{{{p3}"physicalLocation": {{'
        f'{p4}"artifactLocation": {{{p5}"uri": {uri}{p4}}},'
        f'{p4}"region": {{{p5}"startLine": {finding.line},{p5}"startColumn": {finding.column},'
        f'{p5}"endLine": {finding.end_line},{p5}"endColumn": {finding.end_column}{p4}}}'
        f"{p3}}}{p2}}}{p1}]"
    )
    if finding.suggestion is not None:
        text += (
            f',{p1}"properties": {{{p2}"suggestion": {encode_basestring(finding.suggestion)}{p1}}}'
        )
    return text + p0 + "}"


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
    write_rendered((_result(finding, index[finding.rule]) for finding in findings), stream, 3)
    stream.write(tail + "\n")
