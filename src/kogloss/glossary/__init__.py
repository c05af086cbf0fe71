"""The glossary: YAML that editors own, loaded with precise errors, matched fast, exchanged.

The names exported here are a contract with the check and extract work (see docs/glossary.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kogloss.glossary.files import load_glossary
from kogloss.glossary.index import TermIndex, TermMatch
from kogloss.glossary.model import Entry, Glossary, Variant

if TYPE_CHECKING:
    from pathlib import Path


def default_glossary_path() -> Path:
    """The reviewed glossary shipped inside the package (``kogloss/data/glossary``)."""
    from pathlib import Path  # not imported by a run that names its glossary

    return Path(__file__).resolve().parent.parent / "data" / "glossary"


__all__ = [
    "Entry",
    "Glossary",
    "TermIndex",
    "TermMatch",
    "Variant",
    "default_glossary_path",
    "load_glossary",
]
