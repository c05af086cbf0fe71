"""Candidates from a corpus of releases: the English side read, mentions folded together,
and, where a Korean original is given, each candidate paired with its Korean form."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from kogloss.align import align
from kogloss.document import Document
from kogloss.extract.candidates import (
    Candidate,
    Mention,
    aggregate,
    link_short_names,
    sort_candidates,
)
from kogloss.extract.english import extract_english
from kogloss.extract.gazetteer import major_place_names
from kogloss.extract.pairing import AlignedUnit, Pairer


def english_mentions(documents: Sequence[Document]) -> list[Mention]:
    """Mentions of every document, documents in path order so results do not depend on the
    order files were named on the command line; short names resolved to full ones."""
    mentions: list[Mention] = []
    for document in sorted(documents, key=lambda document: document.path):
        mentions.extend(extract_english(document))
    return link_short_names(mentions)


def aligned_units(korean: Document, english: Document, lines: bool = False) -> list[AlignedUnit]:
    """The aligned links of one release pair, as pairing reads them."""
    alignment = align(korean, english, lines=lines)
    units = []
    for number, link in enumerate(alignment.links):
        if not link.ko or not link.en:
            continue
        text = " ".join(alignment.ko_segments[index].text for index in link.ko)
        spans = [
            (alignment.en_segments[index].start, alignment.en_segments[index].end)
            for index in link.en
        ]
        units.append(AlignedUnit((english.path, number), text, spans))
    return units


def extract_candidates(
    documents: Sequence[Document],
    korean_pairs: Sequence[tuple[Document, Document]] = (),
    known_pairs: Mapping[str, str] | None = None,
    preferred_forms: Iterable[str] = (),
    lines: bool = False,
) -> list[Candidate]:
    """Glossary candidates of ``documents`` (English), in a deterministic order.

    ``korean_pairs`` are (Korean original, English translation) pairs, the English side also
    listed in ``documents``; their candidates get a Korean form where the evidence allows.
    ``known_pairs`` (English -> Korean, from a glossary) are trusted first; ``preferred_forms``
    join the gazetteer's names as the spellings a group of variants is filed under. ``lines``
    reads both sides of a pair as one sentence per line.
    """
    canonical = set(major_place_names()) | set(preferred_forms)
    mentions = english_mentions(documents)
    candidates = aggregate(mentions, canonical)
    if korean_pairs:
        units = [
            unit
            for korean, english in sorted(korean_pairs, key=lambda pair: pair[1].path)
            for unit in aligned_units(korean, english, lines)
        ]
        add_korean_forms(candidates, mentions, units, known_pairs)
    return sort_candidates(candidates)


def add_korean_forms(
    candidates: Sequence[Candidate],
    mentions: Sequence[Mention],
    units: Sequence[AlignedUnit],
    known_pairs: Mapping[str, str] | None = None,
) -> None:
    """Set ``ko``, ``confidence`` and ``ko_method`` of the candidates the aligned ``units``
    give evidence for (units from any aligner, or from gold links)."""
    known = dict(known_pairs or {})
    pairings = Pairer(units, mentions, candidates, known, user_words=known.values()).pair()
    for candidate in candidates:
        found = pairings.get(id(candidate))
        if found is not None:
            candidate.ko = found.ko
            candidate.confidence = found.confidence
            candidate.ko_method = found.method
