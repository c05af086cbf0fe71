"""Scoring an alignment against gold links: strict F1 (a link counts only if it is exactly a
gold link) and lax F1 (over the sentence pairs the links imply, so a merge found as 1-1 plus a
skip still earns partial credit), with recall per kind of irregularity the gold marks."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kogloss.errors import InputError

LinkKey = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class GoldLink:
    ko: tuple[int, ...]
    en: tuple[int, ...]
    kind: str = ""


@dataclass
class Score:
    """Counts behind strict and lax F1, addable across documents."""

    strict_found: int = 0
    strict_gold: int = 0
    strict_correct: int = 0
    lax_found: int = 0
    lax_gold: int = 0
    lax_correct: int = 0
    kinds: dict[str, list[int]] = field(default_factory=dict)  # kind -> [correct, gold]

    def add(self, other: Score) -> None:
        self.strict_found += other.strict_found
        self.strict_gold += other.strict_gold
        self.strict_correct += other.strict_correct
        self.lax_found += other.lax_found
        self.lax_gold += other.lax_gold
        self.lax_correct += other.lax_correct
        for kind, (correct, gold) in other.kinds.items():
            tally = self.kinds.setdefault(kind, [0, 0])
            tally[0] += correct
            tally[1] += gold

    @staticmethod
    def _f1(correct: int, found: int, gold: int) -> float:
        if not found or not gold:
            return 1.0 if found == gold else 0.0
        precision, recall = correct / found, correct / gold
        return 2 * precision * recall / (precision + recall) if correct else 0.0

    @property
    def strict_f1(self) -> float:
        return self._f1(self.strict_correct, self.strict_found, self.strict_gold)

    @property
    def lax_f1(self) -> float:
        return self._f1(self.lax_correct, self.lax_found, self.lax_gold)

    def kind_recall(self) -> dict[str, float]:
        return {kind: correct / gold for kind, (correct, gold) in sorted(self.kinds.items()) if gold}


def load_gold(path: str | Path) -> list[GoldLink]:
    """Gold links from ``{"links": [{"ko": [...], "en": [...], "kind": ...}]}``."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return [
            GoldLink(tuple(link["ko"]), tuple(link["en"]), link.get("kind", ""))
            for link in data["links"]
        ]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise InputError(str(path), f"not a gold alignment file: {error}") from None


def _pairs(links: Iterable[LinkKey]) -> set[tuple[int, int]]:
    """Sentence pairs a set of links implies; an unlinked sentence pairs with -1."""
    pairs: set[tuple[int, int]] = set()
    for ko, en in links:
        for i in ko or (-1,):
            for j in en or (-1,):
                pairs.add((i, j) if ko else (-1 - j, j))
        if not en:
            pairs.update((i, -1) for i in ko)
    return pairs


def score_links(found: Sequence[LinkKey], gold: Sequence[GoldLink]) -> Score:
    """Strict and lax counts of ``found`` links against ``gold``."""
    gold_keys = {(link.ko, link.en) for link in gold}
    found_keys = set(found)
    found_pairs = _pairs(found_keys)
    gold_pairs = _pairs(gold_keys)
    kinds: dict[str, list[int]] = {}
    for link in gold:
        kind = link.kind or "regular"
        tally = kinds.setdefault(kind, [0, 0])
        tally[0] += (link.ko, link.en) in found_keys
        tally[1] += 1
    return Score(
        strict_found=len(found_keys),
        strict_gold=len(gold_keys),
        strict_correct=len(found_keys & gold_keys),
        lax_found=len(found_pairs),
        lax_gold=len(gold_pairs),
        lax_correct=len(found_pairs & gold_pairs),
        kinds=kinds,
    )
