"""``kogloss check``: the consistency gate, on the desk and in CI."""

from __future__ import annotations

import os
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import click

from kogloss.check import Checker, CheckSettings, SettingsError
from kogloss.check.bilingual import RULE_IDS
from kogloss.check.engine import check_bilingual
from kogloss.check.fix import FixResult, apply_fixes, is_fixable, unified_diff
from kogloss.check.store import FindingStore
from kogloss.cli.options import exit_code, input_options, open_output, output_options
from kogloss.config import Config, find_config, load_config
from kogloss.document import DEFAULT_INCLUDE, STDIN_PATH, Document, collect_paths, load_document
from kogloss.errors import InputError
from kogloss.fileio import write_atomic
from kogloss.findings import Finding, Severity
from kogloss.report import write_report
from kogloss.sources import is_korean_name, pair_sources

PROGRESS_MIN_FILES = 2


@dataclass
class DocumentLoader:
    """Loads a document by path with the run's options (picklable, for --jobs); standard
    input is read once and kept, since it cannot be read twice."""

    encoding: str | None
    max_bytes: int
    kept: dict[str, Document] = field(default_factory=dict)

    def __call__(self, path: str) -> Document:
        if path in self.kept:
            return self.kept[path]
        document = load_document(path, encoding=self.encoding, max_bytes=self.max_bytes)
        if path in ("-", STDIN_PATH):
            self.kept[STDIN_PATH] = document
        return document


def _split_ids(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


@click.command("check")
@input_options
@output_options
@click.option("--glossary", "glossary_path", metavar="PATH", help="Glossary file or directory.")
@click.option("--no-glossary", is_flag=True, help="Run without any glossary.")
@click.option("--config", "config_path", metavar="PATH", help="Read this config file.")
@click.option("--no-config", is_flag=True, help="Ignore kogloss.yaml and pyproject.toml.")
@click.option("--select", multiple=True, metavar="IDS", help="Run only these rules/families.")
@click.option("--ignore", multiple=True, metavar="IDS", help="Do not run these rules/families.")
@click.option(
    "--severity",
    "severity_overrides",
    multiple=True,
    metavar="RULE=LEVEL",
    help="Change a rule's severity (info, warning, error).",
)
@click.option(
    "--source",
    "source",
    metavar="KO",
    help="The Korean original of the one English release checked: adds the bilingual rules.",
)
@click.option("--fix", is_flag=True, help="Apply the safe suggestions in place.")
@click.option("--diff", is_flag=True, help="Show what --fix would change; write nothing.")
@click.option("--summary", is_flag=True, help="In text output, list each term's forms too.")
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
    help="Processes to use; the output is the same as with one.",
)  # fmt: skip
@click.pass_context
def check_command(
    ctx: click.Context,
    paths: tuple[str, ...],
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    encoding: str | None,
    max_bytes: int,
    output_format: str,
    fail_on: str,
    output: str | None,
    verbose: bool,
    glossary_path: str | None,
    no_glossary: bool,
    config_path: str | None,
    no_config: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    severity_overrides: tuple[str, ...],
    source: str | None,
    fix: bool,
    diff: bool,
    summary: bool,
    jobs: int,
) -> None:
    """Check releases for consistent terms against the glossary and across documents.

    Rules: glossary variants and inconsistent terms, near variants found without a glossary,
    acronyms used before they are introduced, repeated sentences and words, and detect's
    Korean leftovers and boilerplate. PATHS are files, directories, globs or - for standard
    input; all of them form one corpus. `kogloss rules` lists the rules.

    With a Korean original (--source KO for one release, or x.ko.txt beside x.en.txt or
    x.txt) the bilingual rules also read each release against its aligned source: numbers,
    omissions, additions, untranslated text and glossary terms. Korean files are sources,
    never checked as releases.

    \b
    Examples:
      kogloss check samples/
      kogloss check releases/ --format sarif -o kogloss.sarif
      kogloss check release.txt --fix
      kogloss check drafts/*.md --select near-variant,acronym-first-use --no-glossary
      kogloss check release.en.txt --source release.ko.txt
    """
    for first, second, names in (
        (fix, diff, "--fix and --diff"),
        (glossary_path, no_glossary, "--glossary and --no-glossary"),
        (config_path, no_config, "--config and --no-config"),
    ):
        if first and second:
            raise click.UsageError(f"{names} exclude each other")
    config = _config(config_path, no_config, verbose)
    settings = _settings(config, select, ignore, severity_overrides)
    if ctx.get_parameter_source("fail_on") != click.core.ParameterSource.COMMANDLINE:
        fail_on = config.fail_on or fail_on
    inputs = collect_paths(
        paths, include or config.include or DEFAULT_INCLUDE, exclude or config.exclude
    )
    files, pairs = pair_sources(inputs, (source,) if source else ())
    _warn_unpaired(inputs, pairs)
    glossary = None if no_glossary else _glossary(glossary_path or config.glossary, verbose)
    try:
        checker = Checker(settings, glossary)
    except SettingsError as error:
        raise click.UsageError(str(error)) from None
    loader = DocumentLoader(encoding, max_bytes)
    result = _run(checker, files, loader, jobs)
    _add_bilingual(result.store, checker, pairs, loader)
    extra: dict[str, Any] = {}
    if output_format == "json":
        extra = {"summary": result.summary, "files": len(result.paths)}
    color = output is None and output_format == "text" and sys.stdout.isatty()
    rows = result.summary if summary and output_format == "text" else []
    if fix or diff:
        findings = _fix(list(result.store), loader, write=fix)
        if not diff:
            _write(findings, output_format, output, color, extra, rows)
        sys.exit(exit_code((finding.severity for finding in findings), fail_on))
    _write(result.store, output_format, output, color, extra, rows, result.store.rule_ids)
    sys.exit(exit_code(result.store.severities, fail_on))


def _write(
    findings: Iterable[Finding],
    output_format: str,
    output: str | None,
    color: bool,
    extra: dict[str, Any],
    summary_rows: list[dict[str, Any]],
    rule_ids: Iterable[str] | None = None,
) -> None:
    with open_output(output) as stream:
        write_report(findings, output_format, stream, color=color, extra=extra, rule_ids=rule_ids)
        stream.write(_summary_text(summary_rows))


def _config(config_path: str | None, no_config: bool, verbose: bool) -> Config:
    if no_config:
        return Config()
    if config_path:
        from pathlib import Path  # not imported by a run that finds no config

        path: Path | None = Path(config_path)
    else:
        path = find_config()
    if path is None:
        return Config()
    if verbose:
        click.echo(f"kogloss: config from {path}", err=True)
    return load_config(path)


def _settings(
    config: Config,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    severity_overrides: tuple[str, ...],
) -> CheckSettings:
    severities = {rule: Severity.parse(level) for rule, level in config.severities.items()}
    for override in severity_overrides:
        rule_id, _, level = override.partition("=")
        try:
            severities[rule_id.strip()] = Severity.parse(level)
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--severity") from None
    chosen = _split_ids(select) or (tuple(config.select) if config.select is not None else None)
    return CheckSettings(
        select=chosen,
        ignore=_split_ids(ignore) + tuple(config.ignore),
        severities=severities,
        options=config.options,
    )


def _glossary(path: str | None, verbose: bool) -> Any:
    from kogloss.glossary import default_glossary_path, load_glossary

    chosen = path or str(default_glossary_path())
    glossary = load_glossary(chosen)
    if verbose:
        click.echo(f"kogloss: glossary {chosen}: {len(glossary.entries)} entries", err=True)
    return glossary


def _run(checker: Checker, files: list[str], loader: DocumentLoader, jobs: int) -> Any:
    if STDIN_PATH in files:
        loader(STDIN_PATH)  # read standard input once, before any worker starts
    if len(files) >= PROGRESS_MIN_FILES and sys.stderr.isatty():
        with click.progressbar(length=len(files), label="kogloss check", file=sys.stderr) as bar:
            return checker.run(files, loader, jobs, progress=bar.update)
    return checker.run(files, loader, jobs)


def _warn_unpaired(inputs: list[str], pairs: list[tuple[str, str]]) -> None:
    """A Korean file is a source, never a release: one with no English beside it is checked
    by nothing, which the user should hear rather than get a silent pass."""
    paired = {os.path.normpath(korean) for korean, _ in pairs}
    for path in inputs:
        if is_korean_name(path) and os.path.normpath(path) not in paired:
            click.echo(
                f"kogloss: warning: {path}: Korean original that no English input pairs with "
                "(x.en.* or x.* beside it); not checked",
                err=True,
            )


def _add_bilingual(
    store: FindingStore,
    checker: Checker,
    pairs: list[tuple[str, str]],
    loader: DocumentLoader,
) -> None:
    """Add the bilingual rules' findings for each (Korean, English) pair to the run's.

    The alignment is anchored on the glossary the run uses. ``untranslated`` is both a detect
    and a bilingual finding: the same place is reported once.
    """
    if not pairs or not any(rule.id in RULE_IDS for rule in checker.rules):
        return
    from kogloss.align import TermAnchors, align  # only runs with Korean sources need it

    glossary = checker.context.glossary
    anchors = TermAnchors.from_glossary(glossary) if glossary is not None else None
    for korean_path, english_path in pairs:
        korean, english = loader(korean_path), loader(english_path)
        seen = {
            (f.path, f.line, f.column, f.rule)
            for path in (korean.path, english.path)
            for f in store.for_path(path)
        }
        alignment = align(korean, english, anchors=anchors)
        added = []
        for finding in check_bilingual(korean, english, alignment, checker):
            key = (finding.path, finding.line, finding.column, finding.rule)
            if key not in seen:
                seen.add(key)
                added.append(finding)
        store.add(added)


def _fix(findings: list[Finding], loader: DocumentLoader, write: bool) -> list[Finding]:
    """Apply (or, without ``write``, print the diff of) the fixable findings; returns the
    findings left to report (all of them for a diff, which changes nothing)."""
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        if is_fixable(finding):
            by_path[finding.path].append(finding)
    applied: set[int] = set()
    for path in sorted(by_path):
        if path == STDIN_PATH and write:
            raise InputError(path, "--fix cannot rewrite standard input (use --diff)")
        document = loader(path)
        result = apply_fixes(document, by_path[path])
        if not result.changed:
            continue
        if write:
            applied.update(id(finding) for finding in result.applied)
            _write_fixed(path, document, result)
            click.echo(f"kogloss: fixed {len(result.applied)} finding(s) in {path}", err=True)
        else:
            sys.stdout.write(unified_diff(path, document.source_text, result.text))
    return [finding for finding in findings if id(finding) not in applied]


def _write_fixed(path: str, document: Document, result: FixResult) -> None:
    """Write with the file's own encoding and line endings."""
    text = result.text
    with open(path, "rb") as handle:
        if b"\r\n" in handle.read():
            text = text.replace("\n", "\r\n")
    write_atomic(path, text, encoding=document.encoding)


def _summary_text(rows: list[dict[str, Any]]) -> str:
    lines = ["", "Terms and their forms:"] if rows else []
    for row in rows:
        lines.append(f"  {row['term']}  [{row['source']}]")
        for form in row["forms"]:
            files = ", ".join(form["files"])
            lines.append(f"    {form['form']}: {form['count']}x in {files}")
    return "\n".join(lines) + ("\n" if lines else "")
