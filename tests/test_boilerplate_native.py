"""The C accelerator of boilerplate.classify (``kogloss._native.boilerplate``) against the pure
Python it mirrors: the same bodies, no line called plain prose that the Python judges
otherwise, and the same verdicts for whole documents, on generated text and on the real files.

Lines are drawn from what the rules look at (dates and times, menus, ©, "Related", Hangul
navigation, URLs, tags, cookie notices, end marks, colons, Markdown links) and padded past the
400 characters from which a line may be called plain, with the characters its tests read
(white space of every kind, brackets, "#", case variants such as the Kelvin sign and İ).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kogloss import _native, boilerplate
from kogloss.document import collect_paths, document_from_text, load_document
from kogloss.segment import Segment, paragraphs
from tests.conftest import REAL_FOLDERS

NATIVE = _native.load("boilerplate")
pytestmark = pytest.mark.skipif(
    NATIVE is None, reason="kogloss._native.boilerplate is not built (or KOGLOSS_PURE_PYTHON)"
)

FRAGMENTS = [
    "The Ministry of Foreign Affairs said on Monday that the forum would be held in Bishkek.",
    "Both sides agreed to expand cooperation in energy, water management and education",
    "12 January 2024 14:20",
    "2024-01-12 (Fri)",
    "2024년 1월 12일 (금)",
    "Posted on",
    "10:15 AM KST",
    "Home | News | Press Releases",
    "Home > News > Press",
    "Print · Share · E-mail",
    "본문 바로가기",
    "바로가기 메뉴",
    "주메뉴 바로가기",
    "검색창 열기",
    "© 2024 Ministry of Foreign Affairs. All rights reserved.",
    "(c) copyright",
    "Reproduction prohibited",
    "무단 전재 및 재배포 금지",
    "Related news",
    "Related",
    "Latest articles",
    "Tags:",
    "Tags :",
    "keywords：",
    "Related tags:",
    "태그:",
    "키워드 :",
    "#Korea #CentralAsia",
    "This site uses cookies. By using it you accept them.",
    "COOKIE",
    "Cookbook",
    "coo\u212aie",  # Kelvin sign: lower-cases to k
    "\u0130stanbul",  # İ: lower-cases to two characters
    "https://www.mofa.go.kr/eng/brd/m_5676/view.do?seq=1",
    "[Read more](https://example.org/news)",
    "![photo](https://example.org/a.jpg)",
    "(끝)",
    "- 끝 -",
    "END",
    "###",
    "Tel: +82-2-2100-7044",
    "60, Sajik-ro 8-gil, Jongno-gu, Seoul 03172",
    "Views: 1,234",
    "By Kim Min-ji",
    "Previous: Minister meets envoy",
    "Follow us",
    "well-known Korea's partner’s co-operation",
    "“Quoted,” he said.",
    "Ulaanbaatar…",
    "👍",
]
# The characters the plain-prose test reads (ASCII and fullwidth colons, the letters of
# "cook", "tags", "keywords" and "related", the Kelvin sign, İ, white space of every kind).
NOISE_CHARACTERS = (
    "aAkKoOcCtTrR:：#[]()<>-'’_ .,!?|·•»›©\n\t\u00a0\u3000\u2028\x1c1끝태키가\u212a\u0130😀"
)
NOISE = st.text(alphabet=st.sampled_from(NOISE_CHARACTERS), max_size=12)
FILLER = st.sampled_from(["", " ", "a" * 150, "word " * 40, "가나다 " * 60, "x’y " * 50, "😀" * 90])
PIECES = st.lists(st.one_of(st.sampled_from(FRAGMENTS), NOISE, FILLER), max_size=14)
# Long runs of few words or none: a line over 400 characters with few words is what the
# rules of long lines look at (cookie notices have 40 words at most, headings 5).
PADDING = st.sampled_from(["", "", " " * 401, "\u00a0" * 401, "—" * 401, "a" * 401, "[(" * 201])
LINE = st.builds(
    lambda head, padding, tail, joiner: joiner.join(head) + padding + joiner.join(tail),
    PIECES,
    PADDING,
    PIECES,
    st.sampled_from([" ", ""]),
)
# Lines over 400 characters that open as tags, hashtags, an end mark or a heading would, or
# hold a cookie notice: the lines the plain-prose test must leave to the Python.
OPENINGS = [
    "Tags:",
    "tags :",
    "Related  tags：",
    "\u212aeywords:",
    "RELATED TAGS",
    "태그:",
    "키워드：",
    "#Korea #Asia",
    "# one #two",
    "(끝",
    "- 끝",
    "Related news",
    "Most viewed",
    "Cookies: we use them",
    "cOoKiEs you accept",
    "The cookie",
    "coo\u212aies accept",
    "\t\u3000The",
    "[[The",
]
OPENING = st.sampled_from(OPENINGS)
LONG_LINE = st.builds(
    lambda opening, padding, tail: opening + padding + " ".join(tail),
    OPENING,
    PADDING,
    PIECES,
)
MARKER = st.sampled_from(["", "1. ", "* ", "- ", "° ", "(a) ", "※ ", "#"])


def _pure_prepare(paragraph_list: list[Segment]) -> list[str]:
    return [boilerplate._paragraph_body(paragraph) for paragraph in paragraph_list]


def _segment(text: str, marker: str = "") -> Segment:
    return Segment(0, len(text), text, "paragraph", 0, 0, marker)


def _assert_plain_lines_are_plain(paragraph_list: list[Segment]) -> None:
    """prepare gives the Python's bodies, and each line it leaves out of its doubtful list is
    plain prose as the Python judges it."""
    assert NATIVE is not None
    bodies, doubtful = NATIVE.prepare(paragraph_list, boilerplate._link_texts)
    assert bodies == _pure_prepare(paragraph_list)
    assert doubtful == sorted(set(doubtful))
    for index in set(range(len(bodies))) - set(doubtful):
        body = bodies[index]
        assert boilerplate.line_reason(body) == "", body
        assert not boilerplate.is_related_heading(body), body
        assert boilerplate._reads_as_running_text(body), body


def _every_third(index: int) -> bool:
    """An is_foreign for the tests: which lines are foreign does not matter, only that both
    versions ask the same of the same lines."""
    return index % 3 == 0


def _pure_classify(
    paragraph_list: list[Segment], is_foreign: Callable[[int], bool] | None = None
) -> list[boilerplate.BoilerplateVerdict]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(boilerplate, "_NATIVE", None)
        return boilerplate.classify(paragraph_list, is_foreign)


@settings(max_examples=600, deadline=None)
@given(marker=MARKER, line=LINE | LONG_LINE)
def test_native_lines_called_plain_are_plain_prose(marker: str, line: str) -> None:
    _assert_plain_lines_are_plain([_segment(marker + line, marker)])


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(st.tuples(MARKER, LINE | LONG_LINE), max_size=12))
def test_native_verdicts_equal_the_python_ones_on_generated_documents(
    lines: list[tuple[str, str]],
) -> None:
    text = "\n".join(marker + line for marker, line in lines)
    paragraph_list = paragraphs(document_from_text(text))
    _assert_plain_lines_are_plain(paragraph_list)
    assert boilerplate.classify(paragraph_list) == _pure_classify(paragraph_list)
    assert boilerplate.classify(paragraph_list, _every_third) == _pure_classify(
        paragraph_list, _every_third
    )


def test_native_plain_prose_is_found() -> None:
    """The accelerator does leave long running text out (or it would speed nothing up)."""
    assert NATIVE is not None
    prose = " ".join([FRAGMENTS[0]] * 6)
    lines = [_segment(prose), _segment("Home | News")]
    _, doubtful = NATIVE.prepare(lines, boilerplate._link_texts)
    assert doubtful == [1]


def test_native_lines_called_plain_are_plain_prose_at_the_edges() -> None:
    """Every opening and fragment, at the lengths where line_reason stops judging footers and
    menus (a navigation body of 400 characters) and padded with the word counts around the
    five of a related-links heading; and end marks made long by their inner white space."""
    edges = []
    for head in FRAGMENTS + OPENINGS:
        for width in range(396, 406):
            for end in ("", " ", ")", " ]", "\u3000", ":"):
                edges.append((head + " " + "x" * 500)[:width] + end)
        for padding in (" " * 401, "\u3000" * 401, "a" * 401):
            for tail in ("", "news", "news stories today", "a b c d", "a-b c", "a b c d e f g"):
                edges.append(head + padding + tail)
    for space in (" ", "\t", "\u3000"):
        for end in ("-", " -", "- x", " 끝 -"):
            edges.append("-" + space * 401 + "끝" + end)
    _assert_plain_lines_are_plain([_segment(line) for line in edges])


def _real_files() -> Iterator[Path]:
    for directory in REAL_FOLDERS:
        yield from (Path(path) for path in collect_paths([str(directory)]))


def test_native_verdicts_equal_the_python_ones_on_the_real_files() -> None:
    files = list(_real_files())
    assert files
    for path in files:
        paragraph_list = paragraphs(load_document(str(path)))
        _assert_plain_lines_are_plain(paragraph_list)
        assert boilerplate.classify(paragraph_list) == _pure_classify(paragraph_list), path
        assert boilerplate.classify(paragraph_list, _every_third) == _pure_classify(
            paragraph_list, _every_third
        ), path


def test_native_prepare_rejects_what_is_not_a_paragraph() -> None:
    assert NATIVE is not None
    with pytest.raises(AttributeError):
        NATIVE.prepare(["not a segment"], boilerplate._link_texts)
    with pytest.raises(TypeError):
        NATIVE.prepare([_segment("a](b)")], lambda text: 1)
