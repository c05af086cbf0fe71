"""Property tests: detect's shortcuts (profiles and languages worked out only where they change a
finding, the script search only in paragraphs that are not ASCII, one length test for long
lines, short lines' verdicts remembered, time stamps remembered by their shape, no second
list-marker match, script profiles counted on bytes) agree with the plain
definitions, on random text and on the samples, the held-out set and the seeds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kogloss import boilerplate, detect
from kogloss.document import Document, collect_paths, document_from_text, load_document
from kogloss.findings import Finding
from kogloss.scripts import (
    CYRILLIC_CHARS,
    HAN_CHARS,
    HANGUL_CHARS,
    LATIN_CHARS,
    ScriptProfile,
    script_profile,
)
from kogloss.segment import paragraphs
from tests.conftest import DATA, ROOT, SAMPLES

# Pieces of releases in both languages, of web leftovers, and of lines near the limits.
PIECES = st.sampled_from(
    [
        "The Minister", "met", "Governor", "김영록", "of", "South Jeolla", "Province.", "비슈케크",
        "협력 포럼", "(끝)", "END", "###", "中文", "外交部", "Русский", "Москва", "English",
        "Home", "|", ">", "Share", "Print", "Related news", "Tags:", "#Korea", "#Asia",
        "cookies", "We use", "Kelvin \u212a", "© 2024", "Tel. 02-2100-7044", "10:15", "20 July",
        "2024.07.20", "Posted on", "1.", "°", "ㅇ", "-", "*", "[", "]", "(", ")", "<", ">",
        "[Home](/)", "la coopération", "entre les deux pays", "est une", "très bonne",
        "le développement", "des relations", "é", "’", "“", "…", "\u00a0", " ", "\t", "\n",
        "\n\n", ". ", ", ", "x" * 90, "word " * 45, "a" * 410,
    ]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=60).map(" ".join) | st.lists(PIECES, max_size=60).map("".join)
# The seeds sit beside the checkout where there is one.
_REAL_FOLDERS = [SAMPLES, DATA / "detect_heldout", ROOT.parent / "shared" / "seeds"]
REAL_DOCUMENTS = [
    load_document(path)
    for path in collect_paths([str(folder) for folder in _REAL_FOLDERS if folder.is_dir()])
]


def _plain_findings(document: Document) -> list[Finding]:
    """detect's findings as first written: every paragraph's profile and language up front."""
    paragraph_list = paragraphs(document)
    language = detect.document_language(document)
    reports = [detect.SegmentReport(paragraph, language) for paragraph in paragraph_list]
    languages = [
        detect.segment_language(script_profile(paragraph.text), paragraph.text, language)
        for paragraph in paragraph_list
    ]
    foreign = [detect._is_foreign(code, language) for code in languages]
    verdicts = boilerplate.classify(paragraph_list, foreign.__getitem__)
    findings: list[Finding] = []
    for report, code, verdict in zip(reports, languages, verdicts, strict=True):
        report.boilerplate = verdict.is_boilerplate
        report.boilerplate_reason = verdict.reason
        if report.boilerplate:
            findings.append(detect._boilerplate_finding(document, report))
        if language != "en":
            findings.extend(detect._english_in_korean(document, report))
        elif not (report.boilerplate and code != "ko"):
            findings.extend(detect._foreign_in_english(document, report))
    return findings


@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
def test_detect_findings_are_those_of_the_plain_definition(text: str) -> None:
    document = document_from_text(text)
    assert detect.detect(document).findings == _plain_findings(document)


@pytest.mark.parametrize("document", REAL_DOCUMENTS, ids=lambda document: Path(document.path).name)
def test_detect_findings_are_those_of_the_plain_definition_on_real_releases(
    document: Document,
) -> None:
    assert detect.detect(document).findings == _plain_findings(document)
    for paragraph in paragraphs(document):
        body = boilerplate._body(paragraph.text)
        assert boilerplate.line_reason(body) == _plain_line_reason(body)


def _plain_line_reason(body: str) -> str:
    """line_reason as first written: every feature in turn, nothing remembered."""
    lowered = body.lower()
    if boilerplate.is_timestamp(body):
        return "a lone date or time stamp"
    if boilerplate.is_navigation(body):
        return "a navigation, menu or share line"
    if boilerplate.is_footer(body, lowered):
        return "a footer: copyright, address, contact or page counter"
    if boilerplate.is_end_mark(body):
        return "an end-of-release mark"
    if boilerplate._TAGS.match(body) or boilerplate._HASHTAGS.fullmatch(body):
        return "a tag or keyword line"
    if (
        "cook" in lowered
        and boilerplate._COOKIE.search(body)
        and boilerplate.word_count(body) <= 40
    ):
        return "a cookie notice"
    return ""


@settings(max_examples=500, deadline=None)
@given(text=TEXTS)
def test_line_reason_is_the_plain_one(text: str) -> None:
    assert boilerplate.line_reason(text) == _plain_line_reason(text)
    assert boilerplate.line_reason(text) == _plain_line_reason(text)  # now remembered


# Dates and times in the shapes time stamps take, each # a digit of any value (or a non-ASCII
# one, which stays as it is), and pieces of them in any order.
DATE_SHAPES = [
    "##:## ## July", "####.##.##", "####-#-## (Fri)", "# July ####", "##/##/####",
    "Posted on ## Jan ####, #:## p.m.", "####년 #월 ##일 (금)", "#월 ##일", "Politics ## July ####",
    "Seoul ##:## KST", "UTC +#:##", "##th Sept ####", "Updated: ####. #. ##. ##:##", "# | ##",
]  # fmt: skip
DATES = st.builds(
    lambda shape, digits: "".join(digits.pop() if c == "#" and digits else c for c in shape),
    st.sampled_from(DATE_SHAPES),
    st.lists(st.sampled_from("0123456789٣১"), min_size=12, max_size=12),
) | st.lists(st.sampled_from([*DATE_SHAPES, "8", "19", " ", "a", "A", ":"]), max_size=6).map(
    " ".join
)


@settings(max_examples=500, deadline=None)
@given(text=DATES | TEXTS)
def test_a_time_stamp_is_judged_by_its_shape_whatever_its_digits(text: str) -> None:
    """is_timestamp remembers its answer for the line with its ASCII digits made 0: the same
    answer as for the line as written."""
    as_written = (
        len(text) <= 80
        and boilerplate._DIGIT.search(text) is not None
        and boilerplate._is_timestamp_shape.__wrapped__(text)
    )
    assert boilerplate.is_timestamp(text) == as_written


@settings(max_examples=500, deadline=None)
@given(text=TEXTS)
def test_a_line_too_long_for_a_bar_is_no_time_stamp_navigation_or_footer(text: str) -> None:
    if boilerplate._too_long_for_a_bar(text):
        assert not boilerplate.is_timestamp(text)
        assert not boilerplate.is_navigation(text)
        assert not boilerplate.is_footer(text, text.lower())


@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
def test_a_paragraph_body_is_the_body_of_its_text(text: str) -> None:
    for paragraph in paragraphs(document_from_text(text)):
        assert boilerplate._paragraph_body(paragraph) == boilerplate._body(paragraph.text)


_SCRIPTS = [
    (script, re.compile(f"[{chars}]"))
    for script, chars in (
        ("hangul", HANGUL_CHARS),
        ("latin", LATIN_CHARS),
        ("han", HAN_CHARS),
        ("cyrillic", CYRILLIC_CHARS),
    )
]


def _plain_profile(text: str) -> ScriptProfile:
    """Letters of each script counted one character at a time."""
    counts = dict.fromkeys(["hangul", "latin", "han", "cyrillic", "other"], 0)
    for character in re.findall(r"[^\W\d_]", text):
        script = next((name for name, chars in _SCRIPTS if chars.match(character)), "other")
        counts[script] += 1
    return ScriptProfile(**counts)


@settings(max_examples=500, deadline=None)
@given(text=TEXTS | st.text(max_size=200))
def test_script_profile_counts_as_one_character_at_a_time(text: str) -> None:
    assert script_profile(text) == _plain_profile(text)
