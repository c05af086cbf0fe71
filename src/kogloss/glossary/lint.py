"""``kogloss glossary lint``: every problem in a glossary, each at its line and column.

Schema problems come from the loader; this module adds what needs the whole glossary (an entry
duplicated in another file, a variant that another entry calls right) and what needs running
the editors' patterns (one that matches its own preferred form, one that can run away).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from kogloss.glossary.load import glossary_files, read_glossary_file
from kogloss.glossary.model import Entry
from kogloss.glossary.patterns import (
    PROBE_TIMEOUT,
    PatternError,
    adversarial_texts,
    compile_pattern,
    runaway_probe,
)
from kogloss.glossary.problems import Problem
from kogloss.scripts import has_hangul

_INNER_WHITESPACE = re.compile(r"\s+")
_LATIN = re.compile(r"[A-Za-z]")


def lint_glossary(path: str | Path, probe_timeout: float = PROBE_TIMEOUT) -> list[Problem]:
    """Every problem in the glossary at ``path`` (a file or a directory), sorted by place.

    Files that are not YAML at all (a syntax error, not UTF-8) raise InputError instead.
    """
    problems: list[Problem] = []
    entries: list[Entry] = []
    for name in glossary_files(path):
        result = read_glossary_file(name)
        problems.extend(result.problems)
        entries.extend(result.entries)
    problems.extend(lint_entries(entries, probe_timeout))
    return sorted(set(problems), key=lambda problem: problem.sort_key)


def lint_entries(entries: list[Entry], probe_timeout: float = PROBE_TIMEOUT) -> list[Problem]:
    """Content problems of loaded entries (the schema is assumed valid)."""
    problems: list[Problem] = []
    problems.extend(_duplicates(entries))
    problems.extend(_contradictions(entries))
    for entry in entries:
        problems.extend(_repeated_forms(entry))
        problems.extend(_scripts(entry))
        problems.extend(_patterns(entry, probe_timeout))
    return problems


def _key(form: str) -> str:
    return _INNER_WHITESPACE.sub(" ", form.strip())


def _problem(entry: Entry, key: str, code: str, message: str) -> Problem:
    line, column = entry.place(key)
    return Problem(entry.path, line, column, code, message)


def _where(entry: Entry) -> str:
    return f"{entry.path}:{entry.line}"


def _duplicates(entries: list[Entry]) -> Iterable[Problem]:
    first: dict[str, Entry] = {}
    for entry in entries:
        key = _key(entry.en)
        if key in first:
            yield _problem(
                entry,
                "en",
                "GL101",
                f"duplicate entry `{entry.en}` (first at {_where(first[key])})",
            )
        else:
            first[key] = entry


def _contradictions(entries: list[Entry]) -> Iterable[Problem]:
    right: dict[str, list[tuple[Entry, str]]] = {}
    for entry in entries:
        forms = [("en", entry.en)] + [("also", form) for form in entry.also]
        if entry.abbr:
            forms.append(("abbr", entry.abbr))
        for name, form in forms:
            right.setdefault(_key(form), []).append((entry, name))
    for entry in entries:
        for position, variant in enumerate(entry.variants):
            if variant.text is None:
                continue
            for other, name in right.get(_key(variant.text), []):
                whose = "this entry's" if other is entry else f"`{other.en}` ({_where(other)})'s"
                label = {"en": "preferred form", "also": "accepted form", "abbr": "acronym"}[name]
                yield _problem(
                    entry,
                    f"variants[{position}]",
                    "GL102",
                    f"variant `{variant.text}` is {whose} {label}",
                )


def _repeated_forms(entry: Entry) -> Iterable[Problem]:
    seen: dict[str, str] = {_key(entry.en): "en"}
    listed = [(f"also[{i}]", form) for i, form in enumerate(entry.also)]
    if entry.abbr:
        listed.append(("abbr", entry.abbr))
    listed.extend(
        (f"variants[{i}]", variant.text)
        for i, variant in enumerate(entry.variants)
        if variant.text is not None
    )
    for place, form in listed:
        key = _key(form)
        if key in seen:
            if place.startswith("variants") and not seen[key].startswith("variants"):
                continue  # a variant equal to a right form of this entry is GL102
            yield _problem(entry, place, "GL103", f"`{form}` is listed twice (also as {seen[key]})")
        else:
            seen[key] = place


def _scripts(entry: Entry) -> Iterable[Problem]:
    english = [("en", entry.en)] + [(f"also[{i}]", form) for i, form in enumerate(entry.also)]
    if entry.abbr:
        english.append(("abbr", entry.abbr))
    english.extend(
        (f"variants[{i}]", variant.text)
        for i, variant in enumerate(entry.variants)
        if variant.text is not None
    )
    for place, form in english:
        if has_hangul(form):
            yield _problem(
                entry, place, "GL301", f"Hangul in an English form: `{form}` (put it in `ko`)"
            )
    if entry.ko is not None and not has_hangul(entry.ko) and _LATIN.search(entry.ko):
        yield _problem(entry, "ko", "GL302", f"`ko: {entry.ko}` has no Hangul")
    forms = [*english, ("ko", entry.ko)] if entry.ko is not None else english
    for place, form in forms:
        if form != form.strip() or "\t" in form or "\n" in form:
            yield _problem(entry, place, "GL303", f"stray white space in `{form!r}`")


def _patterns(entry: Entry, probe_timeout: float) -> Iterable[Problem]:
    for position, variant in enumerate(entry.variants):
        if variant.pattern is None:
            continue
        place = f"variants[{position}]"
        try:
            compiled = compile_pattern(variant.pattern, entry.case_sensitive)
        except PatternError:
            continue  # reported by the loader (GL201)
        if compiled.fullmatch("", timeout=probe_timeout) is not None:
            yield _problem(entry, place, "GL204", f"pattern `{variant.pattern}` matches empty text")
            continue
        for form in [entry.en, *entry.also]:
            try:
                hit = compiled.search(form, timeout=probe_timeout)
            except TimeoutError:
                hit = None
            if hit is not None:
                yield _problem(
                    entry,
                    place,
                    "GL202",
                    f"pattern `{variant.pattern}` matches the right form `{form}`",
                )
                break
        probes = adversarial_texts(variant.pattern, [entry.en, *entry.also])
        probe = runaway_probe(compiled, probes, probe_timeout)
        if probe is not None:
            sample = probe[:12] + "..." if len(probe) > 12 else probe
            yield _problem(
                entry,
                place,
                "GL203",
                f"pattern `{variant.pattern}` ran past {probe_timeout:g} s on "
                f"{len(probe)} characters ({sample!r}): it can run away",
            )
