"""Glossary pairs as alignment anchors: a Korean term in one sentence, its English in the other.

The aligner takes any object with ``korean_ids(text)`` and ``english_ids(text)`` that name the
pairs found; :class:`TermAnchors` builds one from plain (Korean, English) pairs, so alignment
needs no glossary, and :meth:`TermAnchors.from_glossary` from the project glossary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

from kogloss.glossary import Glossary, TermIndex

_WORD = re.compile(r"[A-Za-z0-9]+")


class Anchors(Protocol):
    """What the aligner asks of glossary anchors: which pairs a sentence holds."""

    def korean_ids(self, text: str) -> list[int]: ...

    def english_ids(self, text: str) -> list[int]: ...


class IndexAnchors:
    """Anchors from the project glossary's :class:`~kogloss.glossary.TermIndex`: an entry's
    Korean form on one side, any English form of it (preferred, accepted, abbreviation or a
    listed variant: still a translation of the term) on the other."""

    def __init__(self, index: TermIndex) -> None:
        self._index = index
        self._ids: dict[int, int] = {}

    def _id(self, entry: object) -> int:
        return self._ids.setdefault(id(entry), len(self._ids))

    def korean_ids(self, text: str) -> list[int]:
        return [self._id(match.entry) for match in self._index.find_korean(text)]

    def english_ids(self, text: str) -> list[int]:
        return [self._id(match.entry) for match in self._index.find_english(text) if match.entry.ko]


class TermAnchors:
    """Pairs looked up by their first two Korean characters and their first English word, so a
    sentence costs one dictionary probe per character or word whatever the glossary's size."""

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self._korean: dict[str, list[tuple[str, int]]] = {}
        self._english: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for pair_id, (korean, english) in enumerate(pairs):
            self._add_korean(korean, pair_id)
            self._add_english(english, pair_id)

    @classmethod
    def from_glossary(cls, glossary: Glossary) -> TermAnchors:
        """One anchor per entry with a Korean form: its ``ko`` on one side, and on the other any
        English form (preferred, accepted, abbreviation, plain variant: still a translation).

        A dictionary probe per character or word instead of a full TermIndex search per
        sentence: the CLI's default glossary anchoring costs a fifth of the alignment, not half.
        """
        anchors = cls(())
        for entry_id, entry in enumerate(entry for entry in glossary.entries if entry.ko):
            anchors._add_korean(entry.ko or "", entry_id)
            forms = [entry.en, *entry.also, *([entry.abbr] if entry.abbr else [])]
            forms += [variant.text for variant in entry.variants if variant.text]
            for form in dict.fromkeys(forms):
                anchors._add_english(form, entry_id)
        return anchors

    def _add_korean(self, korean: str, pair_id: int) -> None:
        korean = korean.strip()
        if len(korean) >= 2:
            self._korean.setdefault(korean[:2], []).append((korean, pair_id))

    def _add_english(self, english: str, pair_id: int) -> None:
        words = tuple(word.lower() for word in _WORD.findall(english))
        if words:
            self._english.setdefault(words[0], []).append((words, pair_id))

    def korean_ids(self, text: str) -> list[int]:
        """Pairs whose Korean form occurs in ``text`` (particles may follow it)."""
        found: list[int] = []
        table = self._korean
        for position in range(len(text) - 1):
            for term, pair_id in table.get(text[position : position + 2], ()):
                if text.startswith(term, position):
                    found.append(pair_id)
        return found

    def english_ids(self, text: str) -> list[int]:
        """Pairs whose English form occurs in ``text`` as whole words, any case."""
        words = [word.lower() for word in _WORD.findall(text)]
        found: list[int] = []
        table = self._english
        for position, word in enumerate(words):
            for term, pair_id in table.get(word, ()):
                if tuple(words[position : position + len(term)]) == term:
                    found.append(pair_id)
        return found
