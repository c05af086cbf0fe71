"""English candidates: runs of capitalised words, read with the lexicons.

A run is a stretch of capitalised words with the small words names keep inside them
(``Ministry of Land, Infrastructure and Transport``). Each run is read in this order: a title
(and the person after it), a person introduced by ``H.E. Mr.``, an organisation (by its last or
first word), a place (by its last word, the gazetteer, or a preposition in front of it), an
acronym. Runs that fit none of these are left out: an editor would rather miss a rare name
than wade through sentence openings. Boilerplate paragraphs (``kogloss.detect``), paragraphs
in Korean and title-case headlines are not read at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

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
    NOT_ACRONYMS,
    ORG_HEADS,
    ORG_TAILS,
    PLACE_LIST_HEADS,
    PLACE_PREPOSITIONS,
    PLACE_TAILS,
    ROUTE_HEADS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    words,
)
from kogloss.extract.titles import (
    has_title_head,
    honorific_prefix,
    is_plural_title,
    lower_title_after,
    parse_title,
)
from kogloss.extract.tokens import Token, is_acronym, is_korean_name, is_name_word, tokenize
from kogloss.segment import LIST_MARKER, sentence_spans

_LOWER_WORD = re.compile(r"\b[a-z][a-z\-]+\b")
_PLACE_OPENINGS = frozenset(("Lake", "Mount", "Cape", "Mt."))
_LOWER_PLACE_TAILS = frozenset(("peninsula", "peninsular"))
_ORDINALS = words(
    "First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Eleventh Twelfth"
)
_TAKES_COMPLEMENT = (
    ORG_HEADS
    | ORG_TAILS
    | TITLE_HEADS
    | PLACE_TAILS
    | words("Republic Kingdom Commonwealth Federation General Minister")
)
_PLURAL_ORG_TAILS = words("Ministries Embassies Governments Forums Councils")
_GENERIC_RUNS = words("""
    Government Embassy Forum Center Centre Ministry Consulate Committee Council Assembly
    Press Releases Print List Share Home Q A Mr Ms Secretariat Session Sessions Agency
    """)


@dataclass
class _Sentence:
    """One sentence of a document being read, and where mentions go."""

    document: Document
    start: int
    text: str
    common: frozenset[str]
    mentions: list[Mention]

    @property
    def example(self) -> str:
        """The sentence as an editor reads it: one line, without its list marker."""
        marker = LIST_MARKER.match(self.text)
        text = self.text[marker.end() :] if marker else self.text
        return " ".join(text.split())

    def add(
        self, kind: str, first: Token, last: Token, text: str | None = None, **extra: str | None
    ) -> None:
        text = text or " ".join(self.document.text[first.start : last.end].split())
        position = self.document.position(first.start)
        self.mentions.append(
            Mention(
                text=text,
                type=kind,
                path=self.document.path,
                start=first.start,
                end=last.end,
                sentence=self.example,
                line=position.line,
                column=position.column,
                **extra,
            )
        )


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
            sentence = _Sentence(document, start, document.text[start:end], common, mentions)
            _read_sentence(sentence)
    mentions.sort(key=lambda mention: (mention.start, mention.end))
    return mentions


def _read_sentence(sentence: _Sentence) -> None:
    tokens = tokenize(sentence.text, sentence.start)
    acronym_spans = _read_acronyms(sentence)
    first_word = next((i for i, token in enumerate(tokens) if token.is_word), len(tokens))
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if not (token.is_word and token.is_capitalised) and token.text not in HONORIFICS:
            index += 1
            continue
        end = _run_end(tokens, index)
        if any(start < tokens[end - 1].end and token.start < stop for start, stop in acronym_spans):
            index = end
            continue
        consumed = _read_run(sentence, tokens, index, end, initial=index == first_word)
        index = max(consumed, index + 1)


def _read_acronyms(sentence: _Sentence) -> list[tuple[int, int]]:
    spans = []
    for pair in find_acronyms(sentence.text):
        start = sentence.start + pair.start
        end = sentence.start + pair.end
        expansion_end = start + len(pair.expansion)
        first = Token(pair.expansion, start, expansion_end)
        sentence.add("acronym", first, first, abbr=pair.acronym)
        spans.append((start, end))
    return spans


def _run_end(tokens: list[Token], start: int) -> int:
    """End (exclusive) of the run of capitalised words starting at ``start``."""
    end = start + 1
    while end < len(tokens):
        token = tokens[end]
        if token.text in HONORIFICS and tokens[end - 1].text not in HONORIFICS:
            break
        if token.is_word and token.is_capitalised:
            end += 1
            continue
        if token.text in _LOWER_PLACE_TAILS:
            end += 1
            break
        if token.text in ("’s", "'s"):
            break
        run = tokens[start:end]
        allowed = {"of", "for", "and", "the", "&", "de"}
        if has_title_head(run):
            allowed |= {"to"}
        if any(word.text in ("Embassy", "Consulate") for word in run):
            allowed |= {"in"}
        if run[-1].text in ORG_TAILS:
            allowed |= {"on"}
        if token.text == "(" and end + 2 < len(tokens) and tokens[end + 2].text == ")":
            if run[-1].text in TITLE_HEADS and tokens[end + 1].is_capitalised:
                end += 3
                continue
            break
        if token.text == "," and _list_follows(tokens, end, run):
            end += 1
            continue
        if token.text in allowed:
            following = end
            while following < len(tokens) and tokens[following].text in allowed:
                following += 1
            if (
                following < len(tokens)
                and tokens[following].is_word
                and tokens[following].is_capitalised
                and tokens[following].text not in MONTHS_AND_DAYS
            ):
                end = following
                continue
        break
    return end


def _list_follows(tokens: list[Token], comma: int, run: list[Token]) -> bool:
    """After "Ministry of Land" or "Deputy Minister of Education": a list of capitalised
    words closed by "and" ("Infrastructure and Transport") continues the name."""
    heads = ORG_HEADS | TITLE_HEADS
    if not any(
        token.text in heads and index + 1 < len(run) and run[index + 1].text in ("of", "for")
        for index, token in enumerate(run)
    ):
        return False
    position = comma
    while position < len(tokens) and tokens[position].text == ",":
        position += 1
        words = 0
        while position < len(tokens) and tokens[position].is_capitalised:
            position += 1
            words += 1
        if words == 0 or words > 2:
            return False
    return (
        position + 1 < len(tokens)
        and tokens[position].text == "and"
        and tokens[position + 1].is_capitalised
    )


def _read_run(sentence: _Sentence, tokens: list[Token], start: int, end: int, initial: bool) -> int:
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
    for part_start, part_end in _split_run(tokens, start, end):
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


def _read_honorific(sentence: _Sentence, tokens: list[Token], start: int, end: int) -> int:
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
    title_end = _run_end(after, 0) if after and after[0].is_capitalised else 0
    return has_title_head(after[:title_end]) or lower_title_after(after, 0) > 0


def _appositive_title(sentence: _Sentence, tokens: list[Token], end: int) -> tuple[int, int] | None:
    """A title set off after a name by a comma: ", Speaker of the Azerbaijan National
    Assembly", ", vice president of the ROK parliament"."""
    if end + 1 >= len(tokens) or tokens[end].text != ",":
        return None
    position = end + 1
    if tokens[position].text in ("former", "the"):
        position += 1
    if position < len(tokens) and tokens[position].is_capitalised:
        run = tokens[position : _run_end(tokens, position)]
        parse = parse_title(run, sentence.common) if has_title_head(run) else None
        if parse is not None and parse.name is None:
            return position, position + parse.title[1]
        return None
    lower_end = lower_title_after(tokens, end + 1)
    return (position, lower_end) if lower_end > end + 1 else None


def _read_person(sentence: _Sentence, tokens: list[Token], start: int, end: int) -> int:
    """A person, and a title set off after the name by a comma, if there is one; returns the
    index after what was read."""
    title = _appositive_title(sentence, tokens, end)
    person_text = _text(sentence, tokens, start, end)
    title_text = _text(sentence, tokens, *title) if title else None
    sentence.add("person", tokens[start], tokens[end - 1], link=title_text)
    if title is None:
        return end
    sentence.add("title", tokens[title[0]], tokens[title[1] - 1], link=person_text)
    _read_title_organisation(sentence, tokens, title[0], title[1])
    return title[1]


def _text(sentence: _Sentence, tokens: list[Token], start: int, end: int) -> str:
    return " ".join(sentence.document.text[tokens[start].start : tokens[end - 1].end].split())


def _read_title(sentence: _Sentence, tokens: list[Token], start: int, end: int, parse) -> int:
    title_start, title_end = start + parse.title[0], start + parse.title[1]
    title_text = _text(sentence, tokens, title_start, title_end)
    if parse.name is not None:
        name_start, name_end = start + parse.name[0], start + parse.name[1]
        name_text = _text(sentence, tokens, name_start, name_end)
        short = None
        if name_end - name_start == 1:
            short = _text(sentence, tokens, title_start, name_end)
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


def _read_title_organisation(sentence: _Sentence, tokens: list[Token], start: int, end: int):
    """The organisation inside a title: "Speaker of the Azerbaijan National Assembly"."""
    for index in range(start, end):
        if tokens[index].text in ("of", "for") and tokens[index - 1].text in TITLE_HEADS:
            inner = index + 1
            while inner < end and tokens[inner].text == "the":
                inner += 1
            if inner < end and tokens[inner].is_capitalised:
                for part_start, part_end in _split_run(tokens, inner, end):
                    _classify(sentence, tokens, part_start, part_end, False, orgs_only=True)
            return


def _split_run(tokens: list[Token], start: int, end: int) -> list[tuple[int, int]]:
    """Split a run into names: at "and the"; at an "of" that no head word before it takes
    ("Relocation of the Korea Visa Application Centre"); at an "and" between two complete
    names ("Seoul and Baku", "Tbilisi State University and Ilia State University") but not
    inside one ("Ministry of Trade, Industry and Energy", "Red Cross and Red Crescent
    Societies", "Committee for Refugees and IDPs")."""
    for index in range(start + 1, end - 1):
        word = tokens[index].text
        if word == "and" and tokens[index + 1].text == "the":
            return _split_run(tokens, start, index) + _split_run(tokens, index + 2, end)
        if word in ("of", "for", "on") and not any(
            token.text in _TAKES_COMPLEMENT for token in tokens[start:index]
        ):
            return _split_run(tokens, index + 1, end)
    parts = []
    part_start = start
    for index in range(start, end):
        if tokens[index].text in ("and", "&", ",") and _splits_at(tokens, part_start, index, end):
            if index > part_start:
                parts.append((part_start, index))
            part_start = index + 1
            while part_start < end and tokens[part_start].text == "the":
                part_start += 1
    if part_start < end:
        parts.append((part_start, end))
    return parts


def _splits_at(tokens: list[Token], start: int, index: int, end: int) -> bool:
    before = tokens[start:index]
    after = tokens[index + 1 : end]
    if not before or not after:
        return True
    last = before[-1].text
    if last in ORG_TAILS or (is_acronym(last) and not last.endswith("s")):
        return True
    if is_place(" ".join(token.text for token in before), major_only=True):
        return True
    if len(after) == 1 and is_acronym(after[0].text) and not after[0].text.endswith("s"):
        return True
    if (
        is_place(last, major_only=True)
        and after[-1].text in ORG_TAILS
        and not any(token.text == "of" for token in after)
    ):
        return True  # "... of Georgia and Tbilisi State University"
    heads = ORG_HEADS | ORG_TAILS | TITLE_HEADS
    return not any(token.text in heads for token in tokens[start:end])


def _classify(
    sentence: _Sentence,
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
    text = _text(sentence, tokens, start, end)
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
    if orgs_only:
        return
    if (last.text.capitalize() in PLACE_TAILS or first.text in _PLACE_OPENINGS) and len(run) > 1:
        sentence.add("place", first, last)
        return
    if len(run) == 1:
        _classify_word(sentence, tokens, start, initial)
        return
    if is_place(text, major_only=initial):
        sentence.add("place", first, last)
        return
    _read_known_parts(sentence, tokens[start:end])


def _read_known_parts(sentence: _Sentence, run: list[Token]) -> None:
    """A run that names nothing as a whole may still hold known names: "ROK-Central Asia MOU"
    holds ROK, Central Asia and MOU. Hyphenated words are split; the longest gazetteer match
    wins."""
    parts: list[Token] = []
    for token in run:
        offset = token.start
        whole = not token.text[:1].isupper() or is_place(token.text, major_only=True)
        for piece in [token.text] if whole else token.text.split("-"):
            parts.append(Token(piece, offset, offset + len(piece)))
            offset += len(piece) + 1
    index = 0
    while index < len(parts):
        for width in range(min(4, len(parts) - index), 0, -1):
            window = parts[index : index + width]
            name = " ".join(token.text for token in window)
            if window[0].is_capitalised and is_place(name, major_only=True):
                sentence.add("place", window[0], window[-1])
                index += width
                break
        else:
            if is_acronym(parts[index].text):
                _add_acronym(sentence, parts, index)
            index += 1


def _classify_word(sentence: _Sentence, tokens: list[Token], index: int, initial: bool) -> None:
    token = tokens[index]
    word = token.text
    if word in DEMONYMS or word in MONTHS_AND_DAYS or word in FUNCTION_WORDS:
        return
    if is_acronym(word):
        _add_acronym(sentence, tokens, index)
        return
    if "-" in word and not is_place(word) and _read_hyphenated(sentence, tokens, index):
        return
    following = tokens[index + 1].text if index + 1 < len(tokens) else ""
    if following.islower() and following.capitalize() in ORG_TAILS:
        return  # "Minsk group": part of an organisation's name, not the city
    if is_place(word, major_only=initial):
        sentence.add("place", token, token)
        return
    if _after_place_preposition(tokens, index) and is_name_word(word, sentence.common):
        sentence.add("place", token, token)
        return
    if _in_place_list(tokens, index) and is_name_word(word, sentence.common):
        sentence.add("place", token, token)


def _add_acronym(sentence: _Sentence, tokens: list[Token], index: int) -> None:
    """An acronym standing alone; not "US" in "US$500,000", not a headline's "INTERVIEW"."""
    token = tokens[index]
    word = token.text
    if (
        sentence.document.text[token.end : token.end + 1] == "$"
        or word in NOT_ACRONYMS
        or word in HONORIFICS
        or is_place(word.title(), major_only=True)
    ):
        return
    singular = word[:-1] if word.endswith("s") and word[:-1].isupper() else word
    sentence.add("acronym", token, token, text=singular)


def _read_hyphenated(sentence: _Sentence, tokens: list[Token], index: int) -> bool:
    """Hyphenated names: "Baku-Tbilisi-Kars railway", "Armenia-Azerbaijan", "Punggye-ri"."""
    token = tokens[index]
    parts = token.text.split("-")
    following = tokens[index + 1].text if index + 1 < len(tokens) else ""
    if all(part[:1].isupper() for part in parts):
        route = following in ROUTE_HEADS
        offset = token.start
        found = False
        for part in parts:
            if route or is_place(part, major_only=True):
                piece = Token(part, offset, offset + len(part))
                sentence.add("place", piece, piece)
                found = True
            offset += len(part) + 1
        if route:
            sentence.add("place", token, tokens[index + 1])
        return found or route
    if len(parts) == 2 and parts[1] in ("ri", "do", "gun", "si", "dong", "eup", "myeon"):
        sentence.add("place", token, token)
        return True
    return False


def _after_place_preposition(tokens: list[Token], index: int) -> bool:
    position = index - 1
    while position >= 0 and (
        tokens[position].text in ("and", "or", ",") or tokens[position].is_capitalised
    ):
        position -= 1
    return (
        position >= 0
        and tokens[position].text in PLACE_PREPOSITIONS
        and (position == index - 1 or tokens[position + 1].is_capitalised)
    )


def _in_place_list(tokens: list[Token], index: int) -> bool:
    """Lists of places: "Khojavand, Barda, Fuzuli and Bilasuvar regions"; "Punggye-ri, Gilju in"."""
    position = index + 1
    while position < len(tokens) and (
        tokens[position].text in ("and", "or", ",") or tokens[position].is_capitalised
    ):
        position += 1
    if position < len(tokens) and tokens[position].text in PLACE_LIST_HEADS:
        return True
    if index >= 2 and tokens[index - 1].text == ",":
        previous = tokens[index - 2].text
        return "-" in previous and previous.split("-")[-1] in ("ri", "do", "gun", "si")
    return False
