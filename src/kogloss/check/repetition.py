"""Repetition: a sentence or a word written twice, the commonest slip of copy and paste."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, ClassVar

from kogloss.check.context import CheckContext
from kogloss.check.registry import Rule, rule
from kogloss.document import Document
from kogloss.findings import Finding, Severity, make_finding
from kogloss.segment import LIST_MARKER, sentences

_SPACES = re.compile(r"\s+")
# A word, then the same word again after spaces or one line break (not a paragraph break).
_DOUBLED_WORD = re.compile(
    r"\b([A-Za-z][A-Za-z'’]*)(?:[ \t\u00a0]+|[ \t]*\n[ \t]*)(\1)\b", re.IGNORECASE
)


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
        seen: dict[str, tuple[int, int]] = {}
        findings = []
        for sentence in sentences(document, context.paragraphs(document)):
            key = _sentence_key(sentence.text)
            if key.count(" ") + 1 < min_words:
                continue
            first = seen.get(key)
            if first is None:
                seen[key] = (sentence.start, sentence.paragraph)
                continue
            first_line = document.position(first[0]).line
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


def _sentence_key(text: str) -> str:
    marker = LIST_MARKER.match(text)
    if marker:
        text = text[marker.end() :]
    return _SPACES.sub(" ", text).strip().casefold()


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
        findings = []
        for match in _DOUBLED_WORD.finditer(document.text):
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
