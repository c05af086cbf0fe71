"""Where a run's findings wait until the report is written, in order, without filling memory."""

from __future__ import annotations

import operator
import pickle
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from kogloss.findings import Finding, Severity

# Findings stay in memory up to this many pickled bytes, then go to a temporary file.
SPILL_BYTES = 16 * 2**20

_Packed = tuple[Any, ...]
# A packed finding's line, column, rule and message: within one path, the order of
# Finding.sort_key, read in C.
_ORDER = operator.itemgetter(0, 1, 4, 6)
# Severity by value without the Enum call (a noticeable share of reading 100,000 findings back).
_SEVERITIES = {int(level): level for level in Severity}


def _pack(finding: Finding) -> _Packed:
    # Plain tuples pickle several times faster than dataclass instances; the path is kept once
    # per group.
    return (
        finding.line,
        finding.column,
        finding.end_line,
        finding.end_column,
        finding.rule,
        int(finding.severity),
        finding.message,
        finding.suggestion,
        finding.start,
        finding.end,
        finding.data or None,
    )


def _unpack(path: str, packed: _Packed) -> Finding:
    line, column, end_line, end_column, rule, severity, message, suggestion, start, end, data = (
        packed
    )
    return Finding(
        path, line, column, end_line, end_column, rule, _SEVERITIES[severity], message, suggestion,
        start, end, data or {},
    )  # fmt: skip


class FindingStore:
    """A run's findings by path, pickled into a spooled temporary file.

    A run over ten thousand releases finds hundreds of thousands of things, which as objects
    would take hundreds of megabytes until the end of the run, when the corpus rules have
    added theirs and the report can be sorted. Iterating gives the order one global sort
    would: by path, then position, rule and message, ties in the order they were added.
    """

    def __init__(self) -> None:
        # The file lives as long as the store and is deleted when the store is collected.
        self._file = tempfile.SpooledTemporaryFile(max_size=SPILL_BYTES)  # noqa: SIM115
        self._size = 0
        self._chunks: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self.rule_ids: set[str] = set()
        self.severities: set[Severity] = set()
        self.count = 0

    def add(self, findings: Iterable[Finding]) -> None:
        by_path: dict[str, list[_Packed]] = defaultdict(list)
        for finding in findings:
            by_path[finding.path].append(_pack(finding))
            self.rule_ids.add(finding.rule)
            self.severities.add(finding.severity)
            self.count += 1
        for path, packed in by_path.items():
            data = pickle.dumps(packed, protocol=pickle.HIGHEST_PROTOCOL)
            self._file.seek(self._size)
            self._file.write(data)
            self._chunks[path].append((self._size, len(data)))
            self._size += len(data)

    def for_path(self, path: str) -> list[Finding]:
        """The findings of one file, in the order they were added."""
        return [_unpack(path, packed) for packed in self._packed(path)]

    def _packed(self, path: str) -> list[_Packed]:
        found: list[_Packed] = []
        for offset, length in self._chunks.get(path, ()):
            self._file.seek(offset)
            found.extend(pickle.loads(self._file.read(length)))
        return found

    def __iter__(self) -> Iterator[Finding]:
        for path in sorted(self._chunks):
            # Sorted while packed (a stable sort, so ties keep the order they were added in).
            for packed in sorted(self._packed(path), key=_ORDER):
                yield _unpack(path, packed)

    def __len__(self) -> int:
        return self.count
