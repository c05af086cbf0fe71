"""Merge: candidates go in, editors' bytes stay exactly as they were, twice is the same as once."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from kogloss.glossary import load_glossary
from kogloss.glossary.merge import CANDIDATES_FILE, plan_merge
from tests.cli_runner import run_cli
from tests.conftest import DATA, ROOT

EDITOR = DATA / "glossary" / "editor"
CANDIDATES = EDITOR / "candidates.yaml"


def _editor_copy(tmp_path: Path) -> Path:
    target = tmp_path / "reviewed.yaml"
    shutil.copyfile(EDITOR / "reviewed.yaml", target)
    return target


def test_merge_into_a_hand_formatted_file_byte_for_byte(tmp_path: Path) -> None:
    target = _editor_copy(tmp_path)
    result = run_cli(["glossary", "merge", str(CANDIDATES), "--into", str(target)])
    assert result.exit_code == 0, result.stderr
    merged = target.read_bytes()
    assert merged == (EDITOR / "reviewed.merged.yaml").read_bytes()
    original = (EDITOR / "reviewed.yaml").read_bytes()
    # everything up to the first candidate entry (comments, odd indentation, quoting, blank
    # lines, the approved entries) is the editor's, untouched
    first_candidate = original.index(b"  -   en: Korea Eximbank")
    assert merged[:first_candidate] == original[:first_candidate]
    assert merged.endswith(b"# end of file: new candidates are appended above this line\n")


def test_merging_twice_is_merging_once(tmp_path: Path) -> None:
    target = _editor_copy(tmp_path)
    candidates = load_glossary(CANDIDATES)
    plan_merge(candidates, target).write()
    once = target.read_bytes()
    again = plan_merge(candidates, target)
    assert again.changed_paths == [] and again.added == [] and again.updated == []
    again.write()
    assert target.read_bytes() == once


def test_approved_entries_are_never_changed(tmp_path: Path) -> None:
    target = _editor_copy(tmp_path)
    result = plan_merge(load_glossary(CANDIDATES), target)
    assert {entry.en for entry in result.known} == {"Bishkek", "Kyrgyzstan"}
    result.write()
    bishkek = [e for e in load_glossary(target).entries if e.en == "Bishkek"]
    assert len(bishkek) == 1 and bishkek[0].count is None and bishkek[0].example is None


def test_dry_run_prints_a_diff_and_writes_nothing(tmp_path: Path) -> None:
    target = _editor_copy(tmp_path)
    before = target.read_bytes()
    result = run_cli(["glossary", "merge", str(CANDIDATES), "--into", str(target), "--dry-run"])
    assert result.exit_code == 0
    assert target.read_bytes() == before
    assert result.stdout.startswith(f"--- {target}\n+++ {target}\n")
    assert "+  -   en: Gabala\n" in result.stdout
    assert "\n-      count: 1\n" in result.stdout and "\n+      count: 3\n" in result.stdout
    assert sorted(os.listdir(tmp_path)) == ["reviewed.yaml"]


def test_merge_into_the_project_glossary_adds_a_candidates_file(tmp_path: Path) -> None:
    directory = tmp_path / "glossary"
    shutil.copytree(ROOT / "glossary", directory)
    originals = {path.name: path.read_bytes() for path in directory.glob("*.yaml")}
    result = run_cli(["glossary", "merge", str(CANDIDATES), "--into", str(directory)])
    assert result.exit_code == 0, result.stderr
    for name, content in originals.items():
        assert (directory / name).read_bytes() == content, name
    added = load_glossary(directory / CANDIDATES_FILE)
    known = set()
    for entry in load_glossary(ROOT / "glossary").entries:
        known.update(entry.english_forms())
        known.update(variant.text for variant in entry.variants if variant.text)
    candidates = {entry.en for entry in load_glossary(CANDIDATES).entries}
    assert {entry.en for entry in added.entries} == candidates - known
    assert all(entry.status == "candidate" for entry in added.entries)
    lint = run_cli(["glossary", "lint", str(directory)])
    assert lint.exit_code == 0, lint.stdout


def test_merge_into_an_empty_terms_list(tmp_path: Path) -> None:
    target = tmp_path / "new.yaml"
    target.write_text("# Candidates for the Caucasus desk.\nterms: []  # none yet\n")
    plan_merge(load_glossary(CANDIDATES), target).write()
    text = target.read_text()
    assert text.startswith(
        "# Candidates for the Caucasus desk.\nterms:  # none yet\n  - en: Korea Eximbank\n"
    )
    unique = {entry.en for entry in load_glossary(CANDIDATES).entries}
    assert [entry.en for entry in load_glossary(target).entries] == sorted(
        unique, key=[entry.en for entry in load_glossary(CANDIDATES).entries].index
    )


def test_a_broken_target_is_refused_and_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "broken.yaml"
    target.write_text("terms:\n  - en: Bishkek\n\tko: 비슈케크\n")
    before = target.read_bytes()
    result = run_cli(["glossary", "merge", str(CANDIDATES), "--into", str(target)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"kogloss: error: {target}:3:1: ")
    assert target.read_bytes() == before


def test_no_candidates_is_nothing_to_do(tmp_path: Path) -> None:
    target = _editor_copy(tmp_path)
    before = target.read_bytes()
    empty = tmp_path / "none.yaml"
    empty.write_text("# kogloss extract found nothing new\nterms: []\n")
    result = run_cli(["glossary", "merge", str(empty), "--into", str(target)])
    assert result.exit_code == 0
    assert "0 added, 0 updated" in result.stderr
    assert target.read_bytes() == before
