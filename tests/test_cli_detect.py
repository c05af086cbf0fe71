"""The detect command as a user runs it: formats, exit codes, --strip, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_runner import run_cli
from tests.conftest import APA_SEED, MOFA_SEED, SAMPLES


def test_text_output_is_path_line_column_severity_rule_message() -> None:
    result = run_cli(["detect", str(MOFA_SEED)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    navigation = "warning boilerplate Not release content: a navigation, menu or share line"
    untranslated = "error untranslated Korean segment left untranslated in an English release"
    assert f"{MOFA_SEED}:1:1: {navigation}" in lines
    assert f"{MOFA_SEED}:1:1: {untranslated}" in lines
    assert len(lines) == 4 * 2 + 1  # four Korean menu lines twice, "Press Releases" once


def test_json_output_has_findings_and_segments() -> None:
    result = run_cli(["detect", "--format", "json", str(APA_SEED)])
    payload = json.loads(result.stdout)
    finding_keys = {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "rule",
        "severity",
        "message",
    }
    assert payload["findings"] and all(finding_keys <= set(f) for f in payload["findings"])
    first = payload["segments"][0]
    assert first["text"] == "10:15 20 July"
    assert first["boilerplate"] is True and first["language"] == "en"
    assert set(first["scripts"]) == {"hangul", "latin", "han", "cyrillic", "other"}
    assert payload["documents"] == [{"path": str(APA_SEED), "encoding": "utf-8", "language": "en"}]


def test_fail_on_threshold_decides_the_exit_code() -> None:
    assert run_cli(["detect", "--fail-on", "error", str(APA_SEED)]).exit_code == 0
    assert run_cli(["detect", "--fail-on", "error", str(MOFA_SEED)]).exit_code == 1
    assert run_cli(["detect", "--fail-on", "never", str(MOFA_SEED)]).exit_code == 0


def test_clean_release_exits_zero(tmp_path: Path) -> None:
    release = tmp_path / "clean.txt"
    release.write_text(
        "Korea and Uzbekistan Hold Policy Consultation\n\n"
        "1. First Vice Minister of Foreign Affairs Lee Do-hoon held the policy consultation "
        "with Deputy Foreign Minister Bakhromjon Aloev in Tashkent on November 15.\n",
        encoding="utf-8",
    )
    result = run_cli(["detect", str(release)])
    assert (result.exit_code, result.stdout) == (0, "")


def test_strip_writes_content_only_to_a_file_atomically(tmp_path: Path) -> None:
    output = tmp_path / "clean.txt"
    result = run_cli(["detect", "--strip", "-o", str(output), str(MOFA_SEED)])
    assert result.exit_code == 0
    text = output.read_text(encoding="utf-8")
    assert "바로가기" not in text and text.startswith("ROK and Central Asia")
    assert list(tmp_path.iterdir()) == [output]


def test_strip_several_files_into_a_directory(tmp_path: Path) -> None:
    result = run_cli(["detect", "--strip", "-o", str(tmp_path), str(MOFA_SEED), str(APA_SEED)])
    assert result.exit_code == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        [MOFA_SEED.name, APA_SEED.name]
    )
    refused = run_cli(["detect", "--strip", str(MOFA_SEED), str(APA_SEED)])
    assert refused.exit_code == 2 and "needs -o naming an existing directory" in refused.stderr


def test_stdin_and_verbose_encoding_report() -> None:
    data = "본문 바로가기\n\nThe Forum was held in Bishkek on October 4, 2017.\n".encode("cp949")
    result = run_cli(["detect", "-v", "-"], stdin=data)
    assert "<stdin>: read as euc-kr" in result.stderr
    assert "<stdin>:1:1: error untranslated" in result.stdout


def test_directory_recursion_reads_every_sample() -> None:
    result = run_cli(["detect", "--format", "json", str(SAMPLES)])
    paths = {document["path"] for document in json.loads(result.stdout)["documents"]}
    assert len(paths) == len([p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".md", ".html")])


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "no such file or directory"),
        ("empty.txt", b"", "empty file"),
        ("binary.txt", b"\x00\x01\x02" * 50, "binary file"),
        ("folder", "directory", "no files matching"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, name: str, content: bytes | str | None, message: str
) -> None:
    path = tmp_path / name
    if content == "directory":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    result = run_cli(["detect", str(path)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"kogloss: error: {path}") and message in result.stderr


def test_huge_file_is_refused_by_size(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    result = run_cli(["detect", str(huge)])
    assert result.exit_code == 2
    assert "file is 50.0 MiB, over the 16.0 MiB limit" in result.stderr


def test_the_installed_command_runs_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes("テスト 日本語のファイル".encode("shift_jis") * 3)
    completed = subprocess.run(
        [sys.executable, "-m", "kogloss", "detect", str(bad)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 2
    assert "Traceback" not in completed.stderr
    assert completed.stderr.startswith(f"kogloss: error: {bad}:1:1: unknown encoding")
    version = subprocess.run(
        [sys.executable, "-m", "kogloss", "--version"], capture_output=True, text=True, check=True
    )
    assert version.stdout.startswith("kogloss, version ")


def test_every_command_has_help_with_an_example() -> None:
    result = run_cli(["detect", "--help"])
    assert result.exit_code == 0
    assert "Examples:" in result.stdout and "kogloss detect" in result.stdout


def test_output_is_deterministic_byte_for_byte() -> None:
    first = run_cli(["detect", "--format", "json", str(SAMPLES)]).stdout
    second = run_cli(["detect", "--format", "json", str(SAMPLES)]).stdout
    assert first == second
