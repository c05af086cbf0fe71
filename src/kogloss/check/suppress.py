"""Inline suppression: a deliberate exception written next to the text it excuses.

The directive is the same in every kind of file, only its wrapping differs:

* Markdown, HTML (and plain text): an HTML comment, ``<!-- kogloss: disable=near-variant -->``.
* Plain text: a line starting with ``#`` (``# kogloss: disable=near-variant``), or the
  comment at the end of a line (``... text  # kogloss: disable-line``).

Commands: ``disable`` / ``enable`` open and close a block (to the end of the file if never
closed), ``disable-line`` covers its own line, ``disable-next-line`` the line after it. Without
``=ids`` a directive covers every rule; ids are separated by commas. A finding is suppressed
when its first line is covered. A line that holds only a directive produces no findings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kogloss.document import Document
from kogloss.findings import Finding, Severity, make_finding
from kogloss.rules import RuleInfo, register

ALL_RULES = "*"
UNKNOWN_RULE = "unknown-suppression"

register(
    RuleInfo(
        UNKNOWN_RULE,
        Severity.WARNING,
        "A kogloss directive names a rule that does not exist.",
        "A misspelt id in `kogloss: disable=...` would silently suppress nothing; the directive "
        "is reported so that the exception it means to make is made. `kogloss rules` lists the "
        "ids.",
        "suppression",
    )
)

_DIRECTIVE = re.compile(
    r"(?:<!--\s*|(?:^|\s)#\s*)kogloss:\s*"
    r"(disable-next-line|disable-line|disable|enable)"
    r"(?:\s*=\s*([A-Za-z0-9_,\s-]+?))?\s*(?:-->|$)",
    re.MULTILINE,
)
_HTML_ONLY = re.compile(r"<!--")


@dataclass
class Suppressions:
    """Which rules are off on which lines of one file."""

    by_line: dict[int, set[str]] = field(default_factory=dict)
    directive_lines: set[int] = field(default_factory=set)
    unknown: list[tuple[int, str]] = field(default_factory=list)

    def covers(self, finding: Finding) -> bool:
        if finding.line in self.directive_lines:
            return True
        rules = self.by_line.get(finding.line)
        return rules is not None and (ALL_RULES in rules or finding.rule in rules)


def parse_suppressions(document: Document, known_rules: set[str] | None = None) -> Suppressions:
    """Read the directives of a document's source (comments survive only there for HTML)."""
    source = document.source_text
    suppressions = Suppressions()
    if "kogloss:" not in source:
        return suppressions
    lines = source.split("\n")
    open_blocks: dict[str, int] = {}  # rule id (or *) -> line the block opened on
    directives: dict[int, list[tuple[str, set[str]]]] = {}
    for line_number, line in enumerate(lines, start=1):
        if "kogloss:" not in line:
            continue
        for match in _DIRECTIVE.finditer(line):
            if document.kind != "text" and not _HTML_ONLY.match(match.group(0).lstrip()):
                continue  # in Markdown and HTML only the comment form is a directive
            rules = _rule_ids(match.group(2))
            for rule_id in rules - {ALL_RULES}:
                if known_rules is not None and rule_id not in known_rules:
                    suppressions.unknown.append((line_number, rule_id))
            directives.setdefault(line_number, []).append((match.group(1), rules))
            remainder = line[: match.start()] + line[match.end() :]
            if not remainder.strip():
                suppressions.directive_lines.add(line_number)
    for line_number in range(1, len(lines) + 1):
        for command, rules in directives.get(line_number, ()):
            if command == "disable":
                for rule_id in rules:
                    open_blocks.setdefault(rule_id, line_number)
            elif command == "enable":
                if ALL_RULES in rules:
                    open_blocks.clear()
                for rule_id in rules:
                    open_blocks.pop(rule_id, None)
            elif command == "disable-line":
                suppressions.by_line.setdefault(line_number, set()).update(rules)
            else:
                suppressions.by_line.setdefault(line_number + 1, set()).update(rules)
        if open_blocks:
            suppressions.by_line.setdefault(line_number, set()).update(open_blocks)
    return suppressions


def _rule_ids(listed: str | None) -> set[str]:
    if not listed or not listed.strip():
        return {ALL_RULES}
    return {part.strip() for part in listed.split(",") if part.strip()}


def unknown_rule_findings(document: Document, known_rules: set[str]) -> list[Finding]:
    """A finding for each rule id a directive names that is not a rule."""
    if "kogloss:" not in document.source_text:
        return []
    suppressions = parse_suppressions(document, known_rules)
    findings = []
    for line, rule_id in suppressions.unknown:
        # Directives live in the source; for HTML the finding points at the line's start.
        offset = _text_offset_of_line(document, line)
        findings.append(
            make_finding(
                document,
                offset,
                offset,
                UNKNOWN_RULE,
                Severity.WARNING,
                f"kogloss directive names an unknown rule '{rule_id}'",
            )
        )
    return findings


def _text_offset_of_line(document: Document, line: int) -> int:
    """The first offset of ``document.text`` whose position is on ``line`` or after it."""
    low, high = 0, len(document.text)
    while low < high:
        middle = (low + high) // 2
        if document.position(middle).line < line:
            low = middle + 1
        else:
            high = middle
    return low
