"""A literal that every match of an editor's pattern contains, so texts without it are skipped.

Most variant patterns name a word (``\\bPusan\\b(?! National University)``): a text without
that word cannot match, and ``in`` rules that out in microseconds where the regex engine walks
the whole text (a pattern that opens with a lookbehind cannot use the engine's own literal
search: 4 ns a character). The scan is deliberately narrow, so that it is right for every
pattern ``regex`` accepts: only plain characters at the pattern's top level count (outside
groups, classes and escapes), a character under a quantifier does not, and a pattern with a
top-level alternative, inline flags, a comment or a multi-character escape gets no literal (it
is always searched).
"""

from __future__ import annotations

import re

# Characters with a meaning outside a class; any of them ends a literal run.
_SPECIAL = frozenset(".^$*+?{}[]\\|()")
# After a character, these make it optional or repeatable: it leaves the run.
_QUANTIFIERS = frozenset("?*+{")
# Escapes of exactly one character after the backslash (classes, anchors, controls).
_SHORT_ESCAPES = frozenset("bBsSwWdDAZntrfv")
# Groups other than (?:...), lookarounds, (?<name>...) and (?>...): inline flags, global or
# scoped (``(?i)``, ``(?x:...)``), comments and empty flags (a quantifier after them applies to
# the character before), conditionals, branch resets.
_OTHER_GROUPS = re.compile(r"\(\?[^:=!<>]")


def required_literal(pattern: str) -> str | None:
    """The longest run of plain characters that every match of ``pattern`` contains, or None
    when the pattern has none this narrow scan can vouch for."""
    if _OTHER_GROUPS.search(pattern):
        return None
    runs: list[str] = []
    run: list[str] = []
    depth = 0
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if depth == 0 and char not in _SPECIAL:
            run.append(char)
            index += 1
            continue
        if char in _QUANTIFIERS and run:
            run.pop()  # the character before a quantifier may be missing or repeated
        runs.append("".join(run))
        run = []
        if char == "\\":
            escaped = pattern[index + 1 : index + 2]
            if escaped.isalnum() and escaped not in _SHORT_ESCAPES:
                return None  # \x41, \N{...}, \p{...}, back-references: lengths vary
            index += 2
        elif char in "[{":
            end = _class_end(pattern, index) if char == "[" else pattern.find("}", index) + 1
            if end <= 0:
                return None  # nested sets or POSIX classes, or a { never closed: not ours
            index = end  # a class, or a quantifier's bounds (``{2,3}``, fuzzy ``{e<=1}``)
        else:
            depth += char == "("
            depth -= char == ")"
            if depth == 0 and char == "|":
                return None  # a match may come from either side
            index += 1
    runs.append("".join(run))
    longest = max(runs, key=len)
    return longest or None


def _class_end(pattern: str, start: int) -> int:
    """The index just past the ``]`` that closes the class opening at ``start``; 0 when the
    class holds a ``[`` (a POSIX class or a nested set, where the first ``]`` is not the end)."""
    index = start + 1
    if pattern[index : index + 1] == "^":
        index += 1
    if pattern[index : index + 1] == "]":  # a ] first in a class is a literal
        index += 1
    while index < len(pattern) and pattern[index] != "]":
        if pattern[index] == "[":
            return 0
        index += 2 if pattern[index] == "\\" else 1
    return index + 1
