"""``kogloss glossary show`` and the group's help, run through the real entry point."""

from __future__ import annotations

from tests.cli_runner import run_cli
from tests.conftest import ROOT

GLOSSARY = str(ROOT / "glossary")


def test_show_by_a_variant_finds_the_entry_and_where_it_is_defined() -> None:
    result = run_cli(["glossary", "show", "korean peninsular", "-g", GLOSSARY])
    assert result.exit_code == 0
    first = result.stdout.splitlines()[0]
    assert first.startswith("Korean Peninsula  (place, approved)")
    lines = (ROOT / "glossary" / "places.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.strip() == "- en: Korean Peninsula")
    assert f"defined at {GLOSSARY}/places.yaml:{line}" in result.stdout
    assert "    - Korean Peninsular" in result.stdout
    assert "ko: 한반도" in result.stdout


def test_show_by_korean_and_by_acronym() -> None:
    by_korean = run_cli(["glossary", "show", "비슈케크", "-g", GLOSSARY])
    assert by_korean.exit_code == 0 and by_korean.stdout.startswith("Bishkek  (place")
    by_acronym = run_cli(["glossary", "show", "ROK", "-g", GLOSSARY])
    assert by_acronym.exit_code == 0
    assert by_acronym.stdout.startswith("Republic of Korea  (org")


def test_show_an_unknown_term_suggests_near_forms() -> None:
    result = run_cli(["glossary", "show", "Korean Penninsula", "-g", GLOSSARY])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "did you mean: Korean Peninsula" in result.stderr


def test_help_lists_the_subcommands() -> None:
    result = run_cli(["glossary", "--help"])
    assert result.exit_code == 0
    for command in ("lint", "merge", "export", "import", "show"):
        assert f"  {command}" in result.stdout
