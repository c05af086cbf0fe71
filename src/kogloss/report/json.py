"""JSON: ``{"findings": [...]}`` with the Finding fields, plus what a command adds."""

from __future__ import annotations

import json
from collections.abc import Iterable
from json.encoder import encode_basestring
from typing import Any, TextIO

from kogloss.findings import SEVERITY_NAMES, Finding
from kogloss.report.jsonstream import dumps_indented, write_rendered

# A finding sits at depth 2: in the "findings" array of the top-level object.
_DEPTH = 2
_KEY = "\n" + "  " * (_DEPTH + 1)
_CLOSE = "\n" + "  " * _DEPTH + "}"


def finding_json(finding: Finding) -> str:
    """``dumps_indented(finding.to_dict(), 2)``, byte for byte, put together directly.

    ``json.dumps`` with ``indent`` runs the encoder in Python, which took 0.1 s for 12,000
    findings; the strings go through the encoder's own (C) string function here, and only a
    finding's free-form ``data`` through ``json.dumps``.
    """
    text = (
        f'{{{_KEY}"path": {encode_basestring(finding.path)},'
        f'{_KEY}"line": {finding.line},'
        f'{_KEY}"column": {finding.column},'
        f'{_KEY}"end_line": {finding.end_line},'
        f'{_KEY}"end_column": {finding.end_column},'
        f'{_KEY}"rule": {encode_basestring(finding.rule)},'
        f'{_KEY}"severity": "{SEVERITY_NAMES[finding.severity]}",'
        f'{_KEY}"message": {encode_basestring(finding.message)}'
    )
    if finding.suggestion is not None:
        text += f',{_KEY}"suggestion": {encode_basestring(finding.suggestion)}'
    if finding.data:
        text += f',{_KEY}"data": {dumps_indented(finding.data, _DEPTH + 1)}'
    return text + _CLOSE


def write_json(
    findings: Iterable[Finding], stream: TextIO, extra: dict[str, Any] | None = None
) -> None:
    stream.write('{\n  "findings": ')
    write_rendered(map(finding_json, findings), stream, 1)
    for key, value in (extra or {}).items():
        stream.write(f",\n  {json.dumps(key, ensure_ascii=False)}: {dumps_indented(value, 1)}")
    stream.write("\n}\n")
