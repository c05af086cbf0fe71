"""Optional C accelerators for the hot loops of ``kogloss check``, one module per C file.

Each accelerator computes exactly what a pure Python function beside its caller computes, and
tests compare the two on generated text. The Python stays the reference and the fallback: an
install without a C compiler, or a run with ``KOGLOSS_PURE_PYTHON=1`` set (to rule the C code
out when hunting a bug), uses it.
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType

PURE_PYTHON_VARIABLE = "KOGLOSS_PURE_PYTHON"


def load(name: str) -> ModuleType | None:
    """The compiled module ``kogloss._native.NAME``, or None where it was not built or the
    pure Python code is asked for."""
    if os.environ.get(PURE_PYTHON_VARIABLE, "") not in ("", "0"):
        return None
    try:
        return importlib.import_module(f"{__name__}.{name}")
    except ImportError:
        return None
