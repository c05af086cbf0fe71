"""GitHub Actions workflow commands: an annotation on the pull request's diff per finding."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from kogloss.findings import Finding, Severity
from kogloss.report.batches import write_lines

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def write_github(findings: Iterable[Finding], stream: TextIO) -> None:
    write_lines(map(_annotation, findings), stream)


def _annotation(finding: Finding) -> str:
    properties = ",".join(
        [
            f"file={_escape_property(finding.path)}",
            f"line={finding.line}",
            f"col={finding.column}",
            f"endLine={finding.end_line}",
            f"endColumn={finding.end_column}",
            f"title={_escape_property('kogloss ' + finding.rule)}",
        ]
    )
    message = finding.message
    if finding.suggestion is not None:
        message += f" (suggestion: {finding.suggestion})"
    return f"::{_LEVELS[finding.severity]} {properties}::{_escape_data(message)}"
