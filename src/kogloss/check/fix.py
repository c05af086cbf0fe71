"""``--fix`` and ``--diff``: apply the suggestions that need no human choice.

Only rules marked ``fixable`` qualify (a glossary variant's preferred form, a doubled word),
and of their findings those not marked ``data["fixable"] = False`` (a glossary pattern);
near variants and acronym expansions wait for an editor. Edits are made on the file as decoded
(for HTML, through the map from extracted text back to the markup), never where the text at
the finding no longer matches, never two on overlapping spans; the file is replaced in one
atomic rename, so it is never half-written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from kogloss.check.registry import RULE_CLASSES
from kogloss.document import Document
from kogloss.findings import Finding


@dataclass
class FixResult:
    """The fixed source text, and which findings were applied or left."""

    text: str
    applied: list[Finding] = field(default_factory=list)
    skipped: list[Finding] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def is_fixable(finding: Finding) -> bool:
    cls = RULE_CLASSES.get(finding.rule)
    return (
        finding.suggestion is not None
        and cls is not None
        and cls.fixable
        and finding.data.get("fixable", True)
    )


def apply_fixes(document: Document, findings: Sequence[Finding]) -> FixResult:
    """Apply the fixable findings of ``document`` to its source text."""
    source = document.source_text
    edits: list[tuple[int, int, str, Finding]] = []
    skipped: list[Finding] = []
    for finding in sorted(
        (f for f in findings if is_fixable(f)), key=lambda f: (f.start, f.end, f.rule)
    ):
        begin = document.source_offset(finding.start)
        finish = document.source_offset(finding.end - 1) + 1
        overlaps = edits and begin < edits[-1][1]
        if overlaps or source[begin:finish] != document.text[finding.start : finding.end]:
            skipped.append(finding)
            continue
        assert finding.suggestion is not None
        edits.append((begin, finish, finding.suggestion, finding))
    pieces = []
    position = 0
    for begin, finish, replacement, _ in edits:
        pieces.append(source[position:begin])
        pieces.append(replacement)
        position = finish
    pieces.append(source[position:])
    return FixResult("".join(pieces), [edit[3] for edit in edits], skipped)


def unified_diff(path: str, before: str, after: str) -> str:
    import difflib  # only --diff shows one

    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{path.lstrip('/')}",
        tofile=f"b/{path.lstrip('/')}",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)
