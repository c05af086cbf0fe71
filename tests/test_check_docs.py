"""The GitHub Actions example in docs/check.md is valid YAML and its kogloss command lines
work as the workflow runs them, on real releases."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

import pytest
import yaml

from tests.cli_runner import run_cli
from tests.conftest import APA_SEED, MOFA_SEED, ROOT

DOC = ROOT / "docs" / "check.md"


def _workflow() -> dict:
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## In CI: GitHub Actions", 1)[1]
    block = re.search(r"```yaml\n(.*?)```", section, re.DOTALL)
    assert block is not None
    workflow = yaml.safe_load(block.group(1))
    assert isinstance(workflow, dict)
    return workflow


def test_workflow_example_is_a_valid_workflow() -> None:
    workflow = _workflow()
    assert workflow["name"] == "kogloss"
    steps = workflow["jobs"]["check"]["steps"]
    assert all("uses" in step or "run" in step for step in steps)
    uploads = [step for step in steps if step.get("uses", "").startswith("github/codeql-action")]
    assert uploads and uploads[0]["with"]["sarif_file"] == "kogloss.sarif"


def test_workflow_commands_run_on_real_releases(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("kogloss.glossary")
    releases = tmp_path / "releases"
    releases.mkdir()
    for seed in (APA_SEED, MOFA_SEED):
        shutil.copy(seed, releases / seed.name)
    monkeypatch.chdir(tmp_path)
    steps = _workflow()["jobs"]["check"]["steps"]
    commands = [step["run"] for step in steps if step.get("run", "").startswith("kogloss ")]
    assert len(commands) == 2
    annotate = run_cli(shlex.split(commands[0])[1:])
    assert annotate.exit_code == 1  # the seeds have findings: the job fails, as it should
    assert annotate.stdout.startswith(("::error ", "::warning ", "::notice "))
    report = run_cli(shlex.split(commands[1])[1:])
    assert report.exit_code == 0
    sarif = json.loads((tmp_path / "kogloss.sarif").read_text(encoding="utf-8"))
    assert sarif["runs"][0]["results"]
