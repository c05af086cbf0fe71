"""Our ``.pre-commit-hooks.yaml`` run for real by pre-commit against a temporary repository.

pre-commit installs the hook from a git repository into its own virtual environment with pip,
so the test copies this project into a temporary git repository (committed, as a hook repo
must be), points a second repository's ``.pre-commit-config.yaml`` at it and runs the hooks.
It needs pre-commit (test extra) and a reachable package index for pip; without them it skips.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

# On PATH, or beside the interpreter running the tests (a virtualenv that is not activated).
PRE_COMMIT = shutil.which("pre-commit") or shutil.which(
    "pre-commit", path=str(Path(sys.executable).parent)
)


def _git(repo: Path, *args: str) -> str:
    completed = subprocess.run(
        ["git", "-c", "user.name=kogloss", "-c", "user.email=kogloss@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
    )
    return completed.stdout


def _hook_repository(target: Path) -> str:
    """A committed copy of this project's tracked and new files; returns its commit."""
    listed = _git(ROOT, "ls-files", "--cached", "--others", "--exclude-standard", "-z")
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    _git(target, "init", "-q")
    _git(target, "add", "-A")
    _git(target, "commit", "-q", "-m", "hook repository")
    return _git(target, "rev-parse", "HEAD").strip()


@pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is not installed")
def test_pre_commit_hooks_gate_and_fix(tmp_path: Path) -> None:
    hooks = tmp_path / "kogloss"
    hooks.mkdir()
    revision = _hook_repository(hooks)
    releases = tmp_path / "releases"
    releases.mkdir()
    _git(releases, "init", "-q")
    (releases / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks}\n    rev: {revision}\n    hooks:\n"
        "      - id: kogloss-check\n        args: [--no-glossary]\n"
        "      - id: kogloss-fix\n        args: [--no-glossary, --select, repeated-word]\n"
        "        stages: [manual]\n"
    )
    (releases / "clean.txt").write_text("The two sides agreed to expand cooperation.\n")
    (releases / "slip.md").write_text("The two sides agreed to to expand cooperation.\n")
    _git(releases, "add", "-A")
    environment = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}

    def run_hooks(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(PRE_COMMIT), "run", *args, "--all-files"],
            cwd=releases,
            env=environment,
            capture_output=True,
            text=True,
            timeout=300,
        )

    gate = run_hooks()
    if "An unexpected error has occurred" in gate.stdout + gate.stderr and "pip" in gate.stdout:
        pytest.skip("pre-commit could not install the hook (no package index?)")
    assert gate.returncode == 1, gate.stdout + gate.stderr
    assert "slip.md:1:22: warning repeated-word Word repeated: 'to to'" in gate.stdout
    assert "clean.txt" not in gate.stdout

    fixed = run_hooks("--hook-stage", "manual", "kogloss-fix")
    assert fixed.returncode == 1  # pre-commit fails a hook that modified files
    assert "fixed 1 finding(s) in slip.md" in fixed.stdout
    assert (releases / "slip.md").read_text() == "The two sides agreed to expand cooperation.\n"
    assert run_hooks().returncode == 0
