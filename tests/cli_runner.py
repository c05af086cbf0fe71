"""Run the real ``kogloss`` entry point in-process and capture what a user would see."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass

import pytest

from kogloss.cli import main


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


def run_cli(args: list[str], stdin: bytes = b"") -> CliResult:
    """Call ``main(args)`` with fresh stdin/stdout/stderr; return exit code and output."""
    fake_in = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    fake_out = io.StringIO()
    fake_err = io.StringIO()
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = fake_in, fake_out, fake_err
    try:
        with pytest.raises(SystemExit) as exited:
            main(args)
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    code = exited.value.code
    return CliResult(code if isinstance(code, int) else 0, fake_out.getvalue(), fake_err.getvalue())
