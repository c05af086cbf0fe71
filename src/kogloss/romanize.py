"""Korean names and places against their English spellings.

Official English does not follow one romanization: people keep their own spelling (Kim
Kyou-hyun, Ban Ki-moon, Park Joo-sun), places come from English (Baghdad, 바그다드) or from the
Revised Romanization with older variants beside it (Hamgyong/Hamgyeong). So matching is loose on
purpose:

- :func:`romanize` gives a rough Revised Romanization of Hangul, syllable by syllable;
- :func:`skeleton` reduces either script to classes of consonants (K T P J S L M N), dropping
  vowels, h, w and y and merging doubles, so 바그다드 and Baghdad both become ``PKTT`` and
  매케인 and McCain ``MKN``;
- person names match through the surname tables (이 Lee/Yi/Rhee, 박 Park/Pak ...) plus a fuzzy
  comparison of the given name (:func:`person_name_similarity`).

Used by the aligner (names are anchors that survive translation), and by check and extract.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_INITIALS = "g kk n d tt r m b pp s ss _ j jj ch k t p h".split()
_MEDIALS = "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i".split()
_FINALS = [""] + "k k k n n n t l k m l l l p l m p p t t ng t t k t p t".split()

# Customary English spellings of Korean surnames, the most frequent first.
SURNAMES: dict[str, tuple[str, ...]] = {
    "김": ("Kim", "Gim"),
    "이": ("Lee", "Yi", "Rhee", "Rhie", "Ri", "I"),
    "리": ("Ri", "Lee", "Rhee"),
    "박": ("Park", "Pak", "Bak", "Bahk"),
    "정": ("Jung", "Chung", "Jeong", "Cheong", "Joung", "Jeung"),
    "최": ("Choi", "Choe", "Chey", "Choy"),
    "강": ("Kang", "Gang"),
    "조": ("Cho", "Jo", "Joh", "Chough"),
    "윤": ("Yoon", "Yun"),
    "장": ("Jang", "Chang", "Jhang"),
    "임": ("Lim", "Im", "Rim", "Yim"),
    "림": ("Rim", "Lim"),
    "한": ("Han",),
    "오": ("Oh", "O"),
    "서": ("Seo", "Suh", "Su", "Soh"),
    "신": ("Shin", "Sin", "Shinn"),
    "권": ("Kwon", "Gwon", "Kwun"),
    "황": ("Hwang", "Whang"),
    "안": ("Ahn", "An"),
    "송": ("Song",),
    "류": ("Ryu", "Yoo", "Yu", "Rhyu", "Ryoo"),
    "유": ("Yoo", "Yu", "You", "Ryu"),
    "전": ("Jeon", "Chun", "Jun", "Chon", "Jeun"),
    "홍": ("Hong",),
    "고": ("Ko", "Go", "Koh"),
    "문": ("Moon", "Mun"),
    "양": ("Yang", "Ryang"),
    "손": ("Son", "Sohn"),
    "배": ("Bae", "Pae", "Bai"),
    "백": ("Baek", "Paik", "Paek", "Baik"),
    "허": ("Heo", "Huh", "Hur", "Her"),
    "남": ("Nam",),
    "노": ("Roh", "Noh", "No", "Ro"),
    "하": ("Ha",),
    "곽": ("Kwak", "Gwak"),
    "성": ("Sung", "Seong", "Song"),
    "차": ("Cha",),
    "주": ("Joo", "Ju", "Chu", "Choo"),
    "우": ("Woo", "U", "Wu"),
    "구": ("Koo", "Ku", "Gu", "Goo"),
    "민": ("Min",),
    "나": ("Na", "Ra"),
    "라": ("Ra", "Na"),
    "진": ("Jin", "Chin"),
    "지": ("Ji", "Chi"),
    "엄": ("Um", "Eom", "Uhm"),
    "채": ("Chae", "Chai"),
    "원": ("Won", "Weon"),
    "천": ("Chun", "Cheon", "Chon"),
    "방": ("Bang", "Pang"),
    "공": ("Kong", "Gong"),
    "현": ("Hyun", "Hyeon"),
    "함": ("Ham",),
    "변": ("Byun", "Byeon", "Pyun"),
    "염": ("Yeom", "Yum", "Youm"),
    "여": ("Yeo", "Yuh", "Yoh"),
    "추": ("Choo", "Chu"),
    "도": ("Do", "Doh"),
    "석": ("Suk", "Seok", "Sok"),
    "선": ("Sun", "Seon"),
    "설": ("Seol", "Sul", "Sol"),
    "마": ("Ma",),
    "길": ("Gil", "Kil"),
    "연": ("Yeon", "Yun", "Youn"),
    "위": ("Wi", "Wee"),
    "표": ("Pyo",),
    "명": ("Myung", "Myeong"),
    "기": ("Ki", "Gi"),
    "반": ("Ban", "Pan"),
    "왕": ("Wang",),
    "금": ("Keum", "Geum", "Kum"),
    "옥": ("Ok", "Ock"),
    "육": ("Yook", "Yuk"),
    "인": ("In",),
    "맹": ("Maeng",),
    "제": ("Je", "Jae"),
    "모": ("Mo",),
    "탁": ("Tak",),
    "국": ("Kook", "Kuk", "Guk"),
    "은": ("Eun",),
    "편": ("Pyun", "Pyeon"),
    "용": ("Yong",),
    "경": ("Kyung", "Gyeong"),
    "봉": ("Bong",),
    "부": ("Boo", "Bu"),
    "황보": ("Hwangbo",),
    "남궁": ("Namgoong", "Namgung"),
    "선우": ("Sunwoo", "Seonu"),
    "제갈": ("Jegal",),
    "독고": ("Dokgo",),
}

_SURNAME_BY_SPELLING: dict[str, tuple[str, ...]] = {}
for _hangul, _spellings in SURNAMES.items():
    for _spelling in _spellings:
        _key = _spelling.lower()
        if _hangul not in _SURNAME_BY_SPELLING.get(_key, ()):
            _SURNAME_BY_SPELLING[_key] = (*_SURNAME_BY_SPELLING.get(_key, ()), _hangul)

_DIGRAPHS = (
    ("tch", "j"),
    ("kh", "h"),
    ("ph", "p"),
    ("ck", "k"),
    ("sh", "s"),
    ("ch", "j"),
    ("th", "t"),
    ("gh", "g"),
    ("x", "ks"),
    ("q", "k"),
    ("z", "j"),
    ("v", "b"),
    ("f", "p"),
)
_SOFT_C = re.compile(r"c(?=[eiy])")
_CLASSES = str.maketrans("gkdtbpjslrmnc", "KKTTPPJSLLMNK")
_DROPPED = re.compile(r"[^KTPJSLMN]")
_HANGUL_SYLLABLE = re.compile(r"[\uac00-\ud7a3]")


def _syllable(char: str) -> tuple[str, str, str]:
    code = ord(char) - 0xAC00
    initial, rest = divmod(code, 21 * 28)
    medial, final = divmod(rest, 28)
    lead = _INITIALS[initial]
    return ("" if lead == "_" else lead), _MEDIALS[medial], _FINALS[final]


@lru_cache(maxsize=65536)
def romanize(text: str) -> str:
    """A rough Revised Romanization, syllable by syllable, without sound changes.

    Good enough to compare with English spellings through :func:`skeleton` and a fuzzy match;
    not a transcription to publish. Characters that are not Hangul syllables pass through.
    """
    parts: list[str] = []
    for char in text:
        if "\uac00" <= char <= "\ud7a3":
            initial, medial, final = _syllable(char)
            parts.append(initial + medial + final)
        else:
            parts.append(char)
    return "".join(parts)


@lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """Consonant classes of a word in either script: ``바그다드`` and ``Baghdad`` give ``PKTT``.

    Vowels, h, w and y carry little across a transcription and are dropped; voiced and voiceless
    pairs (g/k, d/t, b/p, f/p, v/b), l/r and ch/j/z are merged; doubled classes collapse.
    """
    latin = romanize(text).lower() if _HANGUL_SYLLABLE.search(text) else text.lower()
    latin = re.sub(r"[^a-z]", "", latin)
    for digraph, replacement in _DIGRAPHS:
        latin = latin.replace(digraph, replacement)
    latin = _SOFT_C.sub("s", latin)
    classes = _DROPPED.sub("", latin.translate(_CLASSES))
    collapsed: list[str] = []
    for letter in classes:
        if not collapsed or collapsed[-1] != letter:
            collapsed.append(letter)
    return "".join(collapsed)


def surname_spellings(hangul: str) -> tuple[str, ...]:
    """Customary English spellings of a Korean surname (empty if it is not a known surname)."""
    return SURNAMES.get(hangul, ())


def hangul_surnames(spelling: str) -> tuple[str, ...]:
    """Korean surnames an English spelling may stand for: ``"Lee"`` gives ``("이", "리")``."""
    return _SURNAME_BY_SPELLING.get(spelling.lower(), ())


def split_korean_name(name: str) -> tuple[str, str] | None:
    """Surname and given name of a Korean full name (김규현 -> 김, 규현; 남궁민 -> 남궁, 민)."""
    name = name.strip()
    if not 2 <= len(name) <= 5 or not all("\uac00" <= char <= "\ud7a3" for char in name):
        return None
    if len(name) >= 4 and name[:2] in SURNAMES:
        return name[:2], name[2:]
    if name[0] in SURNAMES and len(name) <= 4:
        return name[0], name[1:]
    return None


_LOOSE = (
    ("eo", "o"),
    ("eu", "u"),
    ("oo", "u"),
    ("ou", "u"),
    ("ee", "i"),
    ("ae", "e"),
    ("ai", "e"),
    ("wo", "o"),
    ("ch", "j"),
    ("sh", "s"),
    ("g", "k"),
    ("b", "p"),
    ("d", "t"),
    ("r", "l"),
    ("h", ""),
)


def loose_spelling(text: str) -> str:
    """A spelling with the usual romanization choices merged (eo/u/o, g/k, b/p, d/t, r/l)."""
    latin = romanize(text).lower() if _HANGUL_SYLLABLE.search(text) else text.lower()
    latin = re.sub(r"[^a-z]", "", latin)
    for before, after in _LOOSE:
        latin = latin.replace(before, after)
    return latin


def edit_distance(first: str, second: str) -> int:
    """Levenshtein distance; names are short, so the plain dynamic programme is enough."""
    if len(first) < len(second):
        first, second = second, first
    previous = list(range(len(second) + 1))
    for row, char in enumerate(first, start=1):
        current = [row]
        for column, other in enumerate(second, start=1):
            current.append(
                min(previous[column] + 1, current[column - 1] + 1, previous[column - 1] + (char != other))
            )
        previous = current
    return previous[-1]


def similarity(first: str, second: str) -> float:
    """1.0 for equal loose spellings, falling with the edit distance."""
    a, b = loose_spelling(first), loose_spelling(second)
    if not a or not b:
        return 0.0
    return 1.0 - edit_distance(a, b) / max(len(a), len(b))


@dataclass(frozen=True)
class EnglishName:
    """A Korean person's name as written in English, surname first or last."""

    surname: str
    given: str
    start: int
    end: int


_NAME_PART = re.compile(r"\b[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?\b")


def english_person_names(text: str) -> list[EnglishName]:
    """Pairs of capitalised words where one is a Korean surname: ``Kim Kyou-hyun``,
    ``Kyou-hyun Kim``, ``Ban Ki-moon``. The given name may be hyphenated or not."""
    names: list[EnglishName] = []
    parts = list(_NAME_PART.finditer(text))
    for first, second in zip(parts, parts[1:]):
        if text[first.end() : second.start()] != " ":
            continue
        if hangul_surnames(first[0]) and not hangul_surnames(second[0]):
            names.append(EnglishName(first[0], second[0], first.start(), second.end()))
        elif hangul_surnames(second[0]) and "-" in first[0]:
            names.append(EnglishName(second[0], first[0], first.start(), second.end()))
    return names


def person_name_similarity(korean: str, english: str) -> float:
    """How well a Korean name (김규현) matches an English one (Kim Kyou-hyun), 0 to 1.

    The surname must be one of its customary spellings; the given name is compared loosely.
    English order may be either way round; hyphens and spaces in the given name do not count.
    """
    parts = split_korean_name(korean)
    if parts is None:
        return 0.0
    surname, given = parts
    words = english.replace("-", " - ").split()
    spellings = {spelling.lower() for spelling in surname_spellings(surname)}
    for index in (0, len(words) - 1):
        if words and words[index].lower() in spellings:
            rest = words[1:] if index == 0 else words[:-1]
            english_given = "".join(word for word in rest if word != "-")
            return similarity(given, english_given) if english_given else 0.0
    return 0.0


def person_name_matches(korean: str, english: str, threshold: float = 0.7) -> bool:
    """True when :func:`person_name_similarity` reaches ``threshold``."""
    return person_name_similarity(korean, english) >= threshold


def name_key(surname: str, given: str) -> str:
    """A key shared by a Korean name and its English spellings: the surname in Hangul and the
    consonant skeleton of the given name (김규현 and Kim Kyou-hyun both give ``김:KN``)."""
    return f"{surname}:{skeleton(given)}"


def english_name_keys(text: str) -> list[str]:
    """:func:`name_key` of every Korean person's name in English text, for each surname reading."""
    keys: list[str] = []
    for name in english_person_names(text):
        for surname in hangul_surnames(name.surname):
            keys.append(name_key(surname, name.given))
    return keys


def korean_name_key(word: str) -> str | None:
    """:func:`name_key` of a Korean word that reads as a full name, else None."""
    parts = split_korean_name(word)
    if parts is None or len(word) != 3:
        return None
    return name_key(*parts)
