"""Korean candidates: noun sequences from kiwipiepy's morphological analysis.

kiwipiepy ships its model as the ``kiwipiepy_model`` package (nothing is downloaded at run
time) and tags proper nouns NNP. Its analysis splits names it does not know (김규현 into
김/규/현) and titles (제1차관 into 제/1/차관), so spans are built over runs of noun-like
tokens rather than taken one token at a time; known Korean forms (the glossary's ``ko``,
common titles) are added as user words so they come out whole.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from kogloss.extract.lexicon import words

if TYPE_CHECKING:
    from kiwipiepy import Kiwi, Token

# Tags that may sit inside a Korean name or title: nouns, foreign letters, the 제 of 제1차관,
# noun suffixes; and joiners: the hyphen of 한-중앙아, the middle dot of 난민·국내실향민, the
# 겸 ("and concurrently") of 부총리 겸 외교장관.
_NOUN_TAGS = words("NNP NNG SL SH XPN XSN NR")
_JOINERS = {("SO", "-"), ("SP", "·"), ("NNB", "겸")}
_INSIDE_ONLY = words("SO SP XSN NNB")
_MAX_TOKENS = 10
# Korean titles that the analyser would cut in pieces.
TITLE_WORDS = (
    "제1차관",
    "제2차관",
    "제1차관보",
    "차관보",
    "외교차관",
    "외교장관",
    "부총리",
    "사무차관",
    "대변인",
    "경제외교조정관",
    "위원장",
    "국무장관",
)
_lock = threading.Lock()


@dataclass(frozen=True)
class KoreanSpan:
    """A noun sequence of a Korean text: ``text[start:end]``, ``tokens`` analyser tokens long."""

    start: int
    end: int
    form: str
    tokens: int
    proper: bool  # holds a proper noun (NNP)


@lru_cache(maxsize=1)
def _analyser(user_words: tuple[str, ...]) -> Kiwi:
    from kiwipiepy import Kiwi  # imported only when a Korean original is read

    with warnings.catch_warnings():  # 0 means one thread since 0.21; it warns about the change
        warnings.simplefilter("ignore", DeprecationWarning)
        kiwi = Kiwi(num_workers=0)
    for word in sorted(set(TITLE_WORDS) | set(user_words)):
        if word and " " not in word:
            kiwi.add_user_word(word, "NNP", 0.0)
    return kiwi


def analyser(user_words: Iterable[str] = ()) -> Kiwi:
    """The shared analyser, with ``user_words`` (Korean names and titles) kept whole."""
    return _analyser(tuple(sorted(set(user_words))))


def noun_spans(text: str, user_words: Iterable[str] = ()) -> list[KoreanSpan]:
    """Every run of up to ten noun-like tokens in ``text`` that could name a term."""
    kiwi = analyser(user_words)
    with _lock:  # Kiwi objects are not documented as thread-safe
        tokens = kiwi.tokenize(text)
    groups: list[list[Token]] = []
    current: list[Token] = []
    previous_end = -2
    for token in tokens:
        tag = token.tag
        noun = tag in _NOUN_TAGS or (tag == "SN" and current and current[-1].tag == "XPN")
        joiner = (tag, token.form) in _JOINERS
        gap = token.start - previous_end
        if (noun or joiner) and (not current or gap <= 1):
            current.append(token)
        else:
            if current:
                groups.append(current)
            current = [token] if noun else []
        previous_end = token.start + token.len
    if current:
        groups.append(current)
    spans: list[KoreanSpan] = []
    for group in groups:
        for first in range(len(group)):
            if group[first].tag in _INSIDE_ONLY:
                continue
            for last in range(first, min(first + _MAX_TOKENS, len(group))):
                if group[last].tag in _INSIDE_ONLY or group[last].tag in ("XPN", "SN"):
                    continue
                start = group[first].start
                end = group[last].start + group[last].len
                proper = any(token.tag == "NNP" for token in group[first : last + 1])
                spans.append(KoreanSpan(start, end, text[start:end], last - first + 1, proper))
    return spans
