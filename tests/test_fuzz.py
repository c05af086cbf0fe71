"""Property tests: random bytes and random Unicode never crash loading or detect."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kogloss.detect import detect
from kogloss.document import document_from_text, load_document
from kogloss.errors import InputError

KOREAN_AND_LATIN = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.sampled_from("\n\n\r\t°•…“”’·-–"),
        st.characters(),
    ),
    max_size=400,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=600))
def test_random_bytes_load_or_fail_with_one_line(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "random.txt"
    path.write_bytes(data)
    try:
        document = load_document(str(path))
    except InputError as error:
        assert "\n" not in error.render()
        return
    result = detect(document)
    for finding in result.findings:
        assert 1 <= finding.line <= finding.end_line
        assert finding.column >= 1


@settings(max_examples=150, deadline=None)
@given(text=KOREAN_AND_LATIN, kind=st.sampled_from(["text", "markdown", "html"]))
def test_random_text_detects_with_positions_inside_the_text(text: str, kind: str) -> None:
    document = document_from_text(text, "random", kind)
    result = detect(document)
    line_count = document.source_text.count("\n") + 1
    for finding in result.findings:
        assert 0 <= finding.start < finding.end <= len(document.text)
        assert 1 <= finding.line <= finding.end_line <= line_count


def test_lone_surrogates_in_a_string_do_not_crash_detect() -> None:
    # Hypothesis found this: a Python str may hold a lone surrogate that UTF-8 cannot encode.
    result = detect(document_from_text("The Forum \ud800 was held in 비슈케크.\n"))
    assert [f.rule for f in result.findings] == ["mixed-language"]
