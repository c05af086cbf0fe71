"""The registry of rule ids: what each rule means, for ``kogloss rules``, SARIF and docs.

A rule module registers its :class:`RuleInfo` at import; renderers read the registry, so a
rule's id, default severity and help text are written once.
"""

from __future__ import annotations

from dataclasses import dataclass

from kogloss.findings import Severity


@dataclass(frozen=True)
class RuleInfo:
    """A rule's stable id, its default severity, a one-line summary and a paragraph of help."""

    id: str
    severity: Severity
    summary: str
    description: str
    family: str = ""


RULES: dict[str, RuleInfo] = {}


def register(info: RuleInfo) -> RuleInfo:
    existing = RULES.get(info.id)
    if existing is not None and existing != info:
        raise ValueError(f"rule id {info.id!r} registered twice with different metadata")
    RULES[info.id] = info
    return info


def rule_info(rule_id: str) -> RuleInfo | None:
    return RULES.get(rule_id)
