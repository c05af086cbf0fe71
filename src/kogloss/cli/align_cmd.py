"""``kogloss align``."""

from __future__ import annotations

import sys

import click

from kogloss.align import TermAnchors, align
from kogloss.align.writers import FORMATS, render_alignment
from kogloss.document import DEFAULT_MAX_BYTES, load_document
from kogloss.fileio import write_atomic
from kogloss.glossary import default_glossary_path, load_glossary


@click.command("align")
@click.argument("korean", metavar="KO")
@click.argument("english", metavar="EN")
@click.option(
    "--lines",
    is_flag=True,
    help="Inputs are already segmented: one segment per line, a blank line between paragraphs.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="tsv (ko, en, score), json, tmx (TMX 1.4b) or text (a view for the terminal).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Write the alignment here instead of stdout.",
)
@click.option(
    "--glossary",
    "glossary_path",
    type=click.Path(exists=True),
    default=None,
    help="Glossary file or directory whose Korean-English pairs anchor the alignment "
    "(default: the glossary shipped with kogloss).",
)
@click.option("--no-glossary", is_flag=True, help="Align without glossary anchors.")
@click.option(
    "--encoding",
    default=None,
    metavar="NAME",
    help="Decode both inputs with this encoding instead of detecting it.",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Refuse files larger than this.",
)
def align_command(
    korean: str,
    english: str,
    lines: bool,
    output_format: str,
    output: str | None,
    glossary_path: str | None,
    no_glossary: bool,
    encoding: str | None,
    max_bytes: int,
) -> None:
    """Align a Korean release (KO) with its English translation (EN), sentence by sentence.

    Links are 1-1, 2-1, 1-2, or a sentence with no counterpart (an omission or an addition).
    Numbers, dates, names and glossary terms shared by both sides anchor the links.
    Segment numbers count from 0. Warnings (a side far longer than the other, no sentence
    punctuation) go to standard error; swapped or empty inputs are errors (exit 2).

    \b
    Examples:
      kogloss align release.ko.txt release.en.txt
      kogloss align ko.txt en.txt --lines --format tsv -o pairs.tsv
      kogloss align ko.txt en.txt --format tmx -o memory.tmx
    """
    korean_document = load_document(korean, encoding=encoding, max_bytes=max_bytes)
    english_document = load_document(english, encoding=encoding, max_bytes=max_bytes)
    anchors = None
    if not no_glossary:
        glossary = load_glossary(glossary_path or default_glossary_path())
        anchors = TermAnchors.from_glossary(glossary)
    alignment = align(korean_document, english_document, lines=lines, anchors=anchors)
    if output_format != "text":
        for warning in alignment.warnings:
            click.echo(f"kogloss: warning: {warning}", err=True)
    text = render_alignment(alignment, output_format)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(output, text)
