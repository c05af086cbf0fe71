"""Writing a JSON array item by item, byte for byte as ``json.dumps(..., indent=2)`` would.

A run over ten thousand releases has hundreds of thousands of findings: building the whole
payload as dictionaries and one string would hold them all in memory twice.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO


def dumps_indented(value: Any, depth: int) -> str:
    """``value`` as indented JSON whose lines after the first sit ``depth`` levels deep."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + "  " * depth) if depth else text


def write_array(items: Iterable[Any], stream: TextIO, depth: int) -> None:
    """Write ``items`` as the JSON array value of a key at nesting ``depth``."""
    inner = "  " * (depth + 1)
    separator = "[\n"
    for item in items:
        stream.write(separator)
        stream.write(inner + dumps_indented(item, depth + 1))
        separator = ",\n"
    stream.write("[]" if separator == "[\n" else "\n" + "  " * depth + "]")
