"""``kogloss glossary``: lint, merge, export, import and show the YAML glossary."""

from __future__ import annotations

import os
import sys

import click

from kogloss.cli.options import emit
from kogloss.errors import InputError
from kogloss.findings import Finding, Severity
from kogloss.glossary import default_glossary_path, load_glossary
from kogloss.glossary.exchange import (
    EXPORT_FORMATS,
    IMPORT_FORMATS,
    export_glossary,
    import_glossary,
)
from kogloss.glossary.lint import lint_glossary
from kogloss.glossary.merge import plan_merge
from kogloss.glossary.problems import CODES, Problem
from kogloss.glossary.show import describe_entry, find_entries, similar_forms
from kogloss.report import FORMATS, render
from kogloss.rules import RuleInfo, register

for _code, (_summary, _description) in CODES.items():
    register(RuleInfo(_code, Severity.ERROR, _summary, _description, family="glossary"))

_GLOSSARY_HELP = "Glossary file or directory (default: the glossary shipped with kogloss)."


def _glossary_path(path: str | None) -> str:
    return path if path is not None else str(default_glossary_path())


def _finding(problem: Problem) -> Finding:
    return Finding(
        path=problem.path,
        line=problem.line,
        column=problem.column,
        end_line=problem.line,
        end_column=problem.column + 1,
        rule=problem.code,
        severity=Severity.ERROR,
        message=problem.message,
    )


@click.group("glossary")
def glossary_group() -> None:
    """Lint, merge, export, import and look up the YAML glossary.

    \b
    Examples:
      kogloss glossary lint glossary/
      kogloss glossary merge candidates.yaml --into glossary/ --dry-run
      kogloss glossary export --format tbx -o glossary.tbx
      kogloss glossary import --format csv terms.csv -o glossary/imported.yaml
      kogloss glossary show "Korean Peninsula"
    """


@glossary_group.command("lint")
@click.argument("path", required=False)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text prints path:line:column: CODE message.",
)
def lint_command(path: str | None, output_format: str) -> None:
    """Report every problem in a glossary; exit 1 if there is any.

    Schema errors, unknown keys (with a "did you mean"), duplicate entries, variants that are
    another entry's right form, patterns that do not compile, match their own preferred form or
    can run away, Hangul in English forms and Korean forms without Hangul. Codes are listed in
    docs/glossary.md.
    """
    problems = lint_glossary(_glossary_path(path))
    if output_format == "text":
        emit("".join(problem.render() + "\n" for problem in problems), None)
    else:
        emit(render([_finding(problem) for problem in problems], output_format), None)
    sys.exit(1 if problems else 0)


@glossary_group.command("merge")
@click.argument("candidates")
@click.option(
    "--into",
    default="glossary",
    show_default=True,
    help="Glossary directory (new candidates go to candidates.yaml in it) or YAML file.",
)
@click.option("--dry-run", is_flag=True, help="Print the changes as a diff; write nothing.")
def merge_command(candidates: str, into: str, dry_run: bool) -> None:
    """Add new term candidates to the glossary and update the counts of existing ones.

    Approved and deprecated entries are never changed, and everything editors wrote
    (comments, key order, quoting, blank lines) is kept byte for byte. Merging the same
    candidates twice changes nothing the second time. Files are replaced atomically.
    """
    if not os.path.isdir(into) and not into.endswith((".yaml", ".yml")):
        raise InputError(into, "--into must be a glossary directory or a .yaml file")
    result = plan_merge(load_glossary(candidates, allow_empty=True), into)
    summary = (
        f"{len(result.added)} added, {len(result.updated)} updated, "
        f"{len(result.known)} already reviewed"
    )
    if dry_run:
        emit(result.diff(), None)
        click.echo(f"kogloss: dry run: {summary}; nothing written", err=True)
        return
    result.write()
    click.echo(f"kogloss: {summary}; {len(result.changed_paths)} file(s) written", err=True)


@glossary_group.command("export")
@click.argument("path", required=False)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(EXPORT_FORMATS),
    required=True,
    help="tbx: TBX-Basic (ISO 30042:2019); martif: the 2008 TBX many CAT tools import; "
    "csv/tsv: one row an entry; vale: a Vale substitution rule; yaml: kogloss YAML.",
)
@click.option("-o", "--output", default=None, help="Write here instead of to stdout.")
def export_command(path: str | None, output_format: str, output: str | None) -> None:
    """Write the glossary as TBX, CSV, TSV or a Vale style."""
    glossary = load_glossary(_glossary_path(path))
    emit(export_glossary(glossary, output_format), output)


@glossary_group.command("import")
@click.argument("path")
@click.option(
    "--format",
    "input_format",
    type=click.Choice(IMPORT_FORMATS),
    required=True,
    help="tbx reads both <tbx> (2019) and <martif> (2008).",
)
@click.option("-o", "--output", default=None, help="Write the YAML here instead of to stdout.")
def import_command(path: str, input_format: str, output: str | None) -> None:
    """Convert a TBX, CSV or TSV term list to glossary YAML."""
    emit(import_glossary(path, input_format), output)


@glossary_group.command("show")
@click.argument("term")
@click.option("-g", "--glossary", "path", default=None, help=_GLOSSARY_HELP)
def show_command(term: str, path: str | None) -> None:
    """Show the entry a term belongs to (any of its forms, English or Korean)."""
    glossary = load_glossary(_glossary_path(path))
    entries = find_entries(glossary, term)
    if not entries:
        close = similar_forms(glossary, term)
        hint = f"; did you mean: {', '.join(close)}?" if close else ""
        click.echo(f"kogloss: no entry has the form {term!r}{hint}", err=True)
        sys.exit(1)
    emit("\n".join(describe_entry(entry) for entry in entries), None)
