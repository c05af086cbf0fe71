"""Running the rules: over one document, over a run of many (corpus mode), in one process or
several, with the same findings in the same order either way.

A run has two passes. The first reads each document once: the per-document rules give their
findings and the corpus rules ``collect`` a small summary. Then each corpus rule ``plan``s from
all the summaries which documents get findings, and the second pass re-reads only those
documents to ``report`` them with positions. No run holds every document in memory, nor
every finding: they wait in a :class:`~kogloss.check.store.FindingStore` until the report.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kogloss.check.context import CheckContext, CheckSettings
from kogloss.check.registry import Collected, Rule, load_rules
from kogloss.check.store import FindingStore
from kogloss.check.suppress import parse_suppressions, unknown_rule_findings
from kogloss.document import Document
from kogloss.errors import InputError
from kogloss.findings import Finding

if TYPE_CHECKING:
    from kogloss.glossary import Glossary

Loader = Callable[[str], Document]


@dataclass
class CheckResult:
    """Every finding of a run and the corpus summary of term forms.

    ``store`` gives the findings in order, one file at a time (what the command line writes
    out); ``findings`` is the same as one sorted list, for library callers and tests. The
    summary is worked out when first asked for: most reports never show it.
    """

    store: FindingStore
    paths: list[str] = field(default_factory=list)
    summarize: Callable[[], list[dict[str, Any]]] = list

    @functools.cached_property
    def findings(self) -> list[Finding]:
        return list(self.store)

    @functools.cached_property
    def summary(self) -> list[dict[str, Any]]:
        return self.summarize()


@dataclass
class _DocumentOutcome:
    path: str
    findings: list[Finding]
    collected: dict[str, Any]


class Checker:
    """The selected rules with their settings and glossary, ready to run over documents."""

    def __init__(self, settings: CheckSettings | None = None, glossary: Glossary | None = None):
        self.settings = settings or CheckSettings()
        self.glossary = glossary
        self.rules: list[Rule] = self.settings.enabled_rules(load_rules())
        index = None
        if glossary is not None:
            from kogloss.glossary import TermIndex

            index = TermIndex(glossary)
        else:
            self.rules = [rule for rule in self.rules if not rule.needs_glossary]
        self.context = CheckContext(self.settings, index, glossary)
        self._known = set(load_rules())

    @property
    def corpus_rules(self) -> list[Rule]:
        return [rule for rule in self.rules if rule.corpus]

    def first_pass(self, document: Document) -> _DocumentOutcome:
        """Per-document findings (suppressions and severities applied) and corpus summaries."""
        self.context.begin(document)
        findings: list[Finding] = []
        collected: dict[str, Any] = {}
        for rule in self.rules:
            if rule.corpus:
                collected[rule.id] = rule.collect(document, self.context)
            else:
                findings.extend(rule.check(document, self.context))
        kept = self.finish(document, findings)
        kept.extend(unknown_rule_findings(document, self._known))
        return _DocumentOutcome(document.path, kept, collected)

    def second_pass(self, document: Document, planned: dict[str, Any]) -> list[Finding]:
        self.context.begin(document)
        findings: list[Finding] = []
        for rule in self.corpus_rules:
            if rule.id in planned:
                findings.extend(rule.report(document, planned[rule.id], self.context))
        return self.finish(document, findings)

    def finish(self, document: Document, findings: list[Finding]) -> list[Finding]:
        """Drop what inline directives suppress and apply the configured severities."""
        if not findings:
            return findings
        suppressions = parse_suppressions(document, self._known)
        severities = self.settings.severities
        if not (severities or suppressions.by_line or suppressions.directive_lines):
            return findings  # nothing to drop or change: the usual case
        kept = []
        for finding in findings:
            if suppressions.covers(finding):
                continue
            severity = severities.get(finding.rule)
            if severity is not None and severity != finding.severity:
                finding = dataclasses.replace(finding, severity=severity)
            kept.append(finding)
        return kept

    def plan(self, corpora: list[Any]) -> dict[int, dict[str, Any]]:
        """Document index -> rule id -> what that rule reports there."""
        planned: dict[int, dict[str, Any]] = {}
        for rule, corpus in zip(self.corpus_rules, corpora, strict=True):
            for document_index, payload in rule.plan(corpus, self.context).items():
                planned.setdefault(document_index, {})[rule.id] = payload
        return planned

    def summary(self, corpora: list[Any]) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for rule, corpus in zip(self.corpus_rules, corpora, strict=True):
            rows.extend(rule.summary(corpus, self.context))
        return rows

    def run(
        self,
        sources: Sequence[str],
        load: Loader,
        jobs: int = 1,
        progress: Callable[[int], None] | None = None,
    ) -> CheckResult:
        """Check the documents ``load(source)`` gives for each source, in source order."""
        store = FindingStore()
        paths: list[str] = []
        corpus_rules = self.corpus_rules
        corpora = [rule.new_corpus(self.context) for rule in corpus_rules]
        with _Mapper(self, load, jobs) as mapper:
            for index, outcome in enumerate(mapper.first(sources)):
                paths.append(outcome.path)
                store.add(outcome.findings)
                for rule, corpus in zip(corpus_rules, corpora, strict=True):
                    rule.add(corpus, index, Collected(outcome.path, outcome.collected[rule.id]))
                if progress is not None:
                    progress(1)
            planned = self.plan(corpora)
            jobs_left = [(sources[index], planned[index]) for index in sorted(planned)]
            for document_findings in mapper.second(jobs_left):
                store.add(document_findings)
        return CheckResult(store, paths, functools.partial(self.summary, corpora))


def check_documents(
    documents: Sequence[Document],
    settings: CheckSettings | None = None,
    glossary: Glossary | None = None,
) -> CheckResult:
    """Check documents already in memory (the entry point for library users and tests)."""
    by_key = {str(position): document for position, document in enumerate(documents)}
    return Checker(settings, glossary).run(list(by_key), by_key.__getitem__)


def check_bilingual(
    ko_document: Document,
    en_document: Document,
    alignment: Any,
    checker: Checker,
) -> list[Finding]:
    """The hook for the bilingual rules (``--source KO``): term-mismatch, number-mismatch,
    untranslated and omission/addition over aligned segments, with the checker's selection,
    severities and suppressions applied like any other finding.

    ``kogloss.check.bilingual`` provides ``bilingual_findings(ko_document, en_document,
    alignment, index=None)`` and declares each of its rules as a
    :class:`~kogloss.check.registry.Rule` subclass with ``@rule`` and ``family = "bilingual"``
    (its ``check`` finds nothing in a lone English document), so that ``--select``,
    severities, ``kogloss rules`` and SARIF know them. ``untranslated`` keeps detect's class.
    """
    from kogloss.check.bilingual import bilingual_findings

    raw = bilingual_findings(ko_document, en_document, alignment, checker.context.index)
    selected = {rule.id for rule in checker.rules}
    kept: list[Finding] = []
    # An omission points into the Korean file: its own directives are the ones that apply.
    for document in (ko_document, en_document):
        own = [f for f in raw if f.rule in selected and f.path == document.path]
        kept.extend(checker.finish(document, own))
    return kept


# Worker processes: each builds its own Checker once (glossary index included).
_WORKER: tuple[Checker, Loader] | None = None


def _init_worker(settings: CheckSettings, glossary: Glossary | None, load: Loader) -> None:
    global _WORKER
    _WORKER = (Checker(settings, glossary), load)


def _worker_first(source: str) -> _DocumentOutcome | _Failure:
    assert _WORKER is not None
    checker, load = _WORKER
    try:
        return checker.first_pass(load(source))
    except InputError as error:
        return _Failure(error.path, error.message, error.line, error.column)


def _worker_second(job: tuple[str, dict[str, Any]]) -> list[Finding] | _Failure:
    assert _WORKER is not None
    checker, load = _WORKER
    try:
        return checker.second_pass(load(job[0]), job[1])
    except InputError as error:
        return _Failure(error.path, error.message, error.line, error.column)


@dataclass(frozen=True)
class _Failure:
    """An InputError carried back from a worker (its own pickling loses the fields)."""

    path: str
    message: str
    line: int | None
    column: int | None


def _raise_failures(results: Iterator[Any]) -> Iterator[Any]:
    for result in results:
        if isinstance(result, _Failure):
            raise InputError(result.path, result.message, result.line, result.column)
        yield result


class _Mapper:
    """Maps the two passes over documents, in order, in this process or in a pool."""

    def __init__(self, checker: Checker, load: Loader, jobs: int) -> None:
        self.checker = checker
        self.load = load
        self.jobs = jobs
        self.pool: Any = None

    def __enter__(self) -> _Mapper:
        if self.jobs > 1:
            import multiprocessing  # 6 ms of start-up that a one-process run never needs

            start = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
            context = multiprocessing.get_context(start)
            self.pool = context.Pool(
                self.jobs,
                initializer=_init_worker,
                initargs=(self.checker.settings, self.checker.glossary, self.load),
            )
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()

    def first(self, sources: Sequence[str]) -> Iterator[_DocumentOutcome]:
        if self.pool is None:
            return (self.checker.first_pass(self.load(source)) for source in sources)
        return _raise_failures(self.pool.imap(_worker_first, sources, chunksize=8))

    def second(self, jobs: list[tuple[str, dict[str, Any]]]) -> Iterator[list[Finding]]:
        if self.pool is None:
            return (self.checker.second_pass(self.load(path), plan) for path, plan in jobs)
        return _raise_failures(self.pool.imap(_worker_second, jobs, chunksize=8))
