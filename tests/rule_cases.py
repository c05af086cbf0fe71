"""Reading rule case files (``tests/rules/**/<id>.yaml``) into pytest parameters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

RULES_DIR = Path(__file__).parent / "rules"


def rule_cases(directory: Path) -> list[Any]:
    """One ``pytest.param(rule_id, case)`` per case of every YAML file in ``directory``."""
    params = []
    for path in sorted(directory.glob("*.yaml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in spec["cases"]:
            params.append(pytest.param(spec["rule"], case, id=f"{path.stem}:{case['name']}"))
    return params
