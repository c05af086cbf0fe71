"""The compiled sentence keys (kogloss._native.sentences.sentence_keys) against
repeated-sentence's own definition, repetition._sentence_key: the same key for every sentence
it keys, None only for a sentence whose key holds a character whose case fold it leaves to
Python, and the same keys for whole documents with and without it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kogloss._native import load
from kogloss.check import repetition
from kogloss.document import collect_paths, load_document
from kogloss.segment import LIST_MARKER, paragraphs, sentence_texts
from tests.conftest import DATA, SAMPLES

native = load("sentences")
pytestmark = pytest.mark.skipif(native is None, reason="kogloss._native.sentences not built")

# What a marker and a key are made of: digits, the letters markers use, parentheses, the
# marks after them, bullets, every kind of white space, Hangul (가 and 나 are item letters),
# and characters whose case fold is not ASCII lowering (ß, İ, Σ, Arabic-Indic digits).
PIECES = st.sampled_from(
    [
        *"0123456789aAbQz().:)#*-–—·°•○※ㅇ",
        " ",
        "  ",
        "\t",
        "\n",
        "\u00a0",
        "\u3000",
        "\x1c",
        "\u2003",
        "가",
        "나",
        "한국",
        "’",
        "“",
        "”",
        "…",
        "ß",
        "İ",
        "Σ",
        "١",
        "é",
        "Word",
        "ROK",
    ]
)
# A sentence opening as list items do, or nearly: every alternative of LIST_MARKER, with the
# lengths and characters it allows and one past them, then what may follow a marker.
MARKER = st.sampled_from(
    [
        "1.",
        "12)",
        "123.",
        "1234.",
        "(1)",
        "(12)",
        "(123)",
        "(1234)",
        "(a)",
        "(Z)",
        "(가)",
        "(나)",
        "(각)",
        "(ab)",
        "a.",
        "b)",
        "B.",
        "Q:",
        "A.",
        "Q;",
        "#",
        "######",
        "#######",
        "*",
        "-",
        "–",
        "—",
        "·",
        "°",
        "•",
        "○",
        "※",
        "ㅇ",
        "١.",
        "()",
        "",
    ]
)
AFTER_MARKER = st.sampled_from([" ", "  ", "\t", "\u00a0", "\u3000", "\n", "", "가", "x"])
SENTENCE = st.one_of(
    st.lists(PIECES, max_size=14).map("".join),
    st.tuples(
        st.sampled_from(["", " ", "\t", "\u00a0 "]),
        MARKER,
        AFTER_MARKER,
        st.lists(PIECES, max_size=6).map("".join),
    ).map("".join),
)


def _folds_simply(text: str) -> bool:
    return all(
        ord(char) < 128 or char.isspace() or char in "–—·°•○※ㅇ’“”…" or "가" <= char <= "힣"
        for char in text
    )


@settings(max_examples=2000, deadline=None)
@given(text=SENTENCE)
def test_each_key_is_the_sentence_key(text: str) -> None:
    (key,) = native.sentence_keys([text])
    marker = LIST_MARKER.match(text)
    keyed = text[marker.end() :] if marker else text  # the marker is no part of the key
    if key is None:
        assert not _folds_simply(keyed)
    else:
        assert _folds_simply(keyed)
        assert key == repetition._sentence_key(text)


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(SENTENCE, max_size=12))
def test_documents_get_the_keys_of_the_pure_python(texts: list[str]) -> None:
    compiled = repetition._sentence_keys(texts)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(repetition, "_SENTENCES", None)
        assert compiled == repetition._sentence_keys(texts)


def test_real_releases_get_the_keys_of_the_pure_python(monkeypatch: pytest.MonkeyPatch) -> None:
    documents = [load_document(path) for path in collect_paths([str(SAMPLES), str(DATA)])]
    texts = [sentence_texts(document, paragraphs(document)) for document in documents]
    compiled = [repetition._sentence_keys(sentences) for sentences in texts]
    monkeypatch.setattr(repetition, "_SENTENCES", None)
    assert compiled == [repetition._sentence_keys(sentences) for sentences in texts]
    assert sum(map(len, texts)) > 500


def test_markers_and_spacing() -> None:
    keys = native.sentence_keys(
        ["1. The  Minister\tmet", "(가) 회의", "• Talks held ", "Q: Why?", "1234. Four"]
    )
    assert keys == ["the minister met", "회의", "talks held", "why?", "1234. four"]
    with pytest.raises(TypeError):
        native.sentence_keys([b"bytes"])
