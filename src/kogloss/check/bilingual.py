"""Bilingual checks: an English release read against its Korean source through an alignment.

``bilingual_findings(ko_document, en_document, alignment, index=None)`` is what
``kogloss check EN --source KO`` calls. Each rule reads the aligned segments:

- ``number-mismatch``: numbers, amounts and dates that differ between aligned segments, compared
  through :mod:`kogloss.numbers` (2억 5,100만 = 251 million; 5억 = 500m; 9월 3일 = September 3);
- ``untranslated``: an English segment equal to its source, mostly Hangul, or carrying a Korean
  run copied from its source (the id is the detect rule's: the same fault seen with the source);
- ``omission`` / ``addition``: a Korean segment with no translation, an English one with no source;
- ``term-mismatch``: a glossary term in the Korean whose aligned English has none of the entry's
  English forms, and the reverse (needs the glossary's TermIndex).

Findings of ``omission`` point into the Korean file (the sentence is missing from the English);
all others point into the English file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from kogloss.check.registry import Rule, rule
from kogloss.detect import UNTRANSLATED
from kogloss.document import Document
from kogloss.findings import Finding, Severity, make_finding
from kogloss.glossary import Entry, TermIndex
from kogloss.rules import RuleInfo, register
from kogloss.scripts import HANGUL_RUN, script_profile
from kogloss.segment import LIST_MARKER, Segment

if TYPE_CHECKING:
    from kogloss.align import Alignment, Link
    from kogloss.numbers import Quantity

NUMBER_MISMATCH = "number-mismatch"
OMISSION = "omission"
ADDITION = "addition"
TERM_MISMATCH = "term-mismatch"
FAMILY = "bilingual"
# Every id bilingual_findings reports (untranslated is detect's rule, seen with the source).
RULE_IDS = frozenset({NUMBER_MISMATCH, OMISSION, ADDITION, TERM_MISMATCH, UNTRANSLATED})

# Entry types whose Korean form has one expected English rendering in the same sentence.
# Titles are often a pronoun or a name in English ("He", "Vice Minister Kim"), and generic terms
# (핵실험 as "the test") are rendered freely: a title is reported only when the English has
# another title in its place.
_CHECKED_TYPES = frozenset({"person", "place", "org", "acronym"})

# An English segment at least this Hangul is untranslated, whatever else it holds.
_HANGUL_SHARE = 0.5
# A Korean run copied from the source must be this long to count (a lone syllable can be a
# deliberate gloss in parentheses).
_MIN_COPIED_RUN = 2

register(
    RuleInfo(
        NUMBER_MISMATCH,
        Severity.ERROR,
        "A number, amount or date differs between a Korean sentence and its translation.",
        "Numbers are compared after normalising both sides: digit grouping, the Korean scales "
        "천/만/억/조 against thousand/million/billion (m, bn), number words (다섯, five, sixth), "
        "dates (2017년 9월 3일 against September 3, 2017) and clock times. A value in the "
        "English that the Korean does not have is reported at the English number, with the "
        "Korean value it most likely stands for; a Korean value missing from the English is "
        "reported at the English sentence. Spelled-out numbers confirm a match but never "
        "raise a finding of their own.",
        FAMILY,
    )
)
register(
    RuleInfo(
        OMISSION,
        Severity.WARNING,
        "A Korean sentence has no translation in the English release.",
        "The aligner found no English sentence for this Korean one: the translator dropped it, "
        "or folded it into a neighbour so loosely that no anchor survived. The finding points "
        "into the Korean file, since the English has nothing to point at; its data says where "
        "in the English the sentence would belong and how sure the aligner is.",
        FAMILY,
    )
)
register(
    RuleInfo(
        ADDITION,
        Severity.INFO,
        "An English sentence has no source in the Korean release.",
        "The aligner found no Korean sentence for this English one. Often deliberate (a "
        "translator's note, 'Unofficial translation', an explanation for foreign readers), so "
        "it is information, not a warning; check that it is not a misplaced or invented "
        "statement.",
        FAMILY,
    )
)
register(
    RuleInfo(
        TERM_MISMATCH,
        Severity.WARNING,
        "A glossary term in the Korean is not rendered with its glossary English, or the reverse.",
        "For each approved glossary entry (a person, place, organisation or acronym) whose "
        "Korean form appears in a Korean sentence, the aligned English must contain the "
        "entry's English form, an accepted alternative, its abbreviation or a listed variant "
        "(plurals and adjective endings count). A title is checked the other way round, since "
        "English often replaces it with a pronoun: when the English has another title whose "
        "Korean is akin but absent (차관 rendered 'Vice Foreign Minister', which translates "
        "외교차관), the finding is at that English title and suggests the entry's English.",
        FAMILY,
    )
)


class _BilingualRule(Rule):
    """A rule that reads an English release against its Korean source: alone, an English
    document gives it nothing to compare, so its monolingual ``check`` finds nothing and
    :func:`bilingual_findings` (through ``kogloss check EN --source KO``) does the work."""

    family = FAMILY


@rule
class NumberMismatch(_BilingualRule):
    """A number, amount or date differs between a Korean sentence and its translation.

    **Anti-pattern**::

        KO: 총 5억 유로 규모의 차관을 제공한다.
        EN: It will provide loans worth 50 million euros in total.

    **Best practice**::

        EN: It will provide loans worth 500 million euros in total.
    """

    id = NUMBER_MISMATCH
    severity = Severity.ERROR


@rule
class Omission(_BilingualRule):
    """A Korean sentence has no translation in the English release.

    **Anti-pattern**::

        KO: 양측은 협력을 확대하기로 했다. 차기 회의는 내년 서울에서 열린다.
        EN: The two sides agreed to expand cooperation.

    **Best practice**::

        EN: The two sides agreed to expand cooperation. The next meeting will be held in
        Seoul next year.
    """

    id = OMISSION
    severity = Severity.WARNING


@rule
class Addition(_BilingualRule):
    """An English sentence has no source in the Korean release.

    **Anti-pattern**::

        KO: 양측은 협력을 확대하기로 했다.
        EN: The two sides agreed to expand cooperation. The talks were a great success.

    **Best practice**::

        EN: The two sides agreed to expand cooperation.
    """

    id = ADDITION
    severity = Severity.INFO


@rule
class TermMismatch(_BilingualRule):
    """A glossary term in the Korean is not rendered with its glossary English, or the reverse.

    **Anti-pattern**::

        KO: 외교부 차관은 ...
        EN: Vice Foreign Minister Kim said ...   (glossary: 차관 = Vice Minister)

    **Best practice**::

        EN: Vice Minister Kim said ...
    """

    id = TERM_MISMATCH
    severity = Severity.WARNING
    needs_glossary = True


def _segment_text(segments: Sequence[Segment], indices: Iterable[int]) -> str:
    return " ".join(segments[index].text for index in indices)


def _content_quantities(segment: Segment, quantities: list[Quantity]) -> list[Quantity]:
    """Quantities of a segment, without the list marker's number ("1." is not a value)."""
    marker = LIST_MARKER.match(segment.text)
    skip = marker.end() if marker else 0
    return [quantity for quantity in quantities if quantity.start >= skip]


def _number_findings(alignment: Alignment, link: Link) -> list[Finding]:
    # Imported here: every check run registers these rules, few read a Korean source (5 ms).
    from kogloss.numbers import english_quantities, korean_quantities

    english = alignment.english
    ko_values: list[Quantity] = []
    for index in link.ko:
        segment = alignment.ko_segments[index]
        ko_values += _content_quantities(segment, korean_quantities(segment.text))
    en_values: list[tuple[Segment, Quantity]] = []
    for index in link.en:
        segment = alignment.en_segments[index]
        en_values += [
            (segment, quantity)
            for quantity in _content_quantities(segment, english_quantities(segment.text))
        ]
    ko_keys = [quantity.key for quantity in ko_values]
    en_keys = [quantity.key for _, quantity in en_values]
    unmatched_ko = [q for q in ko_values if not q.spelled and q.key not in en_keys]
    unmatched_en = [(s, q) for s, q in en_values if not q.spelled and q.key not in ko_keys]
    findings: list[Finding] = []
    for segment, quantity in unmatched_en:
        counterpart = _closest(quantity, unmatched_ko)
        if counterpart is not None:
            unmatched_ko.remove(counterpart)
            message = (
                f"'{quantity.text}' ({_show(quantity)}) where the Korean has "
                f"'{counterpart.text}' ({_show(counterpart)})"
            )
            severity = Severity.ERROR
        else:
            message = f"'{quantity.text}' ({_show(quantity)}) is not in the Korean source"
            severity = Severity.WARNING
        findings.append(
            make_finding(
                english,
                segment.start + quantity.start,
                segment.start + quantity.end,
                NUMBER_MISMATCH,
                severity,
                message,
                suggestion=None,
                data={"ko": counterpart.key if counterpart else None, "en": quantity.key},
            )
        )
    if unmatched_ko:
        first = alignment.en_segments[link.en[0]]
        last = alignment.en_segments[link.en[-1]]
        shown = ", ".join(f"'{quantity.text}' ({_show(quantity)})" for quantity in unmatched_ko)
        findings.append(
            make_finding(
                english,
                first.start,
                last.end,
                NUMBER_MISMATCH,
                Severity.WARNING,
                f"the Korean source has {shown}, which this translation does not",
                data={"ko": [quantity.key for quantity in unmatched_ko]},
            )
        )
    return findings


def _closest(quantity: Quantity, candidates: list[Quantity]) -> Quantity | None:
    """The unmatched Korean value of the same kind an English value most likely renders."""
    same_kind = [c for c in candidates if c.kind == quantity.kind and not c.spelled]
    if not same_kind:
        return None
    if quantity.kind != "number":
        return same_kind[0]
    value = float(quantity.key)
    return min(same_kind, key=lambda c: abs(float(c.key) - value))


def _show(quantity: Quantity) -> str:
    key = quantity.key
    if key.startswith("M") and "D" in key:
        month, day = key[1:].split("D")
        return f"month {month}, day {day}"
    if key.startswith("M"):
        return f"month {key[1:]}"
    if key.startswith("T"):
        return f"time {key[1:]}"
    value = float(key)
    return f"{value:,.0f}" if value == int(value) else key


def _untranslated_findings(alignment: Alignment, link: Link) -> list[Finding]:
    english = alignment.english
    source = " ".join(_segment_text(alignment.ko_segments, link.ko).split())
    findings: list[Finding] = []
    for index in link.en:
        segment = alignment.en_segments[index]
        text = " ".join(segment.text.split())
        problem = None
        if source and text == source:
            problem = "the English segment is a copy of its Korean source"
        elif script_profile(segment.text).share("hangul") >= _HANGUL_SHARE:
            problem = "the English segment is still mostly Korean"
        if problem is not None:
            findings.append(
                make_finding(
                    english, segment.start, segment.end, UNTRANSLATED, Severity.ERROR, problem
                )
            )
            continue
        for match in HANGUL_RUN.finditer(segment.text):
            run = match.group(0).strip()
            if len(run) >= _MIN_COPIED_RUN and run in source:
                findings.append(
                    make_finding(
                        english,
                        segment.start + match.start(),
                        segment.start + match.end(),
                        UNTRANSLATED,
                        Severity.ERROR,
                        f"Korean '{run}' copied from the source is left untranslated",
                    )
                )
    return findings


def _omission_or_addition(alignment: Alignment, link: Link, position: int) -> list[Finding]:
    if link.ko and not link.en:
        first = alignment.ko_segments[link.ko[0]]
        last = alignment.ko_segments[link.ko[-1]]
        where = _english_place(alignment, position)
        return [
            make_finding(
                alignment.korean,
                first.start,
                last.end,
                OMISSION,
                Severity.WARNING,
                f"no English translation of this Korean sentence ({where})",
                data={"confidence": round(link.confidence, 3), "ko": list(link.ko)},
            )
        ]
    if link.en and not link.ko:
        first = alignment.en_segments[link.en[0]]
        last = alignment.en_segments[link.en[-1]]
        return [
            make_finding(
                alignment.english,
                first.start,
                last.end,
                ADDITION,
                Severity.INFO,
                "no Korean source for this English sentence",
                data={"confidence": round(link.confidence, 3), "en": list(link.en)},
            )
        ]
    return []


def _english_place(alignment: Alignment, position: int) -> str:
    """Where a missing translation would go: after the English of the previous link."""
    for link in reversed(alignment.links[:position]):
        if link.en:
            segment = alignment.en_segments[link.en[-1]]
            line = alignment.english.position(segment.start).line
            return f"it would follow {alignment.english.path} line {line}"
    return f"it would open {alignment.english.path}"


def _forms(entry: Entry) -> list[str]:
    forms = [entry.en, *entry.also]
    if entry.abbr:
        forms.append(entry.abbr)
    forms += [variant.text for variant in entry.variants if variant.text]
    return forms


@lru_cache(maxsize=4096)
def _rendering_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    """Any English form of an entry, in any case and spacing, its words allowed a plural and
    its last word an adjective ending: "heads of delegation" renders "head of delegation",
    "Georgian" renders "Georgia", "Uzbek" renders "Uzbekistan"."""
    alternatives = []
    for form in forms:
        words = form.split()
        last = words[-1]
        last_pattern = re.escape(last) + r"[a-z]*"
        if last.endswith("stan") and len(last) > 6:
            last_pattern = (
                f"(?:{last_pattern}|{re.escape(last.removesuffix('istan').removesuffix('stan'))})"
            )
        alternatives.append(
            r"\s+".join([*(re.escape(word) + r"(?:s|es)?" for word in words[:-1]), last_pattern])
        )
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


def _renders(entry: Entry, english_text: str) -> bool:
    return _rendering_pattern(tuple(_forms(entry))).search(english_text) is not None


def _akin(first: str, second: str) -> bool:
    """Two Korean forms sharing most of their syllables (차관 / 외교차관 / 외교부 제1차관):
    likely one rendered as the other."""
    a, b = set(first) - {" "}, set(second) - {" "}
    return bool(a and b) and len(a & b) >= 0.5 * min(len(a), len(b))


def _term_findings(alignment: Alignment, link: Link, index: TermIndex) -> list[Finding]:
    """Approved entries of the Korean not rendered in the English. Where the English instead
    has another approved entry of the same type that the Korean does not have (a title
    rendered two ways: 차관 as "Vice Foreign Minister"), the finding is at that English term."""
    english = alignment.english
    korean_text = _segment_text(alignment.ko_segments, link.ko)
    english_text = _segment_text(alignment.en_segments, link.en)
    missing = [
        match
        for match in index.find_korean(korean_text)
        if match.entry.status == "approved"
        and match.entry.type in _CHECKED_TYPES | {"title"}
        and not _renders(match.entry, english_text)
    ]
    if not missing:
        return []
    korean_entries = {id(match.entry) for match in index.find_korean(korean_text)}
    findings: list[Finding] = []
    for position in link.en:
        segment = alignment.en_segments[position]
        for match in index.find_english(segment.text):
            entry = match.entry
            if entry.status != "approved" or not entry.ko or id(entry) in korean_entries:
                continue
            if entry.ko in korean_text:
                continue
            instead = next(
                (m for m in missing if m.entry.type == entry.type and _akin(m.matched, entry.ko)),
                None,
            )
            if instead is None:
                continue
            missing.remove(instead)
            findings.append(
                make_finding(
                    english,
                    segment.start + match.start,
                    segment.start + match.end,
                    TERM_MISMATCH,
                    Severity.WARNING,
                    f"'{match.matched}' translates '{entry.ko}', but the Korean has "
                    f"'{instead.matched}': '{instead.entry.en}'",
                    suggestion=instead.entry.en,
                    data={"ko": instead.matched, "en": instead.entry.en},
                )
            )
    first = alignment.en_segments[link.en[0]]
    last = alignment.en_segments[link.en[-1]]
    for match in missing:
        if match.entry.type not in _CHECKED_TYPES:
            continue  # a title is often a pronoun or a name in English: reported only paired
        findings.append(
            make_finding(
                english,
                first.start,
                last.end,
                TERM_MISMATCH,
                Severity.WARNING,
                f"the Korean has '{match.matched}' but the English lacks '{match.entry.en}'",
                data={"ko": match.matched, "en": match.entry.en},
            )
        )
    return findings


def bilingual_findings(
    ko_document: Document,
    en_document: Document,
    alignment: Alignment,
    index: TermIndex | None = None,
) -> list[Finding]:
    """Every bilingual rule's findings for one aligned pair (term-mismatch only with an index).

    ``ko_document`` and ``en_document`` must be the documents ``alignment`` was made from.
    """
    if alignment.korean is not ko_document or alignment.english is not en_document:
        raise ValueError("the alignment was made from other documents")
    findings: list[Finding] = []
    for position, link in enumerate(alignment.links):
        if not (link.ko and link.en):
            findings += _omission_or_addition(alignment, link, position)
            continue
        findings += _number_findings(alignment, link)
        findings += _untranslated_findings(alignment, link)
        if index is not None:
            findings += _term_findings(alignment, link, index)
    return findings
