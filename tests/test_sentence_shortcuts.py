"""Property tests: the shortcuts of sentence splitting, repeated-sentence, repeated-word and
acronym-first-use agree with the plain definitions they replace."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kogloss.check.acronyms import HEADLINE_UPPER_SHARE, _in_headline

LINES = st.lists(
    st.sampled_from(["KOREA", "Korea", "ROK", "and", " ", "\n", "1", "-", "é", "É", "가", "Ⅱ"]),
    max_size=30,
).map("".join)


def _plain_in_headline(text: str, offset: int) -> bool:
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    letters = [char for char in line if char.isalpha()]
    return sum(char.isupper() for char in letters) >= HEADLINE_UPPER_SHARE * len(letters)


@settings(max_examples=300, deadline=None)
@given(text=LINES, data=st.data())
def test_headline_counted_in_bytes_as_by_characters(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    assert _in_headline(text, offset) == _plain_in_headline(text, offset)
