"""The detect rules inside ``kogloss check``, so that one run says everything.

They call :func:`kogloss.detect.detect` (once per document, shared through the context) and
keep its findings of their own id; the judging itself lives in detect and nowhere else.
"""

from __future__ import annotations

from collections.abc import Iterable

from kogloss import detect as detect_module
from kogloss.check.context import CheckContext
from kogloss.check.registry import Rule, rule
from kogloss.document import Document
from kogloss.findings import Finding
from kogloss.rules import RULES


class _DetectRule(Rule):
    family = "detect"

    def check(self, document: Document, context: CheckContext) -> Iterable[Finding]:
        result = context.detect(document)
        return [finding for finding in result.findings if finding.rule == self.id]


@rule
class MixedLanguage(_DetectRule):
    """Hangul (or another unexpected script) inside an English segment.

    **Anti-pattern**::

        The Minister met Governor 김영록 of South Jeolla Province.

    **Best practice**::

        The Minister met Governor Kim Yung-rok of South Jeolla Province.
    """

    id = detect_module.MIXED_LANGUAGE
    severity = RULES[detect_module.MIXED_LANGUAGE].severity


@rule
class Untranslated(_DetectRule):
    """A segment of an English release that is wholly Korean.

    **Anti-pattern**::

        The forum closed with a joint statement.

        (끝)

    **Best practice**::

        The forum closed with a joint statement. (End)
    """

    id = detect_module.UNTRANSLATED
    severity = RULES[detect_module.UNTRANSLATED].severity


@rule
class Boilerplate(_DetectRule):
    """A line that is not release content: menu, time stamp, related links, footer.

    **Anti-pattern**::

        10:15 20 July
        Seoul, 20 July (APA) - The Ambassador said ...
        Related news releases

    **Best practice**::

        Seoul, 20 July (APA) - The Ambassador said ...
    """

    id = detect_module.BOILERPLATE
    severity = RULES[detect_module.BOILERPLATE].severity
