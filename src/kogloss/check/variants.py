"""Near variants: one name written two ways, found without any glossary.

This is the rule that finds what nobody has put in the glossary yet, so it is tuned for
precision on real releases. It compares *names* (runs of capitalised words, and a name with the
lowercase word after it, as in "ROK government"), never common words on their own: two forms
are variants when they have the same number of words, share at least one capitalised word
exactly, and differ in one word by case, by one letter (Peninsula/Peninsular, Korea/Korean
before "Eximbank"), or by romanization (Hamgyong/Hamgyung/Hamgyeong, Kyu-hyun/Kyou-hyun).
Plurals (Minister/Ministers), a case change at the start of a sentence, and an adjective before
a noun ("North Korean nuclear test" beside "North Korea") are not variants.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from array import array
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar, NamedTuple

from kogloss.check.context import CheckContext
from kogloss.check.registry import Collected, Rule, rule
from kogloss.document import Document
from kogloss.findings import Finding, Severity, make_finding

Form = tuple[str, ...]
_START = operator.attrgetter("start")
_END = operator.attrgetter("end")

# Possessive quantifiers (*+, ++): what follows a word or a gap can never start with a word
# character or a space, so giving some back never helps, and not trying it saves 15% of the
# time of the run pattern.
_AFTER_CAPITAL = r"[A-Za-z0-9]*+(?:['’\-][A-Za-z0-9]++)*+"
_WORD = rf"[A-Z]{_AFTER_CAPITAL}"
# Spaces with at most one line break among them.
_GAP = r"(?=[ \t\u00a0\n])[ \t\u00a0]*+\n?+[ \t\u00a0]*+"
_RUN_WORD = re.compile(rf"{_WORD}|of|for")
_POSSESSIVES = ("'s", "’s")
# A line without a lowercase letter is a headline; its capitals say nothing about names.
_HEADLINE = re.compile(r"(?=.*[A-Z]{2})[^a-z]+")  # (fullmatch on one line)
# Words of four letters or more: in a title-case headline every one of them is capitalised.
_GIVEN_NAME = re.compile(r"[A-Z][a-z]+-[a-z]+")
_LONG_WORD = re.compile(r"[A-Za-z][a-z]{3,}|[A-Z]{4,}")
MIN_TITLE_WORDS = 3

_FUNCTION_WORDS_TEXT = """a an the this that these those our your his her its their my we i you
    he she it they in on at by for from with to of as and but or nor so yet if when while
    after before
    since until during about against between into through over under above below up down
    there here what which who whom whose where why how all any both each few more most other
    some such no not only own same than too very can will just should now also however
    therefore meanwhile moreover furthermore is are was were be been being have has had do
    does did q"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())

MIN_EDIT_LENGTH = 5
# Files named per form in a finding's data (the corpus summary names them all).
MAX_FILES_NAMED = 10
MIN_ROMANIZATION_LENGTH = 4


@dataclass
class _FormStats:
    count: int = 0
    nominal: int = 0
    first: tuple[int, int] = (0, 0)
    documents: array = field(default_factory=lambda: array("I"))


def skeleton(word: str) -> str:
    """A romanization-blind key: Hamgyong, Hamgyung and Hamgyeong share ``hamgyong``."""
    key = word.lower().replace("-", "").replace("’", "").replace("'", "")
    key = re.sub(r"(?<=[aeiou])y(?=[aeiou])", "", key)
    for written, spoken in (("eo", "o"), ("ou", "u"), ("oo", "u"), ("eu", "u"), ("ae", "e")):
        key = key.replace(written, spoken)
    return key.replace("ee", "i").replace("u", "o")


def one_edit(first: str, second: str) -> bool:
    """Whether two different strings are one insertion, deletion or substitution apart."""
    if abs(len(first) - len(second)) > 1 or first == second:
        return False
    if len(first) > len(second):
        first, second = second, first
    prefix = 0
    while prefix < len(first) and first[prefix] == second[prefix]:
        prefix += 1
    if len(first) == len(second):
        return first[prefix + 1 :] == second[prefix + 1 :]
    return first[prefix:] == second[prefix + 1 :]


def is_plural(first: str, second: str) -> bool:
    """Whether one of two lowercase forms is the other's plural (Minister/Ministers)."""
    short, long = sorted((first, second), key=len)
    return long in (short + "s", short + "es") or (
        short.endswith("y") and long == short[:-1] + "ies"
    )


class Occurrence(NamedTuple):
    form: Form
    start: int
    end: int
    nominal: bool


# Capitalised words in a row, with "of" or "for" between two of them (Bank of Korea), and the
# lowercase word after them, if any (no run can start in it). The run's first capital comes
# before the look-behind, so that the engine can skip ahead to capitals.
_RUN_AND_TAIL = re.compile(
    rf"(?P<run>[A-Z](?<![A-Za-z0-9'’\-].){_AFTER_CAPITAL}(?:{_GAP}(?:(?:of|for){_GAP})?{_WORD})*)"
    rf"(?:{_GAP}(?P<tail>[a-z][a-z]{{2,}})(?![A-Za-z0-9'’\-]))?"
)
# Where a sentence opens on a capital: after punctuation or a line break, then spaces.
_OPENING = re.compile(r"[.!?:;\"“”(\[\n][ \t\u00a0]*(?=[A-Z])")
# A lowercase word of four letters or more that _LONG_WORD finds: a line holding one is
# neither a headline nor in title case (the cheap test that clears nearly every line).
_PROSE_WORD = re.compile(r"(?<![A-Za-z])[a-z]{4}")

# A run with the lowercase word after it, and whether it opens a sentence: all that decides
# its name forms.
_RunKey = tuple[str, bool]
# The glossary matches that reach into a run, (start, end) relative to the run's start.
_Known = tuple[tuple[int, int], ...]
_RunForms = tuple[tuple[Form, int, int, bool], ...]


def _runs(text: str) -> tuple[list[int], list[int], list[_RunKey]]:
    """Starts, ends and keys of the runs of ``text`` outside headlines and title-case lines,
    each taken from all the matches at once (map in C, no loop over the runs in Python)."""
    matches = list(_RUN_AND_TAIL.finditer(text))
    starts = list(map(re.Match.start, matches))
    excluded = _excluded_lines(text)
    if excluded:
        # An odd insertion point falls inside one of the excluded lines' (start, end) pairs.
        inside = map(bisect.bisect_right, itertools.repeat(excluded), starts)
        kept = list(map(operator.not_, map(operator.and_, inside, itertools.repeat(1))))
        matches = list(itertools.compress(matches, kept))
        starts = list(itertools.compress(starts, kept))
    openings = set(map(re.Match.end, _OPENING.finditer(text)))
    openings.add(len(text) - len(text.lstrip(" \t\u00a0")))
    keys = list(zip(map(re.Match.group, matches), map(openings.__contains__, starts), strict=True))
    return starts, list(map(re.Match.end, matches)), keys


def _excluded_lines(text: str) -> list[int]:
    """Start and end of every headline or title-case line, flat and in order: capitals
    say nothing about names there."""
    bounds: list[int] = []
    lines = text.split("\n")
    # Only lines without a prose word (blank ones too) are looked at, picked in C.
    for index in itertools.compress(
        itertools.count(), map(operator.not_, map(_PROSE_WORD.search, lines))
    ):
        line = lines[index]
        if line and _is_title(line):
            line_start = sum(map(len, lines[:index])) + index
            bounds += (line_start, line_start + len(line) + 1)
    return bounds


def _is_title(line: str) -> bool:
    """A headline (no lowercase letter) or a line in title case ("Korea Supports IDP
    Villages in Fuzuli Regions")."""
    if _HEADLINE.fullmatch(line):
        return True
    words = _LONG_WORD.findall(line)
    return len(words) >= MIN_TITLE_WORDS and all(word[0].isupper() for word in words)


def occurrences(text: str) -> Iterator[Occurrence]:
    """Every name form of ``text``: capitalised runs, each single name word, and a run with
    the lowercase word after it."""
    starts, _, keys = _runs(text)
    for start, key in zip(starts, keys, strict=True):
        for form, first, last, nominal in _run_forms(key):
            yield Occurrence(form, start + first, start + last, nominal)


def name_forms(text: str, known_starts: list[int], known_ends: list[int]) -> dict[Form, list[int]]:
    """Form -> [count, uses not followed by a lowercase word, offset of its first use], for
    the forms of ``text`` outside the known spans (in order, not overlapping).

    Runs repeat (names and titles do), so a run's forms are worked out once per key and
    glossary spans around it, and each document only counts its runs, in order of first use.
    """
    # Two sentinels: no span starts before the end of any run.
    known_starts = [*known_starts, len(text) + 1, len(text) + 1]
    tally: dict[tuple[_RunKey, _Known], list[int]] = {}
    for start, end, key in zip(*_runs(text), strict=True):
        first = bisect.bisect_right(known_ends, start)
        if known_starts[first] >= end:
            around: _Known = ()
        elif known_starts[first + 1] >= end:  # the common case: one span
            around = ((known_starts[first] - start, known_ends[first] - start),)
        else:
            around = _known_around(known_starts, known_ends, first, start, end)
        entry = tally.get((key, around))
        if entry is None:
            tally[(key, around)] = [1, start]
        else:
            entry[0] += 1
    forms: dict[Form, list[int]] = {}
    for (key, around), (count, first) in tally.items():
        for form, offset, nominal in _forms_outside(key, around):
            entry = forms.get(form)
            if entry is None:
                forms[form] = [count, nominal * count, first + offset]
            else:
                entry[0] += count
                entry[1] += nominal * count
    return forms


def _known_around(
    known_starts: list[int], known_ends: list[int], first: int, start: int, end: int
) -> _Known:
    """The known spans from ``first`` on that start before ``end`` (there is a sentinel
    after the last), relative to ``start``."""
    spans = []
    while known_starts[first] < end:
        spans.append((known_starts[first] - start, known_ends[first] - start))
        first += 1
    return tuple(spans)


@functools.lru_cache(maxsize=1 << 16)
def _forms_outside(key: _RunKey, known: _Known) -> tuple[tuple[Form, int, bool], ...]:
    """(form, offset, nominal) of each form of a run that no glossary span holds."""
    return tuple(
        (form, start, nominal)
        for form, start, end, nominal in _run_forms(key)
        if not any(span_start <= start and end <= span_end for span_start, span_end in known)
    )


@functools.lru_cache(maxsize=1 << 16)
def _run_forms(key: _RunKey) -> _RunForms:
    """(form, start, end, nominal) of each form of a run, relative to its start."""
    matched, initial = key
    match = _RUN_AND_TAIL.match(matched)
    assert match is not None
    run, tail = match.group("run", "tail")
    if tail in FUNCTION_WORDS:
        tail = None
    forms = []
    for tokens, first, last, takes_tail, named in _run_plan(run, initial):
        if named:
            forms.append((tokens, first, last, not (tail and takes_tail)))
        if tail and takes_tail:
            forms.append(((*tokens, tail), first, len(matched), False))
    return tuple(forms)


# (tokens, start, end, whether a lowercase word after the run joins them, whether the
# tokens alone are a name form), offsets relative to the run.
_Plan = tuple[tuple[Form, int, int, bool, bool], ...]


@functools.lru_cache(maxsize=1 << 16)
def _run_plan(run: str, initial: bool) -> _Plan:
    """What a run of capitalised words contributes, worked out once per distinct run (names
    and titles repeat across a corpus, so this is what makes the rule fast)."""
    words = [(word.group(0), word.start(), word.end()) for word in _RUN_WORD.finditer(run)]
    return tuple(_plan_words(words, initial))


def _plan_words(
    words: list[tuple[str, int, int]], initial: bool
) -> Iterator[tuple[Form, int, int, bool, bool]]:
    while words and initial and words[0][0].lower() in FUNCTION_WORDS:
        words = words[1:]
        initial = False
    # A possessive ends a name ("Azerbaijan Government’s endeavors").
    for cut, (word, _, _) in enumerate(words[:-1]):
        if word.endswith(_POSSESSIVES):
            yield from _plan_words(words[: cut + 1], initial)
            yield from _plan_words(words[cut + 1 :], False)
            return
    while words and words[-1][0] in ("of", "for"):
        words = words[:-1]
    if not words:
        return
    possessive = words[-1][0].endswith(_POSSESSIVES)
    tokens = tuple(word[:-2] if word.endswith(_POSSESSIVES) else word for word, _, _ in words)
    start, end = words[0][1], words[-1][2] - (2 if possessive else 0)
    # A single capitalised word at the start of a sentence is no evidence of a name.
    yield (tokens, start, end, not possessive, len(tokens) > 1 or not initial)
    if len(tokens) > 1:
        for position, (token, (_, word_start, _)) in enumerate(zip(tokens, words, strict=True)):
            if position == 0 and initial:
                continue
            if _GIVEN_NAME.fullmatch(token):
                # Korean given names are compared with their surname only: Yoon Sung-min and
                # Park Seong-min are two people, Kim Kyu-hyun and Kim Kyou-hyun one.
                if position > 1 or (position == 1 and len(tokens) > 2):
                    surname_start = words[position - 1][1]
                    yield (tokens[position - 1 : position + 1], surname_start,
                           word_start + len(token), False, True)  # fmt: skip
            elif len(token) >= MIN_ROMANIZATION_LENGTH and not token.isupper():
                yield ((token,), word_start, word_start + len(token), False, True)


def _difference(first: Form, second: Form, stats: dict[Form, _FormStats]) -> str | None:
    """Why two forms are variants of each other ("case", "one letter", "romanization"), or
    None when they are not."""
    if len(first) == 1:
        a, b = first[0], second[0]
        lower_a, lower_b = a.lower(), b.lower()
        if (
            lower_a == lower_b
            or a.isupper()
            or b.isupper()
            or min(len(a), len(b)) < MIN_ROMANIZATION_LENGTH
            or lower_a in FUNCTION_WORDS
            or lower_b in FUNCTION_WORDS
            or is_plural(lower_a, lower_b)
        ):
            return None
        return "romanization" if skeleton(a) == skeleton(b) else None
    if not (first[-1][0].isupper() or second[-1][0].isupper()):
        return None  # both end in a lowercase word: neither is a name as written
    anchor = False
    near: str | None = None
    cased = False
    for position, (a, b) in enumerate(zip(first, second, strict=True)):
        if a == b:
            anchor = anchor or a[0].isupper()
            continue
        lower_a, lower_b = a.lower(), b.lower()
        if lower_a == lower_b:
            if position == 0:
                return None
            cased = True
            continue
        if near is not None or is_plural(lower_a, lower_b):
            return None
        cased = cased or a[0].isupper() != b[0].isupper()
        if len(lower_a) >= MIN_ROMANIZATION_LENGTH and skeleton(a) == skeleton(b):
            near = "romanization"
        elif min(len(lower_a), len(lower_b)) >= MIN_EDIT_LENGTH and one_edit(lower_a, lower_b):
            if position == len(first) - 1 and not _noun_use(first, second, lower_a, lower_b, stats):
                return None
            near = "one letter"
        else:
            return None
    if not anchor or (near is None and not cased):
        return None
    if near is None:
        return "case"
    return f"{near} and case" if cased else near


def _noun_use(first: Form, second: Form, lower_a: str, lower_b: str, stats: dict) -> bool:
    """Korea/Korean at the end of a name: a variant only where the longer word is used as a
    noun (not followed by one), as in "the Korean Peninsular and beyond"."""
    if not (lower_b.startswith(lower_a) or lower_a.startswith(lower_b)):
        return True
    longer = second if len(lower_b) > len(lower_a) else first
    return longer[-1][0].isupper() and stats[longer].nominal > 0


def _candidate_keys(form: Form) -> Iterator[tuple[Any, ...]]:
    if len(form) == 1:
        yield (1, skeleton(form[0]))
        return
    lowered = [token.lower() for token in form]
    for position, token in enumerate(lowered):
        others = tuple(lowered[:position] + lowered[position + 1 :])
        yield (len(form), position, others, token)
        yield (len(form), position, others, "~" + skeleton(token))
        for cut in range(len(token)):
            yield (len(form), position, others, token[:cut] + token[cut + 1 :])


def variant_groups(stats: dict[Form, _FormStats]) -> list[tuple[list[Form], dict[Form, str]]]:
    """Groups of forms that are variants of one another, each with the reason per form.

    Names (forms ending in a capital) are indexed by their candidate keys; a name with the
    lowercase word after it ("ROK government") is only looked up, since two such forms are
    never compared with each other; this keeps the index to the names.
    """
    buckets: dict[tuple[Any, ...], list[Form]] = defaultdict(list)
    tails: list[Form] = []
    for form in stats:
        if form[-1][0].isupper():
            for key in _candidate_keys(form):
                buckets[key].append(form)
        else:
            tails.append(form)
    parent: dict[Form, Form] = {}

    def find(form: Form) -> Form:
        while parent.get(form, form) != form:
            form = parent[form]
        return form

    reasons: dict[Form, str] = {}
    checked: set[tuple[Form, Form]] = set()

    def compare(first: Form, second: Form) -> None:
        pair = (first, second) if first < second else (second, first)
        if pair in checked:
            return
        checked.add(pair)
        reason = _difference(first, second, stats)
        if reason is not None:
            parent[find(first)] = find(second)
            reasons.setdefault(first, reason)
            reasons.setdefault(second, reason)

    for members in buckets.values():
        for index, first in enumerate(members):
            for second in members[index + 1 :]:
                compare(first, second)
    for tail in tails:
        for key in _candidate_keys(tail):
            for name in buckets.get(key, ()):
                compare(name, tail)
    groups: dict[Form, list[Form]] = defaultdict(list)
    for form in reasons:
        groups[find(form)].append(form)
    ordered = [sorted(group, key=lambda form: stats[form].first) for group in groups.values()]
    ordered.sort(key=lambda group: stats[group[0]].first)
    return [(group, reasons) for group in ordered]


def display(form: Form) -> str:
    return " ".join(form)


@rule
class NearVariant(Rule):
    """Forms of one name that differ only by case, a letter or romanization.

    With no glossary entry at all, the document (or every document of the run, with
    ``scope = "corpus"``, the default) is searched for names written in two ways: by case
    after the same name (ROK Government / ROK government), by one letter (Korean Peninsula /
    Korean Peninsular, Korea Eximbank / Korean Eximbank), or by romanization (Hamgyong /
    Hamgyung / Hamgyeong, Kyu-hyun / Kyou-hyun). The finding is on each use of the less
    frequent forms and names the most frequent one; nothing is fixed, because only an editor
    knows which form is right: settle it and add it to the glossary. Forms the glossary
    already knows are left to the glossary rules. Common words differing by a letter, plurals,
    sentence-initial capitals and adjectives before a noun (North Korean regime / North Korea)
    are not variants.

    **Anti-pattern**::

        Peace on the Korean Peninsular ... security of the Korean peninsula.

    **Best practice**::

        Peace on the Korean Peninsula ... security of the Korean Peninsula.
    """

    id = "near-variant"
    severity = Severity.WARNING
    family = "variants"
    corpus = True
    options: ClassVar[dict[str, Any]] = {"scope": "corpus"}

    def collect(self, document: Document, context: CheckContext) -> Any:
        if context.language(document) != "en":
            return {}
        # A name inside one of the glossary's matches is the glossary rules' business.
        matches = context.term_matches(document)
        return name_forms(document.text, list(map(_START, matches)), list(map(_END, matches)))

    def new_corpus(self, context: CheckContext) -> _Corpus:
        return _Corpus(by_document=context.settings.option(self, "scope") == "document")

    def add(self, corpus: _Corpus, index: int, item: Collected) -> None:
        corpus.paths.append(item.path)
        if not corpus.by_document:
            _add_stats(corpus.stats, index, item.data)
            return
        stats: dict[Form, _FormStats] = {}
        _add_stats(stats, index, item.data)
        corpus.planned.update(_plan(stats, corpus.paths))
        corpus.rows.extend(_rows(stats, corpus.paths))

    def plan(self, corpus: _Corpus, context: CheckContext) -> dict[int, Any]:
        return corpus.planned if corpus.by_document else _plan(corpus.stats, corpus.paths)

    def report(self, document: Document, planned: Any, context: CheckContext) -> list[Finding]:
        findings = []
        taken: list[tuple[int, int]] = []
        candidates = [o for o in occurrences(document.text) if o.form in planned]
        candidates.sort(key=lambda o: (o.start, -(o.end - o.start)))
        for occurrence in candidates:
            if any(occurrence.start < end and start < occurrence.end for start, end in taken):
                continue
            taken.append((occurrence.start, occurrence.end))
            note = planned[occurrence.form]
            written = display(occurrence.form)
            forms = ", ".join(f"'{form}' {count}x" for form, count in note["forms"].items())
            findings.append(
                make_finding(
                    document,
                    occurrence.start,
                    occurrence.end,
                    self.id,
                    self.severity,
                    f"'{written}' differs from '{note['major']}' by {note['reason']} "
                    f"({forms}): choose one form",
                    data={"form": written, **note},
                )
            )
        return findings

    def summary(self, corpus: _Corpus, context: CheckContext) -> list[dict]:
        return corpus.rows if corpus.by_document else _rows(corpus.stats, corpus.paths)


@dataclass
class _Corpus:
    """Near-variant's state over a run: every name form with its counts and documents."""

    by_document: bool
    paths: list[str] = field(default_factory=list)
    stats: dict[Form, _FormStats] = field(default_factory=dict)
    planned: dict[int, Any] = field(default_factory=dict)
    rows: list[dict] = field(default_factory=list)


def _add_stats(stats: dict[Form, _FormStats], index: int, data: Any) -> None:
    for form, (count, nominal, first) in (data or {}).items():
        entry = stats.get(form)
        if entry is None:
            entry = stats[form] = _FormStats(first=(index, first))
        entry.count += count
        entry.nominal += nominal
        entry.documents.append(index)


def _files(paths: list[str], documents: array) -> list[str]:
    """The files a form is in, at most MAX_FILES_NAMED of them (a finding stays readable)."""
    return [paths[index] for index in documents[:MAX_FILES_NAMED]]


def _plan(stats: dict[Form, _FormStats], paths: list[str]) -> dict[int, Any]:
    planned: dict[int, dict[Form, dict[str, Any]]] = defaultdict(dict)
    for group, reasons in variant_groups(stats):
        major = max(group, key=lambda form: (stats[form].count, -group.index(form)))
        counts = {display(form): stats[form].count for form in group}
        files = {display(form): _files(paths, stats[form].documents) for form in group}
        for form in group:
            if form == major:
                continue
            note = {
                "major": display(major),
                "reason": _difference(form, major, stats) or reasons[form],
                "forms": counts,
                "files": files,
            }
            for document_index in stats[form].documents:
                planned[document_index][form] = note
    return dict(planned)


def _rows(stats: dict[Form, _FormStats], paths: list[str]) -> list[dict]:
    rows = []
    for group, _ in variant_groups(stats):
        rows.append(
            {
                "term": display(max(group, key=lambda form: stats[form].count)),
                "source": NearVariant.id,
                "forms": [
                    {
                        "form": display(form),
                        "count": stats[form].count,
                        "files": [paths[index] for index in stats[form].documents],
                    }
                    for form in group
                ],
            }
        )
    return rows
