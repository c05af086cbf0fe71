"""Which paragraphs of a scraped release are not content: menus, time stamps, related links,
share and print bars, footers.

Each paragraph is judged by its own features (length, final punctuation, navigation words, date
and contact patterns) and by its neighbours (where the body starts and ends, runs of short
lines, a "Related news" heading and the headline links under it). No list of the seeds'
strings: the vocabulary is the generic one of Korean and English government web pages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from kogloss import _native
from kogloss.segment import LIST_MARKER, Segment

# The compiled bodies and plain-prose test (see _prepare), or None: every line is then judged here.
_NATIVE = _native.load("boilerplate")

_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_DATE_PART = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}(?:\s*,?\s*\d{{4}})?"
    rf"|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s*,?\s*\d{{4}})?"
    rf"|{_MONTHS}\s+\d{{4}}"
    r"|\d{4}\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{1,2}\.?(?:\s*\([^)]{1,3}\))?"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{4}"
    r"|\(?(?:UTC|GMT|KST)\s*[+-]?\s*\d{1,2}(?::\d{2})?\)?"
    r"|\d{4}년\s*\d{1,2}월(?:\s*\d{1,2}일)?(?:\s*\([월화수목금토일]\))?"
    r"|\d{1,2}월\s*\d{1,2}일(?:\s*\([월화수목금토일]\))?"
    r"|(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
    r"|[AaPp]\.?[Mm]\.?|오전|오후|KST|GMT|UTC",
)
_DATE_LABELS = re.compile(
    r"\b(?:(?:[a-z]+\s+)?date|dated|posted(?:\s+on)?|published(?:\s+on)?|updated(?:\s+on)?|"
    r"last\s+updated|modified|registered|written)\b|등록일|작성일|수정일|게시일|입력|수정|날짜|일자",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
_SEPARATORS = re.compile(r"[\s/|:,.\-–—·•()\[\]]+")

# Items of navigation, menu, share and section bars, Korean and English (compared lowercased,
# one item at a time after splitting on |, >, /, · and runs of spaces).
NAVIGATION_ITEMS = frozenset(
    """home menu search go login logout sitemap print share email e-mail facebook twitter x
    kakaotalk kakao line linkedin instagram youtube rss top prev previous next list more close
    open english 한국어 korean 中文 русский français español news notice notices press
    releases briefings speeches photos videos gallery contact faq accessibility copyright
    skip navigation main content telegram vk whatsapp viber tiktok accept en ru kg kz uz az
    ko kr sitemap latest""".split()
)
NAVIGATION_PHRASES = (
    "skip to content",
    "skip to main content",
    "skip navigation",
    "main menu",
    "full menu",
    "all menu",
    "site map",
    "log in",
    "sign in",
    "sign up",
    "back to top",
    "go to top",
    "back to list",
    "view list",
    "view more",
    "read more",
    "see more",
    "font size",
    "copy url",
    "url copy",
    "share this",
    "share this article",
    "share this page",
    "print this page",
    "press release",
    "press releases",
    "press briefings",
    "news releases",
    "contact us",
    "about us",
    "privacy policy",
    "terms of use",
    "naver blog",
    "quick menu",
    "quick links",
    "all news",
    "latest news",
    "most viewed",
    "follow us",
)
# Korean navigation morphemes: a short Korean line holding one of these is a menu item.
_KOREAN_NAVIGATION = re.compile(
    r"바로가기|메뉴|검색|로그인|로그아웃|회원가입|사이트맵|닫기|열기|목록|인쇄|공유|"
    r"맨\s?위로|글자\s?크기|누리집|페이스북|트위터|카카오|블로그|이전글|다음글|홈으로|"
    r"개인정보|처리방침|이용약관|무단수집|오시는\s?길|사이트\s?맵"
)
_PREVIOUS_NEXT = re.compile(
    r"^(?:previous|next|prev|이전|다음)(?:\s*(?:post|article|news|item|page|글|기사))?\s*[:|>]",
    re.IGNORECASE,
)
_FOLLOW_US = re.compile(r"^follow\s+us\b", re.IGNORECASE)
_ITEM_SPLIT = re.compile(r"\s*(?:[|>/·•»›]|\s{2,})\s*")
_RELATED_HEADING = re.compile(
    r"^(?:related|more|other|latest|recent|popular|trending|top|most\s+(?:read|viewed|popular)|"
    r"see\s+also|you\s+may\s+also\s+like|quick|useful|keywords|관련|최신|인기|다른)"
    r"(?:\s+\w+){0,3}$",
    re.IGNORECASE,
)
_BARE_RELATED_HEADINGS = frozenset(
    [
        "related",
        "see also",
        "most viewed",
        "most read",
        "most popular",
        "latest",
        "popular",
        "trending",
        "quick menu",
        "quick links",
        "useful links",
        "keywords",
    ]
)
_RELATED_NOUNS = re.compile(
    r"\b(?:news|articles?|releases?|stories|posts|links|items|headlines)\b|기사|뉴스|보도|자료|소식",
    re.IGNORECASE,
)
_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*\)")
_BREADCRUMB_SEPARATOR = re.compile(r"\s[>›»]\s")
_COUNTER_ITEM = re.compile(
    r"^(?:hits?|views?|view\s+count|reads?|comments?|likes?|shares?|조회수?|댓글|추천)"
    r"\s*[:(]?\s*\d[\d, ]*\)?$",
    re.IGNORECASE,
)
_END_MARK = re.compile(r"^[(\[<]?\s*(?:끝|END|End|-\s*끝\s*-|#{3})\s*[)\]>]?$")
_COPYRIGHT = re.compile(
    r"©|\(c\)\s|\bcopyright\b|all rights reserved|무단\s*전재|저작권"
    r"|\breproduction\b.*\b(?:permitted|prohibited|allowed)\b",
    re.IGNORECASE,
)
_FOOTER_ITEM_SPLIT = re.compile(r"\s*[|·•]\s*")
# What r"[.!?]$" finds, tested with endswith instead of a scan of the line.
_FINAL_STOPS = (".", "!", "?", ".\n", "!\n", "?\n")
_CONTACT_LABEL = re.compile(
    r"^(?:tel|phone|telephone|fax|e-?mail|address|contact|주소|전화|팩스|문의|대표전화)\s*[.:]"
    r"|^\(\d{5}\)\s",
    re.IGNORECASE,
)
# A Korean road-name address in English: "60, Sajik-ro 8-gil, Jongno-gu, Seoul 03172".
_ROAD_ADDRESS = re.compile(r"\b[A-Z][a-z]+-(?:ro|gil|daero)\b.*\b\d{5}\b")
_PHONE = re.compile(
    r"\+\d{1,3}[-\s.]\(?\d{1,4}\)?(?:[-\s.]\d{2,4}){2,3}\b|\b0\d{1,2}-\d{3,4}-\d{4}\b"
)
_DIGIT = re.compile(r"\d")
_DIGITS_AS_ZERO = str.maketrans("123456789", "000000000")
# Lines longer than these are running text, whatever words they contain.
_MAX_TIMESTAMP_LENGTH = 80
_MAX_NAVIGATION_LENGTH = 200
_MAX_FOOTER_LENGTH = 400
_MAX_BAR_LENGTH = max(_MAX_TIMESTAMP_LENGTH, _MAX_NAVIGATION_LENGTH, _MAX_FOOTER_LENGTH)
# What is_navigation strips from a line's ends (after its spaces) before it measures the line.
_NAVIGATION_BRACKETS = "[]()<>"
# How many distinct short lines line_reason remembers (a few megabytes at most).
_REMEMBERED_BAR_LINES = 4096
# A paragraph at least this long is running text (a menu bar this long still has 12+ words).
_MIN_RUNNING_TEXT_LENGTH = 150
_BYLINE = re.compile(
    r"^(?:By|BY|Written by|Reported by|Photo by|Author|Authors|Editor|Correspondent|기자)"
    r"\s*[:\s]\s*[A-Z가-힣]"
)
_TAGS = re.compile(r"^(?:tags?|keywords?|related\s+tags|태그|키워드)\s*[:：]", re.IGNORECASE)
_HASHTAGS = re.compile(r"(?:#[^\s#][^#]*){2,}")
_COOKIE = re.compile(r"\bcookies?\b.*\b(?:use|uses|using|accept|agree|consent)\b", re.IGNORECASE)
_COOKIE_HINT = "cook"  # in every _COOKIE match once lowercased (see _may_be_copyright)
_NOTE_MARKERS = frozenset({"*", "※"})
_TERMINAL = re.compile(r"[.!?。？！:;][\"'”’)\]]*$")
_TRUNCATED = re.compile(r"(?:\.\.\.|…)$")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


@dataclass(frozen=True)
class BoilerplateVerdict:
    """Whether a paragraph is boilerplate, and the feature that decided it (for messages)."""

    is_boilerplate: bool
    reason: str = ""


_NOT_BOILERPLATE = BoilerplateVerdict(False)


def _body(text: str) -> str:
    """The paragraph without its list marker and with Markdown links reduced to their text."""
    marker = LIST_MARKER.match(text)
    return _link_texts(text[marker.end() :] if marker else text)


def _paragraph_body(paragraph: Segment) -> str:
    """``_body`` of a paragraph, without a second LIST_MARKER match: a paragraph's text opens
    with its marker (segment.paragraphs found it there), and the spaces after the marker,
    which the match also takes, go with the final strip."""
    return _link_texts(paragraph.text[len(paragraph.marker) :])


def _link_texts(text: str) -> str:
    """``text`` with Markdown links reduced to their text, stripped."""
    if "](" in text:
        text = _MARKDOWN_LINK.sub(r"\1", text)
    return text.strip()


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def is_timestamp(text: str) -> bool:
    """A line that holds only a date and/or time (and labels such as "Posted on")."""
    if len(text) > _MAX_TIMESTAMP_LENGTH or not _DIGIT.search(text):
        return False
    return _is_timestamp_shape(text.translate(_DIGITS_AS_ZERO))


@lru_cache(maxsize=_REMEMBERED_BAR_LINES)
def _is_timestamp_shape(text: str) -> bool:
    """``is_timestamp`` of a line whose ASCII digits are all 0, remembered.

    Every release has its own time stamp ("01:04 27 July", "23:58 11 July"), each a new line to
    _bar_line_reason, but they share a few shapes. The answer does not depend on which digits a
    line holds: the patterns read digits only as \\d (a 0 is one as well, and a word character
    like any digit), and the leftover words only by their first letter's case.
    """
    stripped = _DATE_LABELS.sub(" ", text)
    if not _DATE_PART.search(stripped):
        return False
    rest = _SEPARATORS.sub(" ", _DATE_PART.sub(" ", stripped)).split()
    if not rest:
        return True
    # "Politics 12 January 2024 14:20": a section name before a publication time.
    return len(rest) <= 2 and bool(_CLOCK.search(stripped)) and all(w[:1].isupper() for w in rest)


def is_navigation(text: str) -> bool:
    """A menu, breadcrumb, share or section line: every item is navigation vocabulary."""
    body = _navigation_body(text)
    if not body or len(body) > _MAX_NAVIGATION_LENGTH:
        return False
    words = word_count(body)
    if (_PREVIOUS_NEXT.match(body) or _FOLLOW_US.match(body)) and words <= 30:
        return True
    if words > 12:
        return False
    if _HANGUL.search(body) and _KOREAN_NAVIGATION.search(body) and words <= 4:
        return True
    items = [item for item in _ITEM_SPLIT.split(body) if item]
    if all(_is_navigation_item(item) for item in items):
        return True
    # A menu bar or breadcrumb: several short items, at least one of them navigation.
    separated = "|" in body or bool(_BREADCRUMB_SEPARATOR.search(body))
    return (
        separated
        and len(items) >= 2
        and all(word_count(item) <= 4 and not _TERMINAL.search(item) for item in items)
        and any(_is_navigation_item(item) for item in items)
    )


def _navigation_body(text: str) -> str:
    return text.strip().strip(_NAVIGATION_BRACKETS).strip()


def _too_long_for_a_bar(text: str) -> bool:
    """Whether ``text`` is too long to be a time stamp, a navigation bar or a footer.

    True for most paragraphs of a release, and one length test instead of three calls. The
    length is the one is_navigation measures, the shortest of the three, against the largest
    of their limits: when it is over, all three say no.
    """
    return len(_navigation_body(text)) > _MAX_BAR_LENGTH


def _is_navigation_item(item: str) -> bool:
    lowered = item.lower().strip(" .:!")
    if lowered in NAVIGATION_PHRASES or lowered in NAVIGATION_ITEMS:
        return True
    if _HANGUL.search(item) and _KOREAN_NAVIGATION.search(item) and word_count(item) <= 3:
        return True
    words = lowered.split()
    return bool(words) and len(words) <= 3 and all(word in NAVIGATION_ITEMS for word in words)


def is_footer(text: str, lowered: str) -> bool:
    """Copyright, address, contact and page-counter lines (``lowered`` is ``text.lower()``).

    Ordered for running text, which most lines are: its final period settles it before any
    word is counted, and the slow copyright regex runs only on lines holding one of its words.
    """
    if len(text) > _MAX_FOOTER_LENGTH:
        return False
    if _may_be_copyright(lowered) and _COPYRIGHT.search(text) and word_count(text) <= 30:
        return True
    items = [item.strip() for item in _split_items(text) if item.strip()]
    if items and all(_COUNTER_ITEM.match(item) or is_timestamp(item) for item in items):
        return any(_COUNTER_ITEM.match(item) for item in items)
    if text.endswith(_FINAL_STOPS) or word_count(text) > 40:
        return False
    return (
        any(_CONTACT_LABEL.search(item) for item in items)
        or bool(_PHONE.search(text))
        or bool(_ROAD_ADDRESS.search(text))
    )


def _may_be_copyright(lowered: str) -> bool:
    """Whether the lowercased line holds a part of every _COPYRIGHT match: substring tests
    spare most lines the regex.

    No part holds "i" or "s", which IGNORECASE also matches to "ı", "İ" and "ſ" (these do not
    lowercase to them; the Kelvin sign does lowercase to "k").
    """
    return (
        "©" in lowered
        or "(c)" in lowered
        or "copyr" in lowered
        or "all r" in lowered
        or "reproduct" in lowered
        or "무단" in lowered
        or "저작권" in lowered
    )


def _split_items(text: str) -> list[str]:
    """``text`` split on the item separators | · • (no regex pass when it has none)."""
    if "|" in text or "·" in text or "•" in text:
        return _FOOTER_ITEM_SPLIT.split(text)
    return [text]


def is_end_mark(text: str) -> bool:
    """The mark that closes a release: (끝), - 끝 -, END, ###."""
    return bool(_END_MARK.match(text))


def is_related_heading(text: str) -> bool:
    body = text.strip().rstrip(":")
    # The anchored match first: it rejects running text without counting its words.
    return (
        bool(_RELATED_HEADING.match(body))
        and word_count(body) <= 5
        and (bool(_RELATED_NOUNS.search(body)) or body.lower() in _BARE_RELATED_HEADINGS)
    )


def _is_headline_link(body: str) -> bool:
    if "\n" in body:
        return False
    words = word_count(body)
    if _TRUNCATED.search(body):
        return words <= 20
    return 1 <= words <= 16 and not _TERMINAL.search(body)


def is_sentence_like(text: str) -> bool:
    """A paragraph that reads as running text: the body of a release."""
    return _reads_as_running_text(_body(text))


def _reads_as_running_text(body: str) -> bool:
    if len(body) >= _MIN_RUNNING_TEXT_LENGTH:
        return True
    words = word_count(body)
    if _HANGUL.search(body) and len(body) >= 40 and _TERMINAL.search(body):
        return True
    return words >= 12 or (words >= 5 and bool(_TERMINAL.search(body)))


def _is_short_line(body: str) -> bool:
    return word_count(body) <= 4 and not _TERMINAL.search(body)


def classify(
    paragraphs: Sequence[Segment], is_foreign: Callable[[int], bool] | None = None
) -> list[BoilerplateVerdict]:
    """A verdict for each paragraph of one document, in order.

    ``is_foreign(index)`` says whether a paragraph is in another language than the document's
    (Korean navigation left in an English page): short ones outside the body count as
    boilerplate. A function rather than a list, asked only about those short lines, because
    naming a paragraph's language may take a language model.
    """
    count = len(paragraphs)
    bodies, doubtful = _prepare(paragraphs)
    verdicts = [_NOT_BOILERPLATE] * count
    for index in doubtful:
        reason = line_reason(bodies[index])
        if reason:
            verdicts[index] = BoilerplateVerdict(True, reason)
    _mark_related_blocks(bodies, verdicts, doubtful)

    # A line left out of ``doubtful`` reads as running text: content unless a related-links
    # block took it.
    content = [not verdict.is_boilerplate for verdict in verdicts]
    for index in doubtful:
        if content[index]:
            content[index] = _reads_as_running_text(bodies[index])
    # The first and last content lines (list.index searches in C).
    if True in content:
        first_content = content.index(True)
        last_content = count - 1 - content[::-1].index(True)
    else:
        first_content, last_content = count, -1

    headline_index = _headline_index(bodies, verdicts, first_content)
    # Content and boilerplate are settled: only the doubtful lines can be neither.
    for index in doubtful:
        paragraph = paragraphs[index]
        body = bodies[index]
        if (
            verdicts[index].is_boilerplate
            or content[index]
            or paragraph.marker in _NOTE_MARKERS
            or _BYLINE.match(paragraph.text)
            or index == headline_index
        ):
            continue
        outside_body = index < first_content or index > last_content
        if not outside_body:
            continue
        if is_foreign and word_count(paragraph.text) <= 8 and is_foreign(index):
            verdicts[index] = BoilerplateVerdict(True, "a foreign-language line outside the body")
        elif _is_short_line(body) and _in_short_run(bodies, index, verdicts):
            verdicts[index] = BoilerplateVerdict(True, "a run of short lines outside the body")
        elif (
            index < headline_index
            and word_count(body) <= 10
            and not _TERMINAL.search(body)
            and _next_to_boilerplate(index, verdicts)
        ):
            verdicts[index] = BoilerplateVerdict(True, "a site header line above the headline")
    return verdicts


def _prepare(paragraphs: Sequence[Segment]) -> tuple[list[str], Sequence[int]]:
    """Each paragraph's body, and the indexes of the lines classify must judge, in order.

    Here all of them. The C accelerator makes the same bodies and leaves out the lines it
    proves to be plain prose (no ``line_reason``, no related-links heading, running text): two
    paragraphs in three of a release, whose tests here (strips, four regexes, a lowercased
    copy, a word count) cost most of classify.
    """
    if _NATIVE is not None:
        prepared: tuple[list[str], list[int]] = _NATIVE.prepare(paragraphs, _link_texts)
        return prepared
    return [_paragraph_body(paragraph) for paragraph in paragraphs], range(len(paragraphs))


def line_reason(body: str) -> str:
    """Why a line is boilerplate by its own features alone, or "" when it is not."""
    if _too_long_for_a_bar(body):
        return _mark_tag_or_cookie_reason(body)
    return _bar_line_reason(body)


@lru_cache(maxsize=_REMEMBERED_BAR_LINES)
def _bar_line_reason(body: str) -> str:
    """``line_reason`` of a line short enough to be a time stamp, a navigation bar or a footer.

    Remembered: a site's menus, share bars, section names and footers come back word for word
    in every release scraped from it, and these lines cost the most to judge (a long line needs
    only the few tests of _mark_tag_or_cookie_reason).
    """
    if is_timestamp(body):
        return "a lone date or time stamp"
    if is_navigation(body):
        return "a navigation, menu or share line"
    if is_footer(body, body.lower()):
        return "a footer: copyright, address, contact or page counter"
    return _mark_tag_or_cookie_reason(body)


def _mark_tag_or_cookie_reason(body: str) -> str:
    if is_end_mark(body):
        return "an end-of-release mark"
    if _TAGS.match(body) or _HASHTAGS.fullmatch(body):
        return "a tag or keyword line"
    if _COOKIE_HINT in body.lower() and _COOKIE.search(body) and word_count(body) <= 40:
        return "a cookie notice"
    return ""


def _next_to_boilerplate(index: int, verdicts: Sequence[BoilerplateVerdict]) -> bool:
    return any(
        0 <= neighbour < len(verdicts) and verdicts[neighbour].is_boilerplate
        for neighbour in (index - 1, index + 1)
    )


def _mark_related_blocks(
    bodies: Sequence[str], verdicts: list[BoilerplateVerdict], candidates: Sequence[int]
) -> None:
    """Mark each related-links heading and the headline links under it. Only the lines of
    ``candidates`` (in order) can be headings; any line can be a headline link."""
    block_end = 0
    for start in candidates:
        if start < block_end or not is_related_heading(bodies[start]):
            continue
        verdicts[start] = BoilerplateVerdict(True, "a related-links heading")
        index = start + 1
        while index < len(bodies):
            if verdicts[index].is_boilerplate:
                index += 1
                continue
            if not _is_headline_link(bodies[index]):
                break
            verdicts[index] = BoilerplateVerdict(
                True, "a headline link under a related-links block"
            )
            index += 1
        block_end = index


def _in_short_run(
    bodies: Sequence[str], index: int, verdicts: Sequence[BoilerplateVerdict]
) -> bool:
    """A short line next to another short line, or next to boilerplate."""
    return _next_to_boilerplate(index, verdicts) or any(
        0 <= neighbour < len(bodies) and _is_short_line(bodies[neighbour])
        for neighbour in (index - 1, index + 1)
    )


def _headline_index(
    bodies: Sequence[str], verdicts: Sequence[BoilerplateVerdict], first_content: int
) -> int:
    """Index of the headline: the last paragraph before the body that is not boilerplate yet.

    When the first content paragraph itself reads as a headline (no final punctuation), it is
    the headline; lines above the headline are the site's header, labels and menus.
    """
    if first_content >= len(bodies):
        return first_content
    if not _TERMINAL.search(bodies[first_content]):
        return first_content
    for index in range(first_content - 1, -1, -1):
        body = bodies[index]
        if (
            not verdicts[index].is_boilerplate
            and not _TERMINAL.search(body)
            and not _BYLINE.match(body)
            and word_count(body) >= 3
        ):
            return index
    return first_content
