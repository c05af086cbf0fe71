"""Human text: ``path:line:col: severity rule message``, grouped by file and coloured on a tty."""

from __future__ import annotations

from collections.abc import Sequence

from kogloss.findings import Finding, Severity

_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD = "\033[1m"
_DIM = "\033[2m"
_RESET = "\033[0m"


def format_line(finding: Finding, color: bool = False) -> str:
    location = f"{finding.path}:{finding.line}:{finding.column}:"
    severity = str(finding.severity)
    rule = finding.rule
    if color:
        location = f"{_BOLD}{location}{_RESET}"
        severity = f"{_COLORS[finding.severity]}{severity}{_RESET}"
        rule = f"{_DIM}{rule}{_RESET}"
    line = f"{location} {severity} {rule} {finding.message}"
    if finding.suggestion is not None:
        line += f" (suggestion: {finding.suggestion})"
    return line


def render_text(findings: Sequence[Finding], color: bool = False) -> str:
    """One line a finding; on a terminal, a blank line between files and a count at the end."""
    lines: list[str] = []
    previous_path = None
    for finding in findings:
        if color and previous_path is not None and finding.path != previous_path:
            lines.append("")
        previous_path = finding.path
        lines.append(format_line(finding, color))
    if color:
        files = len({finding.path for finding in findings})
        noun = "finding" if len(findings) == 1 else "findings"
        lines.append(f"{_BOLD}{len(findings)} {noun} in {files} file(s){_RESET}")
    return "\n".join(lines) + ("\n" if lines else "")
