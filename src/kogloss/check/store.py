"""Where a run's findings wait until the report is written, in order, without filling memory."""

from __future__ import annotations

import operator
from collections.abc import Iterable, Iterator
from typing import IO, Any

from kogloss.findings import Finding, Severity

# Findings held as objects until this many, then pickled to a temporary file. A finding
# object with its message is about 300 bytes: some 12 MB. A run over a thousand releases
# (about 12,000 findings) never spills, and so pays no pickling, no temporary file and no
# second Finding per finding; a run over ten thousand spills a few times.
HELD_FINDINGS = 40_000

_Packed = tuple[Any, ...]
# A finding's line, column, rule and message: within one path, the order of Finding.sort_key.
_ORDER = operator.attrgetter("line", "column", "rule", "message")
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
    """A run's findings by path: held as objects, pickled into a temporary file past
    :data:`HELD_FINDINGS`.

    A run over ten thousand releases finds hundreds of thousands of things, which as objects
    would take hundreds of megabytes until the end of the run, when the corpus rules have
    added theirs and the report can be sorted. Iterating gives the order one global sort
    would: by path, then position, rule and message, ties in the order they were added.
    """

    def __init__(self) -> None:
        self._held: dict[str, list[Finding]] = {}
        self._held_count = 0
        # Made at the first spill; the file is deleted when closed or collected.
        self._file: IO[bytes] | None = None
        self._size = 0
        self._chunks: dict[str, list[tuple[int, int]]] = {}
        self.rule_ids: set[str] = set()
        self.severities: set[Severity] = set()
        self.count = 0

    @property
    def spilled(self) -> bool:
        """Whether some findings went to the temporary file."""
        return self._file is not None

    def add(self, findings: Iterable[Finding]) -> None:
        held = self._held
        added = 0
        for finding in findings:
            group = held.get(finding.path)
            if group is None:
                group = held[finding.path] = []
            group.append(finding)
            self.rule_ids.add(finding.rule)
            self.severities.add(finding.severity)
            added += 1
        self.count += added
        self._held_count += added
        if self._held_count > HELD_FINDINGS:
            self._spill()

    def _spill(self) -> None:
        """Pickle every held finding to the temporary file (a chunk per path) and let go."""
        import pickle  # only a run past HELD_FINDINGS pickles: no start-up cost for the rest
        import tempfile

        if self._file is None:
            self._file = tempfile.TemporaryFile()  # noqa: SIM115 (lives as long as the store)
        self._file.seek(self._size)
        for path, group in self._held.items():
            data = pickle.dumps([_pack(finding) for finding in group], pickle.HIGHEST_PROTOCOL)
            self._file.write(data)
            self._chunks.setdefault(path, []).append((self._size, len(data)))
            self._size += len(data)
        self._held = {}
        self._held_count = 0

    def for_path(self, path: str) -> list[Finding]:
        """The findings of one file, in the order they were added."""
        found: list[Finding] = []
        if self._file is not None:
            import pickle

            for offset, length in self._chunks.get(path, ()):
                self._file.seek(offset)
                found.extend(
                    _unpack(path, packed) for packed in pickle.loads(self._file.read(length))
                )
        # Everything spilled was added before anything held now.
        found.extend(self._held.get(path, ()))
        return found

    def __iter__(self) -> Iterator[Finding]:
        for path in sorted(self._held.keys() | self._chunks.keys()):
            # A stable sort, so ties keep the order they were added in.
            yield from sorted(self.for_path(path), key=_ORDER)

    def __len__(self) -> int:
        return self.count
