"""The two seeds checked with the project's glossary: every finding that
/work/shared/seeds/README.md lists (what a careful editor found in them) is reported, at its
place. Each expectation quotes the text it points at, so the positions are checked against
the file itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from kogloss.check import check_documents
from kogloss.document import load_document
from kogloss.findings import Finding
from tests.conftest import APA_SEED, MOFA_SEED, ROOT

glossary_module = pytest.importorskip("kogloss.glossary")


@pytest.fixture(scope="module")
def seed_findings() -> dict[str, list[Finding]]:
    documents = [load_document(str(APA_SEED)), load_document(str(MOFA_SEED))]
    glossary = glossary_module.load_glossary(ROOT / "glossary")
    result = check_documents(documents, glossary=glossary)
    by_file: dict[str, list[Finding]] = {APA_SEED.name: [], MOFA_SEED.name: []}
    for finding in result.findings:
        by_file[Path(finding.path).name].append(finding)
    return by_file


def _text_at(path: Path, line: int, column: int, end_column: int) -> str:
    return path.read_text(encoding="utf-8").split("\n")[line - 1][column - 1 : end_column - 1]


def _find(findings: list[Finding], rule: str, line: int, column: int) -> Finding:
    for finding in findings:
        if (finding.rule, finding.line, finding.column) == (rule, line, column):
            return finding
    raise AssertionError(f"no {rule} at {line}:{column}")


# (rule, line, column, the text found there, suggestion)
APA_EXPECTED = [
    # "Korean Peninsular" three times beside "Korean peninsula" once: neither is standard.
    ("glossary-variant", 84, 54, "Korean peninsula", "Korean Peninsula"),
    ("glossary-variant", 87, 425, "Korean Peninsular", "Korean Peninsula"),
    ("glossary-variant", 90, 521, "Korean Peninsular", "Korean Peninsula"),
    ("glossary-variant", 93, 138, "Korean Peninsular", "Korean Peninsula"),
    ("inconsistent-term", 84, 54, "Korean peninsula", None),
    # "Korean Eximbank" beside "Korea Eximbank".
    ("glossary-variant", 61, 4, "Korean Eximbank", "Korea Eximbank"),
    ("inconsistent-term", 61, 4, "Korean Eximbank", None),
    # "ROK Government" here, "ROK government" in the release.
    ("glossary-variant", 10, 453, "ROK Government", "ROK government"),
    ("glossary-variant", 87, 468, "ROK Government", "ROK government"),
    ("glossary-variant", 90, 109, "ROK Government", "ROK government"),
    ("glossary-variant", 93, 209, "ROK Government", "ROK government"),
    ("inconsistent-term", 10, 453, "ROK Government", None),
    # "Azerbaijan Government" beside "Azerbaijan government": no glossary entry, near-variant.
    ("near-variant", 52, 194, "Azerbaijan government", None),
    # "North Hamgyung Province": neither Revised Romanization nor McCune-Reischauer.
    ("glossary-variant", 87, 102, "North Hamgyung Province", "North Hamgyong Province"),
    # The question repeated word for word in one paragraph.
    ("repeated-sentence", 49, 268, "Is it planned to launch a direct flight from Seoul in", None),
    # Non-content lines: the time stamp, the related-news block, the date line.
    ("boilerplate", 1, 1, "10:15 20 July", None),
    ("boilerplate", 97, 1, "Related news releases", None),
    ("boilerplate", 103, 1, "/ 21 July , 2018", None),
]

MOFA_EXPECTED = [
    # Korean navigation lines at the top of an English page.
    ("untranslated", 1, 1, "바로가기 메뉴", None),
    ("untranslated", 2, 1, "본문 바로가기", None),
    ("untranslated", 3, 1, "주메뉴 바로가기", None),
    ("untranslated", 4, 1, "검색창 열기", None),
    # ROK used throughout without ever being introduced.
    ("acronym-first-use", 8, 1, "ROK", "Republic of Korea (ROK)"),
    # "Kyrgyz" as the country's name: "Bishkek, Kyrgyz", "the host Kyrgyz", "of Kyrgyz".
    ("glossary-variant", 11, 283, "Kyrgyz", "Kyrgyz Republic"),
    ("glossary-variant", 23, 209, "Kyrgyz", "Kyrgyz Republic"),
    ("glossary-variant", 25, 96, "Kyrgyz", "Kyrgyz Republic"),
]


@pytest.mark.parametrize(
    ("seed", "expected"),
    [(APA_SEED, item) for item in APA_EXPECTED] + [(MOFA_SEED, item) for item in MOFA_EXPECTED],
    ids=lambda value: value.name if isinstance(value, Path) else f"{value[0]}@{value[1]}",
)
def test_seed_finding_is_reported(
    seed_findings: dict[str, list[Finding]], seed: Path, expected: tuple
) -> None:
    rule, line, column, text, suggestion = expected
    finding = _find(seed_findings[seed.name], rule, line, column)
    assert _text_at(seed, line, column, finding.end_column).startswith(text)
    assert finding.suggestion == suggestion


def test_dprk_is_introduced_properly(seed_findings: dict[str, list[Finding]]) -> None:
    for findings in seed_findings.values():
        acronyms = {f.data["acronym"] for f in findings if f.rule == "acronym-first-use"}
        assert "DPRK" not in acronyms


def test_every_kyrgyz_as_a_country_is_reported(seed_findings: dict[str, list[Finding]]) -> None:
    """All eight uses of the adjective as the country's name (read by hand), and no other."""
    kyrgyz = [
        (f.line, f.column) for f in seed_findings[MOFA_SEED.name] if f.rule == "glossary-variant"
    ]
    assert kyrgyz == [(11, 283), (17, 130), (23, 209), (25, 96), (27, 66), (51, 127), (55, 123),
                      (57, 27)]  # fmt: skip
