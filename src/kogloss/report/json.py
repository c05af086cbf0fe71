"""JSON: ``{"findings": [...]}`` with the Finding fields, plus what a command adds."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from kogloss.findings import Finding
from kogloss.report.jsonstream import dumps_indented, write_array


def write_json(
    findings: Iterable[Finding], stream: TextIO, extra: dict[str, Any] | None = None
) -> None:
    stream.write('{\n  "findings": ')
    write_array((finding.to_dict() for finding in findings), stream, 1)
    for key, value in (extra or {}).items():
        stream.write(f",\n  {json.dumps(key, ensure_ascii=False)}: {dumps_indented(value, 1)}")
    stream.write("\n}\n")
