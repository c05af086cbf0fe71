"""The one Finding type: every rule emits it, every renderer reads it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from kogloss.document import Document


class Severity(IntEnum):
    """Ordered so that ``--fail-on`` is a comparison."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.strip().upper()]
        except KeyError:
            choices = ", ".join(level.name.lower() for level in cls)
            raise ValueError(f"unknown severity {name!r} (choose from {choices})") from None

    def __str__(self) -> str:
        return self.name.lower()


# str(severity) as a dict lookup: the reports name a severity on every line they write.
SEVERITY_NAMES = {level: str(level) for level in Severity}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a rule found, at a span of one file.

    Lines and columns are 1-based and count characters of the decoded text; ``end_column`` is
    exclusive (the column just past the span), as in SARIF and most editors.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: Severity
    message: str
    suggestion: str | None = None
    start: int = 0
    end: int = 0
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.rule, self.message)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape shared by every command's ``--format json``."""
        payload: dict[str, Any] = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
        }
        if self.suggestion is not None:
            payload["suggestion"] = self.suggestion
        if self.data:
            payload["data"] = self.data
        return payload


def make_finding(
    document: Document,
    start: int,
    end: int,
    rule: str,
    severity: Severity,
    message: str,
    suggestion: str | None = None,
    data: dict[str, Any] | None = None,
) -> Finding:
    """A Finding for the span ``text[start:end]`` of ``document``, positioned in its file."""
    # One positional call: keywords make the frozen dataclass's __init__ half as slow again
    # (0.4 us of each of the ten thousand findings of a run).
    return Finding(
        document.path, *document.span(start, end), rule, severity, message, suggestion, start,
        end, data or {},
    )  # fmt: skip


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda finding: finding.sort_key)
