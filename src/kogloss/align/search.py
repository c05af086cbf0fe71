"""The dynamic programme: the best chain of 1-1, 1-0, 0-1, 2-1 and 1-2 links.

One programme over the whole document (not paragraph by paragraph): a paragraph boundary that
both sides share is rewarded and one that only a side has costs a little, so a translator's
merged or dropped paragraph does not derail what follows. The search stays in a narrow band
that follows the best path row by row; when the path found runs along the band's edge the band
is widened and the search run again, so time and memory grow linearly with the document.

Scores are in log-odds-like units: a 1-1 link gets the anchor tokens both sides share, minus a
length cost kept deliberately light (Gale and Church's squared deviation, capped; Korean lengths
are already in English letters, see kogloss.align.features.HANGUL_WIDTH); skipping a sentence
and merging two cost constants that the development set calibrated (merges much rarer than
Gale and Church's textbook priors).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
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
DRIFT = 3  # how far the band's centre may move, beyond the expected step, from row to row
MIN_BAND = 10  # half-width of the band; doubled while the best path runs along its edge


@dataclass(frozen=True)
class RawLink:
    """A link as the search found it: index ranges and its score."""

    ko_start: int
    ko_end: int
    en_start: int
    en_end: int
    score: float


class Scorer:
    """Shared-anchor sums for sentence pairs inside a band, and the exact sums for merges."""

    def __init__(
        self, korean: Sequence[SentenceFeatures], english: Sequence[SentenceFeatures]
    ) -> None:
        self.korean = korean
        self.english = english
        self.shared: list[dict[int, float]] = [{} for _ in korean]
        # token -> English sentences holding it (in order) and its weight there
        self._postings: dict[str, tuple[list[int], list[float]]] = {}
        for j, features in enumerate(english):
            for key, weight in features.tokens.items():
                entry = self._postings.setdefault(key, ([], []))
                entry[0].append(j)
                entry[1].append(weight)

    def fill_row(self, i: int, low: int, high: int) -> None:
        """Shared-anchor sums of Korean ``i`` with English ``low..high`` (plus a margin for the
        merges that reach past the band), through the inverted index: only pairs with a token
        in common are touched, and a frequent token only within the range."""
        postings = self._postings
        low, high = low - 2, high + 4
        row: dict[int, float] = {}
        for key, weight in self.korean[i].tokens.items():
            entry = postings.get(key)
            if entry is None:
                continue
            positions, weights = entry
            for index in range(bisect_left(positions, low), bisect_right(positions, high)):
                j = positions[index]
                other = weights[index]
                row[j] = row.get(j, 0.0) + (weight if weight < other else other)
        self.shared[i] = row

    def merged(self, i: int, j: int, korean_pair: bool) -> float:
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

    def start_scores(self, i: int, low: int, high: int) -> list[float]:
        """For links starting at Korean ``i`` and English ``low..high``: the 1-1 base, the
        paragraph and list-marker terms and the shared anchors of the first two sentences."""
        ko = self.korean[i]
        english = self.english
        shared = self.shared[i]
        scores = []
        for j in range(low, min(high, len(english) - 1) + 1):
            en = english[j]
            score = BASE_ONE_ONE + shared.get(j, 0.0)
            if ko.paragraph_start and en.paragraph_start:
                score += PARAGRAPH_BOTH
            elif ko.paragraph_start or en.paragraph_start:
                score -= PARAGRAPH_ONE
            if ko.marker or en.marker:
                score += MARKER_SAME if ko.marker == en.marker else -MARKER_DIFFERENT
            scores.append(score)
        return scores


# (Korean sentences, English sentences) a link takes, by the move code the search stores.
_MOVES = ((0, 0), (1, 0), (0, 1), (1, 1), (2, 1), (1, 2))


def _search(scorer: Scorer, width: int) -> tuple[list[RawLink], bool]:
    """The best path inside a band that follows it, and whether the path runs along the band's
    edge somewhere (then a better path may lie outside: widen and search again).

    Row ``i``'s band is ``width`` either side of one step past the best cell of row ``i - 1``:
    it moves with the alignment however far dropped or added sentences take it from the
    diagonal, so time and memory stay linear in the document. Written for speed: the per-cell
    arithmetic is inlined, and what depends only on where a link starts is computed once per
    cell (:meth:`Scorer.start_scores`).
    """
    n, m = len(scorer.korean), len(scorer.english)
    negative = -math.inf
    ko_lengths = [features.length for features in scorer.korean]
    en_lengths = [features.length for features in scorer.english]
    ko_inside = [PARAGRAPH_INSIDE if f.paragraph_start else 0.0 for f in scorer.korean]
    en_inside = [PARAGRAPH_INSIDE if f.paragraph_start else 0.0 for f in scorer.english]
    shared = scorer.shared
    weight = LENGTH_WEIGHT / LENGTH_VARIANCE
    cap = LENGTH_COST_CAP
    step = max(1, round(m / n))
    best: list[list[float]] = []
    back: list[bytearray] = []
    starts: list[list[float]] = []
    band: list[tuple[int, int]] = []
    for i in range(n + 1):
        if i == 0:
            centre = 0
        else:
            previous = best[i - 1]
            leader = band[i - 1][0] + previous.index(max(previous)) + step
            # A strong anchor far ahead can pull the best cell away from the path for a row;
            # the centre follows it at most a few sentences a row, so the band stays on the path.
            centre = min(max(leader, centre + step - DRIFT), centre + step + DRIFT)
        low, high = max(0, centre - width), min(m, centre + width)
        if i == n:
            high = m  # the corner must be in the last row; 0-1 links reach it along the row
            low = min(low, m)
        band.append((low, high))
        if i < n:
            scorer.fill_row(i, low, high)
        row = [negative] * (high - low + 1)
        moves = bytearray(high - low + 1)
        best.append(row)
        back.append(moves)
        starts.append(scorer.start_scores(i, low, high) if i < n else [])
        low1 = high1 = low2 = high2 = 0
        row1: list[float] = []
        row2: list[float] = []
        start1: list[float] = []
        start2: list[float] = []
        if i >= 1:
            low1, high1 = band[i - 1]
            row1, start1 = best[i - 1], starts[i - 1]
            k1 = ko_lengths[i - 1]
        if i >= 2:
            low2, high2 = band[i - 2]
            row2, start2 = best[i - 2], starts[i - 2]
            k2 = ko_lengths[i - 2]
        for j in range(low, high + 1):
            top = negative
            choice = 0
            if i >= 1 and low1 <= j <= high1:  # 1-0
                value = row1[j - low1] - SKIP_COST
                if value > top:
                    top, choice = value, 1
            if j > low:  # 0-1
                value = row[j - 1 - low] - SKIP_COST
                if value > top:
                    top, choice = value, 2
            if i >= 1 and j >= 1:
                e1 = en_lengths[j - 1]
                if low1 <= j - 1 <= high1:  # 1-1
                    value = row1[j - 1 - low1]
                    if value > negative:
                        d = e1 - k1
                        cost = weight * d * d / ((k1 + e1) / 2 + 1)
                        value += start1[j - 1 - low1] - (cost if cost < cap else cap)
                        if value > top:
                            top, choice = value, 3
                # 2-1 and 1-2 mirror each other; kept inline (no helper call) because this
                # loop runs for every cell of the band and a call per cell costs a third more.
                if i >= 2 and low2 <= j - 1 <= high2:  # 2-1
                    value = row2[j - 1 - low2]
                    if value > negative:
                        first = shared[i - 2].get(j - 1, 0.0)
                        second = shared[i - 1].get(j - 1, 0.0)
                        if first and second:
                            second = scorer.merged(i - 2, j - 1, True) - first
                        k = k2 + k1
                        d = e1 - k
                        cost = weight * d * d / ((k + e1) / 2 + 1)
                        value += (
                            start2[j - 1 - low2]
                            + second
                            - MERGE_COST
                            - ko_inside[i - 1]
                            - (cost if cost < cap else cap)
                        )
                        if value > top:
                            top, choice = value, 4
                if j >= 2 and low1 <= j - 2 <= high1:  # 1-2
                    value = row1[j - 2 - low1]
                    if value > negative:
                        first = shared[i - 1].get(j - 2, 0.0)
                        second = shared[i - 1].get(j - 1, 0.0)
                        if first and second:
                            second = scorer.merged(i - 1, j - 2, False) - first
                        e = en_lengths[j - 2] + e1
                        d = e - k1
                        cost = weight * d * d / ((k1 + e) / 2 + 1)
                        value += (
                            start1[j - 2 - low1]
                            + second
                            - MERGE_COST
                            - en_inside[j - 1]
                            - (cost if cost < cap else cap)
                        )
                        if value > top:
                            top, choice = value, 5
            if i == 0 and j == 0:
                top = 0.0
            row[j - low] = top
            moves[j - low] = choice
    links: list[RawLink] = []
    touches = False
    i, j = n, m
    while i > 0 or j > 0:
        low, high = band[i]
        touches = touches or (j == low and low > 0) or (j == high and high < m)
        di, dj = _MOVES[back[i][j - low]]
        score = best[i][j - low] - best[i - di][j - dj - band[i - di][0]]
        links.append(RawLink(i - di, i, j - dj, j, score))
        i, j = i - di, j - dj
    links.reverse()
    return links, touches


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
    width = MIN_BAND
    while True:
        links, touches = _search(scorer, width)
        if not touches or width >= max(n, m):
            return links
        width *= 2
