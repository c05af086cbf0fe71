"""Human text: ``path:line:col: severity rule message``, grouped by file and coloured on a tty."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TextIO

from kogloss.findings import SEVERITY_NAMES, Finding, Severity
from kogloss.report.batches import write_lines

_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD = "\033[1m"
_DIM = "\033[2m"
_RESET = "\033[0m"


def format_line(finding: Finding, color: bool = False) -> str:
    severity = SEVERITY_NAMES[finding.severity]
    if color:
        location = f"{_BOLD}{finding.path}:{finding.line}:{finding.column}:{_RESET}"
        severity = f"{_COLORS[finding.severity]}{severity}{_RESET}"
        line = f"{location} {severity} {_DIM}{finding.rule}{_RESET} {finding.message}"
    else:  # one f-string: the line of each of the ten thousand findings of a run
        line = (
            f"{finding.path}:{finding.line}:{finding.column}: {severity} {finding.rule} "
            f"{finding.message}"
        )
    if finding.suggestion is not None:
        line += f" (suggestion: {finding.suggestion})"
    return line


def write_text(findings: Iterable[Finding], stream: TextIO, color: bool = False) -> None:
    """One line a finding; on a terminal, a blank line between files and a count at the end."""
    paths: set[str] = set()
    count = 0

    def lines() -> Iterator[str]:
        nonlocal count
        previous_path = None
        for finding in findings:
            if finding.path != previous_path:
                if color and previous_path is not None:
                    yield ""
                paths.add(finding.path)
                previous_path = finding.path
            count += 1
            yield format_line(finding, color)

    write_lines(lines(), stream)
    if color:
        noun = "finding" if count == 1 else "findings"
        stream.write(f"{_BOLD}{count} {noun} in {len(paths)} file(s){_RESET}\n")
