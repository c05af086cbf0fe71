"""Which files make a glossary, reading one as text, and loading a glossary through the cache.

Kept apart from the YAML reader (glossary/load.py) so that a run whose glossary comes from the
cache never imports PyYAML, its composer or the schema checks: 10 ms of every ``kogloss check``.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from kogloss.document import _decode_error
from kogloss.errors import InputError
from kogloss.glossary.cache import cached_entries
from kogloss.glossary.collector import collector_paused
from kogloss.glossary.model import Entry, Glossary

if TYPE_CHECKING:
    from pathlib import Path

GLOSSARY_SUFFIXES = (".yaml", ".yml")
MAX_GLOSSARY_BYTES = 32 * 1024 * 1024


def glossary_files(path: str | Path) -> list[str]:
    """The YAML files of a glossary: the file itself, or a directory's *.yaml/*.yml, sorted."""
    name = os.fspath(path)
    if os.path.isfile(name):
        return [name]
    if not os.path.isdir(name):
        raise InputError(name, "no such file or directory")
    found = []
    for directory, subdirectories, files in os.walk(name):
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith("."))
        found.extend(
            os.path.join(directory, file)
            for file in files
            if file.endswith(GLOSSARY_SUFFIXES) and not file.startswith(".")
        )
    if not found:
        raise InputError(name, "empty glossary: no *.yaml or *.yml files in this directory")
    return sorted(found)


def read_text(path: str) -> str:
    """The file as text: UTF-8 (a byte-order mark allowed), else an error at the bad byte."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_GLOSSARY_BYTES + 1)
    except FileNotFoundError:
        raise InputError(path, "no such file or directory") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror or error}") from None
    if len(data) > MAX_GLOSSARY_BYTES:
        raise InputError(path, "file is over the 32 MiB limit for a glossary file")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _decode_error(path, data, error.start, "not UTF-8 (save the file as UTF-8)") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_glossary(path: str | Path, allow_empty: bool = False) -> Glossary:
    """Load a glossary file or directory; the first schema error raises InputError, and so
    does a glossary with no entries unless ``allow_empty`` (a candidates file may be empty).

    Unchanged files come from the cache (glossary/cache.py) instead of being parsed again."""
    paths = glossary_files(path)
    entries = cached_entries(os.fspath(path), paths, lambda: _parse(paths))
    if not entries and not allow_empty:
        raise InputError(os.fspath(path), "empty glossary: no entries")
    return Glossary(entries=entries, paths=paths)


def _parse(paths: list[str]) -> list[Entry]:
    from kogloss.glossary.load import parse_glossary  # the YAML reader, on a cache miss only

    # The YAML nodes and entries form no cycles; a collection during the parse walks them all
    # (a third of the parse of 5,000 entries), and the entries stay for the whole run.
    with collector_paused(long_lived=True):
        return parse_glossary(paths)
