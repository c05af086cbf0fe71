"""Property tests: the rules' shortcuts (counting per distinct run, runs split apart with the
sentence openings read before them, glossary spans as a cover string, first uses by run and
offset, possessive quantifiers in the run pattern, a look-ahead in the acronym pattern, keying
all sentences in one pass, folding the text before looking for doubled words, looking for
shouted runs only beside capitals) agree with the plain definitions."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kogloss.check.acronyms import _ACRONYM, _case_bytes, _next_to_capitals, _shouted_spans
from kogloss.check.repetition import (
    _DOUBLED_WORD,
    _doubled_words,
    _sentence_key,
    _sentence_keys,
)
from kogloss.check.variants import (
    _RUN_AND_TAIL,
    _RUN_WORD,
    _RUNS_APART,
    _Corpus,
    _excluded_lines,
    _form_stats,
    _forms_outside,
    _runs,
    occurrences,
    run_tally,
)

# Pieces that make names, titles, headlines, possessives, sentence openings and doubled words.
PIECES = st.sampled_from(
    [
        "Korea", "Korean", "Peninsula", "peninsula", "of", "for", "the", "The", "Bank", "Kim",
        "Kyu-hyun", "Korea’s", "government", "ROK", "IDP", "KOREA SIGNS", "Villages", "and",
        "don't", "don’t", "İstanbul", "istanbul", "ſo", "so", "Kelvin", "\u212aim", "kim", "x'",
        "e-mail", "mail", "PHOTO NOT FOR SALE", "THE", "UN", "G20", "A&B", "KOICA", "1.", "Q:",
        "•", "\u00a0", " ", "\t", "\n", "\n\n", ". ", ", ", "(", "“", "é", "가", "\x00",
    ]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=40).map(" ".join) | st.lists(PIECES, max_size=40).map("".join)


def _plain_runs(text: str) -> list[tuple[int, int, str, bool]]:
    """Start, end, text and sentence opening of each run outside headlines and title-case
    lines, as first written: every match of the run pattern, opening where a sentence does
    (after punctuation or a line break and spaces, or at the start after spaces)."""
    opening = re.compile(r"[.!?:;\"“”(\[\n][ \t\u00a0]*(?=[A-Z])")
    openings = {match.end() for match in opening.finditer(text)}
    openings.add(len(text) - len(text.lstrip(" \t\u00a0")))
    excluded = _excluded_lines(text)
    return [
        (match.start(), match.end(), match.group(), match.start() in openings)
        for match in _RUN_AND_TAIL.finditer(text)
        if not any(start <= match.start() < end for start, end in excluded)
    ]


@settings(max_examples=500, deadline=None)
@given(text=TEXTS)
def test_runs_split_apart_are_the_matches_opening_where_a_sentence_does(text: str) -> None:
    starts, ends, runs, flags = _runs(text)
    opens = [flag == "^" for flag in flags]
    assert list(zip(starts, ends, runs, opens, strict=True)) == _plain_runs(text)


def _spans(text: str, data: st.DataObject) -> list[tuple[int, int]]:
    """Known spans in order, not overlapping, some of them empty or touching."""
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=8)))
    return list(zip(cuts[::2], cuts[1::2], strict=False))


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, data=st.data())
def test_the_tally_counts_each_form_outside_the_known_spans(text: str, data: st.DataObject) -> None:
    spans = _spans(text, data)
    expected: dict = {}
    for occurrence in occurrences(text):
        if any(start <= occurrence.start and occurrence.end <= end for start, end in spans):
            continue
        entry = expected.setdefault(occurrence.form, [0, 0])
        entry[0] += 1
        entry[1] += occurrence.nominal
    counted: dict = {}
    tally = run_tally(text, [start for start, _ in spans], [end for _, end in spans])
    for key, count in tally.items():
        for form, _, nominal in _forms_outside(key):
            entry = counted.setdefault(form, [0, 0])
            entry[0] += count
            entry[1] += nominal * count
    # the same counts, and the same order of first use
    assert list(counted.items()) == list(expected.items())


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(TEXTS, min_size=1, max_size=3), data=st.data())
def test_a_first_use_by_run_and_offset_sorts_as_the_offset_in_the_text(
    texts: list[str], data: st.DataObject
) -> None:
    corpus = _Corpus(by_document=False)
    expected: dict = {}
    for index, text in enumerate(texts):
        spans = _spans(text, data)
        tally = run_tally(text, [start for start, _ in spans], [end for _, end in spans])
        corpus.documents[index] = corpus.numbered(tally)
        for occurrence in occurrences(text):
            if not any(start <= occurrence.start and occurrence.end <= end for start, end in spans):
                expected.setdefault(occurrence.form, (index, occurrence.start))
    used = dict.fromkeys(n for numbers, _ in corpus.documents.values() for n in numbers)
    stats = _form_stats(corpus.names, used, corpus.documents, set(expected))
    forms = list(expected)
    for first in forms:
        for second in forms:
            plain = (expected[first] > expected[second]) - (expected[first] < expected[second])
            ours = (stats[first].first > stats[second].first) - (
                stats[first].first < stats[second].first
            )
            assert ours == plain


# The run pattern as first written, with quantifiers that may give back what they took.
_PLAIN_AFTER_CAPITAL = r"[A-Za-z0-9]*(?:['’\-][A-Za-z0-9]+)*"
_PLAIN_WORD = rf"[A-Z]{_PLAIN_AFTER_CAPITAL}"
_PLAIN_GAP = r"(?:[ \t\u00a0]+|[ \t\u00a0]*\n[ \t\u00a0]*)"
_PLAIN_RUN_AND_TAIL = re.compile(
    rf"(?P<run>[A-Z](?<![A-Za-z0-9'’\-].){_PLAIN_AFTER_CAPITAL}"
    rf"(?:{_PLAIN_GAP}(?:(?:of|for){_PLAIN_GAP})?{_PLAIN_WORD})*)"
    rf"(?:{_PLAIN_GAP}(?P<tail>[a-z][a-z]{{2,}})(?![A-Za-z0-9'’\-]))?"
)
_PLAIN_RUN_WORD = re.compile(rf"{_PLAIN_WORD}|of|for")


@settings(max_examples=500, deadline=None)
@given(text=TEXTS)
def test_the_possessive_run_patterns_match_as_the_plain_ones(text: str) -> None:
    def spans(pattern: re.Pattern[str]) -> list[tuple[tuple[int, int], dict]]:
        return [(match.span(), match.groupdict()) for match in pattern.finditer(text)]

    assert spans(_RUN_AND_TAIL) == spans(_PLAIN_RUN_AND_TAIL)
    assert spans(_RUN_WORD) == spans(_PLAIN_RUN_WORD)
    assert _RUNS_APART.split(text)[1::2] == [m.group() for m in _RUN_AND_TAIL.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(TEXTS, max_size=6))
def test_sentence_keys_in_one_pass_are_the_keys_one_by_one(texts: list[str]) -> None:
    assert _sentence_keys(texts) == [_sentence_key(text) for text in texts]


@settings(max_examples=500, deadline=None)
@given(text=TEXTS)
@example(text="\u212aim kim")  # the Kelvin sign, a "K" to the case-blind pattern
def test_the_folded_test_misses_no_doubled_word(text: str) -> None:
    found = [(match.span(), match.groups()) for match in _doubled_words(text)]
    assert found == [(match.span(), match.groups()) for match in _DOUBLED_WORD.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(text=TEXTS)
def test_the_acronym_pattern_matches_as_the_plain_one(text: str) -> None:
    plain = re.compile(r"([A-Z](?<![A-Za-z0-9].)[A-Z0-9&]*[A-Z0-9])(s?)(?![A-Za-z0-9])")
    found = _ACRONYM.finditer(_case_bytes(text))
    assert [(m.span(), (text[slice(*m.span(1))], text[slice(*m.span(2))])) for m in found] == [
        (m.span(), m.groups()) for m in plain.finditer(text)
    ]


@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
def test_an_acronym_in_a_shouted_run_is_next_to_capitals(text: str) -> None:
    shouted = _shouted_spans(text)
    for match in _ACRONYM.finditer(_case_bytes(text)):
        if any(start <= match.start() < end for start, end in shouted):
            assert _next_to_capitals(text, match.start())
