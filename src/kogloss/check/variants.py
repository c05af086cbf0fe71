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
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, NamedTuple

from kogloss._native import load
from kogloss.check.context import CheckContext
from kogloss.check.registry import Collected, Rule, rule
from kogloss.document import Document
from kogloss.findings import Finding, Severity, make_finding

Form = tuple[str, ...]

# The runs and their tally in C (src/kogloss/_native/runs.c), or None: _python_runs and
# _python_run_tally then do it, as they define it.
_NATIVE = load("runs")

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
    """A form's uses over a run of documents. Its first use is (document, rank of its run's
    key in the document's order of first use, offset in the run): a document's runs do not
    overlap, so this sorts as the offset in the text would."""

    first: tuple[int, int, int]
    count: int = 0
    documents: array = field(default_factory=lambda: array("I"))


# A y between vowels, which romanizations write or leave out (Hamgyong / Hamgyeong).
_GLIDE = re.compile(r"(?<=[aeiou])y(?=[aeiou])")


@functools.lru_cache(maxsize=1 << 16)
def skeleton(word: str) -> str:
    """A romanization-blind key: Hamgyong, Hamgyung and Hamgyeong share ``hamgyong``.
    Cached: the candidate keys of every name of a run take the skeleton of each word."""
    key = word.lower().replace("-", "").replace("’", "").replace("'", "")
    key = _GLIDE.sub("", key)
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
# before the look-behind, so that the engine can skip ahead to capitals. Possessive here too:
# all that follows the words is optional, and the tail's last letter is never followed by
# another (4% of the time of the split).
_RUN = rf"[A-Z](?<![A-Za-z0-9'’\-].){_AFTER_CAPITAL}(?:{_GAP}(?:(?:of|for){_GAP})?{_WORD})*+"
_TAIL = r"[a-z]{3,}+(?![A-Za-z0-9'’\-])"
_RUN_AND_TAIL = re.compile(rf"(?P<run>{_RUN})(?:{_GAP}(?P<tail>{_TAIL}))?")
# The same matches as one group, for re.split: the text between runs comes with them, and
# their positions are the running sum of the lengths of the pieces (no match objects).
_RUNS_APART = re.compile(rf"({_RUN}(?:{_GAP}{_TAIL})?)")
# A run opens a sentence where the text before it, less spaces, ends in one of these (or where
# nothing comes before it but spaces); it is flagged "^" then, else " ".
_OPENING_FLAGS = dict.fromkeys('.!?:;"“”([\n', "^")
_SPACES = " \t\u00a0"
_LAST = operator.itemgetter(slice(-1, None))
# A lowercase word of four letters or more that _LONG_WORD finds: a line holding one is
# neither a headline nor in title case (the cheap test that clears nearly every line).
_PROSE_WORD = re.compile(r"(?<![A-Za-z])[a-z]{4}")

# A run with the lowercase word after it, and whether it opens a sentence: all that decides
# its name forms.
_RunKey = tuple[str, bool]
# A run as counted: "^" where it opens a sentence (else " "), the run with the lowercase word
# after it, NUL, and what the known spans cover of it (see _known_cover): all that decides
# which of its forms count, in one string, whose hash is worked out once and kept.
_TallyKey = str
_RunForms = tuple[tuple[Form, int, int, bool], ...]


_Columns = tuple[list[int], list[int], list[str], list[str]]


def _runs(text: str) -> _Columns:
    """Starts, ends, texts and opening flags ("^" where the run opens a sentence, else " ")
    of the runs of ``text`` outside headlines and title-case lines: found in one pass in C
    where kogloss._native.runs is built, else by _python_runs, the reference."""
    if _NATIVE is not None:
        return _NATIVE.runs(text)
    return _python_runs(text)


def _python_runs(text: str) -> _Columns:
    """_runs in Python, all taken from one split of the text (C-level passes over the
    pieces, no loop over the runs in Python)."""
    pieces = _RUNS_APART.split(text)  # text before the first run, run, text, run, ..., text
    bounds = list(itertools.accumulate(map(len, pieces)))
    starts, ends, runs = bounds[0:-1:2], bounds[1::2], pieces[1::2]
    before = map(_LAST, map(str.rstrip, pieces[0:-1:2], itertools.repeat(_SPACES)))
    flags = list(map(_OPENING_FLAGS.get, before, itertools.repeat(" ")))
    if runs and not pieces[0].strip(_SPACES):
        flags[0] = "^"
    for line_start, line_end in _excluded_lines(text):
        first = bisect.bisect_left(starts, line_start)
        last = bisect.bisect_left(starts, line_end, first)
        for column in (starts, ends, runs, flags):
            del column[first:last]
    return starts, ends, runs, flags


def _excluded_lines(text: str) -> list[tuple[int, int]]:
    """Start and end (past the line break) of every headline or title-case line, in order:
    capitals say nothing about names there."""
    bounds: list[tuple[int, int]] = []
    lines = text.split("\n")
    # Only lines without a prose word (blank ones too) are looked at, picked in C.
    for index in itertools.compress(
        itertools.count(), map(operator.not_, map(_PROSE_WORD.search, lines))
    ):
        line = lines[index]
        if line and _is_title(line):
            line_start = sum(map(len, lines[:index])) + index
            bounds.append((line_start, line_start + len(line) + 1))
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
    starts, _, runs, flags = _runs(text)
    for start, run, flag in zip(starts, runs, flags, strict=True):
        for form, first, last, nominal in _run_forms((run, flag == "^")):
            yield Occurrence(form, start + first, start + last, nominal)


def run_tally(
    text: str, known_starts: Sequence[int], known_ends: Sequence[int]
) -> Counter[_TallyKey]:
    """How many times each run of ``text`` occurs, keyed by what decides the forms it counts
    (its text, whether it opens a sentence, what the known spans cover of it), in order of
    first use; the known spans are in order, do not overlap and lie in the text.

    Runs repeat (names and titles do), so a document comes down to a few keys, counted in C;
    the forms of a key are worked out once, for the whole run of documents (_analyse). Where
    kogloss._native.runs is built, the runs are found and their keys made and counted in one
    pass in C, else by _python_run_tally, the reference.
    """
    if _NATIVE is not None:
        return Counter(_NATIVE.tally(text, known_starts, known_ends))
    return _python_run_tally(text, known_starts, known_ends)


def _python_run_tally(
    text: str, known_starts: Sequence[int], known_ends: Sequence[int]
) -> Counter[_TallyKey]:
    """run_tally in Python."""
    starts, ends, runs, flags = _python_runs(text)
    if known_starts:
        cover = _known_cover(len(text), known_starts, known_ends)
        covers: Iterable[str] = map(cover.__getitem__, map(slice, starts, ends))
    else:
        covers = itertools.repeat("", len(runs))
    keys = zip(flags, runs, itertools.repeat("\0"), covers, strict=False)
    return Counter(map("".join, keys))


def _known_cover(length: int, known_starts: Sequence[int], known_ends: Sequence[int]) -> str:
    """A string as long as the text, "0" outside the known spans, "2" on the first character
    of one and "1" on the rest: the part under a run says which spans hold which of its
    forms, and runs with the same part share a key. Each span is painted with one slice
    assignment on a bytearray (a third faster than joining the stretches)."""
    cover = bytearray(b"0") * length
    paint = b"2" + b"1" * length
    for start, end in zip(known_starts, known_ends, strict=True):
        cover[start:end] = paint[: end - start]
    return cover.decode("ascii")


def _inside_one_span(cover: str) -> bool:
    """Whether the characters under a form (their part of _known_cover) lie in one known
    span: none outside every span, and no span starting after the first."""
    return bool(cover) and "0" not in cover and "2" not in cover[1:]


@functools.lru_cache(maxsize=1 << 16)
def _forms_outside(key: _TallyKey) -> tuple[tuple[Form, int, bool], ...]:
    """(form, offset, nominal) of each form of a run that no known span holds."""
    run, _, cover = key[1:].partition("\0")
    return tuple(
        (form, start, nominal)
        for form, start, end, nominal in _run_forms((run, key[0] == "^"))
        if not _inside_one_span(cover[start:end])
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


def _difference(first: Form, second: Form, nominal: dict[Form, bool]) -> str | None:
    """Why two forms are variants of each other ("case", "one letter", "romanization"), or
    None when they are not; ``nominal`` says which forms are ever used as a noun."""
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
            if position == len(first) - 1 and not _noun_use(
                first, second, lower_a, lower_b, nominal
            ):
                return None
            near = "one letter"
        else:
            return None
    if not anchor or (near is None and not cased):
        return None
    if near is None:
        return "case"
    return f"{near} and case" if cased else near


def _noun_use(
    first: Form, second: Form, lower_a: str, lower_b: str, nominal: dict[Form, bool]
) -> bool:
    """Korea/Korean at the end of a name: a variant only where the longer word is used as a
    noun (not followed by one), as in "the Korean Peninsular and beyond"."""
    if not (lower_b.startswith(lower_a) or lower_a.startswith(lower_b)):
        return True
    longer = second if len(lower_b) > len(lower_a) else first
    return longer[-1][0].isupper() and nominal[longer]


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


def variant_groups(nominal: dict[Form, bool]) -> tuple[list[list[Form]], dict[Form, str]]:
    """Groups of forms that are variants of one another, and the reason per form, from every
    form of a run of documents (in order of first use) and whether it is used as a noun.

    Names (forms ending in a capital) are indexed by their candidate keys; a name with the
    lowercase word after it ("ROK government") is only looked up, since two such forms are
    never compared with each other; this keeps the index to the names.
    """
    buckets: dict[tuple[Any, ...], list[Form]] = defaultdict(list)
    tails: list[Form] = []
    for form in nominal:
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
        reason = _difference(first, second, nominal)
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
    return list(groups.values()), reasons


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
        return run_tally(document.text, matches.starts, matches.ends)

    def new_corpus(self, context: CheckContext) -> _Corpus:
        return _Corpus(by_document=context.settings.option(self, "scope") == "document")

    def add(self, corpus: _Corpus, index: int, item: Collected) -> None:
        corpus.paths.append(item.path)
        if not corpus.by_document:
            if item.data:
                corpus.documents[index] = corpus.numbered(item.data)
            return
        analysis = _analyse(corpus.names, {index: corpus.numbered(item.data or {})})
        corpus.planned.update(_plan(analysis, corpus.paths))
        corpus.rows.extend(_rows(analysis, corpus.paths))

    def plan(self, corpus: _Corpus, context: CheckContext) -> dict[int, Any]:
        return corpus.planned if corpus.by_document else _plan(corpus.analysis, corpus.paths)

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
        return corpus.rows if corpus.by_document else _rows(corpus.analysis, corpus.paths)


# A document's run keys, by number, and how many times each is used, in order of first use.
_Uses = tuple[array, array]


@dataclass
class _Corpus:
    """Near-variant's state over a run: every distinct run key, numbered, and each document's
    uses of them (a few hundred bytes a document); the forms are worked out from the keys
    once all documents are in."""

    by_document: bool
    paths: list[str] = field(default_factory=list)
    numbers: dict[_TallyKey, int] = field(default_factory=dict)
    names: list[_TallyKey] = field(default_factory=list)
    documents: dict[int, _Uses] = field(default_factory=dict)
    planned: dict[int, Any] = field(default_factory=dict)
    rows: list[dict] = field(default_factory=list)

    def numbered(self, tally: dict[_TallyKey, int]) -> _Uses:
        """A document's tally as numbers of keys and counts; new keys numbered as they come."""
        new = [key for key in tally if key not in self.numbers]
        self.numbers.update(zip(new, itertools.count(len(self.names))))
        self.names += new
        return array("I", map(self.numbers.__getitem__, tally)), array("I", tally.values())

    @functools.cached_property
    def analysis(self) -> _Analysis:
        """The variant groups of the whole run, worked out once (plan and summary both ask)."""
        return _analyse(self.names, self.documents)


@dataclass
class _Analysis:
    """The variant groups of some documents, in order of first use, with the reason per form,
    the uses of each form in a group, and which forms are ever used as a noun."""

    groups: list[list[Form]]
    reasons: dict[Form, str]
    stats: dict[Form, _FormStats]
    nominal: dict[Form, bool]


def _analyse(names: list[_TallyKey], documents: dict[int, _Uses]) -> _Analysis:
    """Variant groups from the documents' run keys: the forms come from each distinct key
    once, and only the forms in a group are counted."""
    used = dict.fromkeys(itertools.chain.from_iterable(keys for keys, _ in documents.values()))
    nominal: dict[Form, bool] = {}
    for number in used:
        for form, _, is_nominal in _forms_outside(names[number]):
            nominal[form] = nominal.get(form, False) or is_nominal
    groups, reasons = variant_groups(nominal)
    stats = _form_stats(names, used, documents, set(reasons))
    ordered = [sorted(group, key=lambda form: stats[form].first) for group in groups]
    ordered.sort(key=lambda group: stats[group[0]].first)
    return _Analysis(ordered, reasons, stats, nominal)


def _form_stats(
    names: list[_TallyKey], used: Iterable[int], documents: dict[int, _Uses], forms: set[Form]
) -> dict[Form, _FormStats]:
    """Count, first use and documents of each of ``forms``, from the keys that hold them."""
    # key number -> form -> [times the key holds it, offset of the first]
    held: dict[int, dict[Form, list[int]]] = {}
    for number in used:
        for form, offset, _ in _forms_outside(names[number]):
            if form in forms:
                times = held.setdefault(number, {}).setdefault(form, [0, offset])
                times[0] += 1
    stats: dict[Form, _FormStats] = {}
    for index, (keys, counts) in documents.items():
        for number in held.keys() & keys:
            rank = keys.index(number)
            for form, (times, offset) in held[number].items():
                first = (index, rank, offset)
                entry = stats.get(form)
                if entry is None:
                    entry = stats[form] = _FormStats(first)
                entry.first = min(entry.first, first)
                entry.count += times * counts[rank]
                if not entry.documents or entry.documents[-1] != index:
                    entry.documents.append(index)
    return stats


def _files(paths: list[str], documents: array) -> list[str]:
    """The files a form is in, at most MAX_FILES_NAMED of them (a finding stays readable)."""
    return [paths[index] for index in documents[:MAX_FILES_NAMED]]


def _plan(analysis: _Analysis, paths: list[str]) -> dict[int, Any]:
    stats = analysis.stats
    planned: dict[int, dict[Form, dict[str, Any]]] = defaultdict(dict)
    for group in analysis.groups:
        major = max(group, key=lambda form: (stats[form].count, -group.index(form)))
        counts = {display(form): stats[form].count for form in group}
        files = {display(form): _files(paths, stats[form].documents) for form in group}
        for form in group:
            if form == major:
                continue
            note = {
                "major": display(major),
                "reason": _difference(form, major, analysis.nominal) or analysis.reasons[form],
                "forms": counts,
                "files": files,
            }
            for document_index in stats[form].documents:
                planned[document_index][form] = note
    return dict(planned)


def _rows(analysis: _Analysis, paths: list[str]) -> list[dict]:
    stats = analysis.stats
    rows = []
    for group in analysis.groups:
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
