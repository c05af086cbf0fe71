"""Paths and cached extraction results shared by the extract tests."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from kogloss.document import load_document
from kogloss.extract.candidates import Candidate
from kogloss.extract.corpus import extract_candidates

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
GOLD = ROOT / "tests" / "data" / "extract"
APA_SEED = SAMPLES / "apa_interview_ambassador_azerbaijan.txt"
MOFA_SEED = SAMPLES / "mofa_central_asia_forum_bishkek.txt"


@cache
def candidates_of(path: Path) -> tuple[Candidate, ...]:
    """Extract once per file for the whole session; the tests only read the result."""
    return tuple(extract_candidates([load_document(str(path))]))


def find(candidates: tuple[Candidate, ...], en: str, kind: str) -> Candidate:
    for candidate in candidates:
        if candidate.en == en and candidate.type == kind:
            return candidate
    proposed = sorted((c.type, c.en) for c in candidates)
    raise AssertionError(f"{kind} {en!r} not proposed; proposed: {proposed}")
