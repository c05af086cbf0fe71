"""Reports written as findings come, and the store that keeps a big run's findings on disk.

The streamed output must be byte for byte what one ``json.dumps`` of the whole payload gives,
and the store must hand findings back in the order one global sort gives, whatever the size.
"""

from __future__ import annotations

import io
import json

import pytest
from conftest import APA_SEED, MOFA_SEED
from hypothesis import given
from hypothesis import strategies as st

from kogloss.check import CheckSettings, check_documents
from kogloss.check import store as store_module
from kogloss.check.store import FindingStore
from kogloss.document import load_document
from kogloss.findings import Finding, sort_findings
from kogloss.report import render, write_report
from kogloss.report.jsonstream import write_array

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet='aZ 한"\\\n'),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=12,
)


def _seed_findings() -> list[Finding]:
    documents = [load_document(str(MOFA_SEED)), load_document(str(APA_SEED))]
    return check_documents(documents, CheckSettings()).findings


@given(st.lists(json_values, max_size=4), st.integers(min_value=0, max_value=3))
def test_a_streamed_array_is_what_json_dumps_writes(items: list, depth: int) -> None:
    stream = io.StringIO()
    stream.write("[" * depth)
    write_array(items, stream, depth)
    expected = json.dumps(items, ensure_ascii=False, indent=2)
    expected = expected.replace("\n", "\n" + "  " * depth)
    assert stream.getvalue() == "[" * depth + expected


def test_json_report_of_the_seeds_equals_one_dump_of_the_payload() -> None:
    findings = _seed_findings()
    extra = {"files": 2, "summary": [{"term": "ROK", "forms": [{"form": "한국", "count": 1}]}]}
    payload = {"findings": [finding.to_dict() for finding in findings], **extra}
    expected = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    assert render(findings, "json", extra=extra) == expected
    assert render([], "json") == '{\n  "findings": []\n}\n'


def test_sarif_streamed_from_a_one_pass_iterator_lists_its_rules_first() -> None:
    findings = _seed_findings()
    stream = io.StringIO()
    rule_ids = {finding.rule for finding in findings}
    write_report(iter(findings), "sarif", stream, rule_ids=rule_ids)
    log = json.loads(stream.getvalue())
    assert stream.getvalue() == render(findings, "sarif")
    run = log["runs"][0]
    listed = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert listed == sorted(rule_ids)
    assert len(run["results"]) == len(findings)
    for result, finding in zip(run["results"], findings, strict=True):
        assert listed[result["ruleIndex"]] == finding.rule
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (finding.line, finding.column)


@pytest.mark.parametrize("spill_bytes", [1, store_module.SPILL_BYTES])
def test_the_store_gives_the_global_sort_order_in_memory_or_spilled(
    monkeypatch: pytest.MonkeyPatch, spill_bytes: int
) -> None:
    monkeypatch.setattr(store_module, "SPILL_BYTES", spill_bytes)
    findings = _seed_findings()
    assert len({finding.path for finding in findings}) == 2
    store = FindingStore()
    # Added out of order and in pieces, as a run's two passes and the bilingual rules do.
    store.add(reversed(findings[::2]))
    store.add(findings[1::2])
    assert store._file._rolled == (spill_bytes == 1)  # type: ignore[attr-defined]
    assert list(store) == sort_findings(list(reversed(findings[::2])) + findings[1::2])
    assert list(store) == findings
    assert len(store) == len(findings)
    assert store.rule_ids == {finding.rule for finding in findings}
    path = findings[0].path
    assert store.for_path(path) == [
        finding
        for finding in list(reversed(findings[::2])) + findings[1::2]
        if finding.path == path
    ]
    assert store.for_path("elsewhere.txt") == []
