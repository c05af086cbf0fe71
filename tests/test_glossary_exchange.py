"""Export and import: TBX (both dialects), CSV and TSV round-trip without loss; Vale; bad XML."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml
from lxml import etree

from kogloss.errors import InputError
from kogloss.glossary import Entry, load_glossary
from kogloss.glossary.exchange import export_glossary, import_entries
from kogloss.glossary.tbx import TBX_NAMESPACE
from tests.cli_runner import run_cli
from tests.conftest import DATA, ROOT

TBX_DATA = DATA / "glossary" / "tbx"
GLOSSARIES = [ROOT / "glossary", DATA / "glossary" / "editor" / "reviewed.yaml"]
ROUND_TRIPS = [("csv", "csv", ".csv"), ("tsv", "tsv", ".tsv"), ("tbx", "tbx", ".tbx")]
ROUND_TRIPS.append(("martif", "tbx", ".tbx"))


def _content(entry: Entry) -> dict:
    fields = dataclasses.asdict(entry)
    for key in ("path", "line", "positions"):
        fields.pop(key)
    return fields


@pytest.mark.parametrize("source", GLOSSARIES, ids=lambda p: p.name)
@pytest.mark.parametrize(("export", "reader", "suffix"), ROUND_TRIPS, ids=lambda v: str(v))
def test_round_trip_loses_nothing(
    source: Path, export: str, reader: str, suffix: str, tmp_path: Path
) -> None:
    glossary = load_glossary(source)
    exported = tmp_path / f"out{suffix}"
    exported.write_text(export_glossary(glossary, export), encoding="utf-8")
    back = import_entries(exported, reader)
    assert [_content(e) for e in back] == [_content(e) for e in glossary.entries]


def test_yaml_import_of_an_export_loads_as_the_same_glossary(tmp_path: Path) -> None:
    glossary = load_glossary(ROOT / "glossary")
    exported = tmp_path / "all.csv"
    exported.write_text(export_glossary(glossary, "csv"), encoding="utf-8")
    target = tmp_path / "imported.yaml"
    result = run_cli(["glossary", "import", "--format", "csv", str(exported), "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    again = load_glossary(target)
    assert [_content(e) for e in again.entries] == [_content(e) for e in glossary.entries]
    assert run_cli(["glossary", "lint", str(target)]).exit_code == 0


def test_tbx_2019_structure() -> None:
    glossary = load_glossary(ROOT / "glossary")
    root = etree.fromstring(export_glossary(glossary, "tbx").encode("utf-8"))
    ns = {"t": TBX_NAMESPACE}
    assert root.tag == f"{{{TBX_NAMESPACE}}}tbx"
    assert (root.get("type"), root.get("style")) == ("TBX-Basic", "dca")
    concepts = root.findall(".//t:conceptEntry", ns)
    assert len(concepts) == len(glossary.entries)
    peninsula = next(
        c
        for c in concepts
        if c.findtext("t:langSec/t:termSec/t:term", namespaces=ns) == "Korean Peninsula"
    )
    statuses = {
        sec.findtext("t:term", namespaces=ns): sec.findtext(
            "t:termNote[@type='administrativeStatus']", namespaces=ns
        )
        for sec in peninsula.findall("t:langSec/t:termSec", ns)
    }
    assert statuses["Korean Peninsula"] == "preferredTerm-admn-sts"
    assert statuses["Korean Peninsular"] == "deprecatedTerm-admn-sts"
    assert statuses["한반도"] == "preferredTerm-admn-sts"


def test_martif_structure() -> None:
    glossary = load_glossary(DATA / "glossary" / "editor" / "reviewed.yaml")
    text = export_glossary(glossary, "martif")
    assert '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">' in text
    root = etree.fromstring(text.encode("utf-8"))
    assert root.tag == "martif" and len(root.findall(".//termEntry")) == 5
    languages = {
        node.get("{http://www.w3.org/XML/1998/namespace}lang") for node in root.iter("langSet")
    }
    assert languages == {"en", "ko"}


def test_import_a_cat_tool_martif_export() -> None:
    entries = import_entries(TBX_DATA / "multiterm_export.tbx", "tbx")
    peninsula, korea = entries  # the concept with only a Russian term is skipped
    assert peninsula.en == "Korean Peninsula" and peninsula.ko == "한반도"
    assert [v.text for v in peninsula.variants] == ["Korean Peninsular"]
    assert peninsula.note == "Always capitalised."
    assert peninsula.example == "Peace on the Korean Peninsula is our goal."
    assert (korea.en, korea.abbr, korea.also, korea.ko) == (
        "Republic of Korea",
        "ROK",
        ["South Korea"],
        "대한민국",
    )
    assert peninsula.line == 9


@pytest.mark.parametrize(
    ("name", "line", "column", "words"),
    [
        ("external_entity.tbx", 3, 3, "entities are refused"),
        ("billion_laughs.tbx", 3, 2, "entities are refused"),
        ("undefined_entity.tbx", 4, 64, "Entity 'nbsp' not defined"),
        ("unclosed.tbx", 4, 63, "tag mismatch"),
    ],
)
def test_hostile_or_broken_xml_is_refused_at_its_place(
    name: str, line: int, column: int, words: str, tmp_path: Path
) -> None:
    path = TBX_DATA / name
    with pytest.raises(InputError) as raised:
        import_entries(path, "tbx")
    assert (raised.value.line, raised.value.column) == (line, column)
    assert words in raised.value.message
    target = tmp_path / "out.yaml"
    result = run_cli(["glossary", "import", "--format", "tbx", str(path), "-o", str(target)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"kogloss: error: {path}:{line}:{column}: ")
    assert not target.exists()


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("en,kind\nBishkek,place\n", 1, "unknown column `kind`"),
        ("en,type\nBishkek,city\n", 2, "`city` is not one of"),
        ("en,count\nBishkek,many\n", 2, "not a whole number"),
        ('en,variants\nKyrgyz Republic,"[{""pattern"": ""(""}]"\n', 2, "does not compile"),
        ("en,ko\n", None, "no rows"),
    ],
)
def test_bad_csv_is_one_line_at_its_row(
    text: str, line: int | None, words: str, tmp_path: Path
) -> None:
    path = tmp_path / "terms.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        import_entries(path, "csv")
    assert raised.value.line == line and words in raised.value.message


def test_spreadsheet_csv_with_bom_and_semicolon_lists(tmp_path: Path) -> None:
    path = tmp_path / "terms.csv"
    path.write_text(
        "\ufeffen,ko,type,also,variants\n"
        "Kyrgyz Republic,키르기스스탄,place,Kyrgyzstan,Kyrgystan;Kirghizia\n",
        encoding="utf-8",
    )
    (entry,) = import_entries(path, "csv")
    assert entry.also == ["Kyrgyzstan"]
    assert [v.text for v in entry.variants] == ["Kyrgystan", "Kirghizia"]


def test_vale_style_swaps_every_plain_variant() -> None:
    glossary = load_glossary(ROOT / "glossary")
    rule = yaml.safe_load(export_glossary(glossary, "vale"))
    assert rule["extends"] == "substitution"
    assert rule["swap"][r"Korean\s+Peninsular"] == "Korean Peninsula"
    plain = {
        (v.text, e.en)
        for e in glossary.entries
        if e.status != "deprecated"
        for v in e.variants
        if v.text is not None
    }
    swapped = {
        (key.removeprefix("(?i)").replace(r"\s+", " ").replace("\\", ""), value)
        for key, value in rule["swap"].items()
    }
    assert {(text.replace("\\", ""), en) for text, en in plain} <= swapped


def test_export_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "glossary.tbx"
    result = run_cli(["glossary", "export", "--format", "tbx", "-o", str(target)])
    assert result.exit_code == 0 and result.stdout == ""
    assert len(import_entries(target, "tbx")) == len(load_glossary(ROOT / "glossary").entries)


def test_a_control_character_cannot_go_into_tbx(tmp_path: Path) -> None:
    glossary = tmp_path / "g.yaml"
    glossary.write_text('terms:\n  - en: Bishkek\n    note: "bell \\a here"\n', encoding="utf-8")
    result = run_cli(["glossary", "export", "--format", "tbx", str(glossary)])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"kogloss: error: {glossary}:2: entry `Bishkek` holds")
