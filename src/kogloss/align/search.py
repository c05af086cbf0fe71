"""The dynamic programme: the best chain of 1-1, 1-0, 0-1, 2-1 and 1-2 links.

One programme over the whole document (not paragraph by paragraph): a paragraph boundary that
both sides share is rewarded and one that only a side has costs a little, so a translator's
merged or dropped paragraph does not derail what follows. The search stays in a band around the
diagonal; when the best path runs along the band's edge the band is widened and the search run
again, so time grows linearly with the document unless the two sides really drift apart.

Scores are in log-odds-like units: a 1-1 link gets the anchor tokens both sides share, minus a
length cost kept deliberately light; skipping a sentence and merging two cost constants that
the development set calibrated (merges much rarer than Gale and Church's textbook priors).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from kogloss.align.features import SentenceFeatures

# Calibrated on tests/data/align (see tests/test_align_quality.py for the figures).
LENGTH_VARIANCE = 2.6  # variance of the English length per letter of expected length
LENGTH_WEIGHT = 0.35  # the length cost is kept but weighs little beside the anchors
LENGTH_COST_CAP = 6.0
BASE_ONE_ONE = 2.0
SKIP_COST = 2.2  # a sentence with no counterpart
MERGE_COST = 2.6  # 2-1 and 1-2, beside the 1-1 base
PARAGRAPH_BOTH = 1.5  # both links open a paragraph
PARAGRAPH_ONE = 0.8  # only one side opens a paragraph here
PARAGRAPH_INSIDE = 1.2  # a merge that swallows a paragraph boundary
MARKER_SAME = 1.5
MARKER_DIFFERENT = 2.0
MIN_BAND = 12

# (Korean sentences, English sentences) a link may take.
LINK_SHAPES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))


@dataclass(frozen=True)
class RawLink:
    """A link as the search found it: index ranges and its score."""

    ko_start: int
    ko_end: int
    en_start: int
    en_end: int
    score: float


class Scorer:
    """Link scores from precomputed features: shared-token sums for pairs inside a band."""

    def __init__(
        self, korean: Sequence[SentenceFeatures], english: Sequence[SentenceFeatures]
    ) -> None:
        self.korean = korean
        self.english = english
        self.ko_lengths = [features.length for features in korean]
        self.en_lengths = [features.length for features in english]
        self.shared: list[dict[int, float]] = [{} for _ in korean]

    def fill(self, band: Sequence[tuple[int, int]]) -> None:
        """Shared-anchor sums for every pair in the band, through an inverted index so that
        only pairs with something in common are ever touched."""
        postings: dict[str, list[tuple[int, float]]] = {}
        for j, features in enumerate(self.english):
            for key, weight in features.tokens.items():
                postings.setdefault(key, []).append((j, weight))
        for i, features in enumerate(self.korean):
            low, high = band[min(i, len(band) - 1)]
            row: dict[int, float] = {}
            for key, weight in features.tokens.items():
                for j, other in postings.get(key, ()):
                    if low - 2 <= j <= high + 2:
                        row[j] = row.get(j, 0.0) + (weight if weight < other else other)
            self.shared[i] = row

    def _merged(self, i: int, j: int, korean_pair: bool) -> float:
        """Shared anchors of a merge, counted exactly: a token both merged sentences have
        counts only as often as the single sentence on the other side has it."""
        if korean_pair:
            first, second, single = self.korean[i], self.korean[i + 1], self.english[j]
        else:
            first, second, single = self.english[j], self.english[j + 1], self.korean[i]
        total = 0.0
        for key, weight in single.tokens.items():
            combined = first.tokens.get(key, 0.0) + second.tokens.get(key, 0.0)
            if combined:
                total += weight if weight < combined else combined
        return total

    def length_cost(self, expected: float, en_length: float) -> float:
        """Gale and Church's squared deviation; Korean lengths are already in English letters."""
        mean = (expected + en_length) / 2 + 1.0
        delta = (en_length - expected) / math.sqrt(LENGTH_VARIANCE * mean)
        return min(LENGTH_WEIGHT * delta * delta, LENGTH_COST_CAP)

    def boundary(self, i: int, j: int) -> float:
        """Reward or cost of a link that starts at Korean ``i`` and English ``j``."""
        ko = self.korean[i]
        en = self.english[j]
        score = 0.0
        if ko.paragraph_start and en.paragraph_start:
            score += PARAGRAPH_BOTH
        elif ko.paragraph_start or en.paragraph_start:
            score -= PARAGRAPH_ONE
        if ko.marker or en.marker:
            score += MARKER_SAME if ko.marker == en.marker else -MARKER_DIFFERENT
        return score

    def link(self, i: int, di: int, j: int, dj: int) -> float:
        """Score of linking Korean ``i:i+di`` with English ``j:j+dj``."""
        if di == 0 or dj == 0:
            return -SKIP_COST
        shared = self.shared
        anchors = shared[i].get(j, 0.0)
        ko_length = self.ko_lengths[i]
        en_length = self.en_lengths[j]
        score = BASE_ONE_ONE + self.boundary(i, j)
        if di == 2:
            second = shared[i + 1].get(j, 0.0)
            anchors = self._merged(i, j, True) if anchors and second else anchors + second
            ko_length += self.ko_lengths[i + 1]
            score -= MERGE_COST
            if self.korean[i + 1].paragraph_start:
                score -= PARAGRAPH_INSIDE
        if dj == 2:
            second = shared[i].get(j + 1, 0.0)
            anchors = self._merged(i, j, False) if anchors and second else anchors + second
            en_length += self.en_lengths[j + 1]
            score -= MERGE_COST
            if self.english[j + 1].paragraph_start:
                score -= PARAGRAPH_INSIDE
        return score + anchors - self.length_cost(ko_length, en_length)


def _band(n: int, m: int, width: int) -> list[tuple[int, int]]:
    """For each Korean prefix length 0..n, the English prefix lengths the search visits."""
    rows = []
    for i in range(n + 1):
        centre = round(i * m / n) if n else 0
        rows.append((max(0, centre - width), min(m, centre + width)))
    return rows


def _search(scorer: Scorer, n: int, m: int, band: list[tuple[int, int]]) -> list[RawLink] | None:
    """The best path inside ``band``, or None when it touches the band's edge (widen, retry)."""
    negative = -math.inf
    best: list[list[float]] = []
    back: list[list[int]] = []
    link = scorer.link
    for i in range(n + 1):
        low, high = band[i]
        row = [negative] * (high - low + 1)
        moves = [0] * (high - low + 1)
        best.append(row)
        back.append(moves)
        for j in range(low, high + 1):
            if i == 0 and j == 0:
                row[0] = 0.0
                continue
            top = negative
            choice = 0
            for shape, (di, dj) in enumerate(LINK_SHAPES):
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0:
                    continue
                plow, phigh = band[pi]
                if pj < plow or pj > phigh:
                    continue
                previous = best[pi][pj - plow]
                if previous == negative:
                    continue
                value = previous + link(pi, di, pj, dj)
                if value > top:
                    top = value
                    choice = shape
            row[j - low] = top
            moves[j - low] = choice
    if best[n][m - band[n][0]] == negative:
        return None
    links: list[RawLink] = []
    i, j = n, m
    touches = False
    while i > 0 or j > 0:
        low, high = band[i]
        if (j == low and low > 0) or (j == high and high < m):
            touches = True
        di, dj = LINK_SHAPES[back[i][j - low]]
        score = best[i][j - low] - best[i - di][j - dj - band[i - di][0]]
        links.append(RawLink(i - di, i, j - dj, j, score))
        i, j = i - di, j - dj
    if touches:
        return None
    links.reverse()
    return links


def best_path(
    korean: Sequence[SentenceFeatures], english: Sequence[SentenceFeatures]
) -> list[RawLink]:
    """The highest-scoring chain of links covering both sides, in document order."""
    n, m = len(korean), len(english)
    if n == 0 or m == 0:
        return [RawLink(i, i + 1, 0, 0, -SKIP_COST) for i in range(n)] + [
            RawLink(0, 0, j, j + 1, -SKIP_COST) for j in range(m)
        ]
    scorer = Scorer(korean, english)
    width = max(MIN_BAND, abs(n - m) + MIN_BAND // 2)
    while True:
        band = _band(n, m, width)
        scorer.fill(band)
        links = _search(scorer, n, m, band)
        if links is not None:
            return links
        if width >= max(n, m):
            band = _band(n, m, max(n, m))
            scorer.fill(band)
            links = _search(scorer, n, m, band)
            assert links is not None  # the full table always reaches the corner
            return links
        width *= 2

