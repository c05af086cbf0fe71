"""The cache of loaded glossaries: a hit is the parsed glossary, any change or damage misses."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kogloss.errors import InputError
from kogloss.glossary import Glossary, load_glossary
from kogloss.glossary import load as load_module
from kogloss.glossary.cache import cache_directory
from tests.conftest import DATA, ROOT


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("KOGLOSS_CACHE_DIR", str(directory))
    return directory


@pytest.fixture
def glossary_dir(tmp_path: Path) -> Path:
    copied = tmp_path / "glossary"
    shutil.copytree(ROOT / "glossary", copied)
    shutil.copy(DATA / "glossary" / "editor" / "reviewed.yaml", copied / "reviewed.yaml")
    return copied


def _no_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: str, fast: bool = False) -> None:
        raise AssertionError(f"parsed {path} instead of reading the cache")

    monkeypatch.setattr(load_module, "read_glossary_file", refuse)


def _same(cached: Glossary, parsed: Glossary) -> None:
    assert cached == parsed
    for one, other in zip(cached.entries, parsed.entries, strict=True):
        assert (one.path, one.line, one.positions) == (other.path, other.line, other.positions)
        assert one.place("variants[0]") == other.place("variants[0]")


def test_a_hit_is_the_parsed_glossary(
    cache_dir: Path, glossary_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = load_glossary(glossary_dir)
    assert len(list(cache_dir.iterdir())) == 1
    _no_parse(monkeypatch)
    cached = load_glossary(glossary_dir)
    _same(cached, parsed)
    assert any(variant.pattern for entry in cached.entries for variant in entry.variants)
    assert any(entry.seen_in and entry.count for entry in cached.entries)


def test_an_edited_file_misses(cache_dir: Path, glossary_dir: Path) -> None:
    load_glossary(glossary_dir)
    places = glossary_dir / "places.yaml"
    text = places.read_text(encoding="utf-8")
    places.write_text(text.replace("en: Bishkek", "en: Bishkek City"), encoding="utf-8")
    edited = load_glossary(glossary_dir)
    assert "Bishkek City" in [entry.en for entry in edited.entries]
    assert len(list(cache_dir.iterdir())) == 1  # one file per glossary, replaced


def test_a_corrupt_cache_is_ignored_and_rebuilt(
    cache_dir: Path, glossary_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = load_glossary(glossary_dir)
    (cache_file,) = cache_dir.iterdir()
    whole = cache_file.read_text(encoding="utf-8")
    key = json.loads(whole)["key"]
    short_rows = json.dumps({"key": key, "entries": [["Seoul"]]})
    damaged = (whole[: len(whole) // 2], "[]", '{"key": 1}', "\x00\xff", "", "[" * 100_000)
    damaged += (short_rows,)
    for damage in damaged:
        cache_file.write_text(damage, encoding="utf-8")
        _same(load_glossary(glossary_dir), parsed)
    _no_parse(monkeypatch)
    _same(load_glossary(glossary_dir), parsed)  # rebuilt by the last load


def test_unwritable_cache_and_no_cache_still_load(
    tmp_path: Path, glossary_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("KOGLOSS_CACHE_DIR", str(blocker / "cache"))
    parsed = load_glossary(glossary_dir)
    monkeypatch.setenv("KOGLOSS_CACHE_DIR", str(tmp_path / "off"))
    monkeypatch.setenv("KOGLOSS_NO_CACHE", "1")
    _same(load_glossary(glossary_dir), parsed)
    assert not (tmp_path / "off").exists()


def test_errors_are_never_cached(cache_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text("terms:\n  - en: Seoul\n    type: city\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(InputError) as raised:
            load_glossary(path)
        assert (raised.value.line, raised.value.column) == (3, 11)
    empty = tmp_path / "empty.yaml"
    empty.write_text("terms:\n", encoding="utf-8")
    assert load_glossary(empty, allow_empty=True).entries == []
    with pytest.raises(InputError, match="empty glossary"):
        load_glossary(empty)


def test_cache_directory_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KOGLOSS_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", "/xdg")
    assert cache_directory() == "/xdg/kogloss"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")
    monkeypatch.setenv("HOME", "/home/editor")
    assert cache_directory() == "/home/editor/.cache/kogloss"
    monkeypatch.setenv("KOGLOSS_CACHE_DIR", "/chosen")
    assert cache_directory() == "/chosen"
