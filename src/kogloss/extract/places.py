"""Places, and lone acronyms, among words a run does not explain: a known name, a word after
a place preposition ("in Gilju"), a member of a list with a place head ("Khojavand, Barda,
Fuzuli and Bilasuvar regions"), the parts of a hyphenated route ("Baku-Tbilisi-Kars
railway")."""

from __future__ import annotations

from kogloss.extract.gazetteer import is_place
from kogloss.extract.lexicon import (
    DEMONYMS,
    FUNCTION_WORDS,
    HONORIFICS,
    MONTHS_AND_DAYS,
    NOT_ACRONYMS,
    ORG_TAILS,
    PLACE_LIST_HEADS,
    PLACE_PREPOSITIONS,
    ROUTE_HEADS,
)
from kogloss.extract.reader import SentenceReader
from kogloss.extract.tokens import Token, is_acronym, is_name_word


def read_known_parts(sentence: SentenceReader, run: list[Token]) -> None:
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
                add_acronym(sentence, parts, index)
            index += 1


def read_word(sentence: SentenceReader, tokens: list[Token], index: int, initial: bool) -> None:
    token = tokens[index]
    word = token.text
    if word in DEMONYMS or word in MONTHS_AND_DAYS or word in FUNCTION_WORDS:
        return
    if is_acronym(word):
        add_acronym(sentence, tokens, index)
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


def add_acronym(sentence: SentenceReader, tokens: list[Token], index: int) -> None:
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


def _read_hyphenated(sentence: SentenceReader, tokens: list[Token], index: int) -> bool:
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
    following = tokens[index + 1].text if index + 1 < len(tokens) else ""
    if following[:1].isdigit():
        return False  # "to Level 3", "in Phase 2": a numbered thing, not a place
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
