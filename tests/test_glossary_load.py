"""Loading: the project's glossary, editors' files, and bad input reported at its place."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
import yaml

from kogloss.errors import InputError
from kogloss.glossary import default_glossary_path, load_glossary
from kogloss.glossary.load import read_glossary_file
from tests.cli_runner import run_cli
from tests.conftest import DATA, ROOT

BAD = DATA / "glossary" / "bad"
EXPECTATIONS = yaml.safe_load((BAD / "expectations.yaml").read_text(encoding="utf-8"))


def test_project_glossary_loads_every_entry_with_its_line() -> None:
    glossary = load_glossary(ROOT / "glossary")
    files = sorted((ROOT / "glossary").glob("*.yaml"))
    assert glossary.paths == [str(path) for path in files]
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines()
        starts = [n for n, line in enumerate(lines, 1) if re.match(r"\s*- en:", line)]
        assert [e.line for e in glossary.entries if e.path == str(path)] == starts
    assert all(entry.type and entry.status for entry in glossary.entries)


def test_the_default_glossary_is_the_project_glossary() -> None:
    shipped = load_glossary(default_glossary_path())
    project = load_glossary(ROOT / "glossary")
    assert [entry.en for entry in shipped.entries] == [entry.en for entry in project.entries]


def test_editor_file_reads_every_style(tmp_path: Path) -> None:
    glossary = load_glossary(DATA / "glossary" / "editor" / "reviewed.yaml")
    kyrgyz, bishkek, peninsula, eximbank, palace = glossary.entries
    assert kyrgyz.also == ["Kyrgyzstan"] and kyrgyz.variants[0].pattern is not None
    assert kyrgyz.line == 7 and kyrgyz.place("ko") == (8, 11)
    assert bishkek.ko == "비슈케크" and bishkek.note is not None and "Pishpek" in bishkek.note
    assert peninsula.en == "Korean Peninsula"
    assert [v.text for v in peninsula.variants] == ["Korean Peninsular", "Korean peninsula"]
    assert eximbank.status == "candidate" and eximbank.count == 1
    assert palace.seen_in == ["apa_interview_ambassador_azerbaijan.txt"]


def test_scalars_stay_text_as_written(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text("terms:\n  - en: No\n    ko: 아니요\n    type: term\n    status: approved\n")
    assert load_glossary(path).entries[0].en == "No"


def test_decomposed_korean_is_normalised(tmp_path: Path) -> None:
    import unicodedata

    path = tmp_path / "g.yaml"
    decomposed = unicodedata.normalize("NFD", "한반도")
    path.write_text(f"terms:\n  - en: Korean Peninsula\n    ko: {decomposed}\n")
    assert load_glossary(path).entries[0].ko == "한반도"


@pytest.mark.parametrize("name", sorted(EXPECTATIONS))
def test_bad_glossary_is_one_line_at_its_place(name: str) -> None:
    expected = EXPECTATIONS[name]
    path = BAD / name
    with pytest.raises(InputError) as raised:
        load_glossary(path)
    error = raised.value
    assert (error.path, error.line, error.column) == (
        str(path),
        expected["line"],
        expected["column"],
    )
    assert expected["message"] in error.message
    result = run_cli(["glossary", "export", "--format", "csv", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"kogloss: error: {error.render()}\n"


def test_missing_and_empty_directories(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_glossary(tmp_path / "nowhere")
    with pytest.raises(InputError, match=r"no \*\.yaml"):
        load_glossary(tmp_path)


def _read_outcome(path: Path, fast: bool) -> object:
    """Everything reading a file gives: entries with positions and problems, or the error."""
    try:
        result = read_glossary_file(str(path), fast=fast)
    except InputError as error:
        return error.render()
    entries = [(dataclasses.astuple(e), sorted(e.positions.items())) for e in result.entries]
    return entries, [(p.line, p.column, p.code, p.message) for p in result.problems]


YAML_FILES = sorted(
    path
    for path in [*(DATA / "glossary").rglob("*.y*ml"), *(ROOT / "glossary").glob("*.yaml")]
    if path.name != "expectations.yaml"
)


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_libyaml_reads_every_file_as_the_pure_composer_does(path: Path) -> None:
    assert _read_outcome(path, fast=True) == _read_outcome(path, fast=False)


LINT_CASE_TEXTS = [
    case["glossary"]
    for path in sorted((DATA / "glossary" / "lint").glob("*.yaml"))
    for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    if isinstance(case.get("glossary"), str)
]


@pytest.mark.parametrize(
    "text",
    [
        *LINT_CASE_TEXTS,
        "terms:\n  - {en: Kim\tJong, type: person}\n",  # libyaml accepts the tab
        "terms:\n  - en: Seoul\n    variants: [Seo?ul]\n",  # and the ? in a flow scalar
        "terms:\n  - en: !Seoul\n    ko: 서울\n",  # and resolves the tag otherwise
        "terms:\n  - en: Se\ufeffoul\n",  # and skips a byte-order mark
        "terms:\n  - en: Seoul\n    note: |#\n      capital\n",  # and a comment after |
        "terms:\n  - {en: Seoul, type: ,place}\n",  # an empty value placed otherwise
        "---",  # and an empty document
        "terms: &a [*a]\n",  # a list that holds itself
    ],
)
def test_texts_libyaml_reads_otherwise_read_as_before(tmp_path: Path, text: str) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(text, encoding="utf-8")
    assert _read_outcome(path, fast=True) == _read_outcome(path, fast=False)
