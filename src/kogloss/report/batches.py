"""Writing a report's lines in batches.

One ``write`` per finding cost a system call per line where standard output is unbuffered
(``PYTHONUNBUFFERED``, ``python -u``, as CI runners often set): a few hundred lines per write
keep a report of ten thousand findings to a few dozen.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

# Items written to the stream at once.
BATCH = 512

_Item = TypeVar("_Item")


def batched(items: Iterable[_Item]) -> Iterator[list[_Item]]:
    """``items`` in lists of :data:`BATCH` (the last one shorter)."""
    batch: list[_Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def write_lines(lines: Iterable[str], stream: TextIO) -> None:
    """Write each of ``lines`` and a line break, a batch at a time."""
    for batch in batched(lines):
        stream.write("\n".join(batch) + "\n")
