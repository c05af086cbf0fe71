"""``kogloss check`` and ``kogloss rules`` end to end, on the seeds and on small files."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from kogloss.cli import main
from tests.cli_runner import run_cli
from tests.conftest import APA_SEED, MOFA_SEED, SAMPLES

NO_GLOSSARY = ["--no-glossary", "--no-config"]


def _json(args: list[str], stdin: bytes = b"") -> tuple[int, dict]:
    result = run_cli(["check", *NO_GLOSSARY, "--format", "json", *args], stdin)
    assert result.stderr == "", result.stderr
    return result.exit_code, json.loads(result.stdout)


def _where(findings: list[dict], rule: str) -> list[tuple[str, int, int, int]]:
    return [
        (Path(f["path"]).name, f["line"], f["column"], f["end_column"])
        for f in findings
        if f["rule"] == rule
    ]


def test_near_variant_alone_finds_the_seed_variants_without_a_glossary() -> None:
    code, payload = _json([str(APA_SEED), str(MOFA_SEED), "--select", "near-variant"])
    assert code == 1
    found = {(f["data"]["form"], f["data"]["major"]): f for f in payload["findings"]}
    apa = APA_SEED.name
    # Peninsula / Peninsular: "Korean peninsula" (line 84) beside three "Korean Peninsular".
    peninsula = found[("Korean peninsula", "Korean Peninsular")]
    assert (Path(peninsula["path"]).name, peninsula["line"], peninsula["column"]) == (apa, 84, 54)
    # Korea / Korean Eximbank in the interview.
    eximbank = found[("Korea Eximbank", "Korean Eximbank")]
    assert (eximbank["line"], eximbank["column"], eximbank["end_column"]) == (64, 34, 48)
    # Government / government after the same name, across the two seeds.
    rok = [f for f in payload["findings"] if f["data"]["form"] == "ROK Government"]
    assert [(f["line"], f["column"]) for f in rok] == [(10, 453), (87, 468), (90, 109), (93, 209)]
    assert rok[0]["data"]["files"]["ROK government"] == [str(MOFA_SEED)]
    azerbaijan = found[("Azerbaijan government", "Azerbaijan Government")]
    assert (azerbaijan["line"], azerbaijan["column"]) == (52, 194)


def test_seed_findings_of_the_glossary_free_rules() -> None:
    code, payload = _json([str(APA_SEED), str(MOFA_SEED)])
    assert code == 1
    findings = payload["findings"]
    apa, mofa = APA_SEED.name, MOFA_SEED.name
    assert (apa, 49, 268, 333) in _where(findings, "repeated-sentence")
    # ROK used throughout the release, never introduced; DPRK is introduced properly.
    acronyms = {(Path(f["path"]).name, f["data"]["acronym"]): f for f in findings
                if f["rule"] == "acronym-first-use"}  # fmt: skip
    assert (acronyms[(mofa, "ROK")]["line"], acronyms[(mofa, "ROK")]["column"]) == (8, 1)
    assert (apa, "DPRK") not in acronyms and (mofa, "DPRK") not in acronyms
    # Korean navigation lines of the release, the time stamp and related links of the interview.
    assert [(name, line) for name, line, _, _ in _where(findings, "untranslated")] == [
        (mofa, 1), (mofa, 2), (mofa, 3), (mofa, 4)
    ]  # fmt: skip
    boilerplate = {(name, line) for name, line, _, _ in _where(findings, "boilerplate")}
    assert {(apa, 1), (apa, 97), (apa, 103)} <= boilerplate


def test_exit_codes(tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("The two sides agreed to expand cooperation in trade and energy.\n")
    assert run_cli(["check", *NO_GLOSSARY, str(clean)]).exit_code == 0
    assert run_cli(["check", *NO_GLOSSARY, str(APA_SEED)]).exit_code == 1
    assert run_cli(["check", *NO_GLOSSARY, str(APA_SEED), "--fail-on", "error"]).exit_code == 0
    missing = run_cli(["check", *NO_GLOSSARY, str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2
    assert missing.stderr.startswith("kogloss: error: ") and missing.stderr.count("\n") == 1
    unknown = run_cli(["check", *NO_GLOSSARY, str(clean), "--select", "no-such-rule"])
    assert unknown.exit_code == 2 and "no-such-rule" in unknown.stderr
    assert "Traceback" not in unknown.stderr


def test_select_ignore_and_severity_override() -> None:
    _, payload = _json([str(MOFA_SEED), "--select", "detect", "--ignore", "boilerplate"])
    assert {f["rule"] for f in payload["findings"]} == {"untranslated"}
    _, payload = _json(
        [str(MOFA_SEED), "--select", "repeated-word", "--severity", "repeated-word=error"]
    )
    assert [f["severity"] for f in payload["findings"]] == ["error"]


def test_config_in_pyproject_found_upward(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.kogloss]\nselect = ["acronym-first-use"]\nfail-on = "error"\n'
        '[tool.kogloss.rules.acronym-first-use]\nextend-allow = ["MOU"]\nseverity = "info"\n'
    )
    nested = tmp_path / "releases" / "2017"
    nested.mkdir(parents=True)
    (nested / "r.txt").write_text("The two sides signed an MOU and the ROK welcomed it.\n")
    monkeypatch.chdir(nested)
    result = run_cli(["check", "--no-glossary", "r.txt", "--format", "json"])
    assert result.exit_code == 0  # fail-on error from the config; the finding is info
    findings = json.loads(result.stdout)["findings"]
    assert [(f["data"]["acronym"], f["severity"]) for f in findings] == [("ROK", "info")]
    # --no-config: every rule, default severities, default fail-on.
    ignored = run_cli(["check", "--no-glossary", "--no-config", "r.txt", "--format", "json"])
    assert ignored.exit_code == 1
    rules = {f["rule"] for f in json.loads(ignored.stdout)["findings"]}
    assert "acronym-first-use" in rules


def test_kogloss_yaml_and_its_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "r.txt").write_text("We agreed to to meet in Baku.\n")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kogloss.yaml").write_text("ignore: [repeated-word]\n")
    result = run_cli(["check", "--no-glossary", "r.txt"])
    assert (result.exit_code, result.stdout) == (0, "")
    (tmp_path / "kogloss.yaml").write_text("ignroe: [repeated-word]\n")
    result = run_cli(["check", "--no-glossary", "r.txt"])
    assert result.exit_code == 2 and "unknown key 'ignroe'" in result.stderr
    (tmp_path / "kogloss.yaml").write_text("ignore: [repeated-word\n")
    result = run_cli(["check", "--no-glossary", "r.txt"])
    assert result.exit_code == 2 and "kogloss.yaml:2:1: invalid YAML" in result.stderr
    (tmp_path / "kogloss.yaml").write_text("rules:\n  repeated-word: {alow: [to]}\n")
    result = run_cli(["check", "--no-glossary", "r.txt"])
    assert result.exit_code == 2 and "no option 'alow'" in result.stderr


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("r.txt", "We agreed to to meet. # kogloss: disable-line=repeated-word\n"
                  "# kogloss: disable\nThey went to to Baku.\n# kogloss: enable\n"
                  "And then to to Bishkek.\n"),
        ("r.md", "We agreed to to meet. <!-- kogloss: disable-line -->\n\n"
                 "<!-- kogloss: disable=repeated-word -->\nThey went to to Baku.\n"
                 "<!-- kogloss: enable=repeated-word -->\n\nAnd then to to Bishkek.\n"),
        ("r.html", "<html><body><p>We agreed to to meet. <!-- kogloss: disable-line --></p>\n"
                   "<!-- kogloss: disable-next-line=repeated-word -->\n"
                   "<p>They went to to Baku.</p>\n"
                   "<p>And then to to Bishkek.</p></body></html>\n"),
    ],
)  # fmt: skip
def test_inline_suppression(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text)
    _, payload = _json([str(path), "--select", "repeated-word"])
    lines = [f["line"] for f in payload["findings"]]
    expected_line = text.split("\n").index(next(ln for ln in text.split("\n") if "Bishkek" in ln))
    assert lines == [expected_line + 1]


def test_fix_and_diff_keep_encoding_and_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    original = "We agreed to to meet.\r\nThe the forum closed.\r\n"
    path.write_bytes(original.encode("cp949"))
    diff = run_cli(["check", *NO_GLOSSARY, str(path), "--diff"])
    assert diff.exit_code == 1
    assert "-We agreed to to meet." in diff.stdout and "+We agreed to meet." in diff.stdout
    assert path.read_bytes() == original.encode("cp949")  # --diff writes nothing
    fixed = run_cli(["check", *NO_GLOSSARY, str(path), "--fix", "--select", "repeated-word"])
    assert fixed.exit_code == 0 and "fixed 2 finding(s)" in fixed.stderr
    assert path.read_bytes() == b"We agreed to meet.\r\nThe forum closed.\r\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.txt"]  # no temporary file left


def test_fix_refuses_stdin() -> None:
    result = run_cli(["check", *NO_GLOSSARY, "-", "--fix"], b"We met to to talk.\n")
    assert result.exit_code == 2 and "standard input" in result.stderr


def test_stdin_is_a_document() -> None:
    code, payload = _json(["-", "--select", "repeated-word"], b"We met to to talk.\n")
    assert code == 1
    assert [(f["path"], f["line"], f["column"]) for f in payload["findings"]] == [("<stdin>", 1, 8)]


def test_sarif_is_structurally_valid() -> None:
    result = run_cli(["check", *NO_GLOSSARY, str(MOFA_SEED), "--format", "sarif"])
    sarif = json.loads(result.stdout)
    assert sarif["version"] == "2.1.0" and len(sarif["runs"]) == 1
    run = sarif["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert all(rule["help"]["text"] and rule["shortDescription"]["text"] for rule in rules)
    for result_entry in run["results"]:
        assert rules[result_entry["ruleIndex"]]["id"] == result_entry["ruleId"]
        region = result_entry["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert result_entry["level"] in ("error", "warning", "note")


def test_github_annotations() -> None:
    result = run_cli(["check", *NO_GLOSSARY, str(MOFA_SEED), "--format", "github"])
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert any(",line=45,col=265," in line and "repeated-word" in line for line in lines)


def test_jobs_give_the_same_output() -> None:
    single = run_cli(["check", *NO_GLOSSARY, str(SAMPLES), "--format", "json"])
    several = run_cli(["check", *NO_GLOSSARY, str(SAMPLES), "--format", "json", "--jobs", "2"])
    assert single.stdout == several.stdout and single.exit_code == several.exit_code


def test_corpus_summary_lists_forms_with_counts_and_files() -> None:
    result = run_cli(["check", *NO_GLOSSARY, str(APA_SEED), str(MOFA_SEED), "--summary"])
    assert "Terms and their forms:" in result.stdout
    _, payload = _json([str(APA_SEED), str(MOFA_SEED)])
    rows = {row["term"]: row for row in payload["summary"]}
    forms = {form["form"]: form for form in rows["ROK government"]["forms"]}
    assert forms["ROK Government"]["count"] == 4
    assert forms["ROK government"]["files"] == [str(MOFA_SEED)]


def test_rules_command() -> None:
    listing = run_cli(["rules"])
    assert listing.exit_code == 0
    assert "near-variant" in listing.stdout and "glossary-variant" in listing.stdout
    one = run_cli(["rules", "acronym-first-use"])
    assert "Anti-pattern:" in one.stdout and "Best practice:" in one.stdout
    assert "extend-allow" in one.stdout
    assert run_cli(["rules", "no-such-rule"]).exit_code == 2


def test_no_progress_bar_off_a_terminal() -> None:
    result = run_cli(["check", *NO_GLOSSARY, str(SAMPLES), "--fail-on", "never"])
    assert result.stderr == "" and result.exit_code == 0


def test_a_misspelt_rule_in_a_directive_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Intro line here.\nWe met to to talk.  # kogloss: disable-line=repeated-wrod\n")
    _, payload = _json([str(path), "--select", "repeated-word"])
    assert [(f["rule"], f["line"]) for f in payload["findings"]] == [
        ("unknown-suppression", 2),
        ("repeated-word", 2),
    ]
    assert "'repeated-wrod'" in payload["findings"][0]["message"]


def test_fix_in_html_edits_the_markup_and_skips_entities(tmp_path: Path) -> None:
    path = tmp_path / "r.html"
    path.write_text(
        "<html><body><p>The sides agreed to to <b>meet</b>.</p>\n"
        "<p>They went to&nbsp;to Baku.</p></body></html>\n"
    )
    fixed = run_cli(["check", *NO_GLOSSARY, str(path), "--fix", "--select", "repeated-word"])
    assert "fixed 1 finding(s)" in fixed.stderr
    assert path.read_text() == (
        "<html><body><p>The sides agreed to <b>meet</b>.</p>\n"
        "<p>They went to&nbsp;to Baku.</p></body></html>\n"
    )
    # The entity is not the text the finding quotes: left for a person, and still reported.
    assert fixed.exit_code == 1 and ":2:" in fixed.stdout


@pytest.mark.parametrize(
    "options",
    [
        ["--fix", "--diff"],
        ["--glossary", "glossary", "--no-glossary"],
        ["--config", "x", "--no-config"],
    ],
)
def test_options_that_exclude_each_other(options: list[str]) -> None:
    result = run_cli(["check", str(MOFA_SEED), *options])
    assert result.exit_code == 2 and "exclude each other" in result.stderr


def test_a_bad_glossary_is_one_line_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "g.yaml"
    bad.write_text("terms:\n  - en: [unclosed\n")
    result = run_cli(["check", "--no-config", "--glossary", str(bad), str(MOFA_SEED)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"kogloss: error: {bad}") and result.stderr.count("\n") == 1


def test_globs_and_config_include_exclude(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    releases = tmp_path / "releases"
    (releases / "drafts").mkdir(parents=True)
    for name in ("a.txt", "b.md", "drafts/c.txt", "notes.rst"):
        (releases / name).write_text("We met to to talk.\n")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kogloss.yaml").write_text("include: ['*.txt', '*.md']\nexclude: ['drafts/*']\n")
    result = run_cli(["check", "--no-glossary", "releases", "--format", "json"])
    paths = sorted({f["path"] for f in json.loads(result.stdout)["findings"]})
    assert paths == [str(Path("releases/a.txt")), str(Path("releases/b.md"))]
    globbed = run_cli(
        ["check", "--no-glossary", "--no-config", "releases/*.txt", "--format", "json"]
    )
    assert {f["path"] for f in json.loads(globbed.stdout)["findings"]} == {"releases/a.txt"}


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    stderr = _Terminal()
    monkeypatch.setattr(sys, "stderr", stderr)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    with pytest.raises(SystemExit):
        main(["check", *NO_GLOSSARY, str(APA_SEED), str(MOFA_SEED), "--fail-on", "never"])
    assert "kogloss check" in stderr.getvalue()
