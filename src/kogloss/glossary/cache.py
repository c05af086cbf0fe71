"""A cache of loaded glossaries: a repeat run skips the YAML parse (a second for 5,000 entries).

The entries of a glossary that loaded without errors are kept as JSON (never pickle: a cache
file must not be able to run code) in the user's cache directory, one file per glossary
location, under a key over kogloss's version, the entry layout and every file's path and
bytes: reading and hashing the files costs a millisecond, and any edit misses. A cache that is
missing, stale, corrupt, unreadable or unwritable is ignored and the glossary parsed again;
``KOGLOSS_NO_CACHE=1`` turns the cache off.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Callable
from typing import Any

try:
    # hashlib's own BLAKE2, without importing hashlib, which loads OpenSSL: 2 ms of every run
    # (and BLAKE2 hashes the glossary's bytes three times as fast as SHA-256)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without its BLAKE2 module
    from hashlib import blake2b

from kogloss import __version__
from kogloss.fileio import write_atomic
from kogloss.glossary.collector import collector_paused
from kogloss.glossary.model import Entry, Variant

# Bump when the JSON layout below changes.
_FORMAT = 1
_FIELDS = [field.name for field in dataclasses.fields(Entry)]
_VARIANTS, _PATH, _POSITIONS = (_FIELDS.index(name) for name in ("variants", "path", "positions"))
_LAYOUT = [_FORMAT, _FIELDS, __version__]


def cached_entries(
    location: str, paths: list[str], parse: Callable[[], list[Entry]]
) -> list[Entry]:
    """The entries of the glossary at ``location`` (made of ``paths``): from the cache when
    the files are unchanged, else from ``parse()`` (whose errors propagate), then cached."""
    if os.environ.get("KOGLOSS_NO_CACHE", "") not in ("", "0"):
        return parse()
    key = _key(paths)
    if key is None:  # a file cannot be read: let the parse report it
        return parse()
    # one file per glossary location, replaced when its files change
    place = blake2b(os.fsencode(os.path.abspath(location)), digest_size=16).hexdigest()
    cache_file = os.path.join(cache_directory(), f"glossary-{place}.json")
    entries = _read(cache_file, key, paths)
    if entries is None:
        entries = parse()
        if _key(paths) == key:  # not edited while it was parsed
            _write(cache_file, key, paths, entries)
    return entries


def cache_directory() -> str:
    """``$KOGLOSS_CACHE_DIR``, else ``$XDG_CACHE_HOME/kogloss``, else ``~/.cache/kogloss``."""
    chosen = os.environ.get("KOGLOSS_CACHE_DIR")
    if chosen:
        return chosen
    base = os.environ.get("XDG_CACHE_HOME")
    if not base or not os.path.isabs(base):  # the XDG spec ignores a relative path
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "kogloss")


def _key(paths: list[str]) -> str | None:
    digest = blake2b(json.dumps(_LAYOUT).encode())
    for path in paths:
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            return None
        name = os.fsencode(path)
        # lengths first, so that no two lists of files hash the same bytes
        digest.update(b"%d:%d:" % (len(name), len(data)) + name + data)
    return digest.hexdigest()


def _read(cache_file: str, key: str, paths: list[str]) -> list[Entry] | None:
    try:
        with open(cache_file, encoding="utf-8") as handle, collector_paused(long_lived=True):
            cached = json.load(handle)
            if cached["key"] != key:
                return None
            return [_entry(row, paths) for row in cached["entries"]]
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
        return None  # missing or corrupt: parse again


def _write(cache_file: str, key: str, paths: list[str], entries: list[Entry]) -> None:
    path_numbers = {path: number for number, path in enumerate(paths)}
    rows = [_row(entry, path_numbers) for entry in entries]
    text = json.dumps({"key": key, "entries": rows}, ensure_ascii=False, separators=(",", ":"))
    try:
        os.makedirs(os.path.dirname(cache_file), exist_ok=True)
        write_atomic(cache_file, text)
    except OSError:
        pass  # a read-only home or a full disk: run without the cache


def _row(entry: Entry, path_numbers: dict[str, int]) -> list[Any]:
    """The entry's fields in order as a JSON array; its file as a number, its variants as
    arrays, its positions as flat (key, line, column) triples."""
    row = [getattr(entry, name) for name in _FIELDS]
    row[_VARIANTS] = [[v.text, v.pattern, v.message] for v in entry.variants]
    row[_PATH] = path_numbers[entry.path]
    row[_POSITIONS] = [item for key, place in entry.positions.items() for item in (key, *place)]
    return row


def _entry(row: list[Any], paths: list[str]) -> Entry:
    """The entry ``_row`` wrote, made with one positional call (keywords cost twice as much)."""
    if row[_VARIANTS]:
        row[_VARIANTS] = [Variant(*variant) for variant in row[_VARIANTS]]
    row[_PATH] = paths[row[_PATH]]
    places = row[_POSITIONS]
    row[_POSITIONS] = dict(
        zip(places[::3], zip(places[1::3], places[2::3], strict=True), strict=True)
    )
    return Entry(*row)
