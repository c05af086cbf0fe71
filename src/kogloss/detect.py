"""``kogloss detect``: the language and script of each paragraph, foreign runs, boilerplate.

The first thing a translator runs on a new release: what is left in Korean (or, in a Korean
release, in English), and which lines are web leftovers rather than content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from kogloss import boilerplate
from kogloss.document import Document
from kogloss.findings import Finding, Severity, make_finding
from kogloss.langid import latin_language
from kogloss.rules import RuleInfo, register
from kogloss.scripts import (
    CYRILLIC_CHARS,
    CYRILLIC_RUN,
    HAN_CHARS,
    HAN_RUN,
    HANGUL_CHARS,
    HANGUL_RUN,
    ScriptProfile,
    script_profile,
)
from kogloss.segment import Segment, paragraphs

MIXED_LANGUAGE = "mixed-language"
UNTRANSLATED = "untranslated"
BOILERPLATE = "boilerplate"

# Share of a segment's letters in Hangul (with Han) above which it is Korean.
KOREAN_SHARE = 0.8
# An English run inside Korean text: Latin words with at least this many lowercase words
# (acronyms and names such as ROK, MOU or Kim Kyou-hyun are normal in Korean releases).
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z'’\-]*(?:[ ,]+[A-Za-z][A-Za-z'’\-]*)+")
_LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")
MIN_LOWER_WORDS_IN_RUN = 2
# A letter of the scripts that _foreign_in_english reports inside English text.
_FOREIGN_SCRIPT = re.compile(f"[{HANGUL_CHARS}{HAN_CHARS}{CYRILLIC_CHARS}]")

register(
    RuleInfo(
        MIXED_LANGUAGE,
        Severity.WARNING,
        "Hangul (or another unexpected script) inside an English segment, or English in Korean.",
        "A run of Korean, Chinese or Cyrillic characters inside an English sentence is almost "
        "always a leftover of the source or of the web page: a name left in Hangul, a caption, a "
        "menu item. In a Korean release the reverse holds for running English words (acronyms "
        "and names such as ROK or Kim Kyou-hyun are normal there). The finding spans the "
        "foreign run exactly.",
        "detect",
    )
)
register(
    RuleInfo(
        UNTRANSLATED,
        Severity.ERROR,
        "A segment of an English release that is wholly Korean.",
        "A paragraph written entirely in Korean inside an English release was not translated: a "
        "caption, a closing mark such as (끝), or Korean navigation of the web page it was "
        "scraped from. Translate it or remove it.",
        "detect",
    )
)
register(
    RuleInfo(
        BOILERPLATE,
        Severity.WARNING,
        "A line that is not release content: menu, time stamp, related links, share bar, footer.",
        "Decided by the line's features and its neighbours: navigation and share vocabulary, "
        "lines holding only a date or time, copyright and contact lines, a 'Related news' "
        "heading with the headline links under it, runs of short lines before the body starts "
        "or after it ends. `kogloss detect --strip` writes the release without them.",
        "detect",
    )
)

_SCRIPT_NAMES = {"hangul": "Korean (Hangul)", "han": "Chinese characters (Han)"}


@dataclass
class SegmentReport:
    """What detect says about one paragraph.

    The script profile and the language are worked out on first use: ``kogloss check`` asks
    for them only where they can change a finding (a paragraph holding Hangul, Han or Cyrillic,
    a short line outside the body), which spares the plain English prose that makes up most of
    an English release; ``kogloss detect`` asks for all of them and gets the same answers.
    """

    segment: Segment
    document_language: str
    boilerplate: bool = False
    boilerplate_reason: str = ""

    @cached_property
    def profile(self) -> ScriptProfile:
        return script_profile(self.segment.text)

    @cached_property
    def language(self) -> str:
        return segment_language(self.profile, self.segment.text, self.document_language)

    @property
    def is_korean(self) -> bool:
        """Whether the paragraph is Korean: decided by its scripts, without a language model."""
        return script_language(self.profile) == "ko"

    def to_dict(self, document: Document) -> dict[str, Any]:
        line, column, end_line, end_column = document.span(self.segment.start, self.segment.end)
        return {
            "path": document.path,
            "index": self.segment.index,
            "line": line,
            "column": column,
            "end_line": end_line,
            "end_column": end_column,
            "text": self.segment.text,
            "scripts": self.profile.to_dict(),
            "language": self.language,
            "boilerplate": self.boilerplate,
            "boilerplate_reason": self.boilerplate_reason or None,
        }


@dataclass
class DetectResult:
    document: Document
    language: str
    segments: list[SegmentReport]
    findings: list[Finding] = field(default_factory=list)

    def content_text(self) -> str:
        """The release with boilerplate paragraphs removed (``--strip``)."""
        kept = [report.segment.text.strip() for report in self.segments if not report.boilerplate]
        return "\n\n".join(kept) + ("\n" if kept else "")


def script_language(profile: ScriptProfile) -> str | None:
    """``ko``, ``mixed``, ``other`` or ``none`` as the letters' scripts decide, or None for
    Latin text (four letters in five), whose language only a language model can name."""
    hangul, latin, han, cyrillic, other = profile
    letters = hangul + latin + han + cyrillic + other
    if not letters:
        return "none"
    if hangul and (hangul + han) / letters >= KOREAN_SHARE:
        return "ko"
    if hangul and latin:
        return "mixed"
    if latin / letters >= 0.8:
        return None
    if han + cyrillic + other > latin:
        return "other"
    return "mixed"


def segment_language(profile: ScriptProfile, text: str, document_language: str) -> str:
    """``ko``, ``en`` (or another ISO code for Latin text), ``mixed``, ``other`` or ``none``."""
    by_script = script_language(profile)
    if by_script is not None:
        return by_script
    default = "en" if document_language in ("en", "ko") else document_language
    return latin_language(text, default)[0]


def document_language(document: Document) -> str:
    """``ko`` or ``en``: Korean when Hangul carries the text (Hangul is about half as long)."""
    profile = script_profile(document.text)
    return "ko" if profile.hangul * 2 >= profile.latin and profile.hangul else "en"


def detect(document: Document, language: str | None = None) -> DetectResult:
    """Judge every paragraph of ``document`` and collect the findings, in document order.

    ``language`` is :func:`document_language`'s answer when the caller has it already (check's
    rules ask for it before detect runs): it is a pass over the whole text."""
    paragraph_list = paragraphs(document)
    if language is None:
        language = document_language(document)
    reports = [SegmentReport(paragraph, language) for paragraph in paragraph_list]

    def is_foreign(index: int) -> bool:
        return _is_foreign(reports[index].language, language)

    for report, verdict in zip(
        reports, boilerplate.classify(paragraph_list, is_foreign), strict=True
    ):
        report.boilerplate = verdict.is_boilerplate
        report.boilerplate_reason = verdict.reason

    return DetectResult(document, language, reports, _findings(document, reports, language))


def _findings(document: Document, reports: list[SegmentReport], language: str) -> list[Finding]:
    """The findings of every paragraph, in order. In an English release only boilerplate and
    paragraphs holding Hangul, Han or Cyrillic can have any, so the prose between them is
    passed over without a script profile."""
    findings: list[Finding] = []
    for report in reports:
        if report.boilerplate:
            findings.append(_boilerplate_finding(document, report))
        if language != "en":
            findings.extend(_english_in_korean(document, report))
        elif _holds_foreign_script(report.segment.text) and (
            report.is_korean or not report.boilerplate
        ):  # a language switcher ("Русский") is already reported as boilerplate
            findings.extend(_foreign_in_english(document, report))
    return findings


def _holds_foreign_script(text: str) -> bool:
    """Whether ``text`` holds Hangul, Han or Cyrillic, the scripts that _foreign_in_english
    reports. ``isascii`` answers for most paragraphs of an English release without a scan (a
    str knows whether it is ASCII), sparing them the slower character-class search."""
    return not text.isascii() and _FOREIGN_SCRIPT.search(text) is not None


def _is_foreign(segment_language_code: str, document_language_code: str) -> bool:
    if segment_language_code in ("none", "mixed"):
        return False
    return segment_language_code != document_language_code


def _boilerplate_finding(document: Document, report: SegmentReport) -> Finding:
    return make_finding(
        document,
        report.segment.start,
        report.segment.end,
        BOILERPLATE,
        Severity.WARNING,
        f"Not release content: {report.boilerplate_reason}",
    )


def _foreign_in_english(document: Document, report: SegmentReport) -> list[Finding]:
    segment = report.segment
    if report.is_korean:
        return [
            make_finding(
                document,
                segment.start,
                segment.end,
                UNTRANSLATED,
                Severity.ERROR,
                "Korean segment left untranslated in an English release",
            )
        ]
    findings = []
    profile = report.profile
    for script, pattern, present in (
        ("hangul", HANGUL_RUN, profile.hangul),
        ("han", HAN_RUN, profile.han),
        ("cyrillic", CYRILLIC_RUN, profile.cyrillic),
    ):
        if not present:
            continue
        name = _SCRIPT_NAMES.get(script, script.capitalize())
        for match in pattern.finditer(segment.text):
            findings.append(
                make_finding(
                    document,
                    segment.start + match.start(),
                    segment.start + match.end(),
                    MIXED_LANGUAGE,
                    Severity.WARNING,
                    f"{name} text '{match.group(0)}' inside an English segment",
                    data={"script": script, "text": match.group(0)},
                )
            )
    return findings


def _english_in_korean(document: Document, report: SegmentReport) -> list[Finding]:
    segment = report.segment
    if report.language not in ("ko", "mixed"):
        if report.language == "none" or report.boilerplate:
            return []
        return [
            make_finding(
                document,
                segment.start,
                segment.end,
                MIXED_LANGUAGE,
                Severity.WARNING,
                f"Segment in another language ({report.language}) inside a Korean release",
            )
        ]
    findings = []
    for match in _LATIN_RUN.finditer(segment.text):
        run = match.group(0).strip(" ,")
        if len(_LOWER_WORD.findall(run)) < MIN_LOWER_WORDS_IN_RUN:
            continue
        start = segment.start + match.start()
        findings.append(
            make_finding(
                document,
                start,
                start + len(run),
                MIXED_LANGUAGE,
                Severity.WARNING,
                f"English text '{run}' inside a Korean segment",
                data={"script": "latin", "text": run},
            )
        )
    return findings
