"""Renderers: the same findings as human text, JSON, SARIF 2.1.0 or GitHub annotations."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kogloss.findings import Finding
from kogloss.report.github import render_github
from kogloss.report.json import render_json
from kogloss.report.sarif import render_sarif
from kogloss.report.text import render_text

FORMATS = ("text", "json", "sarif", "github")


def render(
    findings: Sequence[Finding],
    output_format: str,
    *,
    color: bool = False,
    extra: dict[str, Any] | None = None,
) -> str:
    """Render ``findings`` (already sorted) in ``output_format``; ``extra`` adds JSON keys."""
    if output_format == "text":
        return render_text(findings, color=color)
    if output_format == "json":
        return render_json(findings, extra)
    if output_format == "sarif":
        return render_sarif(findings)
    if output_format == "github":
        return render_github(findings)
    raise ValueError(f"unknown output format {output_format!r}")


__all__ = ["FORMATS", "render"]
