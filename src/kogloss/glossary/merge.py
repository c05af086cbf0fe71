"""``kogloss glossary merge``: new candidates into editors' files without touching their work.

Editors' files are not loaded and dumped again (a YAML round trip re-indents, moves comments
and re-quotes; ruamel.yaml did all three on a hand-formatted file here). Instead each change is
a text edit at the place the YAML node marks give: a value replaced, a line inserted after an
entry, entries appended after the last one in the file's own indentation. Every byte outside
those edits is the editor's, so comments, key order, quoting and blank lines come back exactly.
Merging the same candidates again finds nothing to change and leaves the files as they are.
"""

from __future__ import annotations

import copy
import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kogloss.errors import InputError
from kogloss.fileio import write_atomic
from kogloss.glossary.files import glossary_files
from kogloss.glossary.load import GlossaryFile, read_glossary_file
from kogloss.glossary.model import Entry, Glossary
from kogloss.glossary.yamlwrite import (
    render_entry,
    render_glossary,
    render_scalar,
    render_value_lines,
)

CANDIDATES_FILE = "candidates.yaml"
NEW_FILE_HEADER = (
    "# Term candidates found by `kogloss extract`, added by `kogloss glossary merge`.\n"
    "# Review each one: set `status: approved` (or deprecated), fix the forms, or delete it.\n"
)

_INNER_WHITESPACE = re.compile(r"\s+")


def _key(form: str) -> str:
    return _INNER_WHITESPACE.sub(" ", form.strip())


@dataclass
class MergeResult:
    """What a merge adds and updates, and each changed file's text before and after."""

    added: list[Entry] = field(default_factory=list)
    updated: list[Entry] = field(default_factory=list)
    # candidates already in the glossary as an approved/deprecated entry or one of its forms
    known: list[Entry] = field(default_factory=list)
    before: dict[str, str] = field(default_factory=dict)
    after: dict[str, str] = field(default_factory=dict)

    @property
    def changed_paths(self) -> list[str]:
        return [path for path in self.after if self.after[path] != self.before.get(path)]

    def diff(self) -> str:
        """A unified diff of every changed file (for ``--dry-run``)."""
        chunks = []
        for path in self.changed_paths:
            before = self.before.get(path, "")
            chunks.extend(
                difflib.unified_diff(
                    before.splitlines(keepends=True),
                    self.after[path].splitlines(keepends=True),
                    fromfile=path if path in self.before else "/dev/null",
                    tofile=path,
                )
            )
        return "".join(chunks)

    def write(self) -> None:
        """Replace each changed file in one rename (nothing is half-written on failure)."""
        for path in self.changed_paths:
            write_atomic(path, self.after[path])


class _Edits:
    """Text edits on one file, applied from the end so earlier offsets stay valid."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.edits: list[tuple[int, int, int, str]] = []

    def replace(self, start: int, end: int, replacement: str) -> None:
        self.edits.append((start, end, len(self.edits), replacement))

    def insert(self, at: int, addition: str) -> None:
        self.replace(at, at, addition)

    def apply(self) -> str:
        text = self.text
        for start, end, _, replacement in sorted(self.edits, reverse=True):
            text = text[:start] + replacement + text[end:]
        return text


def _content_end(node: Node, text: str) -> int:
    """Offset just past the last character the node's own content occupies."""
    if isinstance(node, ScalarNode):
        end = node.end_mark.index
        if node.style in ("|", ">"):  # block scalars also own their trailing line breaks
            while end > node.start_mark.index and text[end - 1] in " \n":
                end -= 1
        return end
    if isinstance(node, (MappingNode, SequenceNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        return _content_end(last[1] if isinstance(node, MappingNode) else last, text)
    return node.end_mark.index


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end


def _dash_layout(item: Node, text: str) -> tuple[str, str]:
    """The indentation before a block sequence item's dash, and the gap after it."""
    start = item.start_mark.index
    line_start = text.rfind("\n", 0, start) + 1
    dash = text.rfind("-", line_start, start)
    if dash < 0:
        return " " * item.start_mark.column, " "
    return " " * (dash - line_start), " " * (start - dash - 1)


class _FilePlan:
    """A target file: its parsed form and the edits this merge makes to it."""

    def __init__(self, loaded: GlossaryFile) -> None:
        self.loaded = loaded
        self.edits = _Edits(loaded.text)
        self.new_entries: list[Entry] = []

    @property
    def text(self) -> str:
        return self.loaded.text

    def pairs(self, index: int) -> dict[str, tuple[Node, Node]]:
        node = self.loaded.entry_nodes[index]
        return {key.value: (key, value) for key, value in node.value}

    def set_scalar(self, index: int, key: str, value: str | int) -> None:
        pairs = self.pairs(index)
        if key in pairs:
            node = pairs[key][1]
            self.edits.replace(
                node.start_mark.index, _content_end(node, self.text), render_scalar(value)
            )
        else:
            self.add_key(index, f"{key}: {render_scalar(value)}")

    def add_key(self, index: int, line: str) -> None:
        node = self.loaded.entry_nodes[index]
        indent = " " * node.start_mark.column
        self.edits.insert(_line_end(self.text, _content_end(node, self.text)), f"\n{indent}{line}")

    def extend_list(self, index: int, key: str, items: list[str], additions: list[str]) -> None:
        pairs = self.pairs(index)
        node = pairs[key][1] if key in pairs else None
        if node is None:
            indent = " " * self.loaded.entry_nodes[index].start_mark.column
            lines = render_value_lines(key, additions, indent)
            self.add_key(index, "\n".join(lines)[len(indent) :])
        elif isinstance(node, SequenceNode) and not node.flow_style and node.value:
            dash_indent, gap = _dash_layout(node.value[-1], self.text)
            lines = "".join(f"\n{dash_indent}-{gap}{render_scalar(item)}" for item in additions)
            self.edits.insert(_line_end(self.text, _content_end(node, self.text)), lines)
        else:  # a flow list or a single value: write the whole list in flow style
            flow = "[" + ", ".join(render_scalar(item) for item in items + additions) + "]"
            self.edits.replace(node.start_mark.index, _content_end(node, self.text), flow)

    def render(self) -> str:
        if self.new_entries:
            self._append_entries()
        return self.edits.apply()

    def _append_entries(self) -> None:
        terms = self.loaded.terms
        text = self.text
        if terms is None or not terms.value or terms.flow_style:  # `terms:` or `terms: []`
            block = "\n" + "\n\n".join("\n".join(render_entry(e)) for e in self.new_entries)
            key_end = self._terms_key_end()
            if terms is not None:  # drop the `[]`, keep a comment after it where it was
                self.edits.replace(key_end + 1, terms.end_mark.index, "")
            self.edits.insert(_line_end(text, key_end), block)
            return
        items = terms.value
        dash_indent, gap = _dash_layout(items[-1], text)
        separator = "\n\n"
        if len(items) >= 2:
            between = text[_content_end(items[-2], text) : items[-1].start_mark.index]
            if not re.search(r"\n[ \t]*\n", between):
                separator = "\n"
        block = "".join(
            separator + "\n".join(render_entry(entry, dash_indent, gap))
            for entry in self.new_entries
        )
        self.edits.insert(_line_end(text, _content_end(terms, text)), block)

    def _terms_key_end(self) -> int:
        """Offset of the colon after the `terms` key."""
        root = self.loaded.root
        assert isinstance(root, MappingNode)
        for key, _ in root.value:
            if key.value == "terms":
                return self.text.index(":", key.end_mark.index)
        raise InputError(self.loaded.path, "no `terms:` key to add entries under")


def _new_file(path: str) -> GlossaryFile:
    return GlossaryFile(path=path, text=NEW_FILE_HEADER + "terms:\n", root=None)


def plan_merge(candidates: Glossary, into: str | Path) -> MergeResult:
    """Work out the merge of ``candidates`` into the glossary at ``into`` without writing.

    ``into`` is a glossary file, or a directory whose new candidates go to candidates.yaml.
    Existing candidates get the new count, example and files seen in (and a Korean form if
    they had none); approved and deprecated entries are never changed.
    """
    into_name = os.fspath(into)
    if os.path.isdir(into_name):
        names = glossary_files(into_name) if _has_yaml(into_name) else []
        new_path = os.path.join(into_name, CANDIDATES_FILE)
    else:
        names = [into_name] if os.path.exists(into_name) else []
        new_path = into_name
    plans: dict[str, _FilePlan] = {}
    for name in names:
        loaded = read_glossary_file(name)
        errors = [problem for problem in loaded.problems if problem.is_schema_error]
        if errors:
            first = errors[0]
            raise InputError(
                first.path,
                f"{first.code} {first.message} (fix the glossary before merging into it)",
                first.line,
                first.column,
            )
        plans[name] = _FilePlan(loaded)
    if new_path not in plans:
        plans[new_path] = _FilePlan(_new_file(new_path))

    existing: dict[str, tuple[_FilePlan, int]] = {}
    known: dict[str, Entry] = {}
    for plan in plans.values():
        for index, entry in enumerate(plan.loaded.entries):
            existing.setdefault(_key(entry.en), (plan, index))
            for form in (
                entry.also
                + [v.text for v in entry.variants if v.text]
                + ([entry.abbr] if entry.abbr else [])
            ):
                known.setdefault(_key(form), entry)

    incoming: dict[str, Entry] = {}
    for candidate in candidates.entries:
        key = _key(candidate.en)
        if key in incoming:
            _combine(incoming[key], candidate)
        else:
            incoming[key] = copy.deepcopy(candidate)

    result = MergeResult()
    for key, candidate in incoming.items():
        if key in existing:
            plan, index = existing[key]
            entry = plan.loaded.entries[index]
            if entry.status != "candidate":
                result.known.append(candidate)
            elif _update(plan, index, entry, candidate):
                result.updated.append(entry)
        elif key in known:
            result.known.append(candidate)
        else:
            candidate.status = "candidate"
            plans[new_path].new_entries.append(candidate)
            result.added.append(candidate)

    for name, plan in plans.items():
        if name in names:
            result.before[name] = plan.text
        if plan.loaded.root is None:  # a file that does not exist yet
            if plan.new_entries:
                result.after[name] = render_glossary(plan.new_entries, NEW_FILE_HEADER)
        elif plan.new_entries or plan.edits.edits:
            result.after[name] = plan.render()
    return result


def _has_yaml(directory: str) -> bool:
    try:
        glossary_files(directory)
    except InputError:
        return False
    return True


def _combine(pending: Entry, candidate: Entry) -> None:
    """A candidate listed twice in one input: later counts and examples win, files add up."""
    if candidate.count is not None:
        pending.count = candidate.count
    if candidate.example is not None:
        pending.example = candidate.example
    pending.seen_in += [name for name in candidate.seen_in if name not in pending.seen_in]
    if pending.ko is None:
        pending.ko = candidate.ko


def _update(plan: _FilePlan, index: int, entry: Entry, candidate: Entry) -> bool:
    """Edit an existing candidate's count, example, files seen in and missing Korean form."""
    changed = False
    if candidate.count is not None and candidate.count != entry.count:
        plan.set_scalar(index, "count", candidate.count)
        entry.count = candidate.count
        changed = True
    if candidate.example is not None and candidate.example != entry.example:
        plan.set_scalar(index, "example", candidate.example)
        entry.example = candidate.example
        changed = True
    additions = [name for name in candidate.seen_in if name not in entry.seen_in]
    if additions:
        plan.extend_list(index, "seen_in", list(entry.seen_in), additions)
        entry.seen_in = entry.seen_in + additions
        changed = True
    if entry.ko is None and candidate.ko is not None:
        plan.set_scalar(index, "ko", candidate.ko)
        entry.ko = candidate.ko
        changed = True
    return changed
