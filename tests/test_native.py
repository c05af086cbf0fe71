"""The C accelerators: each is built where a C compiler is, so that a CI machine cannot fall
back to the slower Python without anyone noticing, and the pure Python can be asked for."""

from __future__ import annotations

import shutil
import sysconfig
from pathlib import Path

import pytest

import kogloss._native
from kogloss._native import PURE_PYTHON_VARIABLE, load

SOURCES = sorted(Path(kogloss._native.__file__).parent.glob("*.c"))


def _compiler_present() -> bool:
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    return shutil.which(compiler) is not None


def test_there_are_accelerators() -> None:
    assert SOURCES, "no src/kogloss/_native/*.c"


@pytest.mark.parametrize("source", SOURCES, ids=lambda source: source.stem)
def test_each_accelerator_is_built_where_a_compiler_is(
    source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(PURE_PYTHON_VARIABLE, raising=False)
    if not _compiler_present():
        pytest.skip("no C compiler: kogloss runs its pure Python code")
    assert load(source.stem) is not None, (
        f"{source.name} is not built: run `pip install -e .` (or "
        "`python setup.py build_ext --inplace`) again and read the compiler's errors"
    )


def test_pure_python_can_be_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PURE_PYTHON_VARIABLE, "1")
    assert all(load(source.stem) is None for source in SOURCES)
    monkeypatch.setenv(PURE_PYTHON_VARIABLE, "0")
    assert load("no_such_accelerator") is None
