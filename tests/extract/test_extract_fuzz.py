"""Any text, however odd, gives candidates whose positions lie inside it, and no exception."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kogloss.document import document_from_text
from kogloss.extract.corpus import extract_candidates
from kogloss.extract.english import extract_english

WORDS = st.sampled_from(
    "Minister of Foreign Affairs Kim Kyou-hyun , . and the Vice H.E. Mr. Bishkek ( DPRK ) "
    "Korea Province Ministry Trade , Industry Energy Seoul in to former president 김규현 "
    "Baku-Tbilisi-Kars railway regions Khojavand ’s Speaker \n \n\n Q: 1. ° - Embassy".split(" ")
)


# Decoded text never holds lone surrogates (category Cs), so the noise leaves them out.
NOISE = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=60), NOISE)
def test_random_releases_extract_within_bounds(words: list[str], noise: str) -> None:
    text = " ".join(words) + noise
    document = document_from_text(text, "fuzz.txt")
    for mention in extract_english(document):
        assert 0 <= mention.start <= mention.end <= len(document.text)
        assert mention.line >= 1 and mention.column >= 1
    for candidate in extract_candidates([document]):
        assert candidate.count >= 1 and candidate.en.strip()
