"""Repetition: a sentence or a word written twice, the commonest slip of copy and paste."""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable, Iterator
from itertools import compress, count, islice
from typing import Any, ClassVar

from kogloss.check.context import CheckContext
from kogloss.check.registry import Rule, rule
from kogloss.document import Document
from kogloss.findings import Finding, Severity, make_finding
from kogloss.segment import LIST_MARKER, sentence_texts, sentences

_SPACES = re.compile(r"\s+")
# The runs of _SPACES that are not a single space already: replacing only these leaves the
# same text, and a pattern opening with a character class lets the engine skip ahead.
_SPACING = re.compile(r"\s(?:(?<! )\s*|\s+)")
_SEPARATOR = "\x00"
# What _SPACING would replace: two spaces, or any space but " " (all that str.isspace() and
# "\s" take for one). Looking for each in C costs far less than one pass of the pattern.
_SPACING_TO_NORMALISE = (
    "  ",
    *"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680",
    *map(chr, range(0x2000, 0x200B)),
    *"\u2028\u2029\u202f\u205f\u3000",
)
_MARKER_AFTER_SEPARATOR = re.compile(_SEPARATOR + LIST_MARKER.pattern)
# A word, then the same word again after spaces or one line break (not a paragraph break).
_DOUBLED_WORD = re.compile(
    r"\b([A-Za-z][A-Za-z'’]*)(?:[ \t\u00a0]+|[ \t]*\n[ \t]*)(\1)\b", re.IGNORECASE
)
# The same test on the folded text (see _fold): looser, so it finds every doubled word that
# _DOUBLED_WORD finds, at a fraction of the cost. It opens with the character before the word
# (the text is searched with a space in front) rather than a look-behind: the engine then
# skips letters in C and tries only where a word starts.
_DOUBLED_FOLDED = re.compile(r"[^a-z]([a-z][a-z']*+)[ \t\n]+\1")


def _word_bytes() -> bytes:
    """The table that folds the bytes of a text for _may_double_words: the letters to
    lowercase, the apostrophe kept, a space for each space that may part a doubled word, "#"
    for any other byte."""
    table = bytearray(b"#" * 256)
    for byte in b"abcdefghijklmnopqrstuvwxyz'":
        table[byte] = byte
    for byte in b"ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        table[byte] = byte + 32
    for byte in b" \t\n":
        table[byte] = ord(" ")
    return bytes(table)


_WORD_BYTES = _word_bytes()
# _DOUBLED_FOLDED on those bytes, once for each byte that may come before the word: opening
# with a fixed byte, each lets the engine leap in C to its next occurrence.
_DOUBLED_BYTES = tuple(
    re.compile(before + rb"([a-z][a-z']*+) +\1") for before in (b" ", b"'", b"#")
)
_ASCII = bytes(range(128))
# The characters outside ASCII that _DOUBLED_WORD takes for a letter (case-blind), an
# apostrophe or a space, each with the ASCII character it folds to. (İ first: it is the one
# character whose lowercase is two.)
_FOLDS = (("İ", "i"), ("’", "'"), ("\u00a0", " "), ("ı", "i"), ("ſ", "s"), ("K", "k"))
_FOLD_TO_ASCII = tuple((char.encode(), ascii.encode()) for char, ascii in _FOLDS)


@rule
class RepeatedSentence(Rule):
    """The same sentence twice in a paragraph or a document.

    Releases are assembled from drafts, and a sentence pasted twice survives proofreading
    surprisingly often, above all in interviews where a question is retyped. Sentences are
    compared with spacing, list markers (``Q:``, ``1.``) and case ignored; short ones (fewer
    than ``min_words`` words, such as "Thank you.") may repeat. The finding is on the second
    occurrence and names the line of the first.

    **Anti-pattern**::

        Q: Is it planned to launch a direct flight from Seoul in the future? Is it planned
        to launch a direct flight from Seoul in the future?

    **Best practice**::

        Q: Is it planned to launch a direct flight from Seoul in the future?
    """

    id = "repeated-sentence"
    severity = Severity.WARNING
    family = "repetition"
    options: ClassVar[dict[str, Any]] = {"min_words": 4}

    def check(self, document: Document, context: CheckContext) -> Iterable[Finding]:
        min_words = int(context.settings.option(self, "min_words"))
        paragraph_list = context.paragraphs(document)
        keys = _sentence_keys(sentence_texts(document, paragraph_list))
        repeated = _repeated(keys, min_words)
        if not repeated:
            return []
        # The sentences themselves, with their places, only for the few documents that repeat one.
        found = sentences(document, paragraph_list)
        # Key -> the line and paragraph of its first sentence.
        seen: dict[str, tuple[int, int]] = {}
        findings = []
        # Only the sentences whose key repeats, picked in C.
        for index in compress(count(), map(repeated.__contains__, keys)):
            sentence, key = found[index], keys[index]
            first = seen.get(key)
            if first is None:
                seen[key] = (document.position(sentence.start).line, sentence.paragraph)
                continue
            first_line = first[0]
            where = "in the same paragraph" if first[1] == sentence.paragraph else "in the document"
            findings.append(
                make_finding(
                    document,
                    sentence.start,
                    sentence.end,
                    self.id,
                    self.severity,
                    f"Sentence repeated {where} (first at line {first_line})",
                    data={"first_line": first_line},
                )
            )
        return findings


def _sentence_keys(texts: list[str]) -> list[str]:
    """What two sentences must share to be one sentence repeated: the text without its list
    marker, with spacing and case ignored.

    The sentences in ASCII (nearly all of an English release) are keyed apart from the
    others: joined, they take a byte a character, and lower() folds them as casefold() would,
    ten times as fast. The few others are keyed together and put back in their places.
    """
    is_ascii = list(map(str.isascii, texts))
    keys = _joined_keys(list(compress(texts, is_ascii)), str.lower)
    if len(keys) < len(texts):
        others = list(compress(count(), map(operator.not_, is_ascii)))
        other_keys = _joined_keys([texts[index] for index in others], str.casefold)
        for index, key in zip(others, other_keys, strict=True):
            keys.insert(index, key)  # in increasing order, each lands in its place
    return keys


def _joined_keys(texts: list[str], fold: Callable[[str], str]) -> list[str]:
    """The keys of ``texts``, cased by ``fold``: the sentences are joined, normalised and split
    again, a few passes in C over the whole document instead of a few calls per sentence. A
    document holding the separator itself (a NUL character) is keyed sentence by sentence.
    """
    joined = _SEPARATOR + _SEPARATOR.join(texts)
    if joined.count(_SEPARATOR) != len(texts):
        return [_sentence_key(text) for text in texts]
    joined = _MARKER_AFTER_SEPARATOR.sub(_SEPARATOR, joined)
    # Most documents have no spacing to normalise, and the pass over every space is skipped.
    if any(map(joined.__contains__, _SPACING_TO_NORMALISE)):
        joined = _SPACING.sub(" ", joined)
    return list(map(str.strip, fold(joined).split(_SEPARATOR)[1:]))


def _sentence_key(text: str) -> str:
    marker = LIST_MARKER.match(text)
    if marker:
        text = text[marker.end() :]
    return _SPACES.sub(" ", text).strip().casefold()


def _repeated(keys: list[str], min_words: int) -> set[str]:
    """The keys that occur more than once and have ``min_words`` words or more."""
    if len(set(keys)) == len(keys):  # no key twice, as in nearly every document: no sorting
        return set()
    ordered = sorted(keys)
    twice = set(compress(ordered, map(operator.eq, ordered, islice(ordered, 1, None))))
    return {key for key in twice if key.count(" ") + 1 >= min_words}


@rule
class RepeatedWord(Rule):
    """The same word twice in a row ("the the").

    A doubled word is nearly always a typing slip, and the eye skips it, above all across a
    line break. A few words legitimately double ("had had", "that that"): they are in the
    ``allow`` list. The suggestion keeps the first word and is applied by ``--fix``.

    **Anti-pattern**::

        The two sides agreed to to expand cooperation.

    **Best practice**::

        The two sides agreed to expand cooperation.
    """

    id = "repeated-word"
    severity = Severity.WARNING
    family = "repetition"
    fixable = True
    options: ClassVar[dict[str, Any]] = {"allow": ["had", "that"]}

    def check(self, document: Document, context: CheckContext) -> Iterable[Finding]:
        allowed = {word.casefold() for word in context.settings.option(self, "allow")}
        findings: list[Finding] = []
        for match in _doubled_words(document.text):
            word = match.group(1)
            if word.casefold() in allowed:
                continue
            findings.append(
                make_finding(
                    document,
                    match.start(),
                    match.end(),
                    self.id,
                    self.severity,
                    f"Word repeated: '{word} {match.group(2)}'",
                    suggestion=word,
                )
            )
        return findings


def _doubled_words(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_DOUBLED_WORD.finditer(text)``, tried only where the folded text
    doubles a word: the case-blind pattern over a whole document costs several times the
    folded one, and few places pass the folded one."""
    if not _may_double_words(text):
        return
    folded = " " + _fold(text)  # a space in front, as _may_double_words searches
    if len(folded) != len(text) + 1:  # a lowercase longer than its letter: no shared places
        yield from _DOUBLED_WORD.finditer(text)
        return
    position = 0
    while (candidate := _DOUBLED_FOLDED.search(folded, position)) is not None:
        word_start = candidate.start(1) - 1  # in the text
        match = _DOUBLED_WORD.match(text, word_start)
        if match is None:
            position = candidate.start(1)  # the next word on
        else:
            yield match
            position = match.end()  # the folded place of the character after the match


def _fold(text: str) -> str:
    """``text`` in lowercase, with _FOLDS applied: the text _DOUBLED_FOLDED searches."""
    if not text.isascii():
        for char, ascii in _FOLDS:
            if char in text:
                text = text.replace(char, ascii)
    return text.lower()


def _may_double_words(text: str) -> bool:
    """Whether ``text`` may hold a doubled word: the cheap test that clears most documents.

    Folded to bytes where every letter that the case-blind pattern equates becomes one ASCII
    lowercase letter (and a no-break space a space), a doubled word is still a doubled word,
    and the byte before it a space, an apostrophe or "#".
    """
    data = text.encode("utf-8", "surrogatepass")  # a library caller's text may hold any code point
    # The characters to fold are looked for among the few bytes outside ASCII (UTF-8 keeps
    # whole characters together): six searches of the whole text cost more than the pattern.
    beyond_ascii = data.translate(None, _ASCII)
    for char, ascii in _FOLD_TO_ASCII:
        if char in beyond_ascii:
            data = data.replace(char, ascii)
    folded = b" " + data.translate(_WORD_BYTES)
    return any(pattern.search(folded) for pattern in _DOUBLED_BYTES)
