"""Writing entries as glossary YAML, in the layout editors see in README examples.

Only what kogloss itself adds is written here (new candidates, imported glossaries); editors'
files are never re-serialised (see merge.py). Scalars are plain where YAML reads them back as
the same text, double-quoted (JSON escapes are valid YAML) otherwise, so the output is stable.
"""

from __future__ import annotations

import json
import re

import yaml

from kogloss.glossary.model import Entry, Variant

_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_UNSAFE = re.compile(r": |\s#|[\x00-\x1f\x7f\u2028\u2029\ufeff]|:$")


def render_scalar(value: str | int) -> str:
    """``value`` as a YAML scalar that reads back as exactly ``value``."""
    if isinstance(value, int):
        return str(value)
    if (
        value
        and value == value.strip()
        and value[0] not in _INDICATORS
        and not _UNSAFE.search(value)
        and _reads_back(value)
    ):
        return value
    return json.dumps(value, ensure_ascii=False)


def _reads_back(value: str) -> bool:
    try:
        return yaml.safe_load(f"k: {value}") == {"k": value}
    except yaml.YAMLError:
        return False


def _variant_lines(variant: Variant, indent: str) -> list[str]:
    if variant.text is not None and variant.message is None:
        return [f"{indent}- {render_scalar(variant.text)}"]
    lines = []
    if variant.text is not None:
        lines.append(f"text: {render_scalar(variant.text)}")
    if variant.pattern is not None:
        lines.append(f"pattern: {render_scalar(variant.pattern)}")
    if variant.message is not None:
        lines.append(f"message: {render_scalar(variant.message)}")
    return [f"{indent}- {lines[0]}"] + [f"{indent}  {line}" for line in lines[1:]]


def entry_fields(entry: Entry) -> list[tuple[str, str | int | list[str] | list[Variant]]]:
    """The entry's keys and values worth writing, in the README's order.

    ``type`` and ``status`` are always written (editors' rules require them); other defaults
    (``case: sensitive``, empty lists) are left out.
    """
    fields: list[tuple[str, str | int | list[str] | list[Variant]]] = [("en", entry.en)]
    if entry.abbr is not None:
        fields.append(("abbr", entry.abbr))
    if entry.ko is not None:
        fields.append(("ko", entry.ko))
    fields.append(("type", entry.type))
    fields.append(("status", entry.status))
    if not entry.case_sensitive:
        fields.append(("case", "insensitive"))
    if entry.also:
        fields.append(("also", entry.also))
    if entry.variants:
        fields.append(("variants", entry.variants))
    for key in ("note", "source"):
        value = getattr(entry, key)
        if value is not None:
            fields.append((key, value))
    if entry.count is not None:
        fields.append(("count", entry.count))
    if entry.seen_in:
        fields.append(("seen_in", entry.seen_in))
    if entry.example is not None:
        fields.append(("example", entry.example))
    return fields


def flow_list(items: list[str]) -> str | None:
    """``[a, b]`` when every item is plain and short enough to read on one line, else None."""
    rendered = [render_scalar(item) for item in items]
    if any(
        r != item or any(char in item for char in ",[]{}")
        for r, item in zip(rendered, items, strict=True)
    ):
        return None
    flow = "[" + ", ".join(rendered) + "]"
    if len(flow) > 72:
        return None
    # plain scalars have stricter rules inside [...]: trust only what reads back the same
    try:
        same = yaml.safe_load(f"k: {flow}") == {"k": items}
    except yaml.YAMLError:
        same = False
    return flow if same else None


def render_value_lines(key: str, value: object, indent: str) -> list[str]:
    """``key: value`` at ``indent``, lists as block sequences two spaces further in."""
    if isinstance(value, list):
        if all(isinstance(item, str) for item in value):
            flow = flow_list([str(item) for item in value])
            if flow is not None:
                return [f"{indent}{key}: {flow}"]
        lines = [f"{indent}{key}:"]
        for item in value:
            if isinstance(item, Variant):
                lines.extend(_variant_lines(item, indent + "  "))
            else:
                lines.append(f"{indent}  - {render_scalar(item)}")
        return lines
    assert isinstance(value, (str, int))
    return [f"{indent}{key}: {render_scalar(value)}"]


def render_entry(entry: Entry, dash_indent: str = "  ", gap: str = " ") -> list[str]:
    """The entry as lines of a block sequence item: ``{dash_indent}-{gap}en: ...``."""
    key_indent = dash_indent + " " + gap
    lines: list[str] = []
    for key, value in entry_fields(entry):
        lines.extend(render_value_lines(key, value, key_indent))
    lines[0] = f"{dash_indent}-{gap}{lines[0][len(key_indent) :]}"
    return lines


def render_glossary(entries: list[Entry], header: str = "") -> str:
    """A whole glossary file: an optional comment header, ``terms:``, entries a blank line apart."""
    parts = [header] if header else []
    parts.append("terms:\n")
    blocks = ["\n".join(render_entry(entry)) + "\n" for entry in entries]
    parts.append("\n".join(blocks))
    return "".join(parts)
