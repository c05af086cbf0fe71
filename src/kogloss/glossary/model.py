"""The glossary as Python objects: what every command reads, whatever file format it came from.

The names and meanings here are a contract shared with the check and extract work; extra
members (``positions``) carry what only the linter needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

TYPES = ("title", "person", "place", "org", "acronym", "term")
STATUSES = ("candidate", "approved", "deprecated")
CASES = ("sensitive", "insensitive")

# Every key an entry may have, in the order glossary/README.md asks for and kogloss writes.
ENTRY_KEYS = (
    "en",
    "abbr",
    "ko",
    "type",
    "status",
    "case",
    "also",
    "variants",
    "note",
    "source",
    "count",
    "seen_in",
    "example",
)
VARIANT_KEYS = ("text", "pattern", "message")
FILE_KEYS = ("terms",)

DEFAULT_TYPE = "term"
DEFAULT_STATUS = "approved"

# Where a value sits in its file: (line, column), both 1-based.
Place = tuple[int, int]


@dataclass
class Variant:
    """A form to replace with the entry's ``en``: a plain wrong form or a regular expression.

    Exactly one of ``text`` and ``pattern`` is set; ``message`` is the editor's explanation.
    """

    text: str | None = None
    pattern: str | None = None
    message: str | None = None

    @property
    def form(self) -> str:
        """The text or the pattern, whichever this variant has."""
        return self.text if self.text is not None else self.pattern or ""


@dataclass
class Entry:
    """One concept: its preferred English form, its Korean form and the forms around them."""

    en: str
    ko: str | None = None
    type: str = DEFAULT_TYPE
    status: str = DEFAULT_STATUS
    abbr: str | None = None
    case_sensitive: bool = True
    variants: list[Variant] = field(default_factory=list)
    also: list[str] = field(default_factory=list)
    note: str | None = None
    source: str | None = None
    count: int | None = None
    seen_in: list[str] = field(default_factory=list)
    example: str | None = None
    path: str = ""
    line: int = 0
    # "en", "ko", "variants[0]", "also[1]", ... -> (line, column) in ``path``: for precise lint
    # messages; empty for entries that did not come from YAML.
    positions: dict[str, Place] = field(default_factory=dict, compare=False, repr=False)

    def place(self, key: str) -> Place:
        """Where ``key`` (e.g. ``"variants[2]"``) is written, else where the entry starts."""
        return self.positions.get(key) or self.positions.get(key.split("[")[0]) or (self.line, 1)

    def english_forms(self) -> list[str]:
        """The preferred form, the accepted alternatives and the acronym: forms that are right."""
        forms = [self.en, *self.also]
        if self.abbr:
            forms.append(self.abbr)
        return forms


@dataclass
class Glossary:
    """All entries of a glossary, in file order, and the files they came from."""

    entries: list[Entry]
    paths: list[str]

    def __len__(self) -> int:
        return len(self.entries)
