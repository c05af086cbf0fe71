"""Glossary pairs as alignment anchors: a Korean term in one sentence, its English in the other.

The aligner takes any object with ``korean_ids(text)`` and ``english_ids(text)`` that name the
pairs found; :class:`TermAnchors` builds one from plain (Korean, English) pairs, so alignment
needs no glossary, and :meth:`TermAnchors.from_index` from the project glossary's TermIndex.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"[A-Za-z0-9]+")


class TermAnchors:
    """Pairs looked up by their first two Korean characters and their first English word, so a
    sentence costs one dictionary probe per character or word whatever the glossary's size."""

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self._korean: dict[str, list[tuple[str, int]]] = {}
        self._english: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for pair_id, (korean, english) in enumerate(pairs):
            korean = korean.strip()
            words = tuple(word.lower() for word in _WORD.findall(english))
            if len(korean) >= 2:
                self._korean.setdefault(korean[:2], []).append((korean, pair_id))
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
