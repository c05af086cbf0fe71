"""``kogloss extract``."""

from __future__ import annotations

import click

from kogloss.cli.options import emit, input_options
from kogloss.document import DEFAULT_INCLUDE, collect_paths, load_document
from kogloss.extract.candidates import TYPES
from kogloss.extract.corpus import extract_candidates
from kogloss.extract.known import glossary_pairs, split_known
from kogloss.extract.output import FORMATS, render, select
from kogloss.glossary import Glossary, default_glossary_path, load_glossary
from kogloss.sources import pair_sources


def _glossary(path: str | None, disabled: bool) -> Glossary | None:
    """The glossary to compare with: the one named, else the shipped one when it exists."""
    if disabled:
        return None
    if path is not None:
        return load_glossary(path)
    default = default_glossary_path()
    return load_glossary(default) if default.exists() else None


def _parse_types(value: str | None) -> list[str] | None:
    if not value:
        return None
    types = [part.strip() for part in value.split(",") if part.strip()]
    unknown = [kind for kind in types if kind not in TYPES]
    if unknown:
        raise click.BadParameter(
            f"unknown type {unknown[0]!r} (choose from {', '.join(TYPES)})", param_hint="--types"
        )
    return types


@click.command("extract")
@input_options
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="yaml",
    show_default=True,
    help='Glossary YAML (for `kogloss glossary merge`) or JSON {"terms": [...]}.',
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write here, not stdout."
)
@click.option(
    "--min-count",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Propose only terms seen at least this many times.",
)
@click.option("--types", "types_option", metavar="LIST", help=f"Comma list of {', '.join(TYPES)}.")
@click.option(
    "--source",
    "sources",
    multiple=True,
    type=click.Path(dir_okay=False),
    metavar="KO_FILE",
    help="Korean original of an English input (repeat, in the same order); without it, "
    "x.ko.txt pairs with x.en.txt or x.txt by name.",
)
@click.option("--lines", is_flag=True, help="Both sides of a pair hold one sentence per line.")
@click.option(
    "--glossary",
    "glossary_path",
    type=click.Path(exists=True),
    default=None,
    help="Glossary file or directory (default: the shipped glossary): terms it has are "
    "reported as known, not proposed again, and its Korean forms are trusted for pairing.",
)
@click.option("--no-glossary", is_flag=True, help="Propose every term; use no glossary.")
@click.option("-v", "--verbose", is_flag=True, help="Say what was read.")
def extract_command(
    paths: tuple[str, ...],
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    encoding: str | None,
    max_bytes: int,
    output_format: str,
    output: str | None,
    min_count: int,
    types_option: str | None,
    sources: tuple[str, ...],
    lines: bool,
    glossary_path: str | None,
    no_glossary: bool,
    verbose: bool,
) -> None:
    """Propose glossary entries: titles and their persons, places, organisations, acronyms.

    Reads English releases (files, directories, or - for standard input) and writes candidates
    in the glossary's YAML schema with `status: candidate`, each with its count, the files it
    was seen in and one example sentence. Boilerplate lines are not read. With the Korean
    originals (--source, or x.ko.txt beside x.en.txt) each candidate is paired with its Korean
    form where the aligned sentences show it, with the method and a confidence in `note`.
    Terms the glossary already has are listed as known (with new spellings seen), not
    proposed again.

    \b
    Examples:
      kogloss extract samples/ -o candidates.yaml
      kogloss extract release.txt --types title,person --format json
      kogloss extract archive/ --min-count 3
      kogloss extract release.en.txt --source release.ko.txt
    """
    types = _parse_types(types_option)
    english_paths, pair_paths = pair_sources(
        collect_paths(paths, include or DEFAULT_INCLUDE, exclude), sources
    )

    def read(path: str):
        document = load_document(path, encoding=encoding, max_bytes=max_bytes)
        if verbose:
            click.echo(f"{document.path}: read as {document.encoding} ({document.kind})", err=True)
        return document

    documents = {path: read(path) for path in english_paths}
    korean_pairs = [(read(korean), documents[english]) for korean, english in pair_paths]
    glossary = _glossary(glossary_path, no_glossary)
    candidates = extract_candidates(
        list(documents.values()),
        korean_pairs,
        known_pairs=glossary_pairs(glossary) if glossary else None,
        preferred_forms=[entry.en for entry in glossary.entries] if glossary else (),
        lines=lines,
    )
    candidates = select(candidates, min_count, types)
    new, known = split_known(candidates, glossary) if glossary else (candidates, [])
    emit(render(new, output_format, known), output)
