"""Candidates written as the glossary's own YAML (``status: candidate``) or as JSON.

The keys are the glossary schema's (docs/glossary.md), so ``kogloss glossary merge`` reads the
output as it is. What has no key of its own there (the title a person holds, the short forms a
release uses, how the Korean form was paired) goes into ``note``, in words an editor reads;
``source`` says where the example sentence was found, as ``path:line:column``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from kogloss.extract.candidates import Candidate

FORMATS = ("yaml", "json")
_HEADER = (
    "# Glossary candidates proposed by `kogloss extract`: review them, then\n"
    "# `kogloss glossary merge` this file into the glossary.\n"
)


@dataclass(frozen=True)
class KnownTerm:
    """A candidate the glossary already has: reported, not proposed again."""

    candidate: Candidate
    entry_en: str
    where: str  # path:line of the glossary entry
    new_forms: tuple[str, ...]  # spellings seen in the releases that the entry does not list

    def to_dict(self) -> dict[str, Any]:
        return {
            "en": self.entry_en,
            "seen_as": self.candidate.en,
            "type": self.candidate.type,
            "glossary": self.where,
            "count": self.candidate.count,
            "seen_in": list(self.candidate.seen_in),
            "new_variants": list(self.new_forms),
        }


def select(
    candidates: Iterable[Candidate], min_count: int = 1, types: Sequence[str] | None = None
) -> list[Candidate]:
    """The candidates seen at least ``min_count`` times, of the given types (all by default)."""
    wanted = set(types) if types else None
    return [
        candidate
        for candidate in candidates
        if candidate.count >= min_count and (wanted is None or candidate.type in wanted)
    ]


def _note(candidate: Candidate) -> str | None:
    parts = []
    if candidate.links:
        label = "title of" if candidate.type == "title" else "title"
        parts.append(f"{label}: {', '.join(candidate.links)}")
    if candidate.short_forms:
        parts.append(f"short forms: {', '.join(candidate.short_forms)}")
    if candidate.ko is not None and candidate.ko_method is not None:
        confidence = f" {candidate.confidence:.2f}" if candidate.confidence is not None else ""
        parts.append(f"Korean form paired by {candidate.ko_method}{confidence}")
    return "; ".join(parts) or None


def candidate_entry(candidate: Candidate) -> dict[str, Any]:
    """The glossary entry proposed for ``candidate``, keys in the glossary's order."""
    entry: dict[str, Any] = {"en": candidate.en}
    if candidate.ko is not None:
        entry["ko"] = candidate.ko
    entry["type"] = candidate.type
    entry["status"] = "candidate"
    if candidate.abbr is not None:
        entry["abbr"] = candidate.abbr
    if candidate.variants:
        entry["variants"] = list(candidate.variants)
    note = _note(candidate)
    if note is not None:
        entry["note"] = note
    entry["source"] = candidate.position
    entry["count"] = candidate.count
    entry["seen_in"] = list(candidate.seen_in)
    entry["example"] = candidate.example
    return entry


def render(
    candidates: Sequence[Candidate], output_format: str, known: Sequence[KnownTerm] = ()
) -> str:
    """The candidates as YAML (known terms as comments above them) or as JSON."""
    entries = [candidate_entry(candidate) for candidate in candidates]
    if output_format == "json":
        data: dict[str, Any] = {"terms": entries}
        if known:
            data["known"] = [term.to_dict() for term in known]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if output_format != "yaml":
        raise ValueError(f"unknown format {output_format!r}")
    lines = [_HEADER]
    if known:
        lines.append("#\n# Already in the glossary (not proposed again):\n")
        for term in known:
            seen = f"; new spellings seen: {', '.join(term.new_forms)}" if term.new_forms else ""
            name = term.entry_en
            if term.candidate.en != term.entry_en:
                name = f"{term.candidate.en} (as {term.entry_en})"
            lines.append(f"#   {name} ({term.where}), {term.candidate.count}x{seen}\n")
    body = yaml.safe_dump(
        {"terms": entries}, allow_unicode=True, sort_keys=False, width=4096, indent=2
    )
    lines.append(body if entries else "terms: []\n")
    return "".join(lines)
