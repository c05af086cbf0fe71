"""Repetition: a sentence or a word written twice, the commonest slip of copy and paste."""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable, Iterator
from itertools import compress, count, islice, repeat
from typing import Any, ClassVar

from kogloss._native import load
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


def _word_bytes() -> bytes:
    """The table that folds a text's bytes for _DOUBLED_FOLDED: the letters to lowercase, the
    apostrophe kept, a space for each space that may part a doubled word, "#" for any other
    byte."""
    table = bytearray(b"#" * 256)
    for byte in b"abcdefghijklmnopqrstuvwxyz'":
        table[byte] = byte
    for byte in b"ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        table[byte] = byte + 32
    for byte in b" \t\n":
        table[byte] = ord(" ")
    return bytes(table)


_WORD_BYTES = _word_bytes()
# The characters outside ASCII that _DOUBLED_WORD takes for a letter (case-blind), an
# apostrophe or a space, each with the ASCII character it folds to. (The Kelvin sign is
# written as an escape: an ASCII "K" had stood in its place, and "\u212aim \u212aim" went unfound.)
_FOLDS = (("İ", "i"), ("’", "'"), ("\u00a0", " "), ("ı", "i"), ("ſ", "s"), ("\u212a", "k"))
# The same test on the folded text (see _folded): looser, so it finds at its place every
# doubled word that _DOUBLED_WORD finds, at a fraction of the cost. One pattern for each byte
# that may come before the word: opening with a fixed byte, each lets the engine leap in C to
# its next occurrence, where it would test every byte against a class.
_DOUBLED_FOLDED = tuple(
    re.compile(before + rb"([a-z][a-z']*+) +\1") for before in (b" ", b"'", b"#")
)
# _doubled_word_starts in C (kogloss/_native/tokens.c), or None.
_TOKENS = load("tokens")
# _sentence_key of each simply folded sentence in C (kogloss/_native/sentences.c), or None.
_SENTENCES = load("sentences")


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
    if _SENTENCES is not None:
        return _compiled_keys(texts)
    is_ascii = list(map(str.isascii, texts))
    keys = _joined_keys(list(compress(texts, is_ascii)), str.lower)
    if len(keys) < len(texts):
        others = list(compress(count(), map(operator.not_, is_ascii)))
        other_keys = _joined_keys([texts[index] for index in others], str.casefold)
        for index, key in zip(others, other_keys, strict=True):
            keys.insert(index, key)  # in increasing order, each lands in its place
    return keys


def _compiled_keys(texts: list[str]) -> list[str]:
    """The keys built in C, where a sentence folds simply (ASCII, Hangul, curly quotes and
    dashes); the others, rare in an English release, keyed by ``str.casefold`` here."""
    keys = _SENTENCES.sentence_keys(texts)
    others = list(compress(count(), map(operator.is_, keys, repeat(None))))
    if others:
        other_keys = _joined_keys([texts[index] for index in others], str.casefold)
        for index, key in zip(others, other_keys, strict=True):
            keys[index] = key
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
    doubles a word: the case-blind pattern over a whole document costs many times the folded
    ones, and few places (in most documents none) pass them."""
    starts = _doubled_word_starts(text) if _TOKENS is None else _TOKENS.doubled_word_starts(text)
    end = 0
    for start in starts:
        # a word inside a match is not tried: finditer goes on after the match
        if start >= end and (match := _DOUBLED_WORD.match(text, start)):
            yield match
            end = match.end()


def _doubled_word_starts(text: str) -> Iterator[int]:
    """Where each word that the folded text (see _folded) doubles starts in ``text``, in
    order: the reference for tokens.doubled_word_starts, and the fallback."""
    folded = _folded(text)
    position = 0
    while (word_start := _next_doubled(folded, position)) >= 0:
        yield word_start - 1  # the folded text has a space in front
        position = word_start  # the next word on


def _folded(text: str) -> bytes:
    """``text`` one byte a character, with a space in front, for _DOUBLED_FOLDED: every
    letter that the case-blind pattern equates becomes one ASCII lowercase letter (a no-break
    space a space), so that a doubled word is still a doubled word at the same place, and the
    byte before it a space, an apostrophe or "#"."""
    if not text.isascii():
        for char, ascii in _FOLDS:
            if char in text:
                text = text.replace(char, ascii)
    return b" " + text.encode("ascii", "replace").translate(_WORD_BYTES)


def _next_doubled(folded: bytes, position: int) -> int:
    """Where the next word from ``position`` on that _DOUBLED_FOLDED finds doubled starts in
    ``folded``, or -1."""
    starts = [
        match.start(1) for pattern in _DOUBLED_FOLDED if (match := pattern.search(folded, position))
    ]
    return min(starts, default=-1)
