"""Shared paths for tests: the samples and test data of the repository."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DATA = ROOT / "tests" / "data"
APA_SEED = SAMPLES / "apa_interview_ambassador_azerbaijan.txt"
MOFA_SEED = SAMPLES / "mofa_central_asia_forum_bishkek.txt"
