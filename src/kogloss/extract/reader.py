"""Where the English readers put what they find: one sentence of a document, the text of its
tokens, and the mentions it yields with their positions."""

from __future__ import annotations

from dataclasses import dataclass

from kogloss.document import Document
from kogloss.extract.candidates import Mention
from kogloss.extract.tokens import Token
from kogloss.segment import LIST_MARKER


@dataclass
class SentenceReader:
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


def text_of(sentence: SentenceReader, tokens: list[Token], start: int, end: int) -> str:
    return " ".join(sentence.document.text[tokens[start].start : tokens[end - 1].end].split())
