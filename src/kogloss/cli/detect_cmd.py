"""``kogloss detect``."""

from __future__ import annotations

import os
import sys

import click

from kogloss.cli.options import emit, exit_code, input_options, output_options
from kogloss.detect import detect
from kogloss.document import DEFAULT_INCLUDE, STDIN_PATH, collect_paths, load_document
from kogloss.errors import InputError
from kogloss.fileio import write_atomic
from kogloss.findings import sort_findings
from kogloss.report import render


@click.command("detect")
@input_options
@output_options
@click.option("--strip", is_flag=True, help="Write the release without its boilerplate instead.")
@click.option(
    "--show-segments", is_flag=True, help="In text output, list every paragraph's verdict too."
)
def detect_command(
    paths: tuple[str, ...],
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    encoding: str | None,
    max_bytes: int,
    output_format: str,
    fail_on: str,
    output: str | None,
    verbose: bool,
    strip: bool,
    show_segments: bool,
) -> None:
    """Find Korean leftovers, mixed-language segments and web boilerplate.

    Each paragraph gets its script profile (Hangul, Latin, Han, Cyrillic, other), its language
    (ko, en, mixed, other) and a boilerplate verdict. PATHS are files, directories (searched
    recursively) or - for standard input.

    \b
    Examples:
      kogloss detect samples/
      kogloss detect release.txt --format json
      kogloss detect release.html --strip -o release.txt
    """
    files = collect_paths(paths, include or DEFAULT_INCLUDE, exclude)
    results = []
    for path in files:
        document = load_document(path, encoding=encoding, max_bytes=max_bytes)
        if verbose:
            click.echo(
                f"{document.path}: read as {document.encoding} ({document.kind}), "
                f"{len(document.text)} characters",
                err=True,
            )
        results.append(detect(document))
    if strip:
        _write_stripped(results, output)
        return
    findings = sort_findings([finding for result in results for finding in result.findings])
    if output_format == "json":
        segments = [report.to_dict(r.document) for r in results for report in r.segments]
        documents = [
            {"path": r.document.path, "encoding": r.document.encoding, "language": r.language}
            for r in results
        ]
        text = render(findings, "json", extra={"documents": documents, "segments": segments})
    else:
        color = output is None and output_format == "text" and sys.stdout.isatty()
        text = render(findings, output_format, color=color)
        if show_segments and output_format == "text":
            text = _segment_listing(results) + text
    emit(text, output)
    sys.exit(exit_code((finding.severity for finding in findings), fail_on))


def _segment_listing(results: list) -> str:
    lines = []
    for result in results:
        for report in result.segments:
            begin = result.document.position(report.segment.start)
            flag = "boilerplate" if report.boilerplate else "content"
            preview = report.segment.text.replace("\n", " ")
            if len(preview) > 60:
                preview = preview[:57] + "..."
            lines.append(
                f"{result.document.path}:{begin.line}:{begin.column}: "
                f"{report.language:<5} {flag:<11} {preview}"
            )
    return "\n".join(lines) + ("\n" if lines else "")


def _write_stripped(results: list, output: str | None) -> None:
    if len(results) == 1 and (output is None or not os.path.isdir(output)):
        emit(results[0].content_text(), output)
        return
    if output is None or not os.path.isdir(output):
        raise InputError(
            output or "-o", "--strip with several inputs needs -o naming an existing directory"
        )
    for result in results:
        name = os.path.basename(result.document.path)
        if result.document.path == STDIN_PATH:
            name = "stdin.txt"
        write_atomic(os.path.join(output, name), result.content_text())
