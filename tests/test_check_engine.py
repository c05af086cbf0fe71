"""The engine as a library: in-memory documents, and the hook the bilingual rules plug into."""

from __future__ import annotations

import sys
import types

import pytest

from kogloss.check import Checker, CheckSettings, check_documents
from kogloss.check.engine import check_bilingual
from kogloss.document import document_from_text
from kogloss.findings import Severity, make_finding


def test_check_bilingual_applies_selection_severity_and_suppression(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    korean = document_from_text("비슈케크에서 포럼이 열렸다.\n", "r.ko.txt")
    english = document_from_text(
        "바로가기\nThe forum was held.  # kogloss: disable-line\n바로가기\n", "r.en.txt"
    )

    line_two = english.text.index("The forum")
    line_three = english.text.index("바로가기", 1)

    def bilingual_findings(ko_document, en_document, alignment, index=None):  # type: ignore[no-untyped-def]
        # What the align branch's module returns: findings on the English side.
        spans = ((0, "untranslated"), (line_two, "untranslated"), (line_three, "untranslated"),
                 (0, "boilerplate"))  # fmt: skip
        return [
            make_finding(en_document, start, start + 4, rule, Severity.ERROR, "from the hook")
            for start, rule in spans
        ]

    module = types.ModuleType("kogloss.check.bilingual")
    module.bilingual_findings = bilingual_findings  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "kogloss.check.bilingual", module)
    checker = Checker(
        CheckSettings(select=("untranslated",), severities={"untranslated": Severity.INFO})
    )
    found = check_bilingual(korean, english, alignment=None, checker=checker)
    # boilerplate is not selected, line 2 is suppressed by its directive, severity overridden
    assert [(f.rule, f.line, f.severity) for f in found] == [
        ("untranslated", 1, Severity.INFO),
        ("untranslated", 3, Severity.INFO),
    ]


def test_check_documents_in_memory() -> None:
    documents = [
        document_from_text("The ROK Government agreed to to meet.\n", "a.txt"),
        document_from_text("The ROK government and the ROK government met.\n", "b.txt"),
    ]
    result = check_documents(documents, CheckSettings(select=("near-variant", "repeated-word")))
    assert [(f.path, f.rule) for f in result.findings] == [
        ("a.txt", "near-variant"),
        ("a.txt", "repeated-word"),
    ]
    assert result.paths == ["a.txt", "b.txt"]
