"""``kogloss extract`` run as a user runs it: the real entry point on real releases."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
import yaml
from extract_support import APA_SEED, MOFA_SEED, SAMPLES

from kogloss.cli import main

GLOSSARY_KEYS = {
    "en", "ko", "type", "status", "abbr", "case", "also", "variants", "note", "source", "count",
    "seen_in", "example",
}  # fmt: skip


def run(args: list[str], stdin: str = "") -> tuple[int, str, str]:
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
    sys.stdout, sys.stderr = io.StringIO(), io.StringIO()
    try:
        with pytest.raises(SystemExit) as exited:
            main(args)
        out, err = sys.stdout.getvalue(), sys.stderr.getvalue()
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    return int(exited.value.code or 0), out, err


def test_yaml_output_is_glossary_schema() -> None:
    code, out, _ = run(["extract", str(MOFA_SEED), "--no-glossary"])
    assert code == 0
    entries = yaml.safe_load(out)["terms"]
    assert entries
    for entry in entries:
        assert set(entry) <= GLOSSARY_KEYS
        assert entry["status"] == "candidate"
        assert entry["count"] >= 1 and entry["seen_in"] and entry["example"]
    kim = next(entry for entry in entries if entry["en"] == "Kim Kyou-hyun")
    assert kim["type"] == "person"
    assert "First Vice Minister of Foreign Affairs" in kim["note"]
    assert "Vice Minister Kim" in kim["note"]


def test_json_has_the_same_entries(tmp_path: Path) -> None:
    _, yaml_out, _ = run(["extract", str(APA_SEED)])
    target = tmp_path / "out.json"
    code, out, _ = run(["extract", str(APA_SEED), "--format", "json", "-o", str(target)])
    assert code == 0 and out == ""
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["terms"] == yaml.safe_load(yaml_out)["terms"]


def test_types_and_min_count_filter() -> None:
    _, out, _ = run(["extract", str(SAMPLES), "--types", "person,title", "--min-count", "3"])
    entries = yaml.safe_load(out)["terms"]
    assert entries
    assert {entry["type"] for entry in entries} <= {"person", "title"}
    assert all(entry["count"] >= 3 for entry in entries)


def test_output_is_deterministic_whatever_the_argument_order() -> None:
    first = run(["extract", str(APA_SEED), str(MOFA_SEED)])[1]
    second = run(["extract", str(MOFA_SEED), str(APA_SEED)])[1]
    assert first == second


def test_release_without_candidates_is_an_empty_result() -> None:
    code, out, _ = run(["extract", "-"], stdin="nothing to see here, only lower case words.\n")
    assert code == 0
    assert yaml.safe_load(out) == {"terms": []}


def test_bad_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    code, _, err = run(["extract", str(tmp_path / "missing.txt")])
    assert code == 2
    assert err.count("\n") == 1 and "missing.txt" in err
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"Seoul and Baku\n\xff\xfe\xfa\n")
    code, _, err = run(["extract", str(broken), "--encoding", "utf-8"])
    assert code == 2 and "broken.txt" in err and "Traceback" not in err


def test_unknown_type_is_a_usage_error() -> None:
    code, _, err = run(["extract", str(APA_SEED), "--types", "planet"])
    assert code == 2 and "planet" in err


DEV = SAMPLES.parent / "tests" / "data" / "align"


def test_korean_original_found_by_name(tmp_path: Path) -> None:
    (tmp_path / "forum.en.txt").write_bytes((DEV / "r01.en.txt").read_bytes())
    (tmp_path / "forum.ko.txt").write_bytes((DEV / "r01.ko.txt").read_bytes())
    code, out, _ = run(["extract", str(tmp_path), "--types", "person,place", "--no-glossary"])
    assert code == 0
    entries = {entry["en"]: entry for entry in yaml.safe_load(out)["terms"]}
    assert entries["Kim Kyou-hyun"]["ko"] == "김규현"
    assert entries["Bishkek"]["ko"] == "비슈케크"
    assert "Korean form paired by" in entries["Bishkek"]["note"]
    assert all("forum.ko.txt" not in entry["seen_in"][0] for entry in entries.values())


def test_explicit_source_pairs_with_the_release() -> None:
    code, out, _ = run(
        [
            "extract",
            str(DEV / "r03.en.txt"),
            "--source",
            str(DEV / "r03.ko.txt"),
            "--lines",
            "--no-glossary",
        ]
    )
    assert code == 0
    entries = {entry["en"]: entry for entry in yaml.safe_load(out)["terms"]}
    assert entries["Baku"]["ko"] == "바쿠"


def test_source_count_must_match_the_releases() -> None:
    code, _, err = run(
        ["extract", str(APA_SEED), str(MOFA_SEED), "--source", str(DEV / "r01.ko.txt")]
    )
    assert code == 2
    assert "--source" in err and err.count("\n") == 1
