"""Export and import by format name: the one place the CLI and Python users pick a format."""

from __future__ import annotations

import os
from pathlib import Path

from kogloss.errors import InputError
from kogloss.glossary.files import read_text
from kogloss.glossary.model import Entry, Glossary
from kogloss.glossary.tabular import read_table, write_table
from kogloss.glossary.tbx import read_tbx, write_tbx
from kogloss.glossary.vale import vale_rule
from kogloss.glossary.yamlwrite import render_glossary

EXPORT_FORMATS = ("tbx", "martif", "csv", "tsv", "vale", "yaml")
IMPORT_FORMATS = ("tbx", "csv", "tsv")


def export_glossary(glossary: Glossary, output_format: str) -> str:
    """The glossary as text in ``output_format`` (``tbx`` is ISO 30042:2019, ``martif`` 2008)."""
    entries = glossary.entries
    if output_format in ("tbx", "martif"):
        return write_tbx(entries, dialect=output_format)
    if output_format == "csv":
        return write_table(entries, ",")
    if output_format == "tsv":
        return write_table(entries, "\t")
    if output_format == "vale":
        return vale_rule(entries)
    if output_format == "yaml":
        return render_glossary(entries)
    raise ValueError(f"unknown export format {output_format!r}")


def import_entries(path: str | Path, input_format: str) -> list[Entry]:
    """Entries read from a TBX (either dialect), CSV or TSV file; InputError on bad input."""
    name = os.fspath(path)
    if input_format == "tbx":
        try:
            with open(name, "rb") as handle:
                data = handle.read()
        except FileNotFoundError:
            raise InputError(name, "no such file or directory") from None
        except OSError as error:
            raise InputError(name, f"cannot read: {error.strerror or error}") from None
        return read_tbx(data, name)
    if input_format in ("csv", "tsv"):
        return read_table(read_text(name), name, "," if input_format == "csv" else "\t")
    raise ValueError(f"unknown import format {input_format!r}")


def import_glossary(path: str | Path, input_format: str) -> str:
    """The file at ``path`` converted to glossary YAML."""
    entries = import_entries(path, input_format)
    header = f"# Imported from {os.path.basename(os.fspath(path))} by `kogloss glossary import`.\n"
    return render_glossary(entries, header)
