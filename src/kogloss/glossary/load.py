"""Reading glossary YAML into entries, with every problem placed at its line and column.

The YAML is composed to a node tree (PyYAML's safe composer) rather than loaded to plain
objects: nodes keep the line and column of every key and value, keep scalars as the editor wrote
them (``en: No`` stays the text "No", not YAML 1.1's false) and let us find duplicate keys,
which a plain load silently collapses.
"""

from __future__ import annotations

import contextlib
import difflib
import re
import unicodedata
from dataclasses import dataclass, field

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kogloss.errors import InputError
from kogloss.glossary.files import read_text
from kogloss.glossary.model import (
    CASES,
    DEFAULT_STATUS,
    DEFAULT_TYPE,
    ENTRY_KEYS,
    FILE_KEYS,
    STATUSES,
    TYPES,
    VARIANT_KEYS,
    Entry,
    Variant,
)
from kogloss.glossary.patterns import PatternError, compile_pattern
from kogloss.glossary.problems import Problem

_NULL_TAG = "tag:yaml.org,2002:null"
_INT_TAG = "tag:yaml.org,2002:int"


@dataclass
class GlossaryFile:
    """One file as read: its text, node tree, entries and every schema problem found."""

    path: str
    text: str
    root: Node | None
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    terms: SequenceNode | None = None
    # the entry's mapping node, index-aligned with ``entries``
    entry_nodes: list[MappingNode] = field(default_factory=list)


# libyaml (PyYAML's C composer, ten times faster) and the pure composer disagree on texts
# with these (fuzzing found: tabs and ``?`` inside flow scalars and a comment right after a
# block scalar's ``|``, which libyaml accepts; ``!`` tags, which it resolves differently; a
# byte-order mark inside the text, which it skips): such texts take the pure composer.
_LIBYAML_DIFFERS = re.compile("[\t?!\ufeff]|[|>][-+0-9]*#")
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def compose_yaml(path: str, text: str, fast: bool = False) -> Node | None:
    """The node tree of a one-document YAML text; syntax errors become InputError.

    ``fast`` composes with libyaml where it gives the pure composer's tree (the same nodes,
    tags and start marks; plain scalars have style "" for None), else, and for every error,
    with the pure composer, whose messages and places the tests fix. A tree with an empty
    document or value is composed again by the pure composer too."""
    if fast and _FAST_LOADER is not None and not _LIBYAML_DIFFERS.search(text):
        with contextlib.suppress(Exception):  # any libyaml error: let the pure one report it
            root = yaml.compose(text, Loader=_FAST_LOADER)
            if root is not None and not _has_empty_plain(root):
                return root
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(path, error) from None
    except yaml.reader.ReaderError as error:
        before = text[: error.position]
        line = before.count("\n") + 1
        column = error.position - (before.rfind("\n") + 1) + 1
        character = error.character if isinstance(error.character, str) else chr(error.character)
        message = f"invalid YAML: control character U+{ord(character):04X} is not allowed"
        raise InputError(path, message, line, column) from None
    except yaml.YAMLError as error:
        raise InputError(path, "invalid YAML: " + " ".join(str(error).split())) from None


def _has_empty_plain(root: Node) -> bool:
    """Whether the tree holds an empty plain scalar (``key:`` with nothing after it), which
    libyaml can place elsewhere than the pure composer (in flow collections, a bare ``---``)."""
    stack = [root]
    seen = set()  # an alias can point back up the tree (``&a [*a]``)
    while stack:
        node = stack.pop()
        if isinstance(node, ScalarNode):
            if not node.value and not node.style:
                return True
        elif id(node) not in seen:
            seen.add(id(node))
            if isinstance(node, MappingNode):
                for key, value in node.value:
                    stack += (key, value)
            else:
                stack += node.value
    return False


def _syntax_error(path: str, error: yaml.MarkedYAMLError) -> InputError:
    problem = (error.problem or "invalid YAML").strip()
    mark = error.problem_mark
    context_mark = error.context_mark
    if "but found another document" in problem:
        problem = "more than one YAML document (---): a glossary file holds one"
    elif "'\\t'" in problem or "\\t" in problem:
        problem = "tab character: indent with spaces"
    elif problem.startswith("found unexpected end of stream") and context_mark is not None:
        # an unclosed quote: the useful place is where the quoted text began
        problem = f"{error.context.removeprefix('while scanning ')} is never closed"
        mark = context_mark
    elif error.context and context_mark is not None:
        problem = f"{problem} ({error.context} at line {context_mark.line + 1})"
    if mark is None:
        return InputError(path, f"invalid YAML: {problem}")
    return InputError(path, f"invalid YAML: {problem}", mark.line + 1, mark.column + 1)


def read_glossary_file(path: str, fast: bool = False) -> GlossaryFile:
    """Read and validate one file: syntax errors raise InputError, schema problems are listed.

    ``fast`` (for loading: entries and their start positions only) may compose with libyaml,
    whose end marks can differ from the pure composer's (merge edits the text at those)."""
    text = read_text(path)
    root = compose_yaml(path, text, fast)
    result = GlossaryFile(path=path, text=text, root=root)
    if root is None:
        raise InputError(path, "empty glossary file: expected `terms:` and a list of entries", 1, 1)
    _Reader(result).read_file(root)
    return result


def parse_glossary(paths: list[str]) -> list[Entry]:
    """Every entry of the files, in order; the first schema error raises InputError."""
    entries: list[Entry] = []
    for name in paths:
        result = read_glossary_file(name, fast=True)
        errors = sorted((p for p in result.problems if p.is_schema_error), key=lambda p: p.sort_key)
        if errors:
            first = errors[0]
            more = (
                f" (and {len(errors) - 1} more; run kogloss glossary lint)"
                if len(errors) > 1
                else ""
            )
            raise InputError(
                first.path, f"{first.code} {first.message}{more}", first.line, first.column
            )
        entries.extend(result.entries)
    return entries


def _place(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _kind(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    return "text"


def _did_you_mean(key: str, known: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(key.lower(), known, n=1, cutoff=0.6)
    return f" (did you mean `{close[0]}`?)" if close else ""


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


class _Reader:
    """Walks one file's node tree, building entries and collecting problems."""

    def __init__(self, result: GlossaryFile) -> None:
        self.result = result
        self.path = result.path

    def problem(self, node: Node, code: str, message: str) -> None:
        line, column = _place(node)
        self.result.problems.append(Problem(self.path, line, column, code, message))

    def pairs(
        self, node: MappingNode, known: tuple[str, ...], what: str
    ) -> dict[str, tuple[Node, Node]]:
        """Key -> (key node, value node), reporting non-text, duplicate and unknown keys."""
        seen: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.problem(
                    key_node, "GL001", f"a key of {what} must be a word, not {_kind(key_node)}"
                )
                continue
            key = key_node.value
            if key in seen:
                first_line = seen[key][0].start_mark.line + 1
                self.problem(
                    key_node, "GL006", f"duplicate key `{key}` (first at line {first_line})"
                )
                continue
            seen[key] = (key_node, value_node)
            if key not in known:
                self.problem(
                    key_node, "GL005", f"unknown key `{key}` in {what}{_did_you_mean(key, known)}"
                )
        return seen

    def read_file(self, root: Node) -> None:
        if not isinstance(root, MappingNode):
            self.problem(
                root, "GL001", f"a glossary file is a mapping with `terms:`, not {_kind(root)}"
            )
            return
        pairs = self.pairs(root, FILE_KEYS, "the file")
        if "terms" not in pairs:
            self.problem(
                root, "GL001", "no `terms:` key: a glossary file lists its entries under `terms:`"
            )
            return
        terms = pairs["terms"][1]
        if isinstance(terms, ScalarNode) and terms.tag == _NULL_TAG:
            return  # `terms:` with nothing under it: a file with no entries yet
        if not isinstance(terms, SequenceNode):
            self.problem(terms, "GL001", f"`terms` must be a list of entries, not {_kind(terms)}")
            return
        self.result.terms = terms
        for item in terms.value:
            if not isinstance(item, MappingNode):
                self.problem(
                    item, "GL001", f"an entry must be a mapping (`- en: ...`), not {_kind(item)}"
                )
                continue
            entry = self.read_entry(item)
            if entry is not None:
                self.result.entries.append(entry)
                self.result.entry_nodes.append(item)

    def text(self, node: Node, key: str, entry: Entry) -> str | None:
        """A scalar as the editor wrote it (None for YAML null); problems for anything else."""
        if isinstance(node, ScalarNode):
            if node.tag == _NULL_TAG and not node.style:  # plain: None, or "" from libyaml
                return None
            value = _nfc(node.value)
            if not value.strip():
                self.problem(node, "GL007", f"`{key}` is empty")
                return None
            entry.positions.setdefault(key, _place(node))
            return value
        self.problem(node, "GL003", f"`{key}` must be text, not {_kind(node)}")
        return None

    def text_list(self, node: Node, key: str, entry: Entry) -> list[str]:
        """A list of scalars; a single scalar counts as a one-item list."""
        if isinstance(node, ScalarNode):
            value = self.text(node, key, entry)
            if value is not None:
                entry.positions[f"{key}[0]"] = _place(node)
            return [] if value is None else [value]
        if not isinstance(node, SequenceNode):
            self.problem(node, "GL003", f"`{key}` must be a list of text, not {_kind(node)}")
            return []
        values = []
        entry.positions.setdefault(key, _place(node))
        for item in node.value:
            item_key = f"{key}[{len(values)}]"
            if not isinstance(item, ScalarNode):
                self.problem(item, "GL003", f"an item of `{key}` must be text, not {_kind(item)}")
                continue
            value = self.text(item, key, entry)
            if value is not None:
                entry.positions[item_key] = _place(item)
                values.append(value)
        return values

    def choice(self, node: Node, key: str, allowed: tuple[str, ...], entry: Entry) -> str | None:
        value = self.text(node, key, entry)
        if value is None:
            return None
        if value not in allowed:
            hint = _did_you_mean(value, allowed)
            self.problem(
                node, "GL004", f"`{key}: {value}` is not one of {', '.join(allowed)}{hint}"
            )
            return None
        return value

    def read_entry(self, node: MappingNode) -> Entry | None:
        pairs = self.pairs(node, ENTRY_KEYS, "an entry")
        line, _ = _place(node)
        entry = Entry(en="", path=self.path, line=line)
        entry.positions["entry"] = _place(node)
        values = {key: value for key, (_, value) in pairs.items()}
        if "en" in values:
            entry.en = self.text(values["en"], "en", entry) or ""
        elif values:
            self.problem(node, "GL002", "entry has no `en` (the preferred English form)")
        if not entry.en:
            if not values:
                self.problem(node, "GL002", "empty entry: it needs at least `en`")
            return None
        if "ko" in values:
            entry.ko = self.text(values["ko"], "ko", entry)
        if "type" in values:
            entry.type = self.choice(values["type"], "type", TYPES, entry) or DEFAULT_TYPE
        if "status" in values:
            entry.status = (
                self.choice(values["status"], "status", STATUSES, entry) or DEFAULT_STATUS
            )
        if "abbr" in values:
            entry.abbr = self.text(values["abbr"], "abbr", entry)
        if "case" in values:
            entry.case_sensitive = (
                self.choice(values["case"], "case", CASES, entry) != "insensitive"
            )
        if "also" in values:
            entry.also = self.text_list(values["also"], "also", entry)
        if "variants" in values:
            entry.variants = self.variants(values["variants"], entry)
        for key in ("note", "source", "example"):
            if key in values:
                setattr(entry, key, self.text(values[key], key, entry))
        if "count" in values:
            entry.count = self.count(values["count"], entry)
        if "seen_in" in values:
            entry.seen_in = self.text_list(values["seen_in"], "seen_in", entry)
        return entry

    def count(self, node: Node, entry: Entry) -> int | None:
        if isinstance(node, ScalarNode) and node.tag == _INT_TAG:
            try:
                value = int(node.value.replace("_", ""), 0)
            except ValueError:
                value = -1
            if value >= 0:
                entry.positions["count"] = _place(node)
                return value
        if isinstance(node, ScalarNode) and node.tag == _NULL_TAG:
            return None
        self.problem(node, "GL003", "`count` must be a whole number of 0 or more")
        return None

    def variants(self, node: Node, entry: Entry) -> list[Variant]:
        if isinstance(node, ScalarNode) and node.tag == _NULL_TAG:
            return []
        items = node.value if isinstance(node, SequenceNode) else [node]
        if isinstance(node, MappingNode):
            self.problem(
                node, "GL003", "`variants` must be a list (`- Wrong form` or `- pattern: ...`)"
            )
            return []
        variants: list[Variant] = []
        for item in items:
            variant = self.variant(item, entry)
            if variant is not None:
                entry.positions[f"variants[{len(variants)}]"] = _place(item)
                variants.append(variant)
        return variants

    def variant(self, node: Node, entry: Entry) -> Variant | None:
        if isinstance(node, ScalarNode):
            text = self.text(node, "variants", entry)
            return None if text is None else Variant(text=text)
        if not isinstance(node, MappingNode):
            self.problem(node, "GL008", "a variant is text or a mapping with `text` or `pattern`")
            return None
        pairs = self.pairs(node, VARIANT_KEYS, "a variant")
        values = {key: value for key, (_, value) in pairs.items()}
        scratch = Entry(en="")  # positions inside a variant are not kept separately
        text = self.text(values["text"], "text", scratch) if "text" in values else None
        pattern = self.text(values["pattern"], "pattern", scratch) if "pattern" in values else None
        message = self.text(values["message"], "message", scratch) if "message" in values else None
        if text is not None and pattern is not None:
            self.problem(node, "GL008", "a variant has `text` or `pattern`, not both")
            return None
        if text is None and pattern is None:
            if "text" not in values and "pattern" not in values:
                self.problem(node, "GL008", "a variant needs `text` or `pattern`")
            return None
        if pattern is not None:
            try:
                compile_pattern(pattern, entry.case_sensitive)
            except PatternError as error:
                self.problem(values["pattern"], "GL201", f"pattern does not compile: {error}")
                return None
        return Variant(text=text, pattern=pattern, message=message)
