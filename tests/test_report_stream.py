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
from kogloss.findings import Finding, Severity, sort_findings
from kogloss.report import render, write_report
from kogloss.report.jsonstream import write_array

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(alphabet='aZ 한"\\\n\x00\ud800'),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=3) | st.integers(), inner)
    ),
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


@pytest.mark.parametrize("held", [0, 10, store_module.HELD_FINDINGS])
def test_the_store_gives_the_global_sort_order_in_memory_or_spilled(
    monkeypatch: pytest.MonkeyPatch, held: int
) -> None:
    monkeypatch.setattr(store_module, "HELD_FINDINGS", held)
    findings = _seed_findings()
    assert len({finding.path for finding in findings}) == 2
    store = FindingStore()
    # Added out of order and in pieces, as a run's two passes and the bilingual rules do; in
    # pieces of 7, a store that spills past 10 ends with findings both spilled and held.
    added = list(reversed(findings[::2])) + findings[1::2]
    for start in range(0, len(added), 7):
        store.add(added[start : start + 7])
    assert store.spilled == (held < len(findings))
    assert list(store) == sort_findings(added)
    assert list(store) == findings
    assert len(store) == len(findings)
    assert store.rule_ids == {finding.rule for finding in findings}
    path = findings[0].path
    assert store.for_path(path) == [finding for finding in added if finding.path == path]
    assert store.for_path("elsewhere.txt") == []


_texts = st.text(alphabet='aZ 한"\\/\n\t\x00\x1f\u2028\ud800:é', max_size=8)
_findings = st.builds(
    Finding,
    path=_texts,
    line=st.integers(min_value=1, max_value=10**6),
    column=st.integers(min_value=1, max_value=10**6),
    end_line=st.integers(min_value=1, max_value=10**6),
    end_column=st.integers(min_value=1, max_value=10**6),
    rule=st.sampled_from(["boilerplate", "near-variant", "glossary-variant", "no-such-rule"]),
    severity=st.sampled_from(list(Severity)),
    message=_texts,
    suggestion=st.none() | _texts,
    data=st.dictionaries(st.text(max_size=3), json_values, max_size=3),
)


@given(st.lists(_findings, max_size=5))
def test_json_findings_are_written_as_one_dump_of_the_payload(findings: list[Finding]) -> None:
    payload = {"findings": [finding.to_dict() for finding in findings], "files": 1}
    expected = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    assert render(findings, "json", extra={"files": 1}) == expected


@given(st.lists(_findings, max_size=5))
def test_sarif_results_are_written_as_json_dumps_writes_them(findings: list[Finding]) -> None:
    text = render(findings, "sarif")
    log = json.loads(text)
    assert text == json.dumps(log, ensure_ascii=False, indent=2) + "\n"
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    index = {rule["id"]: position for position, rule in enumerate(rules)}
    expected = []
    for finding in findings:
        region = {
            "startLine": finding.line,
            "startColumn": finding.column,
            "endLine": finding.end_line,
            "endColumn": finding.end_column,
        }
        location = {"artifactLocation": {"uri": finding.path.replace("\\", "/")}, "region": region}
        result = {
            "ruleId": finding.rule,
            "ruleIndex": index[finding.rule],
            "level": {"info": "note"}.get(str(finding.severity), str(finding.severity)),
            "message": {"text": finding.message},
            "locations": [{"physicalLocation": location}],
        }
        if finding.suggestion is not None:
            result["properties"] = {"suggestion": finding.suggestion}
        expected.append(result)
    # Compared as text: the keys' order matters too.
    assert json.dumps(log["runs"][0]["results"]) == json.dumps(expected)


@given(st.lists(_findings, max_size=5), st.booleans())
def test_text_lines_are_written_in_batches_as_one_by_one(
    findings: list[Finding], color: bool
) -> None:
    from kogloss.report.text import format_line

    expected = ""
    for position, finding in enumerate(findings):
        if color and position and finding.path != findings[position - 1].path:
            expected += "\n"
        expected += format_line(finding, color) + "\n"
    if color:
        count = len(findings)
        noun = "finding" if count == 1 else "findings"
        files = len({finding.path for finding in findings})
        expected += f"\033[1m{count} {noun} in {files} file(s)\033[0m\n"
    assert render(findings, "text", color=color) == expected


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github"])
def test_reports_written_in_small_batches_are_the_same(
    monkeypatch: pytest.MonkeyPatch, output_format: str
) -> None:
    from kogloss.report import batches

    findings = _seed_findings()
    whole = render(findings, output_format)
    monkeypatch.setattr(batches, "BATCH", 2)
    assert render(findings, output_format) == whole
