"""The rule framework: a rule is a small class whose docstring is its documentation.

As in sqlfluff, adding a rule is one class in the module of its family and one case file
``tests/rules/<id>.yaml``. The class names its id, default severity and whether its suggestions
are safe to apply; its docstring holds the one-line summary, a paragraph of description and the
**Anti-pattern** / **Best practice** examples that ``kogloss rules ID`` prints. Registering the
class also registers its :class:`~kogloss.rules.RuleInfo`, so SARIF and ``kogloss rules`` read
the same text.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from kogloss.document import Document
from kogloss.findings import Finding, Severity
from kogloss.rules import RuleInfo, register, rule_info

if TYPE_CHECKING:
    from kogloss.check.context import CheckContext

_SECTION_TITLES = ("**Anti-pattern**", "**Best practice**")


@dataclass(frozen=True)
class Collected:
    """One document's summary for a corpus rule: its path and what ``collect`` returned."""

    path: str
    data: Any


class Rule:
    """Base class: override :meth:`check` (one document) or :meth:`check_corpus` (a run)."""

    id: ClassVar[str]
    severity: ClassVar[Severity]
    family: ClassVar[str]
    # Whether a finding's suggestion may be applied by ``--fix`` without a human choosing.
    fixable: ClassVar[bool] = False
    # Whether the rule needs every document of the run at once (cross-document findings).
    corpus: ClassVar[bool] = False
    # Whether the rule needs a glossary; without one it is skipped, not failed.
    needs_glossary: ClassVar[bool] = False
    # Option names the rule reads from its config table, with their defaults.
    options: ClassVar[dict[str, Any]] = {}

    def check(self, document: Document, context: CheckContext) -> Iterable[Finding]:
        """Findings within one document (rules that are not corpus rules)."""
        return ()

    # Corpus rules work in steps so that a run never holds every document in memory and
    # ``--jobs`` gives the same answer: ``collect`` summarises each document (small, picklable,
    # possibly in a worker process); ``add`` folds each summary, in document order, into the
    # run's corpus state that ``new_corpus`` made; ``plan`` decides from it what to report in
    # which document; ``report`` turns a document's part of the plan into findings, with
    # positions; ``summary`` gives the corpus summary's rows.

    def collect(self, document: Document, context: CheckContext) -> Any:
        return None

    def new_corpus(self, context: CheckContext) -> Any:
        return []

    def add(self, corpus: Any, index: int, item: Collected) -> None:
        corpus.append(item)

    def plan(self, corpus: Any, context: CheckContext) -> dict[int, Any]:
        """Document index -> what ``report`` needs for it (only documents with findings)."""
        return {}

    def report(self, document: Document, planned: Any, context: CheckContext) -> list[Finding]:
        return []

    def summary(self, corpus: Any, context: CheckContext) -> list[dict[str, Any]]:
        """Rows for the corpus summary (each term's forms with counts and files)."""
        return []


@dataclass(frozen=True)
class RuleDoc:
    """A rule's docstring split into the parts ``kogloss rules ID`` and the docs show."""

    summary: str
    description: str
    sections: dict[str, str] = field(default_factory=dict)


def parse_docstring(docstring: str | None) -> RuleDoc:
    text = inspect.cleandoc(docstring or "")
    parts = text.split("\n\n")
    summary = parts[0].replace("\n", " ").strip() if parts else ""
    description_parts: list[str] = []
    sections: dict[str, str] = {}
    current: str | None = None
    for part in parts[1:]:
        title = next((t for t in _SECTION_TITLES if part.startswith(t)), None)
        if title is not None:
            current = title.strip("*")
            sections[current] = ""
            continue
        if current is None:
            description_parts.append(part.replace("\n", " ").strip())
        else:
            sections[current] = (sections[current] + "\n\n" + part).strip("\n")
    return RuleDoc(summary, "\n\n".join(description_parts), sections)


RULE_CLASSES: dict[str, type[Rule]] = {}

R = TypeVar("R", bound=type[Rule])


def rule(cls: R) -> R:
    """Class decorator: register a rule class and its RuleInfo under its id.

    Rules whose RuleInfo another module already registered (the detect rules) keep that text;
    their class docstring then only adds the examples.
    """
    if cls.id in RULE_CLASSES and RULE_CLASSES[cls.id] is not cls:
        raise ValueError(f"rule id {cls.id!r} defined by two classes")
    RULE_CLASSES[cls.id] = cls
    if rule_info(cls.id) is None:
        doc = parse_docstring(cls.__doc__)
        register(RuleInfo(cls.id, cls.severity, doc.summary, doc.description, cls.family))
    return cls


def rule_doc(rule_id: str) -> RuleDoc:
    """Summary and description from the registry, examples from the class docstring."""
    info = rule_info(rule_id)
    if info is None:
        raise KeyError(rule_id)
    cls = RULE_CLASSES.get(rule_id)
    sections = parse_docstring(cls.__doc__).sections if cls is not None else {}
    return RuleDoc(info.summary, info.description, sections)


def load_rules() -> dict[str, type[Rule]]:
    """Import every rule family so that all rules are registered; returns them by id."""
    from kogloss.check import (  # noqa: F401  (imported for their registrations)
        acronyms,
        bilingual,
        detect_rules,
        glossary_rules,
        repetition,
        variants,
    )

    return dict(sorted(RULE_CLASSES.items()))
