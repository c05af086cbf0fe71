"""Property tests: any entries survive YAML, CSV, TSV and TBX; matches keep their invariants;
random bytes as a glossary file fail with one line, never a traceback; the shortcuts of the
search (matches kept as columns and counted by rank, white-space runs found by str.find)
agree with the plain definitions."""

from __future__ import annotations

import dataclasses
import itertools
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kogloss.errors import InputError
from kogloss.glossary import Entry, Glossary, TermIndex, Variant, load_glossary
from kogloss.glossary.exchange import export_glossary, import_entries
from kogloss.glossary.index import _Searched
from kogloss.glossary.model import STATUSES, TYPES

# Text an editor could write: Hangul, Latin, punctuation YAML and CSV care about, quotes,
# no control characters (XML cannot carry them; see test_glossary_exchange).
WRITTEN = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.sampled_from("’“”–·é\n"),
    ),
    min_size=1,
    max_size=30,
).filter(lambda text: text.strip() == text and text.strip() and "\n" not in text)
NOTE = st.text(
    alphabet=st.one_of(st.characters(min_codepoint=0x20, max_codepoint=0x7E), st.just("\n")),
    min_size=1,
    max_size=60,
).filter(lambda text: text.strip())
VARIANT = st.one_of(
    st.builds(Variant, text=WRITTEN, message=st.none() | NOTE),
    st.builds(
        Variant,
        pattern=st.sampled_from([r"\bKyrgyz\b(?=,)", r"Korean\s+peninsula"]),
        message=st.none() | NOTE,
    ),
)
ENTRY = st.builds(
    Entry,
    en=WRITTEN,
    ko=st.none() | WRITTEN,
    type=st.sampled_from(TYPES),
    status=st.sampled_from(STATUSES),
    abbr=st.none() | WRITTEN,
    case_sensitive=st.booleans(),
    variants=st.lists(VARIANT, max_size=3),
    also=st.lists(WRITTEN, max_size=2),
    note=st.none() | NOTE,
    source=st.none() | WRITTEN,
    count=st.none() | st.integers(min_value=0, max_value=10**6),
    seen_in=st.lists(WRITTEN, max_size=2),
    example=st.none() | NOTE,
)


def _content(entry: Entry) -> dict:
    fields = dataclasses.asdict(entry)
    for key in ("path", "line", "positions"):
        fields.pop(key)
    return fields


@settings(max_examples=60, deadline=None)
@given(entries=st.lists(ENTRY, min_size=1, max_size=4))
def test_any_entries_round_trip_through_every_format(entries: list[Entry]) -> None:
    glossary = Glossary(entries, [])
    expected = [_content(entry) for entry in entries]
    with tempfile.TemporaryDirectory() as directory:
        for export, reader, suffix in (
            ("yaml", None, ".yaml"),
            ("csv", "csv", ".csv"),
            ("tsv", "tsv", ".tsv"),
            ("tbx", "tbx", ".tbx"),
            ("martif", "tbx", ".tbx"),
        ):
            path = Path(directory) / f"out{suffix}"
            path.write_text(export_glossary(glossary, export), encoding="utf-8")
            back = load_glossary(path).entries if reader is None else import_entries(path, reader)
            assert [_content(entry) for entry in back] == expected, export


ENGLISH = st.text(
    alphabet=st.sampled_from(list("Korean Peninsula ROK rok Kyrgyz,.\n  ()한반도의")),
    max_size=200,
)


@settings(max_examples=200, deadline=None)
@given(text=ENGLISH)
def test_matches_are_ordered_bounded_and_true_to_the_text(text: str) -> None:
    index = TermIndex(
        Glossary(
            [
                Entry(en="Korean Peninsula", ko="한반도", variants=[Variant(text="Korean")]),
                Entry(en="Republic of Korea", abbr="ROK"),
                Entry(en="Kyrgyz Republic", variants=[Variant(pattern=r"\bKyrgyz\b(?=,)")]),
            ],
            [],
        )
    )
    for matches in (index.find_english(text), index.find_korean(text)):
        for before, after in itertools.pairwise(matches):
            assert before.end <= after.start
        for match in matches:
            assert text[match.start : match.end] == match.matched
            assert " ".join(match.matched.split()) in {
                "Korean Peninsula",
                "Korean",
                "ROK",
                "Kyrgyz",
                "한반도",
            }
            assert match.start == 0 or not text[match.start - 1].isalnum() or match.form == "ko"


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=300))
def test_random_bytes_as_a_glossary_fail_with_one_line(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "random.yaml"
    path.write_bytes(b"terms:\n  - en: " + data)
    try:
        load_glossary(path)
    except InputError as error:
        assert "\n" not in error.render() and error.path == str(path)


# Pieces of text for the columnar search: each entry's forms in several cases, spread over a
# line break or a run of spaces, inside longer words, beside punctuation and Hangul.
TERM_PIECES = st.sampled_from(
    [
        "Korean Peninsula", "korean peninsula", "Korean\nPeninsula", "Korean  Peninsula",
        "Korean", "Peninsular", "ROK", "rok", "ROKs", "Republic of Korea", "Kyrgyz", "Kyrgyz,",
        "climate change", "Climate Change", "CLIMATE\nchange", "climate changes", "UN", "under",
        "United Nations", "united nations", " ", "\n", "\n\n", ". ", "(", "한반도의", "-",
    ]
)  # fmt: skip
TERM_TEXTS = st.lists(TERM_PIECES, max_size=30).map(" ".join) | st.lists(
    TERM_PIECES, max_size=30
).map("".join)
TERM_INDEX = TermIndex(
    Glossary(
        [
            Entry(en="Korean Peninsula", ko="한반도", variants=[Variant(text="Korean Peninsular")]),
            Entry(en="Republic of Korea", abbr="ROK", variants=[Variant(text="Korean")]),
            Entry(en="Kyrgyz Republic", variants=[Variant(pattern=r"\bKyrgyz\b(?=,)")]),
            Entry(en="climate change", case_sensitive=False, also=["climate changes"]),
            Entry(en="United Nations", abbr="UN", case_sensitive=False),
        ],
        [],
    )
)


@settings(max_examples=300, deadline=None)
@given(text=TERM_TEXTS)
def test_columnar_search_agrees_with_the_matches(text: str) -> None:
    matches = TERM_INDEX.find_english(text)
    found = TERM_INDEX.search_english(text)
    assert list(found) == matches
    assert [found[i] for i in range(len(found))] == matches
    assert list(found.starts) == [m.start for m in matches]
    assert list(found.ends) == [m.end for m in matches]
    kinds = ("en", "also", "variant", "pattern")
    assert found.of_kinds(kinds[2:]) == [m for m in matches if m.form in kinds[2:]]
    # the plain definition: matches of one entry, form, variant and written text, counted,
    # with the first of them, in order of first use
    expected: dict[tuple, list[int]] = {}
    for position, match in enumerate(matches):
        if match.form in kinds:
            key = (id(match.entry), match.form, id(match.variant), " ".join(match.matched.split()))
            expected.setdefault(key, [0, position])[0] += 1
    spellings = found.spellings(kinds)
    assert [first for _, first, _ in spellings] == sorted(first for _, first, _ in spellings)
    merged: dict[tuple, list[int]] = {}
    for _, first, used in spellings:
        match = matches[first]
        key = (id(match.entry), match.form, id(match.variant), " ".join(match.matched.split()))
        merged.setdefault(key, [0, first])[0] += used
    assert merged == expected


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("a. \n\t\u00a0한")), max_size=60))
def test_inner_runs_are_the_white_space_runs_a_term_may_span(text: str) -> None:
    # the plain definition: every maximal run of white space, two characters or more, with at
    # most one line break in it
    expected = [
        match.span() for match in re.finditer(r"\s{2,}", text) if match.group().count("\n") < 2
    ]
    assert _Searched(text).inner_runs() == expected
