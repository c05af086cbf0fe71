"""``kogloss glossary lint``: every problem in a glossary, each at its line and column.

Schema problems come from the loader; this module adds what needs the whole glossary (an entry
duplicated in another file, a variant that another entry calls right) and what needs running
the editors' patterns (one that matches its own preferred form, one that can run away).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from pathlib import Path

from kogloss.glossary.files import glossary_files
from kogloss.glossary.index import TermIndex
from kogloss.glossary.load import read_glossary_file
from kogloss.glossary.model import STATUSES, Entry, Glossary
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
    runaway: set[int] = set()
    for entry in entries:
        problems.extend(_missing_keys(entry))
        problems.extend(_repeated_forms(entry))
        problems.extend(_case_only_variants(entry))
        problems.extend(_scripts(entry))
        pattern_problems = list(_patterns(entry, probe_timeout))
        if any(problem.code in ("GL203", "GL204") for problem in pattern_problems):
            runaway.add(id(entry))
        problems.extend(pattern_problems)
    problems.extend(_wrong_inside_right(entries, runaway))
    return problems


def _key(form: str) -> str:
    return _INNER_WHITESPACE.sub(" ", form.strip())


def _problem(entry: Entry, key: str, code: str, message: str) -> Problem:
    line, column = entry.place(key)
    return Problem(entry.path, line, column, code, message)


def _where(entry: Entry) -> str:
    return f"{entry.path}:{entry.line}"


def _right_forms(entry: Entry) -> list[tuple[str, str]]:
    """(place, form) of the forms that are right: preferred, accepted, acronym."""
    forms = [("en", entry.en)] + [(f"also[{i}]", form) for i, form in enumerate(entry.also)]
    if entry.abbr:
        forms.append(("abbr", entry.abbr))
    return forms


def _duplicates(entries: list[Entry]) -> Iterable[Problem]:
    first: dict[str, tuple[Entry, str]] = {}
    for entry in entries:
        for place, form in _right_forms(entry):
            key = _key(form)
            if key not in first:
                first[key] = (entry, place)
                continue
            other, other_place = first[key]
            if other is entry:
                continue  # the same form twice in one entry is GL103
            what = "entry" if place == other_place == "en" else "form"
            yield _problem(
                entry,
                place,
                "GL101",
                f"duplicate {what} `{form}`: already `{other_place.split('[')[0]}` of "
                f"`{other.en}` ({_where(other)})",
            )


def _missing_keys(entry: Entry) -> Iterable[Problem]:
    missing = [key for key in ("type", "status") if key not in entry.positions]
    if missing and entry.positions:
        keys = " and ".join(f"`{key}`" for key in missing)
        yield _problem(entry, "entry", "GL104", f"entry `{entry.en}` does not say its {keys}")


def _case_only_variants(entry: Entry) -> Iterable[Problem]:
    if entry.case_sensitive:
        return
    right = {_key(form).casefold(): form for _, form in _right_forms(entry)}
    for position, variant in enumerate(entry.variants):
        if variant.text is None:
            continue
        form = right.get(_key(variant.text).casefold())
        if form is not None and _key(form) != _key(variant.text):
            yield _problem(
                entry,
                f"variants[{position}]",
                "GL106",
                f"variant `{variant.text}` differs from `{form}` only by case in an entry with "
                "`case: insensitive`",
            )


def _wrong_inside_right(entries: list[Entry], runaway: set[int]) -> Iterable[Problem]:
    """Variants and patterns that match inside (or all of) some entry's right form."""
    checked = []
    for entry in entries:
        if id(entry) in runaway:
            entry = copy.copy(entry)
            entry.variants = [v for v in entry.variants if v.pattern is None]
        checked.append(entry)
    index = TermIndex(Glossary(checked, []), statuses=STATUSES)
    reported: set[tuple[int, int]] = set()
    for entry in entries:
        for _, form in _right_forms(entry):
            for match in index.find_english(form, nested=True):
                if match.form not in ("variant", "pattern") or match.variant is None:
                    continue
                owner = match.entry
                position = next(i for i, v in enumerate(owner.variants) if v is match.variant)
                whole = match.start == 0 and match.end == len(form)
                if match.form == "variant" and whole:
                    continue  # a variant equal to a right form is GL102
                if (id(owner), position) in reported:
                    continue
                reported.add((id(owner), position))
                whose = "its own" if owner is entry else f"`{entry.en}` ({_where(entry)})'s"
                if match.form == "pattern":
                    code = "GL202"
                    message = f"pattern matches `{match.matched}` in {whose} right form `{form}`"
                else:
                    code = "GL105"
                    message = (
                        f"variant `{match.variant.text}` occurs inside {whose} right form "
                        f"`{form}`: use a pattern that excludes it"
                    )
                yield _problem(owner, f"variants[{position}]", code, message)


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


def _english_forms(entry: Entry) -> list[tuple[str, str]]:
    """(place, form) of every English form: the right ones, then the plain variants."""
    forms = _right_forms(entry)
    forms.extend(
        (f"variants[{i}]", variant.text)
        for i, variant in enumerate(entry.variants)
        if variant.text is not None
    )
    return forms


def _repeated_forms(entry: Entry) -> Iterable[Problem]:
    seen: dict[str, str] = {_key(entry.en): "en"}
    for place, form in _english_forms(entry)[1:]:
        key = _key(form)
        if key in seen:
            if place.startswith("variants") and not seen[key].startswith("variants"):
                continue  # a variant equal to a right form of this entry is GL102
            yield _problem(entry, place, "GL103", f"`{form}` is listed twice (also as {seen[key]})")
        else:
            seen[key] = place


def _scripts(entry: Entry) -> Iterable[Problem]:
    english = _english_forms(entry)
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
