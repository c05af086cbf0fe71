"""The glossary rules: a listed variant used, and one entry written in several forms.

Both read the glossary's matches through the context (one scan of the document by the
:class:`~kogloss.glossary.TermIndex` serves every rule) and are skipped when a run has no
glossary.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from kogloss.check.context import CheckContext
from kogloss.check.registry import Collected, Rule, rule
from kogloss.check.variants import is_plural
from kogloss.document import Document
from kogloss.findings import Finding, Severity, make_finding

if TYPE_CHECKING:
    from kogloss.glossary import Entry, TermMatch

# The forms of an entry that count towards consistency (acronyms and Korean are not forms).
_WRITTEN_FORMS = ("en", "also", "variant", "pattern")
_VARIANT_FORMS = ("variant", "pattern")
_SPACES = re.compile(r"\s+")

EntryKey = tuple[str, int, str]


def entry_key(entry: Entry) -> EntryKey:
    """An entry's identity that survives pickling: where it is defined, and its form."""
    return (entry.path, entry.line, entry.en)


def written(match: TermMatch) -> str:
    """The matched text with line breaks and space runs as single spaces."""
    return _SPACES.sub(" ", match.matched)


def form_of(match: TermMatch) -> str:
    """Which of its entry's forms a match is: the glossary's own spelling of it, so that a
    plural or a capitalised heading is not taken for a second form."""
    entry = match.entry
    text = written(match)
    if match.form == "en" or is_plural(text.casefold(), entry.en.casefold()):
        return entry.en
    if match.form == "also":
        folded = text.casefold()
        return next((item for item in entry.also if item.casefold() == folded), text)
    if match.form == "variant" and match.variant is not None and match.variant.text:
        return match.variant.text
    return text


@rule
class GlossaryVariant(Rule):
    """A form the glossary lists as a variant is used; the preferred form is suggested.

    Each glossary entry names its preferred English form (``en``) and the forms to replace
    with it (``variants``: plain text, or a pattern for forms that depend on context, such as
    "Kyrgyz" used as the country's name). The message gives the editor's explanation when the
    entry has one; the suggestion is the preferred form, which ``--fix`` applies to plain
    variants (a pattern's match depends on context, so its suggestion is left to the editor).

    **Anti-pattern**::

        peace and stability on the Korean Peninsular and beyond

    **Best practice**::

        peace and stability on the Korean Peninsula and beyond
    """

    id = "glossary-variant"
    severity = Severity.WARNING
    family = "glossary"
    fixable = True
    needs_glossary = True

    def check(self, document: Document, context: CheckContext) -> Iterable[Finding]:
        findings = []
        for match in context.term_matches(document).of_kinds(_VARIANT_FORMS):
            message = f"'{written(match)}' is a variant of '{match.entry.en}'"
            if match.variant is not None and match.variant.message:
                message += f": {match.variant.message}"
            findings.append(
                make_finding(
                    document,
                    match.start,
                    match.end,
                    self.id,
                    self.severity,
                    message,
                    suggestion=match.entry.en,
                    data={
                        "entry": match.entry.en,
                        "glossary": f"{match.entry.path}:{match.entry.line}",
                        # A pattern depends on context ("of Kyrgyz" wants "of the Kyrgyz
                        # Republic"): its suggestion is shown, not applied.
                        "fixable": match.form == "variant",
                    },
                )
            )
        return findings


@rule
class InconsistentTerm(Rule):
    """One glossary entry written in two forms in a document, or across the run.

    A reader takes two spellings for two things. When a document (or, with ``scope =
    "corpus"``, the default, the set of documents checked together) uses more than one of an
    entry's forms, whether accepted (``en``, ``also``) or listed variants, the first use in each
    document of every form other than the preferred one (or, when the preferred form is not
    used, the most frequent one) is reported with the count of every form, so that the editor
    can make the release consistent. Plurals and acronyms (``abbr``) mixed with the full form
    are normal and not reported.

    **Anti-pattern**::

        Kyrgyzstan hosted the forum ... the Kyrgyz Republic and the ROK agreed ...

    **Best practice**::

        the Kyrgyz Republic hosted the forum ... the Kyrgyz Republic and the ROK agreed ...
    """

    id = "inconsistent-term"
    severity = Severity.INFO
    family = "glossary"
    corpus = True
    needs_glossary = True
    options: ClassVar[dict[str, Any]] = {"scope": "corpus"}

    def collect(self, document: Document, context: CheckContext) -> Any:
        # Each distinct spelling of a form is named once per run (entries live as long as the
        # run); the matches give its count and first use without a match object for each.
        named: dict[Hashable, tuple[EntryKey, str]] = context.run_cached(self.id, dict)
        matches = context.term_matches(document)
        forms: dict[EntryKey, dict[str, list[int]]] = {}
        for key, first, count in matches.spellings(_WRITTEN_FORMS):
            name = named.get(key)
            if name is None:
                match = matches[first]
                name = named[key] = (entry_key(match.entry), form_of(match))
            entry, text = name
            per_entry = forms.setdefault(entry, {})
            if text in per_entry:
                per_entry[text][0] += count
            else:
                per_entry[text] = [count, matches.starts[first], matches.ends[first]]
        return forms

    def new_corpus(self, context: CheckContext) -> _Corpus:
        return _Corpus(by_document=context.settings.option(self, "scope") == "document")

    def add(self, corpus: _Corpus, index: int, item: Collected) -> None:
        corpus.paths.append(item.path)
        _add_forms(corpus.totals, index, item.data)
        if corpus.by_document:
            alone: _Forms = {}
            _add_forms(alone, index, item.data)
            corpus.planned.update(_plan(alone))

    def plan(self, corpus: _Corpus, context: CheckContext) -> dict[int, Any]:
        return corpus.planned if corpus.by_document else _plan(corpus.totals)

    def report(self, document: Document, planned: Any, context: CheckContext) -> list[Finding]:
        # The plan carries where each form is first used: the document is not matched again.
        findings = []
        for (_, form), (note, start, end) in planned.items():
            forms = ", ".join(f"'{name}' {count}x" for name, count in note["forms"].items())
            findings.append(
                make_finding(
                    document,
                    start,
                    end,
                    self.id,
                    self.severity,
                    f"'{form}' and '{note['major']}' are two forms of the glossary entry "
                    f"'{note['entry']}' ({forms})",
                    data={"form": form, **note},
                )
            )
        return findings

    def summary(self, corpus: _Corpus, context: CheckContext) -> list[dict]:
        rows = []
        for key in sorted(corpus.totals, key=lambda key: key[2]):
            rows.append(
                {
                    "term": key[2],
                    "source": f"{key[0]}:{key[1]}",
                    "forms": [
                        {
                            "form": form,
                            "count": count,
                            "files": [corpus.paths[index] for index in documents],
                        }
                        for form, (count, _, documents, _) in corpus.totals[key].items()
                    ],
                }
            )
        return rows


# Entry -> its form -> [count, order of first use, documents it is in, the span of its first
# use in each of them (start and end, two numbers a document)].
_Forms = dict[EntryKey, dict[str, list[Any]]]


@dataclass
class _Corpus:
    """inconsistent-term's state over a run."""

    by_document: bool
    paths: list[str] = field(default_factory=list)
    totals: _Forms = field(default_factory=dict)
    planned: dict[int, Any] = field(default_factory=dict)


def _add_forms(merged: _Forms, index: int, data: Any) -> None:
    for key, forms in (data or {}).items():
        per_entry = merged.setdefault(key, {})
        for form, (count, start, end) in forms.items():
            previous = per_entry.get(form)
            if previous is None:
                per_entry[form] = [count, (index, start), array("I", [index]), array("I")]
                previous = per_entry[form]
            else:
                previous[0] += count
                previous[2].append(index)
            previous[3].extend((start, end))


def _plan(merged: _Forms) -> dict[int, Any]:
    """For each entry used in two forms, the documents where each other form is used."""
    planned: dict[int, dict[tuple[EntryKey, str], dict[str, Any]]] = {}
    for key, counts in merged.items():
        if len(counts) < 2:
            continue
        major = (
            key[2]
            if key[2] in counts
            else max(counts, key=lambda form: (counts[form][0], _negated(counts[form][1])))
        )
        summary = {form: count for form, (count, _, _, _) in counts.items()}
        note = {"entry": key[2], "major": major, "forms": summary}
        for form, (_, _, documents, spans) in counts.items():
            if form != major:
                for position, document_index in enumerate(documents):
                    span = (note, spans[2 * position], spans[2 * position + 1])
                    planned.setdefault(document_index, {})[(key, form)] = span
    return planned


def _negated(first: tuple[int, int]) -> tuple[int, int]:
    """Earlier first use sorts higher under max()."""
    return (-first[0], -first[1])
