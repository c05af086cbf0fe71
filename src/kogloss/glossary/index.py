"""One matching index over every form of every entry: what check and extract search text with.

All literal forms go into Aho–Corasick automata (pyahocorasick), which find every occurrence of
thousands of forms in one pass over the text; a trial here scanned 10 MB against 5,000 forms in
0.2 s where a stdlib ``re`` alternation took over a minute. Case-sensitive forms are searched in
the text as written, case-insensitive ones in its lower case. The automata find raw substrings,
so each hit is then checked for word boundaries (and, in Korean, for particles), and
overlapping hits are resolved longest first.

The automata read the text with every white-space character made a space, so offsets are the
text's own and a term wrapped at a line break is found in the same pass; the rare runs of white
space inside a paragraph (two spaces, a line break with indentation) are read again in small
windows with the run folded to one space.

The English search has two scanners with one interface: ``PythonScanner`` (pyahocorasick, a
boundary and spelling check per raw hit in Python), the reference, and the compiled
``kogloss._native.glossary_scan.Scanner``, which does the same in one pass of C and also
chooses the winners: the glossary scan of ``check`` takes a quarter of the time. The index
uses the compiled one where it was built (see ``kogloss._native``).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Sequence
from itertools import accumulate, chain, compress, count, islice, repeat
from operator import and_, eq, ge, itemgetter, neg, not_
from typing import NamedTuple, Protocol, overload

import ahocorasick

from kogloss._native import load
from kogloss.errors import InputError
from kogloss.glossary.collector import collector_paused
from kogloss.glossary.korean import particle_after, starts_word
from kogloss.glossary.literal import required_literal
from kogloss.glossary.model import Entry, Glossary, Variant
from kogloss.glossary.patterns import (
    SEARCH_TIMEOUT,
    Compiled,
    PatternTimeout,
    compile_pattern,
    search_spans,
)

# When two forms match the same span: the right forms before the wrong ones.
_PRIORITY = {"en": 0, "ko": 0, "also": 1, "abbr": 2, "variant": 3, "pattern": 4}

# White space other than the space and the line break, each character made a space.
_OTHER_WHITESPACE = re.compile(r"[^\S ]")
# Runs of spaces in the spaced text: white space a term may span if it holds at most one line
# break (a blank line ends a paragraph).
_SPACES = re.compile(" +")


class TermMatch(NamedTuple):
    """One occurrence of a glossary form in a text (offsets into that text, end exclusive).

    A named tuple rather than a dataclass so that a search makes its hundreds of matches in C
    (``tuple.__new__`` over zipped columns); hashed without the entry and variant, which are
    unhashable, as the frozen dataclass it once was.
    """

    start: int
    end: int
    entry: Entry
    form: str  # "en" | "also" | "abbr" | "variant" | "pattern" | "ko"
    variant: Variant | None
    matched: str
    particle: str = ""  # Korean particles written onto the term (에서 in 비슈케크에서)

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.form, self.matched, self.particle))


_new_tuple = tuple.__new__

# An English key of an automaton maps to (length, left_bounded, right_bounded, by_spelling,
# otherwise): "bounded" when the form starts (ends) with a letter or digit, so the text must
# not go on with one; ``by_spelling`` gives the ranks to report when the text spells the key
# exactly so, ``otherwise`` those for any other spelling (the case-insensitive forms, marked
# inexact). A Korean key maps to (length, ranks).
_EnglishKey = tuple[int, bool, bool, dict[str, tuple[int, ...]], tuple[int, ...]]
# (start, -end, rank): sorts by start, longest first, then the better form. The rank orders
# exact case first, then _PRIORITY, then glossary order, and its low bits number the form.
# Tuples of ints only, because hundreds of thousands are made per 10 MB and the garbage
# collector stops tracking such tuples (a reference to the form kept every one of them tracked).
_Candidate = tuple[int, int, int]
_INEXACT = 1 << 40
_FORM_BITS = (1 << 32) - 1


# One English form under its automaton key: (as written, white space collapsed; whether case
# sensitive; its rank). Plain tuples: an index of 5,000 entries makes 10,000 of them.
_Spelling = tuple[str, bool, int]


class _FormTable(NamedTuple):
    """Every form of an index, numbered by the low bits of its rank, as columns that a search
    indexes with C-level ``map``."""

    entry_index: Sequence[int]
    entry: Sequence[Entry]
    kind: Sequence[str]
    variant: Sequence[Variant | None]


def _probes(patterns: list[tuple[Compiled, int, str | None]]) -> tuple[list[str], list[int | None]]:
    """The probes the English scanner looks out for, and each pattern's probe number (None for
    a pattern without one).

    A probe is a pattern's literal as the scanner reads text (white space made spaces, lower
    case): a text that holds the literal holds its probe, so a text without the probe is one
    the pattern cannot match, found in the scan's own pass instead of one search of each text
    for each literal. A literal with Σ or İ, whose lower case depends on its neighbours, gets
    none (it is looked for in the text itself).
    """
    probes: dict[str, int] = {}
    numbers: list[int | None] = []
    for _, _, literal in patterns:
        if not literal or any(map(literal.__contains__, "Σİ")):
            numbers.append(None)
        else:
            numbers.append(probes.setdefault(_lower(_spaced(literal)), len(probes)))
    return list(probes), numbers


def _collapse_form(form: str) -> str:
    """The form with its white space runs made one space (``str.split`` is ``re``'s ``\\s``)."""
    return " ".join(form.split())


def _lower(text: str) -> str:
    """Lower case with every offset kept (a character whose lower case is longer stays as is)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # İ and a few others
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lowered


def _english_key(spellings: list[_Spelling]) -> _EnglishKey:
    """The automaton value of one key from the forms that share it."""
    first = spellings[0][0]
    bounds = (len(first), first[0].isalnum(), first[-1].isalnum())
    if len(spellings) == 1:  # the usual case, made directly
        exact, sensitive, rank = first, spellings[0][1], spellings[0][2]
        return (*bounds, {exact: (rank,)}, () if sensitive else (rank | _INEXACT,))
    by_spelling: dict[str, tuple[int, ...]] = {}
    for exact in dict.fromkeys(spelling[0] for spelling in spellings):
        by_spelling[exact] = tuple(
            rank | (_INEXACT if written != exact else 0)
            for written, sensitive, rank in spellings
            if written == exact or not sensitive
        )
    otherwise = tuple(rank | _INEXACT for _, sensitive, rank in spellings if not sensitive)
    return (*bounds, by_spelling, otherwise)


# Lower-case letters (and the space) from the most to the least frequent in English text.
_FREQUENT_FIRST = str.maketrans(" etaoinsrhldcumfpgwybvkxjqz", "".join(map(chr, range(1, 28))))


def _automaton(values: dict[str, object]) -> ahocorasick.Automaton:
    """An automaton of these keys, added in the order of English letter frequency.

    pyahocorasick finds a node's child by a linear scan of its children, in the order they were
    added, and the scan runs for every character of every text (the search's main cost). Keys
    sorted by letter frequency ("e" before "z", at every depth) put the children a text asks
    for most often first: on 10 MB of English, 0.01 s off the 0.16 s of search and hit checks,
    for 4 ms of sorting at build; what the automaton finds is the same.
    """
    automaton = ahocorasick.Automaton()
    for key in sorted(values, key=lambda key: key.translate(_FREQUENT_FIRST)):
        automaton.add_word(key, values[key])
    if values:
        automaton.make_automaton()
    return automaton


def _spaced(text: str) -> str:
    """The text with every white-space character made a space, so offsets stay its own."""
    spaced = text.replace("\n", " ")
    # a printable text has no white space but the space: one C pass, no regex scan
    if not spaced.isprintable():  # tabs, no-break spaces (most texts have none)
        spaced = _OTHER_WHITESPACE.sub(" ", spaced)
    return spaced


class _Searched:
    """A text as the automata read it: every white-space character made a space, so offsets
    stay the text's own, plus the runs of white space inside a paragraph (two spaces, a line
    break with indentation) that a term may span and that need a second look. Each is worked
    out when first asked for: the compiled scanner reads the text as it is."""

    def __init__(self, text: str) -> None:
        self.original = text

    @functools.cached_property
    def spaced(self) -> str:
        """The text as the Korean automaton and the pure Python scanner read it."""
        return _spaced(self.original)

    @functools.cached_property
    def lowered(self) -> str:
        """The spaced text in lower case, which the English automaton reads (the compiled
        scanner lowers a text itself as it reads it, unless it holds Σ or İ)."""
        return _lower(self.spaced)

    def inner_runs(self) -> list[tuple[int, int]]:
        """Runs of two or more white-space characters with at most one line break in them."""
        return _whitespace_runs(self.original)


class _Forms:
    """The forms of the entries, numbered and gathered by automaton key, as an index is built."""

    def __init__(self) -> None:
        self.described: list[tuple[int, Entry, str, Variant | None]] = []  # by form number
        self.english: dict[str, list[_Spelling]] = {}  # lower-cased key -> its forms
        self.as_written: dict[str, list[_Spelling]] = {}  # case-sensitive forms with a Σ
        self.korean: dict[str, list[int]] = {}  # key -> ranks
        # (compiled, rank, a literal every match contains or None)
        self.patterns: list[tuple[Compiled, int, str | None]] = []
        self.longest = 0

    def add_entry(self, index: int, entry: Entry) -> None:
        sensitive = entry.case_sensitive
        self.add_english(index, entry, "en", None, entry.en, sensitive)
        for alternative in entry.also:
            self.add_english(index, entry, "also", None, alternative, sensitive)
        if entry.abbr:
            self.add_english(index, entry, "abbr", None, entry.abbr, True)
        for variant in entry.variants:
            if variant.text is not None:
                self.add_english(index, entry, "variant", variant, variant.text, sensitive)
            elif variant.pattern is not None:
                rank = self.number(index, entry, "pattern", variant)
                compiled = compile_pattern(variant.pattern, sensitive)
                # a case-insensitive pattern's literal may be written in any case: no shortcut
                literal = required_literal(variant.pattern) if sensitive else None
                self.patterns.append((compiled, rank, literal))
        if entry.ko:
            self.add_korean(index, entry, entry.ko)
            if " " in entry.ko.strip():  # Korean spacing varies: 외교부 제1차관, 외교부제1차관
                self.add_korean(index, entry, "".join(entry.ko.split()))

    def number(self, index: int, entry: Entry, kind: str, variant: Variant | None) -> int:
        """Number a new form; its rank."""
        rank = _PRIORITY[kind] << 32 | len(self.described)
        self.described.append((index, entry, kind, variant))
        return rank

    def add_english(
        self,
        index: int,
        entry: Entry,
        kind: str,
        variant: Variant | None,
        text: str,
        sensitive: bool,
    ) -> None:
        exact = _collapse_form(text)
        if not exact:
            return
        self.longest = max(self.longest, len(exact))
        spelling = (exact, sensitive, self.number(index, entry, kind, variant))
        if sensitive and "Σ" in exact:
            self.as_written.setdefault(exact, []).append(spelling)
        else:
            self.english.setdefault(_lower(exact), []).append(spelling)

    def add_korean(self, index: int, entry: Entry, text: str) -> None:
        exact = _collapse_form(text)
        if not exact:
            return
        self.longest = max(self.longest, len(exact))
        self.korean.setdefault(exact, []).append(self.number(index, entry, "ko", None))


class TermIndex:
    """Every form of the entries with the given statuses, ready to search many texts.

    English forms, whatever their case rule, are keys of one automaton in lower case, read over
    the lower-cased text in one pass; a hit's spelling in the text then picks the forms it
    matches (case-sensitive ones only when spelt exactly). The rare case-sensitive forms with a
    capital sigma, whose lower case depends on what follows (ς or σ), are read as written.
    """

    def __init__(
        self,
        glossary: Glossary,
        statuses: Iterable[str] = ("approved", "candidate"),
        pattern_timeout: float = SEARCH_TIMEOUT,
    ) -> None:
        wanted = set(statuses)
        self.entries = [entry for entry in glossary.entries if entry.status in wanted]
        self.pattern_timeout = pattern_timeout
        forms = _Forms()
        with collector_paused(long_lived=True):  # tens of thousands of containers, kept
            for index, entry in enumerate(self.entries):
                forms.add_entry(index, entry)
            probes, self._pattern_probes = _probes(forms.patterns)
            self._english = _english_scanner(
                {k: _english_key(v) for k, v in forms.english.items()}, True, probes
            )
            self._as_written = _english_scanner(
                {k: _english_key(v) for k, v in forms.as_written.items()}, False, []
            )
            self._korean = _automaton({k: (len(k), tuple(v)) for k, v in forms.korean.items()})
        self._patterns = forms.patterns
        self._longest = forms.longest  # characters in the longest literal form
        self._forms = _FormTable(*(list(zip(*forms.described, strict=True)) or [(), (), (), ()]))

    def find_english(self, text: str, nested: bool = False) -> list[TermMatch]:
        """English forms and variant patterns in ``text``: word-bounded, each entry's case rule,
        longest first, in text order. ``nested=True`` also returns the shorter matches inside or
        overlapping the longer ones (for rules that need every reading of a span)."""
        with collector_paused():
            candidates = self._all_english_candidates(text)
            return self._resolve(candidates, text, nested)

    def search_english(self, text: str) -> TermMatches:
        """What ``find_english(text)`` finds, kept as columns: the check rules read counts and a
        few matches from it, so the tens of thousands of matches a corpus has are never made."""
        with collector_paused():
            searched = _Searched(text)
            extra = self._across_runs(searched, korean=False)
            if len(self._as_written):
                extra += self._as_written.hits(text)
            # the patterns run once the scan has said which of their literals the text holds
            patterns = functools.partial(self._pattern_candidates, text)
            columns = self._english.search(text, None, extra, patterns)
            if columns is None:  # the text holds Σ or İ, whose lower case str.lower decides
                columns = self._english.search(text, searched.lowered, extra, patterns)
            return TermMatches(self._forms, text, *columns)

    def _all_english_candidates(self, text: str) -> list[_Candidate]:
        searched = _Searched(text)
        candidates = self._english_candidates(searched)
        candidates += self._across_runs(searched, korean=False)
        candidates += self._pattern_candidates(text)
        return candidates

    def find_korean(self, text: str, nested: bool = False) -> list[TermMatch]:
        """Korean forms in ``text``, with particles attached (한반도의, 비슈케크에서); the span is
        the term itself, the particles are in ``TermMatch.particle``."""
        searched = _Searched(text)
        with collector_paused():
            candidates = _korean_candidates(self._korean, searched.spaced)
            candidates += self._across_runs(searched, korean=True)
            return self._resolve(candidates, text, nested, korean=True)

    def _english_candidates(self, searched: _Searched) -> list[_Candidate]:
        """Hits of both English automata in one spaced text."""
        found = self._english.hits(searched.original)
        if found is None:  # the text holds Σ or İ, whose lower case str.lower decides
            found = self._english.hits(searched.original, searched.lowered)
        if len(self._as_written):
            found += self._as_written.hits(searched.original)
        return found

    def _across_runs(self, searched: _Searched, korean: bool) -> list[_Candidate]:
        """Terms that span a run of white space (``Korean  Peninsula``, ``Korean\n  Peninsula``).

        Each run is cut out in a window as wide as the longest form on either side, with the run
        folded to one space; the windows are joined (NUL between them, which no form crosses)
        and searched in one pass, and only the matches that cross a run are kept.
        """
        runs = searched.inner_runs()
        if not runs:
            return []
        text = searched.original
        width = self._longest
        pieces: list[str] = []
        # per window: (offset in the joined text, start in the text, end in the text,
        #              offset of the folded space in the window, characters the run lost)
        windows: list[tuple[int, int, int, int, int]] = []
        offset = 0
        for run_start, run_end in runs:
            begin = max(0, run_start - width)
            end = min(len(text), run_end + width)
            piece = text[begin:run_start] + " " + text[run_end:end]
            windows.append((offset, begin, end, run_start - begin, run_end - run_start - 1))
            pieces.append(piece)
            offset += len(piece) + 1
        joined = _Searched("\0".join(pieces))
        if korean:
            hits = _korean_candidates(self._korean, joined.spaced)
        else:
            hits = self._english_candidates(joined)
        window_starts = [window[0] for window in windows]
        found: list[_Candidate] = []
        for start, negative_stop, rank in hits:
            window, begin, end, space, shift = windows[
                bisect.bisect_right(window_starts, start) - 1
            ]
            local_start, local_stop = start - window, -negative_stop - window
            if not (local_start < space and local_stop > space + 1):
                continue  # does not cross the run
            if (local_start == 0 and begin > 0) or (
                local_stop == end - begin - shift and end < len(text)
            ):
                continue  # touches a window edge cut inside the text: may be a longer word
            found.append((begin + local_start, -(begin + local_stop + shift), rank))
        return found

    def _pattern_candidates(
        self, text: str, seen: tuple[int, ...] | None = None
    ) -> list[_Candidate]:
        """Matches of the variant patterns; ``seen``: the numbers of the probes the scan found
        in the text (None: look for each pattern's literal here)."""
        found: list[_Candidate] = []
        for (compiled, rank, literal), probe in zip(
            self._patterns, self._pattern_probes, strict=True
        ):
            if probe is not None and seen is not None:
                if probe not in seen:
                    continue  # the scan saw no trace of the literal: the pattern cannot match
            elif literal is not None and literal not in text:
                continue  # cannot match here (literal.py): skip the regex engine's walk
            try:
                spans = search_spans(compiled, text, self.pattern_timeout)
            except PatternTimeout as error:
                entry = self._forms.entry[rank & _FORM_BITS]
                raise InputError(
                    entry.path,
                    f"the pattern of `{entry.en}` {error} on this text; simplify it "
                    "(kogloss glossary lint finds such patterns)",
                    entry.line,
                ) from None
            found.extend((start, -end, rank) for start, end in spans)
        return found

    def _resolve(
        self, candidates: list[_Candidate], text: str, nested: bool, korean: bool = False
    ) -> list[TermMatch]:
        """Longest match wins (then the earlier start, then the better form); no overlaps."""
        candidates.sort()
        if nested:
            chosen = _distinct(candidates, self._forms.entry_index)
        else:
            chosen = _outermost(candidates)
        return _make_matches(*_columns(chosen), text, self._forms, korean)


# A text's chosen matches as columns: starts, ends, ranks.
_Columns = tuple[Sequence[int], Sequence[int], Sequence[int]]
# Given the numbers of the probes a scan saw, the candidates they let in (the patterns').
_MoreCandidates = Callable[[tuple[int, ...]], list[_Candidate]]


def _columns(chosen: list[_Candidate]) -> _Columns:
    """Chosen candidates as columns (one C pass each)."""
    if not chosen:
        return [], [], []
    starts, negative_ends, ranks = zip(*chosen, strict=True)
    return starts, list(map(neg, negative_ends)), ranks


def _make_matches(
    starts: Sequence[int],
    ends: Sequence[int],
    ranks: Sequence[int],
    text: str,
    forms: _FormTable,
    korean: bool,
) -> list[TermMatch]:
    """The chosen matches as TermMatch tuples, made column by column in C (no per-match code)."""
    if not starts:
        return []
    numbers = list(map(and_, ranks, repeat(_FORM_BITS)))
    if korean:
        particles: Iterable[str] = [particle_after(text, end) or "" for end in ends]
    else:
        particles = repeat("")
    columns = zip(
        starts,
        ends,
        map(forms.entry.__getitem__, numbers),
        map(forms.kind.__getitem__, numbers),
        map(forms.variant.__getitem__, numbers),
        map(text.__getitem__, map(slice, starts, ends)),
        particles,
        strict=False,  # particles may be an endless repeat("")
    )
    return list(map(_new_tuple, repeat(TermMatch), columns))


class TermMatches(Sequence[TermMatch]):
    """One text's English matches (as ``TermIndex.find_english`` finds them) as three columns,
    start, end and rank; a :class:`TermMatch` is made only for the matches asked for.

    The rank says which form matched, and whether exactly as the glossary spells it: the check
    rules count spellings and look at the rare variants, so :meth:`spellings` counts the ranks
    in C and :meth:`of_kinds` picks the few matches it needs.
    """

    def __init__(
        self,
        forms: _FormTable,
        text: str,
        starts: Sequence[int],
        ends: Sequence[int],
        ranks: Sequence[int],
    ) -> None:
        self._forms = forms
        self._text = text
        self.starts = starts
        self.ends = ends
        self._ranks = ranks

    @classmethod
    def none(cls) -> TermMatches:
        """No matches (a run without a glossary)."""
        return cls(_FormTable((), (), (), ()), "", [], [], [])

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, position: int) -> TermMatch: ...
    @overload
    def __getitem__(self, position: slice) -> list[TermMatch]: ...
    def __getitem__(self, position: int | slice) -> TermMatch | list[TermMatch]:
        if isinstance(position, slice):
            columns = (self.starts[position], self.ends[position], self._ranks[position])
            with collector_paused():  # a text's hundreds of matches
                return _make_matches(*columns, self._text, self._forms, korean=False)
        columns = ([self.starts[position]], [self.ends[position]], [self._ranks[position]])
        return _make_matches(*columns, self._text, self._forms, korean=False)[0]

    def __iter__(self) -> Iterator[TermMatch]:
        return iter(self[:])

    @functools.cached_property
    def _used(self) -> Counter[int]:
        """How many matches each rank has, in order of first use (one C pass)."""
        return Counter(self._ranks)

    def _kinds(self, kinds: Collection[str]) -> list[int]:
        """The ranks of the matches whose form is of one of these kinds."""
        kind_of = self._forms.kind
        return [rank for rank in self._used if kind_of[rank & _FORM_BITS] in kinds]

    def of_kinds(self, kinds: Collection[str]) -> list[TermMatch]:
        """The matches of these kinds of form ("variant", "pattern"), in text order."""
        wanted = set(self._kinds(kinds))
        if not wanted:
            return []
        return [self[i] for i in compress(count(), map(wanted.__contains__, self._ranks))]

    def spellings(self, kinds: Collection[str]) -> list[tuple[Hashable, int, int]]:
        """Each distinct spelling of a form of these kinds in the text, in order of first use:
        (a key naming the form and its spelling, the position of its first use among the
        matches, how many times it is used).

        A form matched just as the glossary spells it has one spelling wherever it is (its
        text differs at most in white space), so those are counted by rank alone, in C; only
        case-insensitive forms written in another case and patterns are told apart by their
        text: the key is the rank, or the rank and the matched text.
        """
        ranks, used = self._ranks, self._used
        first = dict(zip(ranks[::-1], range(len(ranks) - 1, -1, -1), strict=True))
        found: list[tuple[Hashable, int, int]] = []
        by_text: set[int] = set()
        for rank in self._kinds(kinds):
            if rank & _INEXACT or self._forms.kind[rank & _FORM_BITS] == "pattern":
                by_text.add(rank)
            else:
                found.append((rank, first[rank], used[rank]))
        if by_text:
            found += self._spellings_by_text(by_text)
            found.sort(key=itemgetter(1))
        return found

    def _spellings_by_text(self, ranks: set[int]) -> list[tuple[Hashable, int, int]]:
        """The matches of these ranks told apart by their text: (key, first position, count)."""
        text, starts, ends = self._text, self.starts, self.ends
        tally: dict[tuple[int, str], list[int]] = {}
        for position in compress(count(), map(ranks.__contains__, self._ranks)):
            key = (self._ranks[position], text[starts[position] : ends[position]])
            seen = tally.get(key)
            if seen is None:
                tally[key] = [position, 1]
            else:
                seen[1] += 1
        return [(key, first, used) for key, (first, used) in tally.items()]


class PythonScanner:
    """The English keys of an index in a pyahocorasick automaton, with the boundary and
    spelling checks of each hit in Python: the reference for, and the fallback of, the
    compiled ``kogloss._native.glossary_scan.Scanner``, which takes the same arguments and
    returns the same candidates.

    ``folds_case``: the keys are in lower case and read the text in lower case (else as
    written: the rare case-sensitive forms with a capital sigma).
    """

    def __init__(
        self, values: dict[str, _EnglishKey], folds_case: bool = True, probes: Sequence[str] = ()
    ) -> None:
        self._automaton = _automaton(values)
        self._folds_case = folds_case
        self._probes = list(probes)

    def __len__(self) -> int:
        return len(self._automaton)

    def search(
        self,
        text: str,
        lowered: str | None,
        extra: list[_Candidate],
        more: _MoreCandidates | None = None,
    ) -> _Columns:
        """The winners (``_outermost``) among the hits in ``text``, the ``extra`` candidates
        and those ``more`` gives for the numbers of the probes the text holds (as read: white
        space made spaces, and lowered if the scanner folds case), as columns."""
        spaced, searched = self._read(text, lowered)
        candidates = self._hits(spaced, searched) + extra
        if more is not None:
            seen = tuple(number for number, probe in enumerate(self._probes) if probe in searched)
            candidates += more(seen)
        candidates.sort()
        return _columns(_outermost(candidates))

    def hits(self, text: str, lowered: str | None = None) -> list[_Candidate]:
        """Automaton hits in ``text`` (white space read as spaces) that pass the word-boundary
        and case checks. ``lowered`` is the spaced text in lower case, worked out here when
        left out."""
        return self._hits(*self._read(text, lowered))

    def _read(self, text: str, lowered: str | None) -> tuple[str, str]:
        """The text with its white space made spaces, and as the automaton reads it: that in
        lower case (``lowered`` when given) if the scanner folds case."""
        spaced = _spaced(text)
        if not self._folds_case:
            return spaced, spaced
        return spaced, _lower(spaced) if lowered is None else lowered

    def _hits(self, spaced: str, searched: str) -> list[_Candidate]:
        """The hits in ``searched`` that pass the checks, read in ``spaced``.

        This loop runs once per raw hit (hundreds of thousands over 10 MB), so it makes plain
        tuples of ints and nothing else.
        """
        found: list[_Candidate] = []
        if not len(self._automaton):
            return found
        # one space after the text: a boundary test at either end reads it, with no range test
        padded = spaced + " "
        append = found.append
        for last, (
            length,
            left_bounded,
            right_bounded,
            by_spelling,
            otherwise,
        ) in self._automaton.iter(searched):
            stop = last + 1
            if right_bounded and padded[stop].isalnum():
                continue  # the usual miss: a short key at the start of a longer word (un, under)
            start = stop - length
            if left_bounded and padded[start - 1].isalnum():
                continue
            for rank in by_spelling.get(padded[start:stop], otherwise):
                append((start, -stop, rank))
        return found


def python_whitespace_runs(text: str) -> list[tuple[int, int]]:
    """Runs of two or more white-space characters with at most one line break in them (the
    reference for the compiled ``whitespace_runs``)."""
    spaced = _spaced(text)
    # every white-space character is a space in ``spaced``: find "  " at C speed
    runs = []
    find = spaced.find
    start = find("  ")
    while start >= 0:
        end = _SPACES.match(spaced, start).end()  # type: ignore[union-attr]
        if text.count("\n", start, end) < 2:
            runs.append((start, end))
        start = find("  ", end)
    return runs


_native_scan = load("glossary_scan")


class _Scanner(Protocol):
    """What an index asks of a scanner: PythonScanner, or the compiled one."""

    def __len__(self) -> int: ...
    def hits(self, text: str, lowered: str | None = None) -> list[_Candidate] | None: ...
    def search(
        self, text: str, lowered: str | None, extra: list[_Candidate], more: _MoreCandidates
    ) -> _Columns | None: ...


def _english_scanner(
    values: dict[str, _EnglishKey], folds_case: bool, probes: list[str]
) -> _Scanner:
    """The compiled scanner where it was built (the raw hits, 300,000 over 10 MB, 40% of them
    short keys inside longer words, never reach Python), unless its table would be too large
    for the glossary (MemoryError): then the pure Python one, slower but small."""
    if _native_scan is not None:
        try:
            return _native_scan.Scanner(values, folds_case=folds_case, probes=probes)
        except MemoryError:
            pass
    return PythonScanner(values, folds_case, probes)


_whitespace_runs = python_whitespace_runs if _native_scan is None else _native_scan.whitespace_runs


def _korean_candidates(automaton: ahocorasick.Automaton, spaced: str) -> list[_Candidate]:
    """Hits of Korean forms that start a word and end it or go on with particles only."""
    found: list[_Candidate] = []
    if not len(automaton):
        return found
    for last, (length, ranks) in automaton.iter(spaced):
        start = last - length + 1
        if starts_word(spaced, start) and particle_after(spaced, last + 1) is not None:
            found.extend((start, -last - 1, rank) for rank in ranks)
    return found


def _distinct(candidates: list[_Candidate], entry_index: list[int]) -> list[_Candidate]:
    """Every sorted candidate, less repeats of one entry on one span (the best form stays)."""
    chosen: list[_Candidate] = []
    seen: set[tuple[int, int, int]] = set()
    for candidate in candidates:
        identity = (candidate[0], candidate[1], entry_index[candidate[2] & _FORM_BITS])
        if identity not in seen:
            seen.add(identity)
            chosen.append(candidate)
    return chosen


def _outermost(candidates: list[_Candidate]) -> list[_Candidate]:
    """The winners among sorted candidates: in each group of overlapping candidates, the first
    when it covers the whole group (the usual case), else the longest first.

    Done with C-level passes: a running maximum of the ends (the reach) marks where each group
    opens (a start at or past every end before it); only groups whose first candidate falls
    short of the group's end are settled in Python.
    """
    if not candidates:
        return []
    starts, negative_ends, _ = zip(*candidates, strict=True)
    reach = list(accumulate(map(neg, negative_ends), max))
    opens = list(map(ge, starts, chain((-1,), reach)))
    firsts = list(compress(candidates, opens))
    # the reach grows at every opening; when it grows nowhere else, each first covers its group
    if len(set(reach)) == len(firsts):
        return firsts
    group_ends = compress(reach, chain(islice(opens, 1, None), (True,)))
    covers = list(map(eq, map(neg, compress(negative_ends, opens)), group_ends))
    bounds = [*compress(count(), opens), len(candidates)]
    chosen: list[_Candidate] = []
    done = 0
    for group in compress(count(), map(not_, covers)):
        chosen += firsts[done:group]
        chosen += _longest_first(candidates[bounds[group] : bounds[group + 1]])
        done = group + 1
    chosen += firsts[done:]
    return chosen


def _longest_first(group: list[_Candidate]) -> list[_Candidate]:
    """Overlapping candidates settled longest first; the winners in text order."""
    accepted: list[_Candidate] = []
    for candidate in sorted(group, key=lambda c: (c[0] + c[1], c[0], c[2])):
        start, end = candidate[0], -candidate[1]
        if all(end <= other[0] or start >= -other[1] for other in accepted):
            accepted.append(candidate)
    return sorted(accepted)
