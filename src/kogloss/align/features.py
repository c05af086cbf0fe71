"""What each sentence brings to the alignment, computed once per sentence.

Pure-Python feature extraction was the slow part of earlier aligners, so every sentence is
reduced here, once, to a length and a small bag of weighted anchor tokens that survive
translation; the search then only adds up weights of tokens two sentences share.

Anchors, strongest first (the order in which they carried the gain in a trial on Korean-English
news): numbers, amounts and dates normalised on both sides; names matched through consonant
skeletons of a rough romanization and through the surname tables; quotation and question marks;
Latin-script tokens inside the Korean (acronyms also match their spelled-out English form);
glossary pairs when the caller has them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from kogloss.numbers import Quantity, english_quantities, korean_quantities
from kogloss.romanize import (
    SURNAMES,
    english_name_keys,
    hangul_surnames,
    korean_name_key,
    skeleton,
)
from kogloss.segment import LIST_MARKER

# Token weights: how much sharing one such token says that two sentences translate each other.
WEIGHT_NUMBER = 3.0  # a date, a year, an amount, a value above ten
WEIGHT_SMALL_NUMBER = 1.2  # one to ten: shared by many sentences
WEIGHT_NAME = 2.5  # a person's full name through the surname tables
WEIGHT_SURNAME = 1.0  # "김 차관" / "Vice Minister Kim"
WEIGHT_SKELETON = 1.5  # a transliterated name or loanword (비슈케크 / Bishkek)
WEIGHT_LATIN = 2.0  # a Latin-script token inside the Korean (ROK, MOU, G20)
WEIGHT_ACRONYM_SPELLED = 2.5  # the Korean's acronym spelled out in the English
WEIGHT_GLOSSARY = 2.0  # a glossary pair, Korean term in one and its English in the other
WEIGHT_QUOTE = 1.0
WEIGHT_QUESTION = 1.5

# English letters a Korean syllable turns into (calibrated on tests/data/align, spaces left
# out); digits, Latin letters and punctuation carry over one for one, so a sentence dense with
# numbers ("결의 제1718호, 제1874호 ...") is not mistaken for a short one.
HANGUL_WIDTH = 3.03

# Korean particles and endings stripped before a word's skeleton is taken (longest first).
_PARTICLES = frozenset(
    """은 는 이 가 을 를 의 에 에서 에게 와 과 로 으로 도 만 까지 부터 과의 와의 에서의 에서는
    에는 으로는 로는 과는 와는 이라고 라고 께서 께 측 측은 측의 측에 이다 이며 에도 에서도 으로서
    로서 으로써 로써 과도 와도 이나 나 처럼 보다 등 등의 등을 등과""".split()
)
_LONGEST_PARTICLE = max(map(len, _PARTICLES))
_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")
_LATIN_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9&]*(?:[-.][A-Za-z0-9]+)*")
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z]*(?:-[a-z]+)?")
_ENGLISH_WORD = re.compile(r"[A-Za-z][A-Za-z0-9&]*")
_QUOTES = re.compile(r"[\"“”‘’'「」『』]")
_MINOR_WORDS = frozenset("of and the for on in to de du".split())
_NUMBERED = re.compile(r"\(?(\d{1,3})[.)]?")

# List markers that stand for one another across the two versions: the Korean sub-point ㅇ is
# the English degree sign, ※ is the asterisk.
_MARKER_CLASSES = {
    "ㅇ": "circle",
    "°": "circle",
    "○": "circle",
    "◦": "circle",
    "●": "bullet",
    "•": "bullet",
    "∙": "bullet",
    "·": "bullet",
    "▪": "square",
    "■": "square",
    "□": "square",
    "◆": "diamond",
    "◇": "diamond",
    "▶": "arrow",
    "▷": "arrow",
    "►": "arrow",
    "‣": "arrow",
    "-": "dash",
    "–": "dash",
    "—": "dash",
    "*": "note",
    "※": "note",
}


@dataclass(frozen=True)
class SentenceFeatures:
    """One sentence as the search sees it: length, anchors, list marker, paragraph start."""

    length: float
    tokens: dict[str, float]
    marker: str
    paragraph_start: bool
    quantities: tuple[Quantity, ...] = field(default=(), compare=False)


def marker_class(text: str) -> str:
    """The kind of list marker a sentence opens with: ``"1"`` for ``1.``, ``"circle"`` for
    ``ㅇ`` and ``°``; empty if none. Numbered points keep their number: both versions share it."""
    match = LIST_MARKER.match(text)
    if not match or match.end() == 0:
        return ""
    marker = match.group(0).strip()
    numbered = _NUMBERED.fullmatch(marker)
    if numbered:
        return numbered.group(1)
    return _MARKER_CLASSES.get(marker, marker)


def strip_particle(word: str) -> str:
    """A Korean word without its trailing particle (비슈케크에서 -> 비슈케크), if one is left."""
    for size in range(min(_LONGEST_PARTICLE, len(word) - 2), 0, -1):
        if word[-size:] in _PARTICLES:
            return word[:-size]
    return word


def _number_weight(quantity: Quantity) -> float:
    key = quantity.key
    if key[0] in "MT" or not key.isdigit():
        return WEIGHT_NUMBER  # dates, times, decimals and huge numbers keyed as 1e+18
    return WEIGHT_NUMBER if int(key) > 10 else WEIGHT_SMALL_NUMBER


def _add(tokens: dict[str, float], key: str, weight: float) -> None:
    # Repeats add with diminishing weight: a second "ROK" says less than the first.
    tokens[key] = tokens[key] + weight * 0.5 if key in tokens else weight


def _common_tokens(tokens: dict[str, float], quantities: Iterable[Quantity], text: str) -> None:
    for quantity in quantities:
        _add(tokens, "n:" + quantity.key, _number_weight(quantity))
    quotes = len(_QUOTES.findall(text)) // 2
    if quotes:
        tokens["q:quote"] = WEIGHT_QUOTE * quotes
    if "?" in text or "？" in text:
        tokens["q:?"] = WEIGHT_QUESTION


def korean_features(
    text: str, paragraph_start: bool, glossary_ids: Sequence[int] = ()
) -> SentenceFeatures:
    """Features of a Korean sentence."""
    quantities = tuple(korean_quantities(text))
    tokens: dict[str, float] = {}
    _common_tokens(tokens, quantities, text)
    for match in _LATIN_TOKEN.finditer(text):
        _add(tokens, "l:" + match.group(0).lower(), WEIGHT_LATIN)
    for match in _HANGUL_WORD.finditer(text):
        word = match.group(0)
        stem = strip_particle(word)
        if (word in SURNAMES or stem in SURNAMES) and text[match.end() : match.end() + 1] == " ":
            _add(tokens, "p:" + (word if word in SURNAMES else stem), WEIGHT_SURNAME)
            continue
        key = korean_name_key(stem) if len(stem) == 3 and stem[0] in SURNAMES else None
        if key is not None:
            _add(tokens, "p:" + key, WEIGHT_NAME)
            _add(tokens, "p:" + stem[0], WEIGHT_SURNAME)
        shape = skeleton(stem)
        if len(shape) >= 3:
            _add(tokens, "s:" + shape, WEIGHT_SKELETON)
        if stem.endswith("스탄") and len(stem) >= 4:
            # the English adjective drops the "-stan": 타지키스탄 / Tajik, 우즈베키스탄 / Uzbek
            _add(tokens, "s:" + skeleton(stem[:-2]), WEIGHT_SKELETON)
    for glossary_id in glossary_ids:
        _add(tokens, f"g:{glossary_id}", WEIGHT_GLOSSARY)
    return SentenceFeatures(
        korean_length(text), tokens, marker_class(text), paragraph_start, quantities
    )


def korean_length(text: str) -> float:
    """Length in English letters to expect: Hangul syllables widened, everything else as is."""
    syllables = sum(map(len, _HANGUL_WORD.findall(text)))
    return HANGUL_WIDTH * syllables + (len(text) - text.count(" ") - syllables)


def english_length(text: str) -> float:
    """Letters, digits and punctuation, spaces left out."""
    return float(len(text) - text.count(" "))


def english_features(
    text: str,
    paragraph_start: bool,
    latin_vocabulary: frozenset[str] = frozenset(),
    glossary_ids: Sequence[int] = (),
) -> SentenceFeatures:
    """Features of an English sentence; ``latin_vocabulary`` holds the Latin tokens of the
    Korean side (lowercased), the only English words worth a Latin anchor."""
    quantities = tuple(english_quantities(text))
    tokens: dict[str, float] = {}
    _common_tokens(tokens, quantities, text)
    if latin_vocabulary:
        for word in _ENGLISH_WORD.findall(text.lower()):
            if word in latin_vocabulary:
                _add(tokens, "l:" + word, WEIGHT_LATIN)
        for acronym in _spelled_acronyms(text):
            if acronym in latin_vocabulary:
                _add(tokens, "l:" + acronym, WEIGHT_ACRONYM_SPELLED)
    for key in english_name_keys(text):
        _add(tokens, "p:" + key, WEIGHT_NAME)
    for match in _CAPITALISED.finditer(text):
        word = match.group(0)
        for surname in hangul_surnames(word):
            _add(tokens, "p:" + surname, WEIGHT_SURNAME)
        shape = skeleton(word)
        if len(shape) >= 3 or (len(shape) == 2 and word[-1] in "hk"):
            _add(tokens, "s:" + shape, WEIGHT_SKELETON)
    for glossary_id in glossary_ids:
        _add(tokens, f"g:{glossary_id}", WEIGHT_GLOSSARY)
    return SentenceFeatures(
        english_length(text), tokens, marker_class(text), paragraph_start, quantities
    )


def _spelled_acronyms(text: str) -> list[str]:
    """Initials of runs of capitalised words, minor words skipped: "Memorandum of
    Understanding" gives "mou" (with and without the minor words' initials)."""
    acronyms: list[str] = []
    run: list[str] = []
    for word in [*re.findall(r"[A-Za-z]+", text), ""]:
        if word[:1].isupper() or (word in _MINOR_WORDS and run):
            run.append(word)
        else:
            while run and run[-1] in _MINOR_WORDS:
                run.pop()
            if len(run) >= 2:
                acronyms.append("".join(w[0] for w in run if w not in _MINOR_WORDS).lower())
                acronyms.append("".join(w[0] for w in run).lower())
            run = []
    return acronyms


def latin_vocabulary(korean_features_list: Iterable[SentenceFeatures]) -> frozenset[str]:
    """The Latin tokens the Korean side uses, for :func:`english_features`."""
    return frozenset(
        key[2:]
        for features in korean_features_list
        for key in features.tokens
        if key.startswith("l:")
    )
