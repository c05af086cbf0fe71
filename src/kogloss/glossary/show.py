"""``kogloss glossary show``: find the entries a word belongs to and describe them for a person."""

from __future__ import annotations

import difflib
import re

from kogloss.glossary.model import Entry, Glossary

_INNER_WHITESPACE = re.compile(r"\s+")


def _key(form: str) -> str:
    return _INNER_WHITESPACE.sub(" ", form.strip()).casefold()


def _forms(entry: Entry) -> list[str]:
    forms = entry.english_forms() + [v.text for v in entry.variants if v.text is not None]
    if entry.ko:
        forms.append(entry.ko)
    return forms


def find_entries(glossary: Glossary, term: str) -> list[Entry]:
    """Entries with ``term`` as a form (preferred, accepted, acronym, variant or Korean),
    compared without regard to case or spacing."""
    wanted = _key(term)
    return [entry for entry in glossary.entries if wanted in {_key(f) for f in _forms(entry)}]


def similar_forms(glossary: Glossary, term: str, limit: int = 5) -> list[str]:
    """Forms that look like ``term``, for a "did you mean" when nothing matched."""
    forms = sorted({form for entry in glossary.entries for form in _forms(entry)})
    by_key: dict[str, str] = {}
    for form in forms:
        by_key.setdefault(_key(form), form)
    close = difflib.get_close_matches(_key(term), list(by_key), n=limit, cutoff=0.6)
    return [by_key[key] for key in close]


def describe_entry(entry: Entry) -> str:
    """The entry as a person reads it: where it is defined, its forms, its variants."""
    lines = [
        f"{entry.en}  ({entry.type}, {entry.status})",
        f"  defined at {entry.path}:{entry.line}",
    ]
    if entry.ko:
        lines.append(f"  ko: {entry.ko}")
    if entry.abbr:
        lines.append(f'  abbr: {entry.abbr} (introduce as "{entry.en} ({entry.abbr})")')
    if entry.also:
        lines.append(f"  also (accepted): {', '.join(entry.also)}")
    if not entry.case_sensitive:
        lines.append("  case: insensitive")
    if entry.variants:
        lines.append("  variants (replace with the preferred form):")
        for variant in entry.variants:
            shown = variant.text if variant.text is not None else f"pattern {variant.pattern}"
            lines.append(f"    - {shown}" + (f"  ({variant.message})" if variant.message else ""))
    for label, value in (
        ("note", entry.note),
        ("source", entry.source),
        ("example", entry.example),
    ):
        if value:
            lines.append(f"  {label}: {value}")
    if entry.count is not None:
        lines.append(f"  count: {entry.count}")
    if entry.seen_in:
        lines.append(f"  seen in: {', '.join(entry.seen_in)}")
    return "\n".join(lines) + "\n"
