"""Editors' regular expressions, compiled once and always run under a time limit.

A pattern with nested repetition can backtrack for minutes on one unlucky line, so every search
goes through the ``regex`` engine's ``timeout`` (the stdlib ``re`` has none and cannot be
interrupted from another thread). The syntax editors write is Python's ``re`` (``regex`` in its
compatible VERSION0 mode accepts it).
"""

from __future__ import annotations

import regex

# Seconds one pattern may run over one text before the search is abandoned.
SEARCH_TIMEOUT = 2.0
# Seconds one adversarial probe may take in lint before the pattern is called a runaway.
PROBE_TIMEOUT = 0.25

Compiled = regex.Pattern


# Escapes (\b, \s, \w) to blank out before looking for the pattern's literal words.
_ESCAPE = regex.compile(r"\\.")
_LITERAL_WORDS = regex.compile(r"[A-Za-z]{3,}")


class PatternError(ValueError):
    """A pattern that does not compile, with the engine's reason."""


class PatternTimeout(RuntimeError):
    """A pattern ran past its time limit on some text."""


def compile_pattern(pattern: str, case_sensitive: bool = True) -> Compiled:
    flags = regex.VERSION0 | (0 if case_sensitive else regex.IGNORECASE)
    try:
        return regex.compile(pattern, flags)
    except (regex.error, OverflowError, RecursionError) as error:
        raise PatternError(str(error)) from None


def search_spans(
    compiled: Compiled, text: str, timeout: float = SEARCH_TIMEOUT
) -> list[tuple[int, int]]:
    """Every non-empty match of ``compiled`` in ``text``; PatternTimeout past ``timeout``."""
    try:
        return [
            match.span()
            for match in compiled.finditer(text, timeout=timeout)
            if match.end() > match.start()
        ]
    except TimeoutError:
        raise PatternTimeout(f"pattern ran longer than {timeout:g} s") from None


def adversarial_texts(pattern: str, forms: list[str]) -> list[str]:
    """Short texts that make backtracking patterns blow up: long runs of the characters the
    pattern mentions, then a character that forces the match to fail late, then the pattern's
    literal words (so an engine's required-literal shortcut cannot skip the attempt)."""
    characters = {"a", " ", "0", "x", "."}
    characters.update(char for char in pattern if char.isalnum() or char in " -'.,")
    words = " ".join(_LITERAL_WORDS.findall(_ESCAPE.sub(" ", pattern)))
    texts = []
    for char in sorted(characters):
        for length in (40, 4000):
            for stop in ("!", "\n"):
                texts.append(char * length + stop + words)
    for form in forms:
        if form:
            texts.append((form + " ") * 200 + "#" + words)
            texts.append(form.replace(" ", "  ") * 200 + "!" + words)
    return texts


def runaway_probe(
    compiled: Compiled, probes: list[str], timeout: float = PROBE_TIMEOUT
) -> str | None:
    """The first probe text on which ``compiled`` runs past ``timeout``, or None."""
    for probe in probes:
        try:
            compiled.search(probe, timeout=timeout)
        except TimeoutError:
            return probe
    return None
