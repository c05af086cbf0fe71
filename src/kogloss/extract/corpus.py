"""Candidates from a corpus of releases: the English side read, mentions folded together."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kogloss.document import Document
from kogloss.extract.candidates import Candidate, Mention, aggregate, sort_candidates
from kogloss.extract.english import extract_english
from kogloss.extract.gazetteer import major_place_names


def english_mentions(documents: Sequence[Document]) -> list[Mention]:
    """Mentions of every document, documents in path order so results do not depend on the
    order files were named on the command line."""
    mentions: list[Mention] = []
    for document in sorted(documents, key=lambda document: document.path):
        mentions.extend(extract_english(document))
    return mentions


def extract_candidates(
    documents: Sequence[Document], preferred_forms: Iterable[str] = ()
) -> list[Candidate]:
    """Glossary candidates of ``documents``, in a deterministic order.

    ``preferred_forms`` (a glossary's ``en`` forms) join the gazetteer's names as the
    spellings a group of variants is filed under.
    """
    canonical = set(major_place_names()) | set(preferred_forms)
    return sort_candidates(aggregate(english_mentions(documents), canonical))
