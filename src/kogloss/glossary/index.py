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
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import gc
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

import ahocorasick

from kogloss.errors import InputError
from kogloss.glossary.korean import particle_after, starts_word
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
_INNER_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class TermMatch:
    """One occurrence of a glossary form in a text (offsets into that text, end exclusive)."""

    start: int
    end: int
    entry: Entry = field(hash=False)
    form: str  # "en" | "also" | "abbr" | "variant" | "pattern" | "ko"
    variant: Variant | None = field(hash=False)
    matched: str
    particle: str = ""  # Korean particles written onto the term (에서 in 비슈케크에서)


class _Form(NamedTuple):
    entry_index: int
    kind: str
    variant: Variant | None
    exact: str  # the form with its whitespace collapsed, as written
    case_sensitive: bool
    serial: int = 0  # its rank: priority << 32 | its number in TermIndex._forms


# In the automaton, each key maps to (length, left_bounded, right_bounded, forms, their ranks):
# "bounded" when the form starts (ends) with a letter or digit, so the text must not go on
# with one.
_Key = tuple[int, bool, bool, list[_Form], list[int]]
# (start, -end, rank): sorts by start, longest first, then the better form. The rank orders
# exact case first, then _PRIORITY, then glossary order, and its low bits number the form.
# Tuples of ints only, because hundreds of thousands are made per 10 MB and the garbage
# collector stops tracking such tuples (a reference to the form kept every one of them tracked).
_Candidate = tuple[int, int, int]
_INEXACT = 1 << 40
_FORM_BITS = (1 << 32) - 1


def _collapse_form(form: str) -> str:
    return _INNER_WHITESPACE.sub(" ", form.strip())


def _lower(text: str) -> str:
    """Lower case with every offset kept (a character whose lower case is longer stays as is)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # İ and a few others
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lowered


_ASCII_OTHER_WHITESPACE = "\t\r\x0b\x0c\x1c\x1d\x1e\x1f"


def _has_other_whitespace(text: str) -> bool:
    """Whether ``text`` has white space other than spaces (and line breaks already replaced);
    for ASCII text a few substring tests, much faster than a regular-expression scan."""
    if text.isascii():
        return any(char in text for char in _ASCII_OTHER_WHITESPACE)
    return _OTHER_WHITESPACE.search(text) is not None


class _Searched:
    """A text as the automaton reads it: every white-space character made a space, so offsets
    stay the text's own, plus the runs of white space inside a paragraph (two spaces, a line
    break with indentation) that a term may span and that need a second look."""

    def __init__(self, text: str) -> None:
        self.original = text
        spaced = text.replace("\n", " ")
        if _has_other_whitespace(spaced):  # tabs, no-break spaces (most texts have none)
            spaced = _OTHER_WHITESPACE.sub(" ", spaced)
        self.spaced = spaced

    @functools.cached_property
    def lowered(self) -> str:
        """The spaced text in lower case, for the case-insensitive forms."""
        return _lower(self.spaced)

    def inner_runs(self) -> list[tuple[int, int]]:
        """Runs of two or more white-space characters with at most one line break in them."""
        # every white-space character is a space in ``spaced``: find "  " at C speed
        spaced, original = self.spaced, self.original
        runs = []
        find = spaced.find
        start = find("  ")
        while start >= 0:
            end = _SPACES.match(spaced, start).end()  # type: ignore[union-attr]
            if original.count("\n", start, end) < 2:
                runs.append((start, end))
            start = find("  ", end)
        return runs


class TermIndex:
    """Every form of the entries with the given statuses, ready to search many texts."""

    def __init__(
        self,
        glossary: Glossary,
        statuses: Iterable[str] = ("approved", "candidate"),
        pattern_timeout: float = SEARCH_TIMEOUT,
    ) -> None:
        wanted = set(statuses)
        self.entries = [entry for entry in glossary.entries if entry.status in wanted]
        self.pattern_timeout = pattern_timeout
        # case-sensitive forms are searched in the text as written, the others in lower case:
        # an acronym such as UN must not hit inside every "under" and "fund"
        self._english = ahocorasick.Automaton()
        self._english_folded = ahocorasick.Automaton()
        self._korean = ahocorasick.Automaton()
        self._patterns: list[tuple[Compiled, _Form]] = []
        self._forms: list[_Form] = []  # every form, numbered by the low bits of its rank
        self._longest = 0  # characters in the longest literal form
        for index, entry in enumerate(self.entries):
            self._add_entry(index, entry)
        for automaton in (self._english, self._english_folded, self._korean):
            if len(automaton):
                automaton.make_automaton()

    def _add_entry(self, index: int, entry: Entry) -> None:
        sensitive = entry.case_sensitive
        self._add(self._english, _Form(index, "en", None, "", sensitive), entry.en)
        for alternative in entry.also:
            self._add(self._english, _Form(index, "also", None, "", sensitive), alternative)
        if entry.abbr:
            self._add(self._english, _Form(index, "abbr", None, "", True), entry.abbr)
        for variant in entry.variants:
            if variant.text is not None:
                self._add(
                    self._english, _Form(index, "variant", variant, "", sensitive), variant.text
                )
            elif variant.pattern is not None:
                rank = _PRIORITY["pattern"] << 32 | len(self._forms)
                form = _Form(index, "pattern", variant, "", sensitive, rank)
                self._forms.append(form)
                self._patterns.append((compile_pattern(variant.pattern, sensitive), form))
        if entry.ko:
            korean = _Form(index, "ko", None, "", True)
            self._add(self._korean, korean, entry.ko)
            if " " in entry.ko.strip():  # Korean spacing varies: 외교부 제1차관, 외교부제1차관
                self._add(self._korean, korean, _INNER_WHITESPACE.sub("", entry.ko))

    def _add(self, automaton: ahocorasick.Automaton, form: _Form, text: str) -> None:
        exact = _collapse_form(text)
        if not exact:
            return
        if automaton is self._english and not form.case_sensitive:
            automaton = self._english_folded
        key = exact if form.case_sensitive else _lower(exact)
        rank = _PRIORITY[form.kind] << 32 | len(self._forms)
        form = form._replace(exact=exact, serial=rank)
        self._longest = max(self._longest, len(exact))
        self._forms.append(form)
        existing = automaton.get(key, None)
        if existing is None:
            existing = (len(key), exact[0].isalnum(), exact[-1].isalnum(), [], [])
            automaton.add_word(key, existing)
        existing[3].append(form)
        existing[4].append(form.serial)

    def find_english(self, text: str, nested: bool = False) -> list[TermMatch]:
        """English forms and variant patterns in ``text``: word-bounded, each entry's case rule,
        longest first, in text order. ``nested=True`` also returns the shorter matches inside or
        overlapping the longer ones (for rules that need every reading of a span)."""
        searched = _Searched(text)
        with _collector_paused():
            candidates = self._literal_candidates(self._english, searched.spaced, searched.spaced)
            if len(self._english_folded):
                candidates += self._literal_candidates(
                    self._english_folded, searched.lowered, searched.spaced, folded_case=True
                )
            candidates += self._across_runs(searched, korean=False)
            candidates += self._pattern_candidates(text)
            return self._resolve(candidates, text, nested)

    def find_korean(self, text: str, nested: bool = False) -> list[TermMatch]:
        """Korean forms in ``text``, with particles attached (한반도의, 비슈케크에서); the span is
        the term itself, the particles are in ``TermMatch.particle``."""
        searched = _Searched(text)
        with _collector_paused():
            candidates = self._literal_candidates(
                self._korean, searched.spaced, searched.spaced, korean=True
            )
            candidates += self._across_runs(searched, korean=True)
            return self._resolve(candidates, text, nested)

    @staticmethod
    def _literal_candidates(
        automaton: ahocorasick.Automaton,
        searched: str,
        spaced: str,
        korean: bool = False,
        folded_case: bool = False,
    ) -> list[_Candidate]:
        """Automaton hits in ``searched`` (``spaced`` or its lower case) that pass the
        word-boundary, case and (Korean) particle checks.

        This loop runs once per raw hit (hundreds of thousands over 10 MB), so it makes plain
        tuples of ints and nothing else.
        """
        if not len(automaton):
            return []
        size = len(spaced)
        found: list[_Candidate] = []
        append = found.append
        hits = automaton.iter(searched)
        if korean:
            for last, (length, _, _, _, serials) in hits:
                start = last - length + 1
                if starts_word(spaced, start) and particle_after(spaced, last + 1) is not None:
                    found.extend((start, -last - 1, serial) for serial in serials)
            return found
        for last, (length, left_bounded, right_bounded, forms, serials) in hits:
            start = last - length + 1
            stop = last + 1
            if left_bounded and start > 0 and spaced[start - 1].isalnum():
                continue
            if right_bounded and stop < size and spaced[stop].isalnum():
                continue
            if not folded_case:  # the key is the form as written: every form matched exactly
                for serial in serials:
                    append((start, -stop, serial))
                continue
            written = spaced[start:stop]
            for form in forms:
                append((start, -stop, form.serial | (0 if form.exact == written else _INEXACT)))
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
        joined = _Searched("\0".join(pieces)).spaced
        window_starts = [window[0] for window in windows]
        automata = [(self._korean, False)] if korean else [(self._english, False)]
        if not korean and len(self._english_folded):
            automata.append((self._english_folded, True))
        found: list[_Candidate] = []
        for automaton, folded_case in automata:
            searched_joined = _lower(joined) if folded_case else joined
            for start, negative_stop, rank in self._literal_candidates(
                automaton, searched_joined, joined, korean, folded_case
            ):
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

    def _pattern_candidates(self, text: str) -> list[_Candidate]:
        found: list[_Candidate] = []
        for compiled, form in self._patterns:
            try:
                spans = search_spans(compiled, text, self.pattern_timeout)
            except PatternTimeout as error:
                entry = self.entries[form.entry_index]
                raise InputError(
                    entry.path,
                    f"the pattern of `{entry.en}` {error} on this text; simplify it "
                    "(kogloss glossary lint finds such patterns)",
                    entry.line,
                ) from None
            found.extend((start, -end, form.serial) for start, end in spans)
        return found

    def _resolve(self, candidates: list[_Candidate], text: str, nested: bool) -> list[TermMatch]:
        """Longest match wins (then the earlier start, then the better form); no overlaps.

        Candidates are sorted by start; only groups of mutually overlapping candidates (rare)
        need the longest-first choice, so each group is settled on its own.
        """
        candidates.sort()
        chosen: list[_Candidate] = []
        if nested:
            seen: set[tuple[int, int, int]] = set()
            for candidate in candidates:
                form = self._forms[candidate[2] & _FORM_BITS]
                identity = (candidate[0], candidate[1], form.entry_index)
                if identity not in seen:
                    seen.add(identity)
                    chosen.append(candidate)
        else:
            first: _Candidate | None = None  # the current group's first candidate
            group: list[_Candidate] | None = None  # the group, once it has two
            group_end = -1
            for candidate in candidates:
                if candidate[0] >= group_end:
                    if group is not None:
                        chosen.extend(_settle(group, group_end))
                    elif first is not None:
                        chosen.append(first)
                    first, group, group_end = candidate, None, -candidate[1]
                else:
                    if group is None:
                        group = [first]  # type: ignore[list-item]
                    group.append(candidate)
                    group_end = max(group_end, -candidate[1])
            if group is not None:
                chosen.extend(_settle(group, group_end))
            elif first is not None:
                chosen.append(first)
        described = self._described
        matches: list[TermMatch] = []
        append = matches.append
        for start, negative_end, rank in chosen:
            end = -negative_end
            entry, kind, variant = described[rank & _FORM_BITS]
            particle = (particle_after(text, end) or "") if kind == "ko" else ""
            append(TermMatch(start, end, entry, kind, variant, text[start:end], particle))
        return matches

    @functools.cached_property
    def _described(self) -> list[tuple[Entry, str, Variant | None]]:
        """(entry, kind, variant) of each numbered form, looked up once per match."""
        return [(self.entries[f.entry_index], f.kind, f.variant) for f in self._forms]


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a search makes its many small objects.

    Candidates and matches form no reference cycles, but each collection walks every object
    made so far: on 10 MB as one text (200,000 matches) that took a third of the time.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _settle(group: list[_Candidate], group_end: int) -> list[_Candidate]:
    """The winners of a group of overlapping candidates, sorted by start."""
    if -group[0][1] == group_end:  # the first one contains all the others (the usual case)
        return [group[0]]
    return _longest_first(group)


def _longest_first(group: list[_Candidate]) -> list[_Candidate]:
    """Overlapping candidates settled longest first; the winners in text order."""
    accepted: list[_Candidate] = []
    for candidate in sorted(group, key=lambda c: (c[0] + c[1], c[0], c[2])):
        start, end = candidate[0], -candidate[1]
        if all(end <= other[0] or start >= -other[1] for other in accepted):
            accepted.append(candidate)
    return sorted(accepted)
