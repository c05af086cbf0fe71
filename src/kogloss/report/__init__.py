"""Renderers: the same findings as human text, JSON, SARIF 2.1.0 or GitHub annotations.

Each writes to a stream as the findings come, so a big run never holds its report in memory;
``render`` gives the report as a string for small outputs and library callers.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from kogloss.findings import Finding
from kogloss.report.github import write_github
from kogloss.report.json import write_json
from kogloss.report.sarif import write_sarif
from kogloss.report.text import write_text

FORMATS = ("text", "json", "sarif", "github")


def write_report(
    findings: Iterable[Finding],
    output_format: str,
    stream: TextIO,
    *,
    color: bool = False,
    extra: dict[str, Any] | None = None,
    rule_ids: Iterable[str] | None = None,
) -> None:
    """Write ``findings`` (already sorted) in ``output_format``; ``extra`` adds JSON keys.

    SARIF lists the rules before the results: give ``rule_ids`` when ``findings`` is a
    stream that can be read only once.
    """
    if output_format == "text":
        write_text(findings, stream, color=color)
    elif output_format == "json":
        write_json(findings, stream, extra)
    elif output_format == "sarif":
        if rule_ids is None:
            findings = list(findings)
            rule_ids = [finding.rule for finding in findings]
        write_sarif(findings, stream, rule_ids)
    elif output_format == "github":
        write_github(findings, stream)
    else:
        raise ValueError(f"unknown output format {output_format!r}")


def render(
    findings: Sequence[Finding],
    output_format: str,
    *,
    color: bool = False,
    extra: dict[str, Any] | None = None,
) -> str:
    """The report as one string."""
    buffer = io.StringIO()
    write_report(findings, output_format, buffer, color=color, extra=extra)
    return buffer.getvalue()


__all__ = ["FORMATS", "render", "write_report"]
