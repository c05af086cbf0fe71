"""The compiled glossary scanner (kogloss._native.glossary_scan) against its reference, the
pyahocorasick scanner of kogloss.glossary.index: the same candidates and the same winners on
generated keys and texts (short keys inside longer words, keys sharing prefixes and suffixes,
case, white space of every kind, sigma and dotted I, Hangul, curly quotes), and on the
project's glossary over the samples (the seeds among them) and the test data."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kogloss._native import load
from kogloss.document import collect_paths, load_document
from kogloss.glossary import Entry, Variant, index, load_glossary
from kogloss.glossary.index import (
    PythonScanner,
    _english_key,
    _Forms,
    _Searched,
    python_whitespace_runs,
)
from tests.conftest import DATA, SAMPLES

ROOT = Path(__file__).resolve().parent.parent
native = load("glossary_scan")
pytestmark = pytest.mark.skipif(native is None, reason="kogloss._native.glossary_scan not built")

# Few letters, so that keys overlap, nest and recur in the texts; the characters the scanner
# treats specially (white space of every kind, Σ and İ, whose lower case Python keeps, letters
# whose case differs, digits, apostrophes and hyphens at word edges).
LETTERS = "abAB1 -’ΣσİiéÉ가"
SPACES = " \n\t\u00a0\u2003\r"
KEY_TEXT = st.text(alphabet=LETTERS, min_size=1, max_size=6).filter(lambda key: key.strip())
TEXT = st.text(alphabet=LETTERS + SPACES + ".,", max_size=80)
ENTRY = st.builds(
    Entry,
    en=KEY_TEXT,
    case_sensitive=st.booleans(),
    abbr=st.none() | KEY_TEXT,
    also=st.lists(KEY_TEXT, max_size=2),
    variants=st.lists(st.builds(Variant, text=KEY_TEXT), max_size=2),
)


def _scanners(entries: list[Entry], probes: list[str] = ()) -> list[tuple[PythonScanner, object]]:
    """(reference, compiled) for the case-folding keys and for the as-written ones, both
    looking out for the probes."""
    forms = _Forms()
    for number, entry in enumerate(entries):
        forms.add_entry(number, entry)
    pairs = []
    for keys, folds_case in ((forms.english, True), (forms.as_written, False)):
        values = {key: _english_key(spellings) for key, spellings in keys.items()}
        reference = PythonScanner(values, folds_case, probes)
        pairs.append((reference, native.Scanner(values, folds_case=folds_case, probes=probes)))
    return pairs


def _more(seen_log: list[tuple[int, ...]]) -> object:
    """A ``more`` callback whose candidates depend on the probes seen, which it logs."""

    def more(seen: tuple[int, ...]) -> list[tuple[int, int, int]]:
        seen_log.append(seen)
        return [(number, -(number + 2), 1000 + number) for number in seen]

    return more


# Extra candidates (a span and a rank, as the white-space windows and the patterns add them):
# overlapping spans that no one covers make the groups settled longest first.
EXTRA = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 12), st.integers(0, 2**41)).map(
        lambda drawn: (drawn[0], -(drawn[0] + drawn[1]), drawn[2])
    ),
    max_size=8,
)


def _assert_same(
    pairs: list[tuple[PythonScanner, object]], text: str, extra: list[tuple[int, int, int]]
) -> None:
    lowered = _Searched(text).lowered
    for reference, compiled in pairs:
        expected = reference.hits(text, lowered)
        # the compiled scanner reports hits in another order; the search sorts them
        assert sorted(compiled.hits(text, lowered)) == sorted(expected)
        reference_seen: list[tuple[int, ...]] = []
        compiled_seen: list[tuple[int, ...]] = []
        searched = tuple(map(list, reference.search(text, lowered, extra, _more(reference_seen))))
        assert tuple(map(list, compiled.search(text, lowered, extra, _more(compiled_seen)))) == (
            searched
        )
        assert compiled_seen == reference_seen
        if compiled.hits(text) is None:  # lowered by Python: Σ and İ depend on their context
            assert compiled.search(text, None, extra) is None
            assert "Σ" in text or "İ" in text
        else:
            assert sorted(compiled.hits(text)) == sorted(expected)
            assert tuple(map(list, compiled.search(text, None, extra, _more([])))) == searched


@settings(max_examples=150, deadline=None)
@given(
    entries=st.lists(ENTRY, min_size=1, max_size=6),
    probes=st.lists(KEY_TEXT.map(str.lower), max_size=3, unique=True),
    texts=st.lists(st.tuples(TEXT, EXTRA), max_size=4),
)
def test_compiled_scanner_finds_what_the_reference_finds(
    entries: list[Entry], probes: list[str], texts: list[tuple[str, list[tuple[int, int, int]]]]
) -> None:
    pairs = _scanners(entries, probes)
    for text, extra in texts:
        _assert_same(pairs, text, extra)


@settings(max_examples=150, deadline=None)
@given(text=TEXT)
def test_compiled_whitespace_runs_are_the_reference_runs(text: str) -> None:
    assert native.whitespace_runs(text) == python_whitespace_runs(text)


def test_compiled_scanner_agrees_on_real_releases_with_the_project_glossary() -> None:
    glossary = load_glossary(ROOT / "glossary")
    pairs = _scanners(list(glossary.entries))
    paths = collect_paths([str(SAMPLES), str(DATA)])  # the seeds are among the samples
    texts = [load_document(path).text for path in paths if path.endswith((".txt", ".md"))]
    assert len(texts) > 5
    found = 0
    for text in texts:
        _assert_same(pairs, text, [])
        found += len(pairs[0][1].hits(text, _Searched(text).lowered))
    assert found > 100  # the seeds name many glossary terms


def test_a_text_with_a_capital_sigma_comes_with_its_lower_case() -> None:
    """str.lower makes a word-final Σ ς, which a character-by-character lowering cannot: the
    compiled scanner asks for the text's lower case (returns None) instead of guessing."""
    (_, compiled), _ = _scanners([Entry(en="ΟΔΟΣ", case_sensitive=False)])  # key "οδος"
    assert compiled.hits("ΟΔΟΣ Α") is None
    assert compiled.search("ΟΔΟΣ Α", None, []) is None
    assert [hit[:2] for hit in compiled.hits("ΟΔΟΣ Α", _Searched("ΟΔΟΣ Α").lowered)] == [(0, -4)]
    assert compiled.hits("ΟΔΟΣΑ x", _Searched("ΟΔΟΣΑ x").lowered) == []  # σ inside a word


def test_malformed_values_are_refused() -> None:
    with pytest.raises(TypeError):
        native.Scanner({"key": (3, True)})
    with pytest.raises(ValueError):
        native.Scanner({"": (0, False, False, {}, ())})
    with pytest.raises(ValueError, match="as long as"):
        native.Scanner({"ab": (2, True, True, {"ab": (1,)}, ())}).hits("ab", "a")
    # a length other than the key's would put a hit's start before the text
    with pytest.raises(ValueError, match="length"):
        native.Scanner({"ab": (9, True, True, {"ab": (1,)}, ())})
    # a spelling's ranks are a tuple, checked when a hit reads them
    scanner = native.Scanner({"ab": (2, False, False, {"ab": [1], "AB": (2,)}, ())})
    with pytest.raises(TypeError, match="tuple"):
        scanner.hits("xab")
    # values refused on a second __init__ leave a scanner with no keys, not half-built tables
    scanner = native.Scanner({"ab": (2, False, False, {"ab": (1,)}, ())})
    with pytest.raises(ValueError):
        scanner.__init__({"cd": (5, False, False, {"cd": (1,)}, ())})
    assert len(scanner) == 0
    assert scanner.hits("ab cd") == []
    assert scanner.search("ab cd", None, [(0, -1, 3)]) == ([0], [1], [3])


def test_corpus_documents_glossary_is_found_the_same(tmp_path: Path) -> None:
    """A generated benchmark release (benchmarks/corpus.py) with the project glossary."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from corpus import write_corpus
    finally:
        sys.path.pop(0)
    write_corpus(tmp_path, 5)
    pairs = _scanners(list(load_glossary(ROOT / "glossary").entries))
    for path in sorted(tmp_path.iterdir()):
        _assert_same(pairs, load_document(path).text, [])


def test_a_glossary_too_large_for_the_table_is_searched_in_python(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The compiled table grows with keys times character classes: past its cap (128 MiB by
    default) the index falls back to the pure Python scanner instead of failing."""
    with pytest.raises(MemoryError, match="would pass 63 bytes"):
        native.Scanner({"abc": (3, True, True, {"abc": (1,)}, ())}, max_table_bytes=63)

    class Refusing:
        @staticmethod
        def Scanner(*args: object, **kwargs: object) -> None:
            raise MemoryError("too large")

    monkeypatch.setattr(index, "_native_scan", Refusing)
    built = index.TermIndex(load_glossary(ROOT / "glossary"))
    assert isinstance(built._english, PythonScanner)
    found = built.search_english("peace on the Korean Peninsular and beyond")
    assert [match.matched for match in found.of_kinds({"variant"})] == ["Korean Peninsular"]
