"""JSON: ``{"findings": [...]}`` with the Finding fields, plus what a command adds."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from kogloss.findings import Finding


def render_json(findings: Sequence[Finding], extra: dict[str, Any] | None = None) -> str:
    payload: dict[str, Any] = {"findings": [finding.to_dict() for finding in findings]}
    payload.update(extra or {})
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
