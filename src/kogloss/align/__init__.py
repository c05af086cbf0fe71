"""Sentence alignment of a Korean release with its English translation.

``align(korean_document, english_document)`` segments both sides (or takes one segment per line
with ``lines=True``, hunalign's convention), computes each sentence's anchors once, runs one
dynamic programme over 1-1, 1-0, 0-1, 2-1, 1-2 and 2-2 links in a band around the diagonal, and
returns an :class:`Alignment`: links in document order, each with a score and a confidence, the
stretches an editor should look at first, and warnings about the input (swapped languages, one
side far longer, no sentence punctuation).

Glossary pairs are an optional input (``anchors``: Korean and English forms, or a
:class:`~kogloss.align.anchors.TermAnchors`), so the aligner works without a glossary.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from kogloss.align.anchors import TermAnchors
from kogloss.align.features import (
    SentenceFeatures,
    english_features,
    korean_features,
    latin_vocabulary,
)
from kogloss.align.inputs import check_inputs
from kogloss.align.search import SKIP_COST, RawLink, best_path
from kogloss.document import Document
from kogloss.segment import Segment, line_segments, sentences

LOW_CONFIDENCE = 0.5

__all__ = [
    "LOW_CONFIDENCE",
    "Alignment",
    "Link",
    "Stretch",
    "TermAnchors",
    "align",
    "align_segments",
]


@dataclass(frozen=True)
class Link:
    """Korean segments ``ko`` translated by English segments ``en`` (0-based segment indices;
    either side empty for an omission or an addition)."""

    ko: tuple[int, ...]
    en: tuple[int, ...]
    score: float
    confidence: float

    @property
    def shape(self) -> str:
        return f"{len(self.ko)}-{len(self.en)}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "ko": list(self.ko),
            "en": list(self.en),
            "score": round(self.score, 3),
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True)
class Stretch:
    """A run of consecutive low-confidence links: where an editor should look first."""

    first_link: int
    last_link: int
    ko: tuple[int, ...]
    en: tuple[int, ...]


@dataclass
class Alignment:
    """Both documents, their segments, the links between them and what to look at."""

    korean: Document
    english: Document
    ko_segments: list[Segment]
    en_segments: list[Segment]
    links: list[Link]
    warnings: list[str] = field(default_factory=list)

    def low_confidence(self, threshold: float = LOW_CONFIDENCE) -> list[Stretch]:
        """Maximal runs of links whose confidence is under ``threshold``."""
        stretches: list[Stretch] = []
        run: list[int] = []
        for index, link in enumerate([*self.links, None]):
            if link is not None and link.confidence < threshold:
                run.append(index)
                continue
            if run:
                chosen = [self.links[k] for k in run]
                stretches.append(
                    Stretch(
                        run[0],
                        run[-1],
                        tuple(i for item in chosen for i in item.ko),
                        tuple(j for item in chosen for j in item.en),
                    )
                )
                run = []
        return stretches


def _sigmoid(value: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, value))))


def _confidence(raw: RawLink, alternatives: float) -> float:
    """How far a link beats the other readings of its sentences, squashed to 0..1.

    A link is compared with leaving its sentences unlinked; an unlinked sentence with the best
    link it could have had with a neighbour. A margin of zero is a coin toss.
    """
    sentences_in_link = (raw.ko_end - raw.ko_start) + (raw.en_end - raw.en_start)
    if raw.ko_end > raw.ko_start and raw.en_end > raw.en_start:
        return _sigmoid((raw.score + SKIP_COST * sentences_in_link - 1.5) / 1.5)
    return _sigmoid((-SKIP_COST - alternatives) / 1.5)


def align_segments(
    korean: Document,
    english: Document,
    ko_segments: list[Segment],
    en_segments: list[Segment],
    anchors: TermAnchors | Sequence[tuple[str, str]] | None = None,
) -> Alignment:
    """Align segments already cut (by :func:`kogloss.segment.sentences` or one per line)."""
    warnings = check_inputs(korean, english, ko_segments, en_segments)
    term_anchors = anchors if isinstance(anchors, TermAnchors) or anchors is None else None
    if anchors is not None and term_anchors is None:
        term_anchors = TermAnchors(anchors)
    ko_features = [
        korean_features(
            segment.text,
            _opens_paragraph(ko_segments, index),
            term_anchors.korean_ids(segment.text) if term_anchors else (),
        )
        for index, segment in enumerate(ko_segments)
    ]
    vocabulary = latin_vocabulary(ko_features)
    en_features = [
        english_features(
            segment.text,
            _opens_paragraph(en_segments, index),
            vocabulary,
            term_anchors.english_ids(segment.text) if term_anchors else (),
        )
        for index, segment in enumerate(en_segments)
    ]
    raw_links = best_path(ko_features, en_features)
    links = [
        Link(
            tuple(range(raw.ko_start, raw.ko_end)),
            tuple(range(raw.en_start, raw.en_end)),
            raw.score,
            _confidence(raw, _best_neighbour(raw, ko_features, en_features)),
        )
        for raw in raw_links
    ]
    return Alignment(korean, english, ko_segments, en_segments, links, warnings)


def _best_neighbour(
    raw: RawLink, korean: Sequence[SentenceFeatures], english: Sequence[SentenceFeatures]
) -> float:
    """For a sentence left unlinked, the shared anchors it has with the nearest sentences of
    the other side, less the skip it would save: what a 1-1 link there would have scored."""
    if raw.ko_end > raw.ko_start and raw.en_end > raw.en_start:
        return 0.0
    if raw.ko_end > raw.ko_start:
        mine, others, position = korean[raw.ko_start], english, raw.en_start
    else:
        mine, others, position = english[raw.en_start], korean, raw.ko_start
    best = -math.inf
    for index in (position - 1, position):
        if 0 <= index < len(others):
            tokens = others[index].tokens
            shared = sum(min(w, tokens[k]) for k, w in mine.tokens.items() if k in tokens)
            best = max(best, shared - SKIP_COST)
    return best if best > -math.inf else -2 * SKIP_COST


def _opens_paragraph(segments: Sequence[Segment], index: int) -> bool:
    return index == 0 or segments[index].paragraph != segments[index - 1].paragraph


def align(
    korean: Document,
    english: Document,
    lines: bool = False,
    anchors: TermAnchors | Sequence[tuple[str, str]] | None = None,
) -> Alignment:
    """Align a Korean release with its English translation, sentence by sentence.

    With ``lines=True`` each non-blank line is one segment and a blank line closes a paragraph;
    otherwise both sides go through :func:`kogloss.segment.sentences`.
    """
    if lines:
        ko_segments = line_segments(korean)[0]
        en_segments = line_segments(english)[0]
    else:
        ko_segments = sentences(korean)
        en_segments = sentences(english)
    return align_segments(korean, english, ko_segments, en_segments, anchors)
