"""``kogloss check``: the consistency rules, their registry and the engine that runs them.

Library use::

    from kogloss.check import CheckSettings, check_documents
    result = check_documents([document_from_text(text, "release.txt")])
"""

from kogloss.check.context import CheckContext, CheckSettings, SettingsError
from kogloss.check.engine import Checker, CheckResult, check_documents
from kogloss.check.registry import Rule, load_rules, rule, rule_doc

__all__ = [
    "CheckContext",
    "CheckResult",
    "CheckSettings",
    "Checker",
    "Rule",
    "SettingsError",
    "check_documents",
    "load_rules",
    "rule",
    "rule_doc",
]
