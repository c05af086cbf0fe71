"""Candidates the glossary already has: reported as known (with any new spelling seen), not
proposed again; and the glossary's English-Korean pairs, the first evidence for pairing."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kogloss.extract.candidates import Candidate
from kogloss.extract.output import KnownTerm
from kogloss.glossary import Entry, Glossary


def _key(form: str, case_sensitive: bool = True) -> str:
    collapsed = " ".join(form.split())
    return collapsed if case_sensitive else collapsed.casefold()


def _entry_forms(entry: Entry) -> list[str]:
    forms = [entry.en, *entry.also]
    if entry.abbr:
        forms.append(entry.abbr)
    forms.extend(variant.text for variant in entry.variants if variant.text)
    return forms


def _listed_forms(entry: Entry) -> set[str]:
    """Every spelling the entry already mentions, right or wrong (a variant is not new)."""
    return {_key(form) for form in _entry_forms(entry)}


class KnownForms:
    """The glossary's entries by every form they list, for candidates to be looked up in."""

    def __init__(self, glossary: Glossary) -> None:
        self.sensitive: dict[str, Entry] = {}
        self.folded: dict[str, Entry] = {}
        for entry in glossary.entries:
            for form in _entry_forms(entry):
                self.sensitive.setdefault(_key(form), entry)
                if not entry.case_sensitive:
                    self.folded.setdefault(_key(form, False), entry)

    def entry_for(self, forms: Iterable[str]) -> Entry | None:
        for form in forms:
            entry = self.sensitive.get(_key(form)) or self.folded.get(_key(form, False))
            if entry is not None:
                return entry
        return None


def candidate_forms(candidate: Candidate) -> list[str]:
    forms = [candidate.en, *candidate.variants]
    if candidate.abbr:
        forms.append(candidate.abbr)
    return forms


def split_known(
    candidates: Sequence[Candidate], glossary: Glossary
) -> tuple[list[Candidate], list[KnownTerm]]:
    """New candidates, and the known ones with the spellings their entries do not list."""
    index = KnownForms(glossary)
    new: list[Candidate] = []
    known: list[KnownTerm] = []
    for candidate in candidates:
        entry = index.entry_for(candidate_forms(candidate))
        if entry is None:
            new.append(candidate)
            continue
        listed = _listed_forms(entry)
        fresh = tuple(
            form for form in dict.fromkeys(candidate_forms(candidate)) if _key(form) not in listed
        )
        known.append(KnownTerm(candidate, entry.en, f"{entry.path}:{entry.line}", fresh))
    return new, known


def glossary_pairs(glossary: Glossary) -> dict[str, str]:
    """English form -> Korean form for every entry with a ``ko`` (its ``en``, ``also`` and
    ``abbr`` forms), for pairing to trust before any other evidence."""
    pairs: dict[str, str] = {}
    for entry in glossary.entries:
        if entry.ko and entry.status != "deprecated":
            for form in [entry.en, *entry.also, *([entry.abbr] if entry.abbr else [])]:
                pairs.setdefault(form, entry.ko)
    return pairs
