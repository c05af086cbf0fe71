"""What can be wrong in a glossary: one code per kind of problem, reported like a linter's.

Codes are stable (editors and CI configurations refer to them); ``GL0xx`` are schema errors
that stop every command from loading the glossary, the others are content problems that only
``kogloss glossary lint`` reports.
"""

from __future__ import annotations

from dataclasses import dataclass

# code -> (summary, description): the summary is the rule's one line, the description the help.
CODES: dict[str, tuple[str, str]] = {
    "GL001": (
        "Wrong file structure",
        "A glossary file is a mapping with one key, `terms`, whose value is a list of entries; "
        "each entry is a mapping of keys to values.",
    ),
    "GL002": (
        "Missing preferred form",
        "Every entry needs `en`, the preferred English form: it is what findings suggest.",
    ),
    "GL003": (
        "Wrong kind of value",
        "A key holds the wrong kind of value: text where a list is expected, a list where text "
        "is expected, or text where a number is expected.",
    ),
    "GL004": (
        "Value not allowed",
        "`type`, `status` and `case` take one of a fixed set of words; anything else is a typo "
        "that would silently change how the entry is checked.",
    ),
    "GL005": (
        "Unknown key",
        "A key kogloss does not know, usually a misspelling (`varaints`): its value would be "
        "ignored, so the entry would not be checked as the editor meant.",
    ),
    "GL006": (
        "Duplicate key",
        "The same key twice in one mapping: YAML keeps only one of the values, and which one "
        "depends on the reader.",
    ),
    "GL007": (
        "Empty value",
        "A form, note or file name that is empty or only white space.",
    ),
    "GL008": (
        "Malformed variant",
        "A variant is either a plain string or a mapping with exactly one of `text` and "
        "`pattern` (and an optional `message`).",
    ),
    "GL101": (
        "Duplicate entry",
        "Two entries with the same preferred English form: checks would report the term twice "
        "and editors would update one and forget the other.",
    ),
    "GL102": (
        "Variant is another entry's accepted form",
        "A form listed as wrong (a variant) on one entry is the preferred form, an accepted "
        "alternative or the acronym of another entry (or of the same one): the glossary "
        "contradicts itself.",
    ),
    "GL103": (
        "Form listed twice",
        "The same form appears twice in one entry (an alternative equal to the preferred form, "
        "a variant listed twice).",
    ),
    "GL104": (
        "Type or status not given",
        "Every entry says its `type` and its `status` (glossary/README.md): an entry without a "
        "status is read as approved, which only a second editor's review should decide.",
    ),
    "GL105": (
        "Variant inside a right form",
        "A plain variant occurs as whole words inside a preferred or accepted form (`Pusan` in "
        "`Pusan National University`): every correct use of that form would be reported. Use "
        "a pattern that excludes it.",
    ),
    "GL106": (
        "Variant differs only by case",
        "In an entry with `case: insensitive`, a variant that differs from a right form only by "
        "capitalisation makes the entry contradict itself.",
    ),
    "GL201": (
        "Pattern does not compile",
        "A variant's `pattern` is not a valid regular expression (Python `re` syntax).",
    ),
    "GL202": (
        "Pattern matches a right form",
        "A variant's pattern matches inside a preferred form or an accepted alternative (of its "
        "own entry or another): every correct use would be reported as wrong.",
    ),
    "GL203": (
        "Pattern can run away",
        "A variant's pattern took longer than its time limit on a short adversarial text "
        "(catastrophic backtracking): on a real document it could stall a check. Rewrite "
        "nested repetitions such as `(a+)+` or `(\\w|\\d)*`.",
    ),
    "GL204": (
        "Pattern matches empty text",
        "A variant's pattern matches the empty string, so it would report a finding at every "
        "position of every document.",
    ),
    "GL301": (
        "Hangul in an English form",
        "`en`, `also`, `abbr` or a variant holds Hangul: the Korean form belongs in `ko`.",
    ),
    "GL302": (
        "No Hangul in the Korean form",
        "`ko` holds Latin letters and no Hangul: it is probably an English form in the wrong key.",
    ),
    "GL303": (
        "Stray white space in a form",
        "A form starts or ends with white space or holds a tab or a line break: editors cannot "
        "see it in review.",
    ),
}

SCHEMA_CODES = frozenset(code for code in CODES if code.startswith("GL0")) | {"GL201"}


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a glossary file, at a 1-based line and column."""

    path: str
    line: int
    column: int
    code: str
    message: str

    @property
    def is_schema_error(self) -> bool:
        return self.code in SCHEMA_CODES

    def render(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.code} {self.message}"

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)
