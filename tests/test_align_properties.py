"""Property tests: any pair of texts aligns into links that cover both sides once, in order,
or fails with an InputError; the bilingual checks never crash on what the aligner returns."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kogloss.align import align
from kogloss.check.bilingual import bilingual_findings
from kogloss.document import document_from_text
from kogloss.errors import InputError
from kogloss.numbers import english_quantities, korean_quantities
from kogloss.romanize import person_name_similarity, skeleton

KOREAN = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),
        st.sampled_from(" \n\n.,?0123456789억만년월일시ㅇ-*1."),
        st.characters(min_codepoint=0x41, max_codepoint=0x5A),
    ),
    max_size=300,
)
ENGLISH = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.sampled_from("\n\n°“”’"),
        st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),
    ),
    max_size=300,
)


@settings(max_examples=120, deadline=None)
@given(korean=KOREAN, english=ENGLISH, lines=st.booleans())
def test_links_cover_both_sides_once_in_order(korean: str, english: str, lines: bool) -> None:
    ko_document = document_from_text(korean, "ko.txt")
    en_document = document_from_text(english, "en.txt")
    try:
        alignment = align(ko_document, en_document, lines=lines)
    except InputError as error:
        assert error.path in ("ko.txt", "en.txt")
        return
    ko_order = [index for link in alignment.links for index in link.ko]
    en_order = [index for link in alignment.links for index in link.en]
    assert ko_order == list(range(len(alignment.ko_segments)))
    assert en_order == list(range(len(alignment.en_segments)))
    assert all(0.0 <= link.confidence <= 1.0 for link in alignment.links)
    for finding in bilingual_findings(ko_document, en_document, alignment):
        assert finding.line >= 1 and finding.column >= 1


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=120))
def test_numbers_and_names_never_crash(text: str) -> None:
    for quantity in korean_quantities(text) + english_quantities(text):
        assert text[quantity.start : quantity.end] == quantity.text
    skeleton(text)
    assert 0.0 <= person_name_similarity(text[:5], text) <= 1.0


def test_a_number_too_long_for_digits_aligns() -> None:
    """Found by hypothesis: an 18-digit number is keyed in exponent form ("1e+18")."""
    alignment = align(document_from_text("ㅇ", "k.txt"), document_from_text("999999999999999936"))
    assert len(alignment.links) == 1
