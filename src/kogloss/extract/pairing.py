"""Pairing English candidates with their Korean forms over aligned sentences.

Evidence, strongest first:

* the glossary already pairs the English form with a Korean one;
* persons: a Korean name matches the English spelling through the surname tables and a loose
  match of the given name (김규현 / Kim Kyou-hyun), foreign names and places by transliteration
  (비슈케크 / Bishkek), both from :mod:`kogloss.romanize`;
* titles: the noun run beside the paired person in the Korean sentence (김규현 *외교부
  제1차관*), less the places the English title does not name;
* co-occurrence: the Dice coefficient of the aligned segments holding the English candidate
  and those holding the Korean form, over every release of the run.

Each pair carries its method and a confidence between 0 and 1.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from kogloss.extract.candidates import Candidate, Mention
from kogloss.extract.korean import KoreanSpan, noun_spans
from kogloss.extract.lexicon import (
    KOREAN_ORG_HEADS,
    KOREAN_TITLE_HEADS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    words,
)
from kogloss.romanize import (
    edit_distance,
    hangul_surnames,
    person_name_similarity,
    similarity,
    skeleton,
    split_korean_name,
)

_KOREAN_GIVEN_NAME = re.compile(r"\b[A-Z][a-z]+-[a-z]+\b")
_GENERIC_EN = words(
    "North South East West Province County Region City District Republic of the Palace Lake"
)
_GENERIC_KO_PREFIX = ("남", "북", "동", "서")
_GENERIC_KO_SUFFIX = ("궁전", "지역", "호수", "도", "군", "주", "시", "구")
# Particles an unknown word may carry when the analyser did not split them (아시가바트에서).
_PARTICLE_ORDER = tuple(sorted(words("에서 으로 에게 까지 부터 과의 와의 에 의 은 는 을 를")))
_HANGUL = re.compile("[\uac00-\ud7a3]")
_COORDINATED = re.compile(
    r"\band (?:" + "|".join(sorted(TITLE_HEADS | TITLE_MODIFIERS)) + r")\b"
)  # "Deputy Prime Minister and Minister of ...": two titles in one
# Common nouns with an organisation's ending: 정부 "government", 부처 "ministries".
_GENERIC_KO_NAMES = words("정부 부처 관계부처 유관부처 당국")
_GLOSS = re.compile(r"\s*\([^()]*\)")
TRANSLITERATION_THRESHOLD = 0.5
FOREIGN_NAME_THRESHOLD = 0.55
NAME_THRESHOLD = 0.7
DICE_THRESHOLD = 0.75


@dataclass
class AlignedUnit:
    """One aligned link: the Korean text and the English offsets it translates."""

    key: tuple[str, int]  # (English path, link number)
    korean: str
    english_spans: list[tuple[int, int]]
    spans: list[KoreanSpan] = field(default_factory=list)
    # every Korean form of the unit (particles off too), and those that may name a person or
    # place: proper nouns of two Hangul syllables or more
    forms: frozenset[str] = frozenset()
    proper_forms: frozenset[str] = frozenset()

    def analyse(self, user_words: tuple[str, ...]) -> None:
        self.spans = noun_spans(self.korean, user_words)
        forms: set[str] = set()
        proper: set[str] = set()
        for span in self.spans:
            variants = _with_particles_off(" ".join(span.form.split()))
            forms.update(variants)
            if span.proper and len(_HANGUL.findall(span.form)) >= 2:
                proper.update(variants)
        self.forms, self.proper_forms = frozenset(forms), frozenset(proper)


@dataclass(frozen=True)
class Pairing:
    ko: str
    confidence: float
    method: str


def _forms_lookup(candidates: Iterable[Candidate]) -> dict[tuple[str, str], Candidate]:
    """(type, form) -> candidate: a candidate's own ``en`` first, then variants, then short
    forms, so "Ambassador" is the Ambassador entry, not the short form of a longer title."""
    candidates = list(candidates)
    lookup: dict[tuple[str, str], Candidate] = {}
    for candidate in candidates:
        lookup.setdefault((candidate.type, candidate.en), candidate)
        if candidate.type == "acronym":
            for kind in ("place", "org"):
                lookup.setdefault((kind, candidate.en), candidate)
            if candidate.abbr:
                lookup.setdefault(("acronym", candidate.abbr), candidate)
    for candidate in candidates:
        for form in candidate.variants:
            lookup.setdefault((candidate.type, form), candidate)
    for candidate in candidates:
        for form in candidate.short_forms:
            lookup.setdefault((candidate.type, form), candidate)
    return lookup


def _unit_of(units: Sequence[AlignedUnit], mention: Mention) -> AlignedUnit | None:
    for unit in units:
        if any(start <= mention.start < end for start, end in unit.english_spans):
            return unit
    return None


def _compact(text: str) -> str:
    return re.sub(r"[\s\-·]", "", text)


def _spelling_similarity(korean: str, english: str) -> float:
    """Half consonant skeleton (바그다드 / Baghdad), half loose spelling; a skeleton of one or
    two consonants says little, so it counts for less."""
    first, second = skeleton(korean), skeleton(english)
    if not first or not second:
        return 0.0
    skeleton_score = 1.0 - edit_distance(first, second) / max(len(first), len(second))
    skeleton_score *= min(1.0, min(len(first), len(second)) / 3)
    return 0.5 * skeleton_score + 0.5 * similarity(korean, english)


def _english_sounds(english: str) -> str:
    """English spelling nearer its sound for comparison: a hard c is k (Caucasus)."""
    return re.sub(r"c(?=[aoulr])|ck", "k", re.sub(r"C(?=[aoulr])", "K", english))


@lru_cache(maxsize=65536)
def transliteration_similarity(korean: str, english: str) -> float:
    """How well a Hangul form transcribes an English name (비슈케크 / Bishkek); generic parts
    ("South", "Province", "Palace"; 남, 주, 궁전) are compared apart, so 남카자흐스탄주 /
    South Kazakhstan Province scores on Kazakhstan, and a country's -stan may be left out
    (키르기즈 / Kyrgyzstan)."""
    english = _english_sounds(english)
    whole_ko, whole_en = _compact(korean), _compact(english)
    scores = [_spelling_similarity(whole_ko, whole_en)]
    if whole_en.endswith("stan"):
        scores.append(_spelling_similarity(whole_ko, whole_en[:-4]) - 0.05)
    english_words = english.split()
    core_en = _compact(" ".join(word for word in english_words if word not in _GENERIC_EN))
    english_generic = sum(
        word in _GENERIC_EN and word not in ("of", "the") for word in english_words
    )
    core_ko, korean_generic = whole_ko, 0
    for prefix in _GENERIC_KO_PREFIX:
        if core_ko.startswith(prefix) and len(core_ko) > len(prefix) + 1:
            core_ko, korean_generic = core_ko[len(prefix) :], korean_generic + 1
            break
    for suffix in _GENERIC_KO_SUFFIX:
        if core_ko.endswith(suffix) and len(core_ko) > len(suffix) + 1:
            core_ko, korean_generic = core_ko[: -len(suffix)], korean_generic + 1
            break
    if core_en and (core_en != whole_en or core_ko != whole_ko):
        # each generic part one side has and the other lacks costs: 남코카서스 지역 names a
        # region that "South Caucasus" does not
        penalty = 0.05 + 0.1 * abs(english_generic - korean_generic)
        scores.append(_spelling_similarity(core_ko, core_en) - penalty)
    return max(scores)


def _person_similarity(korean: str, english: str) -> float:
    if _KOREAN_GIVEN_NAME.search(english):
        return person_name_similarity(_compact(korean), english)
    if split_korean_name(_compact(korean)) is not None and len(_compact(korean)) <= 3:
        return 0.0  # a Korean name is no foreigner's transcription
    full = transliteration_similarity(korean, english)
    surname = english.split()[-1]
    best = max(full, transliteration_similarity(korean, surname) - 0.1)
    if len(korean.split()) == len(english.split()):
        best += 0.1  # 마흐무드 맘마드굴리예프 names both parts of Mahmud Mammad-Guliyev
    return best


@lru_cache(maxsize=65536)
def _with_particles_off(form: str) -> tuple[str, ...]:
    """The form, and the form without a particle the analyser left on it."""
    forms = [form]
    for particle in _PARTICLE_ORDER:
        if form.endswith(particle) and len(form) - len(particle) >= 2:
            forms.append(form[: -len(particle)])
    return tuple(forms)


def _korean_name_forms(english: str, text: str) -> set[str]:
    """Hangul names in ``text`` whose surname can be spelled as the English name's
    (윤강현 for Yun Kang-hyeon), found in the text itself: the analyser splits names it does
    not know (윤강/현)."""
    forms: set[str] = set()
    for word in english.replace("-", " ").split():
        for surname in hangul_surnames(word):
            for match in re.finditer(f"(?<![가-힣]){surname}[가-힣]{{1,2}}", text):
                name = match.group(0)
                forms.update({name, name[:-1]} if len(name) == len(surname) + 2 else {name})
    return forms


class Pairer:
    """Pairs the candidates of one run; statistics span every aligned release."""

    def __init__(
        self,
        units: Sequence[AlignedUnit],
        mentions: Sequence[Mention],
        candidates: Sequence[Candidate],
        known_pairs: Mapping[str, str] | None = None,
        user_words: Iterable[str] = (),
    ) -> None:
        self.units = list(units)
        self.known = dict(known_pairs or {})
        words = tuple(user_words)
        for unit in self.units:
            unit.analyse(words)
        lookup = _forms_lookup(candidates)
        units_by_path: dict[str, list[AlignedUnit]] = defaultdict(list)
        for unit in self.units:
            units_by_path[unit.key[0]].append(unit)
        self.where: dict[int, set[tuple[str, int]]] = defaultdict(set)
        self.mentions_in: dict[int, list[tuple[Mention, AlignedUnit]]] = defaultdict(list)
        for mention in mentions:
            candidate = lookup.get((mention.type, mention.text))
            unit = _unit_of(units_by_path.get(mention.path, ()), mention)
            if candidate is None or unit is None:
                continue
            self.where[id(candidate)].add(unit.key)
            self.mentions_in[id(candidate)].append((mention, unit))
        self.korean_where: dict[str, set[tuple[str, int]]] = defaultdict(set)
        for unit in self.units:
            for form in unit.forms:
                self.korean_where[form].add(unit.key)
        self.candidates = list(candidates)
        self._orgs_by_unit: dict[tuple[str, int], list[tuple[Mention, AlignedUnit]]] | None = None

    def dice(self, candidate: Candidate, korean: str) -> float:
        english = self.where[id(candidate)]
        other = self.korean_where.get(korean, set())
        if not english or not other:
            return 0.0
        return 2 * len(english & other) / (len(english) + len(other))

    def _korean_forms(self, candidate: Candidate) -> set[str]:
        """Korean forms in the segments aligned with the candidate's mentions; only proper
        nouns in Hangul for persons and places (결과 "result" is no transcription of Georgia)."""
        strict = candidate.type in ("person", "place")
        korean_name = candidate.type == "person" and _KOREAN_GIVEN_NAME.search(candidate.en)
        forms: set[str] = set()
        for unit in {unit.key: unit for _, unit in self.mentions_in[id(candidate)]}.values():
            if korean_name:
                forms.update(_korean_name_forms(candidate.en, unit.korean))
            else:
                forms.update(unit.proper_forms if strict else unit.forms)
        return forms

    def pair(self) -> dict[int, Pairing]:
        """A Korean form for every candidate that has one, by ``id`` of the candidate."""
        result: dict[int, Pairing] = {}
        ordered = sorted(
            self.candidates, key=lambda c: ({"person": 0, "place": 1}.get(c.type, 2), c.en)
        )
        for candidate in ordered:
            if not self.mentions_in[id(candidate)]:
                continue
            pairing = self._pair_one(candidate, result)
            if pairing is not None:
                result[id(candidate)] = pairing
        return result

    def _pair_one(self, candidate: Candidate, done: dict[int, Pairing]) -> Pairing | None:
        known = self.known.get(candidate.en)
        forms = self._korean_forms(candidate)
        if known is not None and any(known in form for form in forms):
            return Pairing(known, 1.0, "glossary")
        if candidate.type in ("person", "place"):
            pairing = self._by_spelling(candidate, forms)
            if pairing is not None:
                return pairing
        if candidate.type == "title":
            pairing = self._beside_person(candidate, done) or self._by_head(candidate, done)
            if pairing is not None:
                return pairing
        if candidate.type in ("org", "acronym"):  # an acronym's expansion may name one
            pairing = self._by_org_head(candidate, done)
            if pairing is not None:
                return pairing
        return self._by_cooccurrence(candidate, forms)

    def _by_spelling(self, candidate: Candidate, forms: set[str]) -> Pairing | None:
        """Spelling first, co-occurrence as support: a form spelled like the English name,
        or one that keeps company with it in most segments (조지아 / Georgia)."""
        scorer = _person_similarity if candidate.type == "person" else transliteration_similarity
        threshold = TRANSLITERATION_THRESHOLD
        if candidate.type == "person":
            korean_name = _KOREAN_GIVEN_NAME.search(candidate.en)
            threshold = NAME_THRESHOLD if korean_name else FOREIGN_NAME_THRESHOLD
        recurring = len(self.where[id(candidate)]) >= 3
        best: tuple[tuple[float, float, int, str], float, str] | None = None
        for form in forms:
            spelling = scorer(form, candidate.en)
            dice = self.dice(candidate, form)
            spelled = spelling >= threshold
            accompanied = recurring and dice >= 0.6 and len(self.korean_where.get(form, ())) >= 3
            if not (spelled or accompanied):
                continue
            if candidate.type == "person":  # the full name, though the surname recurs more
                key = (spelling, dice, -len(form), form)
            else:
                key = (spelling + 0.6 * dice, spelling, len(form), form)
            if best is None or key > best[0]:
                best = (key, spelling, form)
        if best is None:
            return None
        _, spelling, form = best
        if spelling >= threshold:
            korean_name = _KOREAN_GIVEN_NAME.search(candidate.en)
            method = "romanization" if korean_name else "transliteration"
            return Pairing(form, round(min(1.0, spelling), 2), method)
        return Pairing(form, round(self.dice(candidate, form), 2), "co-occurrence (Dice)")

    def _beside_person(self, candidate: Candidate, done: dict[int, Pairing]) -> Pairing | None:
        """The title's Korean form is the noun run next to its person's Korean name."""
        persons: dict[str, Pairing | None] = {}
        for person in self.candidates:
            if person.type == "person":
                for form in (person.en, person.en.split()[-1], *person.short_forms):
                    persons.setdefault(form, done.get(id(person)))
        votes: dict[str, float] = defaultdict(float)
        for mention, unit in self.mentions_in[id(candidate)]:
            person = persons.get(mention.link or "")
            if person is None:
                continue
            form = _title_beside(unit, person.ko, candidate.en, self._place_forms(done))
            if form:
                votes[form] += person.confidence
        if not votes:
            return None
        form, weight = max(votes.items(), key=lambda item: (item[1], item[0]))
        confidence = min(0.95, weight / sum(votes.values()))
        return Pairing(form, round(confidence, 2), "position beside the person")

    def _by_head(self, candidate: Candidate, done: dict[int, Pairing]) -> Pairing | None:
        """A title with no name beside it: the longest noun run in the aligned Korean that
        ends with the Korean head of the English title (대변인 for Spokesperson) and holds no
        person's name."""
        heads = korean_heads(candidate.en)
        if not heads:
            return None
        name_words = {
            word
            for person in self.candidates
            if person.type == "person" and (pairing := done.get(id(person)))
            for word in pairing.ko.split()
        }
        places = self._place_forms(done)
        votes: dict[str, int] = defaultdict(int)
        for _, unit in self.mentions_in[id(candidate)]:
            fitting = [
                clean_title_form(" ".join(span.form.split()), candidate.en, places)
                for span in unit.spans
                if span.form.endswith(heads) and not name_words & set(span.form.split())
            ]
            fitting = [form for form in fitting if form.endswith(heads)]
            if fitting:
                form = max(fitting, key=lambda form: (len(form.split()), len(form), form))
                while len(form.split()) > 1 and len(form.split()[0]) == 1:
                    form = form.split(" ", 1)[1]  # 같은 날 우즈베키스탄 ...: 날 is no part
                votes[form] += 1
        if not votes:
            return None
        form, count = max(votes.items(), key=lambda item: (item[1], item[0]))
        share = count / len(self.mentions_in[id(candidate)])
        return Pairing(form, round(0.5 + 0.3 * share, 2), "Korean head of the title")

    def _by_org_head(self, candidate: Candidate, done: dict[int, Pairing]) -> Pairing | None:
        """An organisation: the noun run that ends with the Korean ending of its English head
        (부 for Ministry, 청 for Service, 대사관 for Embassy); where a sentence names several
        organisations with the same head, the n-th English one is the n-th Korean one."""
        heads = korean_org_heads(candidate.en)
        if not heads:
            return None
        places = self._place_forms(done)
        votes: dict[str, int] = defaultdict(int)
        for mention, unit in self.mentions_in[id(candidate)]:
            korean = _outermost(
                [
                    span
                    for span in unit.spans
                    if span.form.endswith(heads)
                    and span.tokens <= 6
                    and span.form.split()[-1] not in _GENERIC_KO_NAMES
                ]
            )
            english = sorted(
                {
                    (other.start, other.text)
                    for other, other_unit in self._org_mentions(unit)
                    if korean_org_heads(other.text) == heads
                }
            )
            if not korean or len(korean) != len(english):
                continue
            starts = [start for start, _ in english]
            if mention.start not in starts:
                continue  # "MOFA" alone: the acronym, not the name with the ending
            position = starts.index(mention.start)
            proper_words = {span.form for span in unit.spans if span.proper}
            words_ = korean[position].form.split()
            while len(words_) > 1 and (
                _foreign_place(words_[0], candidate.en, places)
                or not (words_[0] in proper_words or any(k in words_[0] for k in places))
            ):
                words_ = words_[1:]  # 회담 직후 국립외교원: "right after the talks" is no name
            votes[" ".join(words_)] += 1
        if not votes:
            return None
        form, count = max(votes.items(), key=lambda item: (item[1], item[0]))
        share = count / len(self.mentions_in[id(candidate)])
        return Pairing(form, round(0.5 + 0.3 * share, 2), "Korean ending of the name")

    def _org_mentions(self, unit: AlignedUnit) -> list[tuple[Mention, AlignedUnit]]:
        if self._orgs_by_unit is None:
            self._orgs_by_unit = defaultdict(list)
            for candidate in self.candidates:
                if candidate.type in ("org", "acronym"):
                    for mention, other in self.mentions_in[id(candidate)]:
                        self._orgs_by_unit[other.key].append((mention, other))
        return self._orgs_by_unit[unit.key]

    def _place_forms(self, done: dict[int, Pairing]) -> dict[str, str]:
        places = {}
        for candidate in self.candidates:
            pairing = done.get(id(candidate))
            if candidate.type == "place" and pairing is not None:
                places[pairing.ko] = candidate.en
        return places

    def _by_cooccurrence(self, candidate: Candidate, forms: set[str]) -> Pairing | None:
        best: tuple[float, int, int, str] | None = None
        for form in forms:
            score = self.dice(candidate, form)
            if score < DICE_THRESHOLD:
                continue
            key = (score, len(self.korean_where.get(form, ())), len(form.split()), form)
            if best is None or key > best:
                best = key
        if best is None or best[1] < 3 or len(self.where[id(candidate)]) < 3:
            return None  # one shared segment proves nothing
        return Pairing(best[3], round(best[0], 2), "co-occurrence (Dice)")


def _title_beside(
    unit: AlignedUnit, person_ko: str, title_en: str, place_forms: Mapping[str, str]
) -> str | None:
    position = unit.korean.find(person_ko)
    if position < 0:
        return None
    person_end = position + len(person_ko)
    gloss = _GLOSS.match(unit.korean, person_end)
    if gloss:
        person_end = gloss.end()  # 라시드 메레도프(Rashid Meredov) 투르크메니스탄 부총리
    after = [s for s in unit.spans if person_end <= s.start <= person_end + 1]
    before = [s for s in unit.spans if s.end in (position, position - 1)]
    chosen = max(after, key=lambda s: s.tokens) if after else None
    if chosen is None and before:
        chosen = max(before, key=lambda s: s.tokens)
    if chosen is None:
        return None
    return clean_title_form(" ".join(chosen.form.split()), title_en, place_forms)


def clean_title_form(form: str, title_en: str, place_forms: Mapping[str, str]) -> str:
    """The part of a Korean noun run that is the English title: one side of 부총리 겸 위원장
    when the English names one title, without leading places the English leaves out."""
    if " 겸 " in form and not _COORDINATED.search(title_en):
        parts = form.split(" 겸 ")
        heads = korean_heads(title_en)
        form = next((part for part in parts if heads and part.endswith(heads)), parts[0])
    words = form.split()
    while len(words) > 1 and _foreign_place(words[0], title_en, place_forms):
        words = words[1:]
    return " ".join(words)


def korean_org_heads(name_en: str) -> tuple[str, ...]:
    """Korean endings for an English organisation name, by its last word or its first."""
    words_ = name_en.split()
    for word in (words_[-1], words_[0]):
        if word in KOREAN_ORG_HEADS:
            return KOREAN_ORG_HEADS[word]
    return ()


def _outermost(spans: list[KoreanSpan]) -> list[KoreanSpan]:
    """The spans no other span holds, in text order."""
    return sorted(
        (
            span
            for span in spans
            if not any(
                other is not span and other.start <= span.start and span.end <= other.end
                for other in spans
            )
        ),
        key=lambda span: span.start,
    )


def korean_heads(title_en: str) -> tuple[str, ...]:
    """Korean head words for the English title's head ("Deputy Prime Minister" -> 총리)."""
    for english, korean in KOREAN_TITLE_HEADS.items():
        if english in title_en.split(" of ")[0].split(" for ")[0]:
            return korean
    return ()


def _foreign_place(word: str, title_en: str, place_forms: Mapping[str, str]) -> bool:
    """A leading word naming a place that the English title leaves out (키르기즈 부총리 for
    "Deputy Prime Minister"), or a 주+place word (주아제르바이잔 대사 for "Ambassador")."""
    for korean, english in place_forms.items():
        if korean in word and english.split()[0][:5] not in title_en:
            return True
    return False
