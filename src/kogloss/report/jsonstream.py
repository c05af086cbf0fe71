"""Writing a JSON array item by item, byte for byte as ``json.dumps(..., indent=2)`` would.

A run over ten thousand releases has hundreds of thousands of findings: building the whole
payload as dictionaries and one string would hold them all in memory twice.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from json.encoder import encode_basestring
from typing import Any, TextIO

# Items written to the stream at once: one write per item cost a system call per item where
# standard output is unbuffered (PYTHONUNBUFFERED, -u).
BATCH = 512


def dumps_indented(value: Any, depth: int) -> str:
    """``value`` as indented JSON whose lines after the first sit ``depth`` levels deep."""
    if type(value) is dict and value:
        flat = _flat_object(value, depth)
        if flat is not None:
            return flat
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + "  " * depth) if depth else text


def _flat_object(value: dict[Any, Any], depth: int) -> str | None:
    """What ``dumps_indented`` gives for a dict of strings, integers, booleans and nulls under
    string keys (a finding's usual ``data``), else None. ``json.dumps`` with ``indent`` runs
    the encoder in Python; here the strings go through its own (C) string function."""
    parts = []
    for key, item in value.items():
        kind = type(item)
        if kind is str:
            text = encode_basestring(item)
        elif kind is bool:
            text = "true" if item else "false"
        elif kind is int:
            text = int.__repr__(item)
        elif item is None:
            text = "null"
        else:
            return None
        if type(key) is not str:
            return None
        parts.append(f"{encode_basestring(key)}: {text}")
    inner = "\n" + "  " * (depth + 1)
    return "{" + inner + ("," + inner).join(parts) + "\n" + "  " * depth + "}"


def write_array(items: Iterable[Any], stream: TextIO, depth: int) -> None:
    """Write ``items`` as the JSON array value of a key at nesting ``depth``."""
    write_rendered((dumps_indented(item, depth + 1) for item in items), stream, depth)


def write_rendered(texts: Iterable[str], stream: TextIO, depth: int) -> None:
    """Write the JSON array, the value of a key at nesting ``depth``, whose items are
    ``texts``: each already what ``dumps_indented(item, depth + 1)`` gives."""
    separator = ",\n" + "  " * (depth + 1)
    opening = "[\n" + "  " * (depth + 1)
    batch: list[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) >= BATCH:
            stream.write(opening + separator.join(batch))
            opening = separator
            batch.clear()
    if batch:
        stream.write(opening + separator.join(batch))
        opening = separator
    stream.write("[]" if opening != separator else "\n" + "  " * depth + "]")
