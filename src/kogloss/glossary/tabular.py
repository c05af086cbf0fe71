"""CSV and TSV: the glossary as one row per entry, for spreadsheets and CAT tools' term lists.

The columns are the YAML keys. A list cell (``also``, ``seen_in``, ``variants``) is its items
joined by ``"; "`` when that reads back unambiguously, and a JSON array otherwise (an item with
a semicolon, a variant with a pattern or a message), so export followed by import loses nothing.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
from typing import Any

from kogloss.errors import InputError
from kogloss.glossary.model import (
    CASES,
    DEFAULT_STATUS,
    DEFAULT_TYPE,
    ENTRY_KEYS,
    STATUSES,
    TYPES,
    Entry,
    Variant,
)
from kogloss.glossary.patterns import PatternError, compile_pattern

COLUMNS = ENTRY_KEYS
_SEPARATOR = "; "


def _plain_list_ok(items: list[str]) -> bool:
    return all(
        item and item == item.strip() and ";" not in item and not item.startswith("[")
        for item in items
    )


def _list_cell(items: list[str]) -> str:
    if _plain_list_ok(items):
        return _SEPARATOR.join(items)
    return json.dumps(items, ensure_ascii=False)


def _variants_cell(variants: list[Variant]) -> str:
    if all(v.text is not None and v.message is None for v in variants):
        texts = [v.text for v in variants if v.text is not None]
        if _plain_list_ok(texts):
            return _SEPARATOR.join(texts)
    items: list[Any] = []
    for variant in variants:
        if variant.text is not None and variant.message is None:
            items.append(variant.text)
        else:
            item = {"text": variant.text, "pattern": variant.pattern, "message": variant.message}
            items.append({key: value for key, value in item.items() if value is not None})
    return json.dumps(items, ensure_ascii=False)


def entry_row(entry: Entry) -> list[str]:
    """The entry's cells, in the order of COLUMNS."""
    cells = {
        "en": entry.en,
        "abbr": entry.abbr or "",
        "ko": entry.ko or "",
        "type": entry.type,
        "status": entry.status,
        "case": "sensitive" if entry.case_sensitive else "insensitive",
        "also": _list_cell(entry.also),
        "variants": _variants_cell(entry.variants),
        "note": entry.note or "",
        "source": entry.source or "",
        "count": "" if entry.count is None else str(entry.count),
        "seen_in": _list_cell(entry.seen_in),
        "example": entry.example or "",
    }
    return [cells[column] for column in COLUMNS]


def write_table(entries: list[Entry], delimiter: str = ",") -> str:
    """The entries as CSV (``delimiter=","``) or TSV (``"\\t"``), a header row first."""
    stream = io.StringIO()
    writer = csv.writer(stream, delimiter=delimiter, lineterminator="\n")
    writer.writerow(COLUMNS)
    for entry in entries:
        writer.writerow(entry_row(entry))
    return stream.getvalue()


class _RowReader:
    def __init__(self, path: str, line: int) -> None:
        self.path = path
        self.line = line

    def error(self, column: str, message: str) -> InputError:
        return InputError(self.path, f"column `{column}`: {message}", self.line)

    def list_cell(self, column: str, cell: str) -> list[Any]:
        if not cell:
            return []
        if cell.startswith("["):
            try:
                value = json.loads(cell)
            except json.JSONDecodeError as error:
                raise self.error(
                    column, f"a cell starting with [ must be a JSON list ({error.msg})"
                ) from None
            if not isinstance(value, list):
                raise self.error(column, "expected a JSON list")
            return value
        return [item.strip() for item in cell.split(";")]

    def texts(self, column: str, cell: str) -> list[str]:
        items = self.list_cell(column, cell)
        if not all(isinstance(item, str) and item for item in items):
            raise self.error(column, "every item must be non-empty text")
        return items

    def variants(self, cell: str, case_sensitive: bool) -> list[Variant]:
        variants = []
        for item in self.list_cell("variants", cell):
            if isinstance(item, str) and item:
                variants.append(Variant(text=item))
                continue
            if not isinstance(item, dict) or set(item) - {"text", "pattern", "message"}:
                raise self.error("variants", "an item is text or {text|pattern, message}")
            variant = Variant(item.get("text"), item.get("pattern"), item.get("message"))
            if (variant.text is None) == (variant.pattern is None):
                raise self.error("variants", "a variant needs exactly one of text and pattern")
            if variant.pattern is not None:
                try:
                    compile_pattern(variant.pattern, case_sensitive)
                except PatternError as error:
                    raise self.error("variants", f"pattern does not compile: {error}") from None
            variants.append(variant)
        return variants

    def choice(self, column: str, cell: str, allowed: tuple[str, ...], default: str) -> str:
        if not cell:
            return default
        if cell not in allowed:
            raise self.error(column, f"`{cell}` is not one of {', '.join(allowed)}")
        return cell

    def entry(self, row: dict[str, str]) -> Entry:
        cell = {column: row.get(column) or "" for column in COLUMNS}
        if not cell["en"].strip():
            raise self.error("en", "empty: every row needs the preferred English form")
        count = None
        if cell["count"]:
            if not cell["count"].isdigit():
                raise self.error("count", f"`{cell['count']}` is not a whole number")
            count = int(cell["count"])
        case_sensitive = self.choice("case", cell["case"], CASES, "sensitive") == "sensitive"
        return Entry(
            en=cell["en"],
            ko=cell["ko"] or None,
            type=self.choice("type", cell["type"], TYPES, DEFAULT_TYPE),
            status=self.choice("status", cell["status"], STATUSES, DEFAULT_STATUS),
            abbr=cell["abbr"] or None,
            case_sensitive=case_sensitive,
            also=self.texts("also", cell["also"]),
            variants=self.variants(cell["variants"], case_sensitive),
            note=cell["note"] or None,
            source=cell["source"] or None,
            count=count,
            seen_in=self.texts("seen_in", cell["seen_in"]),
            example=cell["example"] or None,
            path=self.path,
            line=self.line,
        )


def read_table(text: str, path: str, delimiter: str = ",") -> list[Entry]:
    """Entries from CSV/TSV text with a header row naming columns (``en`` required)."""
    if text.startswith("\ufeff"):  # spreadsheets often write a byte-order mark
        text = text[1:]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
        if header is None:
            raise InputError(path, "empty file: no header row", 1, 1)
        for position, column in enumerate(header):
            if column not in COLUMNS:
                close = difflib.get_close_matches(column, COLUMNS, n=1)
                hint = f" (did you mean `{close[0]}`?)" if close else ""
                raise InputError(path, f"unknown column `{column}`{hint}", 1, position + 1)
        if "en" not in header:
            raise InputError(path, "no `en` column in the header row", 1, 1)
        entries = []
        line = reader.line_num + 1
        for row in reader:
            if any(row):
                if len(row) > len(header):
                    raise InputError(
                        path, f"{len(row)} cells in a row, {len(header)} in the header", line
                    )
                entries.append(_RowReader(path, line).entry(dict(zip(header, row, strict=False))))
            line = reader.line_num + 1
    except csv.Error as error:
        raise InputError(
            path, f"malformed {'TSV' if delimiter == chr(9) else 'CSV'}: {error}", reader.line_num
        ) from None
    if not entries:
        raise InputError(path, "empty glossary: no rows after the header")
    return entries
