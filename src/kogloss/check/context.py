"""What a rule may read besides its document: the run's settings, the glossary, shared work.

Several rules need the same expensive view of a document (detect's paragraph verdicts, the
glossary matches); the context computes each once per document and hands it to all of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from kogloss.document import Document
from kogloss.findings import Severity
from kogloss.segment import Segment, paragraphs

if TYPE_CHECKING:
    from kogloss.check.registry import Rule
    from kogloss.detect import DetectResult
    from kogloss.glossary import Glossary, TermIndex
    from kogloss.glossary.index import TermMatches

T = TypeVar("T")

ALL = "ALL"


class SettingsError(ValueError):
    """A selector, severity or option that names nothing (the CLI turns it into exit 2)."""


@dataclass
class CheckSettings:
    """Which rules run, at which severity, with which options: config and CLI merged.

    ``select`` and ``ignore`` take rule ids, family names or ``ALL``; ``None`` selects every
    rule. ``options`` maps a rule id to its option values (``{"acronym-first-use": {"allow":
    [...]}}``).
    """

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severities: dict[str, Severity] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)

    def enabled_rules(self, available: dict[str, type[Rule]]) -> list[Rule]:
        """Instances of the selected rules, in id order; unknown names are an error."""
        selected = _expand(self.select or (ALL,), available)
        ignored = _expand(self.ignore, available)
        for rule_id, values in self.options.items():
            cls = available.get(rule_id)
            if cls is None:
                raise SettingsError(f"options for unknown rule {rule_id!r}")
            unknown = sorted(set(values) - set(cls.options) - {"severity"})
            if unknown:
                known = ", ".join(sorted(cls.options)) or "none"
                raise SettingsError(
                    f"rule {rule_id!r} has no option {unknown[0]!r} (options: {known})"
                )
        for rule_id in self.severities:
            if rule_id not in available:
                raise SettingsError(f"severity for unknown rule {rule_id!r}")
        return [available[rule_id]() for rule_id in sorted(selected - ignored)]

    def severity(self, rule: Rule) -> Severity:
        return self.severities.get(rule.id, rule.severity)

    def option(self, rule: Rule, name: str) -> Any:
        return self.options.get(rule.id, {}).get(name, rule.options[name])


def _expand(names: tuple[str, ...], available: dict[str, type[Rule]]) -> set[str]:
    families = {cls.family for cls in available.values()}
    chosen: set[str] = set()
    for name in names:
        if name == ALL:
            chosen.update(available)
        elif name in available:
            chosen.add(name)
        elif name in families:
            chosen.update(rule_id for rule_id, cls in available.items() if cls.family == name)
        else:
            raise SettingsError(
                f"unknown rule or family {name!r} (see `kogloss rules` for the list)"
            )
    return chosen


@dataclass
class CheckContext:
    """Per run: settings and glossary index; per document: a cache of shared analyses."""

    settings: CheckSettings = field(default_factory=CheckSettings)
    index: TermIndex | None = None
    glossary: Glossary | None = None
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)
    _run_cache: dict[str, Any] = field(default_factory=dict, repr=False)
    _document: Document | None = field(default=None, repr=False)

    def begin(self, document: Document) -> None:
        """Start a document: what was cached for the previous one is dropped."""
        self._document = document
        self._cache = {}

    def cached(self, key: str, compute: Callable[[], T]) -> T:
        if key not in self._cache:
            self._cache[key] = compute()
        value: T = self._cache[key]
        return value

    def run_cached(self, key: str, compute: Callable[[], T]) -> T:
        """Like :meth:`cached`, but kept for the whole run (what depends on the glossary)."""
        if key not in self._run_cache:
            self._run_cache[key] = compute()
        value: T = self._run_cache[key]
        return value

    def language(self, document: Document) -> str:
        """``en`` or ``ko``: the English-only rules leave Korean documents alone."""
        from kogloss.detect import document_language

        return self.cached("language", lambda: document_language(document))

    def detect(self, document: Document) -> DetectResult:
        from kogloss.detect import detect

        return self.cached("detect", lambda: detect(document, self.language(document)))

    def paragraphs(self, document: Document) -> list[Segment]:
        """The document's paragraphs, taken from detect's work when it has run."""

        def compute() -> list[Segment]:
            if "detect" in self._cache:
                return [report.segment for report in self._cache["detect"].segments]
            return paragraphs(document)

        return self.cached("paragraphs", compute)

    def term_matches(self, document: Document) -> TermMatches:
        """The glossary's matches in the document's English text (empty without a glossary):
        a sequence of matches whose columns (``starts``, ``ends``) and summaries the rules read
        without making a match object for each."""
        index = self.index
        if index is None:
            from kogloss.glossary.index import TermMatches

            return TermMatches.none()
        return self.cached("terms", lambda: index.search_english(document.text))
