"""English candidates: runs of capitalised words, read with the lexicons.

A run is a stretch of capitalised words with the small words names keep inside them
(``Ministry of Land, Infrastructure and Transport``). Each run is read in this order: a title
(and the person after it), a person introduced by ``H.E. Mr.``, an organisation (by its last or
first word), a place (by its last word, the gazetteer, or a preposition in front of it), an
acronym. Runs that fit none of these are left out: an editor would rather miss a rare name
than wade through sentence openings. Boilerplate paragraphs (``kogloss.detect``), paragraphs
in Korean are not read at all. Run boundaries are in :mod:`runs`, lone words and places in
:mod:`places`, the title grammar in :mod:`titles`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kogloss.detect import detect
from kogloss.document import Document
from kogloss.extract.acronyms import find_acronyms
from kogloss.extract.candidates import Mention
from kogloss.extract.gazetteer import is_place
from kogloss.extract.lexicon import (
    DEMONYMS,
    FUNCTION_WORDS,
    HONORIFICS,
    MONTHS_AND_DAYS,
    ORG_HEADS,
    ORG_TAILS,
    PLACE_TAILS,
    TERM_TAILS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    words,
)
from kogloss.extract.places import read_known_parts, read_word
from kogloss.extract.reader import SentenceReader, text_of
from kogloss.extract.runs import run_end, split_run
from kogloss.extract.titles import (
    TitleParse,
    has_title_head,
    honorific_prefix,
    is_plural_title,
    lower_title_after,
    parse_title,
)
from kogloss.extract.tokens import Token, is_acronym, is_korean_name, is_name_word, tokenize
from kogloss.segment import sentence_spans

_LOWER_WORD = re.compile(r"\b[a-z][a-z\-]+\b")
_PLACE_OPENINGS = frozenset(("Lake", "Mount", "Cape", "Mt."))
_ORDINALS = words(
    "First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Eleventh Twelfth"
)
_PLURAL_ORG_TAILS = words("Ministries Embassies Governments Forums Councils")
_GENERIC_RUNS = words("""
    Government Embassy Forum Center Centre Ministry Consulate Committee Council Assembly
    Press Releases Print List Share Home Q A Mr Ms Secretariat Session Sessions Agency
    """)


def content_spans(document: Document) -> Iterator[tuple[int, int]]:
    """Spans of the paragraphs worth reading: not boilerplate, not Korean."""
    for report in detect(document).segments:
        if report.boilerplate or report.language in ("ko", "none"):
            continue
        yield report.segment.start, report.segment.end


def common_words(document: Document) -> frozenset[str]:
    """Words the document writes in lower case: a capitalised one of these is no name."""
    return frozenset(_LOWER_WORD.findall(document.text))


def extract_english(document: Document) -> list[Mention]:
    """Every candidate mention in one English document, in document order."""
    mentions: list[Mention] = []
    common = common_words(document)
    for para_start, para_end in content_spans(document):
        for start, end in sentence_spans(document.text, para_start, para_end):
            sentence = SentenceReader(document, start, document.text[start:end], common, mentions)
            _read_sentence(sentence)
    mentions.sort(key=lambda mention: (mention.start, mention.end))
    return mentions


def _read_sentence(sentence: SentenceReader) -> None:
    tokens = tokenize(sentence.text, sentence.start)
    acronym_spans = _read_acronyms(sentence)
    first_word = next((i for i, token in enumerate(tokens) if token.is_word), len(tokens))
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if not (token.is_word and token.is_capitalised) and token.text not in HONORIFICS:
            index += 1
            continue
        end = run_end(tokens, index)
        if any(start < tokens[end - 1].end and token.start < stop for start, stop in acronym_spans):
            index = end
            continue
        consumed = _read_run(sentence, tokens, index, end, initial=index == first_word)
        index = max(consumed, index + 1)


def _read_acronyms(sentence: SentenceReader) -> list[tuple[int, int]]:
    spans = []
    for pair in find_acronyms(sentence.text):
        start = sentence.start + pair.start
        end = sentence.start + pair.end
        expansion_end = start + len(pair.expansion)
        first = Token(pair.expansion, start, expansion_end)
        acronym = pair.acronym
        if acronym.endswith("s") and acronym[:-1].isupper():
            acronym = acronym[:-1]  # "internally displaced persons (IDPs)" introduces IDP
        sentence.add("acronym", first, first, abbr=acronym)
        spans.append((start, end))
    return spans


def _read_run(
    sentence: SentenceReader, tokens: list[Token], start: int, end: int, initial: bool
) -> int:
    """Read ``tokens[start:end]``; return the index after what was used."""
    while start < end and (
        (tokens[start].text in FUNCTION_WORDS or tokens[start].text in MONTHS_AND_DAYS)
        and not _keeps_opening(tokens[start:end])
    ):
        start += 1
        initial = False
    while start < end and not tokens[start].is_capitalised:
        start += 1  # connectors, and the "to" left over after "Foreign Minister Cho Tae-yul"
    while end > start and tokens[end - 1].is_connector:
        end -= 1
    while end - start > 2 and tokens[end - 1].text in DEMONYMS and tokens[end - 2].text == "and":
        end -= 2  # "... of Kazakhstan and Korean [companies]"
    if start >= end:
        return end
    run = tokens[start:end]
    honorifics = honorific_prefix(run)
    if honorifics:
        return _read_honorific(sentence, tokens, start + honorifics, end)
    if has_title_head(run) and not is_plural_title(run) and not _titled_organisation(run):
        parse = parse_title(run, sentence.common)
        if parse is not None and parse.title[1] > 0:
            return _read_title(sentence, tokens, start, end, parse)
    if (end - start == 2 and is_korean_name(run[0].text, run[1].text)) or _is_person_before_title(
        tokens, start, end, sentence.common
    ):
        return _read_person(sentence, tokens, start, end)
    for part_start, part_end in split_run(tokens, start, end):
        _classify(sentence, tokens, part_start, part_end, initial and part_start == start)
    return end


def _titled_organisation(run: list[Token]) -> bool:
    """A title word inside an organisation's name: "King Sejong Institute"."""
    if run[-1].text not in ORG_TAILS:
        return False
    heads = [index for index, token in enumerate(run) if token.text in TITLE_HEADS]
    return not any(
        index + 1 < len(run) and run[index + 1].text in ("of", "for", "to") for index in heads
    )


def _keeps_opening(run: list[Token]) -> bool:
    return len(run) > 1 and is_place(" ".join(token.text for token in run[:2]))


def _read_honorific(sentence: SentenceReader, tokens: list[Token], start: int, end: int) -> int:
    name_end = start
    while name_end < end and name_end - start < 4 and not tokens[name_end].is_connector:
        name_end += 1
    if name_end == start:
        return end
    return _read_person(sentence, tokens, start, name_end)


def _is_person_before_title(
    tokens: list[Token], start: int, end: int, common: frozenset[str]
) -> bool:
    """Two or three name words, a comma, then a title: "Ali Hasanov, Chairman of ..."."""
    if not 2 <= end - start <= 3 or end + 1 >= len(tokens) or tokens[end].text != ",":
        return False
    if not all(is_name_word(token.text, common) for token in tokens[start:end]):
        return False
    after = tokens[end + 1 :]
    title_end = run_end(after, 0) if after and after[0].is_capitalised else 0
    return has_title_head(after[:title_end]) or lower_title_after(after, 0) > 0


def _appositive_title(
    sentence: SentenceReader, tokens: list[Token], end: int
) -> tuple[int, int] | None:
    """A title set off after a name by a comma: ", Speaker of the Azerbaijan National
    Assembly", ", vice president of the ROK parliament"."""
    if end + 1 >= len(tokens) or tokens[end].text != ",":
        return None
    position = end + 1
    if tokens[position].text in ("former", "the"):
        position += 1
    if position < len(tokens) and tokens[position].is_capitalised:
        run = tokens[position : run_end(tokens, position)]
        parse = parse_title(run, sentence.common) if has_title_head(run) else None
        if parse is not None and parse.name is None:
            return position + parse.title[0], position + parse.title[1]
        return None
    lower_end = lower_title_after(tokens, end + 1)
    return (position, lower_end) if lower_end > end + 1 else None


def _read_person(sentence: SentenceReader, tokens: list[Token], start: int, end: int) -> int:
    """A person, and a title set off after the name by a comma, if there is one; returns the
    index after what was read."""
    title = _appositive_title(sentence, tokens, end)
    person_text = text_of(sentence, tokens, start, end)
    title_text = text_of(sentence, tokens, *title) if title else None
    sentence.add("person", tokens[start], tokens[end - 1], link=title_text)
    if title is None:
        return end
    sentence.add("title", tokens[title[0]], tokens[title[1] - 1], link=person_text)
    _read_title_organisation(sentence, tokens, title[0], title[1])
    return title[1]


def _read_title(
    sentence: SentenceReader, tokens: list[Token], start: int, end: int, parse: TitleParse
) -> int:
    title_start, title_end = start + parse.title[0], start + parse.title[1]
    title_text = text_of(sentence, tokens, title_start, title_end)
    if parse.name is not None:
        name_start, name_end = start + parse.name[0], start + parse.name[1]
        name_text = text_of(sentence, tokens, name_start, name_end)
        short = None
        if name_end - name_start == 1:
            short = text_of(sentence, tokens, title_start, name_end)
        sentence.add(
            "person", tokens[name_start], tokens[name_end - 1], link=title_text, short_form=short
        )
        sentence.add("title", tokens[title_start], tokens[title_end - 1], link=name_text)
        second = _appositive_title(sentence, tokens, name_end)
        if second is not None and short is None:
            sentence.add("title", tokens[second[0]], tokens[second[1] - 1], link=name_text)
            _read_title_organisation(sentence, tokens, *second)
            return second[1]
    elif _specific_title(tokens[title_start:title_end]):
        sentence.add("title", tokens[title_start], tokens[title_end - 1])
    _read_title_organisation(sentence, tokens, title_start, title_end)
    rest = start + parse.rest
    while rest < end and tokens[rest].text in ("and", "of", "the"):
        rest += 1
    if rest < end:
        _read_run(sentence, tokens, rest, end, initial=False)
    return end


def _specific_title(run: list[Token]) -> bool:
    """A title worth an entry without a name: "Minister of Foreign Affairs", "Deputy Prime
    Minister"; not a bare "Ambassador" or "Korean Ambassador"."""
    return any(
        token.text in ("of", "for", "to") or token.text in TITLE_MODIFIERS or is_acronym(token.text)
        for token in run
    )


def _read_title_organisation(
    sentence: SentenceReader, tokens: list[Token], start: int, end: int
) -> None:
    """The organisation inside a title: "Speaker of the Azerbaijan National Assembly"."""
    for index in range(start, end):
        head = index - 4 if tokens[index - 1].text == ")" else index - 1  # Khokim (Governor) of
        if tokens[index].text in ("of", "for") and tokens[head].text in TITLE_HEADS:
            inner = index + 1
            while inner < end and tokens[inner].text == "the":
                inner += 1
            if inner < end and tokens[inner].is_capitalised:
                for part_start, part_end in split_run(tokens, inner, end):
                    _classify(sentence, tokens, part_start, part_end, False, orgs_only=True)
            return


def _classify(
    sentence: SentenceReader,
    tokens: list[Token],
    start: int,
    end: int,
    initial: bool,
    orgs_only: bool = False,
) -> None:
    while start < end and tokens[start].is_connector:
        start += 1
    while end > start and tokens[end - 1].is_connector:
        end -= 1
    if start >= end:
        return
    while start < end - 1 and (tokens[start].text in _ORDINALS or tokens[start].text == "The"):
        start += 1
    run = tokens[start:end]
    text = text_of(sentence, tokens, start, end)
    first, last = tokens[start], tokens[end - 1]
    if last.text in _PLURAL_ORG_TAILS:
        return
    if last.text in ORG_TAILS and (len(run) > 1 or orgs_only) and text not in _GENERIC_RUNS:
        if len(run) > 1 and not (len(run) == 2 and run[0].text in ("The", "This")):
            sentence.add("org", first, last)
        return
    if any(token.text in ORG_HEADS for token in run[:-1]) and any(
        token.text in ("of", "for", "on") for token in run
    ):
        sentence.add("org", first, last)
        return
    if orgs_only and last.text not in PLACE_TAILS:
        return  # inside a title only organisations and places count: "Namangan Region"
    if (last.text.capitalize() in PLACE_TAILS or first.text in _PLACE_OPENINGS) and len(run) > 1:
        sentence.add("place", first, last)
        return
    if len(run) == 1:
        read_word(sentence, tokens, start, initial)
        return
    if is_place(text, major_only=initial):
        sentence.add("place", first, last)
        return
    named_by_tail = last.text in TERM_TAILS and not any(
        token.text in ORG_TAILS or token.text in TITLE_HEADS for token in run[:-1]
    )  # not "Embassy Hosts Korea Week", a headline around a name
    if named_by_tail or _quoted(sentence, first, last):
        sentence.add("term", first, last)  # "Audacious Initiative", “Honorary Reader”
        return
    read_known_parts(sentence, tokens[start:end])


def _quoted(sentence: SentenceReader, first: Token, last: Token) -> bool:
    """A run that fills a pair of quotation marks is the name of something."""
    text = sentence.document.text
    before = text[first.start - 1 : first.start] if first.start else ""
    after = text[last.end : last.end + 1]
    return before in ("“", '"') and after in ("”", '"')
