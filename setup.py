"""Builds kogloss's optional C accelerators; everything else is declared in pyproject.toml.

Each ``src/kogloss/_native/NAME.c`` becomes the module ``kogloss._native.NAME``. They are
optional: where no C compiler is found the install still succeeds and kogloss runs the pure
Python code each accelerator mirrors (the same results, more slowly; see
``kogloss._native.load``).
"""

from pathlib import Path

from setuptools import Extension, setup

NATIVE = Path("src/kogloss/_native")

setup(
    ext_modules=[
        Extension(
            f"kogloss._native.{source.stem}",
            [source.as_posix()],
            optional=True,
            extra_compile_args=["-O2"],
        )
        for source in sorted(NATIVE.glob("*.c"))
    ]
)
