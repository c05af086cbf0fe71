"""Options several commands share, defined once."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO, TypeVar

import click

from kogloss.document import DEFAULT_INCLUDE, DEFAULT_MAX_BYTES
from kogloss.fileio import atomic_writer
from kogloss.findings import Severity
from kogloss.report import FORMATS

F = TypeVar("F", bound=Callable[..., Any])

FAIL_ON_CHOICES = ("info", "warning", "error", "never")


def input_options(function: F) -> F:
    """Paths and how to read them."""
    decorators = [
        click.argument("paths", nargs=-1, required=True),
        click.option(
            "--include",
            multiple=True,
            metavar="GLOB",
            help=f"File names to read in directories (default: {' '.join(DEFAULT_INCLUDE)}).",
        ),
        click.option("--exclude", multiple=True, metavar="GLOB", help="Paths to leave out."),
        click.option(
            "--encoding",
            default=None,
            metavar="NAME",
            help="Decode every input with this encoding instead of detecting it.",
        ),
        click.option(
            "--max-bytes",
            type=click.IntRange(min=1),
            default=DEFAULT_MAX_BYTES,
            show_default=True,
            help="Refuse files larger than this.",
        ),
    ]
    for decorator in reversed(decorators):
        function = decorator(function)
    return function


def output_options(function: F) -> F:
    """Format, failure threshold and destination."""
    decorators = [
        click.option(
            "--format",
            "output_format",
            type=click.Choice(FORMATS),
            default="text",
            show_default=True,
            help="How to print findings.",
        ),
        click.option(
            "--fail-on",
            type=click.Choice(FAIL_ON_CHOICES),
            default="warning",
            show_default=True,
            help="Exit 1 when a finding is at or above this severity.",
        ),
        click.option(
            "-o",
            "--output",
            type=click.Path(dir_okay=True, writable=True),
            default=None,
            help="Write the report (or the stripped text) here instead of stdout.",
        ),
        click.option("-v", "--verbose", is_flag=True, help="Say what was read, and how."),
    ]
    for decorator in reversed(decorators):
        function = decorator(function)
    return function


def exit_code(severities: Iterable[Severity], fail_on: str) -> int:
    """1 when any of the findings' ``severities`` is at or above ``fail_on``, else 0."""
    if fail_on == "never":
        return 0
    threshold = Severity.parse(fail_on)
    return 1 if any(severity >= threshold for severity in severities) else 0


@contextlib.contextmanager
def open_output(output: str | None) -> Iterator[TextIO]:
    """Standard output, or a stream that replaces ``output`` in one rename when the report
    is complete (never half-written)."""
    if output is None:
        yield sys.stdout
        sys.stdout.flush()
    else:
        with atomic_writer(output) as stream:
            yield stream


def emit(text: str, output: str | None) -> None:
    """Print ``text``, or write it to ``output`` in one rename."""
    with open_output(output) as stream:
        stream.write(text)
