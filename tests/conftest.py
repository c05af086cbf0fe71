"""Shared paths for tests: the samples and test data of the repository.

Glossary caches go to a directory of this test run's own (set before anything loads a
glossary, and inherited by the commands tests run), never into the user's home.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DATA = ROOT / "tests" / "data"
APA_SEED = SAMPLES / "apa_interview_ambassador_azerbaijan.txt"
MOFA_SEED = SAMPLES / "mofa_central_asia_forum_bishkek.txt"
# The real releases tests read: the samples (the two seeds among them), the test data, and the
# shared seed folder where a checkout sits beside it (a CI checkout has none).
REAL_FOLDERS = [
    folder for folder in (SAMPLES, DATA, ROOT.parent / "shared" / "seeds") if folder.is_dir()
]

_CACHE = tempfile.mkdtemp(prefix="kogloss-test-cache-")
os.environ["KOGLOSS_CACHE_DIR"] = _CACHE
os.environ.pop("KOGLOSS_NO_CACHE", None)
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)
