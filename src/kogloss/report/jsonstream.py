"""Writing a JSON array item by item, byte for byte as ``json.dumps(..., indent=2)`` would.

A run over ten thousand releases has hundreds of thousands of findings: building the whole
payload as dictionaries and one string would hold them all in memory twice.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from json.encoder import encode_basestring
from typing import Any, TextIO

from kogloss.report.batches import batched


def dumps_indented(value: Any, depth: int) -> str:
    """``value`` as indented JSON whose lines after the first sit ``depth`` levels deep."""
    try:
        return _indented(value, "  " * depth)
    except (_Unsupported, RecursionError):
        text = json.dumps(value, ensure_ascii=False, indent=2)
        return text.replace("\n", "\n" + "  " * depth) if depth else text


class _Unsupported(Exception):
    """A value :func:`_indented` leaves to ``json.dumps``."""


def _indented(value: Any, indent: str) -> str:
    """What ``json.dumps(value, ensure_ascii=False, indent=2)`` writes, every line after the
    first prefixed with ``indent``, for strings, integers, booleans, None, lists, tuples and
    dicts with string keys (raising _Unsupported for anything else: floats, subclasses).

    ``json.dumps`` with ``indent`` runs its encoder in Python, one generator per container;
    a finding's ``data`` and the term summary took 35 ms of a JSON report that way. The
    strings go through the encoder's own (C) string function here.
    """
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is int:
        return int.__repr__(value)
    if kind is dict:
        if not value:
            return "{}"
        inner = indent + "  "
        items = []
        for key, item in value.items():
            if type(key) is not str:
                raise _Unsupported
            items.append(f"{encode_basestring(key)}: {_indented(item, inner)}")
        return "{\n" + inner + (",\n" + inner).join(items) + "\n" + indent + "}"
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        inner = indent + "  "
        items = [_indented(item, inner) for item in value]
        return "[\n" + inner + (",\n" + inner).join(items) + "\n" + indent + "]"
    raise _Unsupported


def write_array(items: Iterable[Any], stream: TextIO, depth: int) -> None:
    """Write ``items`` as the JSON array value of a key at nesting ``depth``."""
    write_rendered((dumps_indented(item, depth + 1) for item in items), stream, depth)


def write_rendered(texts: Iterable[str], stream: TextIO, depth: int) -> None:
    """Write the JSON array, the value of a key at nesting ``depth``, whose items are
    ``texts``: each already what ``dumps_indented(item, depth + 1)`` gives."""
    separator = ",\n" + "  " * (depth + 1)
    opening = "[\n" + "  " * (depth + 1)
    for batch in batched(texts):
        stream.write(opening + separator.join(batch))
        opening = separator
    stream.write("[]" if opening != separator else "\n" + "  " * depth + "]")
