"""Glossary matching speed: 5,000 entries against 10 MB of English releases on one core.

The glossary is the project's own (glossary/) topped up with generated names, titles and
organisations, each with variants and accepted forms, written as YAML and loaded as a user's
would be. The corpus is generated releases (benchmarks/corpus.py) with glossary forms spliced
in, some wrapped across a line break or written with two spaces. Same seed, same figures.

Run: python benchmarks/bench_glossary_match.py [--entries 5000] [--megabytes 10]
"""

from __future__ import annotations

import argparse
import platform
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate_release

from kogloss.glossary import Entry, TermIndex, Variant, load_glossary
from kogloss.glossary.yamlwrite import render_glossary

ROOT = Path(__file__).resolve().parent.parent
SYLLABLES = (
    "ka ki ku ko ba bi bo da de do ga gi go ha hu ja jo ma mi mo na no pa ra ri ro sa se so ta to "
    "ul ya yo zan"
).split()
KINDS = [
    ("place", "{} Province"),
    ("place", "{}"),
    ("org", "Ministry of {} Affairs"),
    ("org", "{} National University"),
    ("title", "Special Envoy for {}"),
    ("person", "{} {}-{}"),
    ("term", "{} Cooperation Initiative"),
]


def _word(rng: random.Random, parts: int = 3) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def _misspell(rng: random.Random, form: str) -> str:
    position = rng.randrange(1, len(form) - 1)
    if form[position].isalpha():
        return form[:position] + form[position] + form[position:]  # a doubled letter
    return form.replace(" ", "-", 1)


def generated_entries(rng: random.Random, count: int, taken: set[str]) -> list[Entry]:
    entries = []
    while len(entries) < count:
        kind, template = rng.choice(KINDS)
        if kind == "person":
            en = template.format(_word(rng, 1), _word(rng, 1), _word(rng, 1).lower())
        else:
            en = template.format(_word(rng, rng.choice((2, 3))))
        if en in taken:
            continue
        taken.add(en)
        variants = [Variant(text=_misspell(rng, en))]
        if rng.random() < 0.3:
            variants.append(Variant(text=en.lower() if kind != "person" else en.upper()))
        also = [en.replace("Province", "Region")] if "Province" in en else []
        status = "candidate" if rng.random() < 0.2 else "approved"
        entries.append(Entry(en=en, type=kind, status=status, variants=variants, also=also))
    return entries


def write_glossary(directory: Path, entries: int, seed: int) -> Path:
    project = load_glossary(ROOT / "glossary")
    taken = {entry.en for entry in project.entries}
    extra = generated_entries(random.Random(seed), entries - len(project.entries), taken)
    path = directory / "generated.yaml"
    path.write_text(render_glossary(project.entries + extra), encoding="utf-8")
    return path


def _spaced(rng: random.Random, form: str) -> str:
    if " " in form and rng.random() < 0.1:
        return form.replace(" ", rng.choice(("\n", "  ")), 1)
    return form


def generate_corpus(entries: list[Entry], megabytes: float, seed: int) -> list[str]:
    rng = random.Random(seed)
    forms = []
    for entry in entries:
        forms.append(entry.en)
        forms.extend(entry.also)
        forms.extend(v.text for v in entry.variants if v.text)
    releases = []
    size = 0
    while size < megabytes * 1_000_000:
        paragraphs = generate_release(rng).split("\n\n")
        for index, paragraph in enumerate(paragraphs):
            words = paragraph.split(" ")
            for _ in range(3):
                words.insert(rng.randrange(len(words) + 1), _spaced(rng, rng.choice(forms)))
            paragraphs[index] = " ".join(words)
        release = "\n\n".join(paragraphs)
        releases.append(release)
        size += len(release.encode("utf-8"))
    return releases


def best_of(runs: int, function, *args):
    """(best wall seconds, best CPU seconds of this process, the result) over ``runs`` runs.

    CPU time is what "on one core" means; wall time also counts other processes on the machine.
    """
    best_wall = best_cpu = float("inf")
    result = None
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        result = function(*args)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return best_wall, best_cpu, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as directory:
        path = write_glossary(Path(directory), options.entries, options.seed)
        load_seconds, _, glossary = best_of(1, load_glossary, path)
    releases = generate_corpus(glossary.entries, options.megabytes, options.seed)
    text = "\n\n".join(releases)
    megabytes = len(text.encode("utf-8")) / 1e6

    build_seconds, _, index = best_of(options.runs, TermIndex, glossary)

    def per_release() -> int:
        return sum(len(index.find_english(release)) for release in releases)

    whole_seconds, whole_cpu, whole = best_of(options.runs, index.find_english, text)
    release_seconds, release_cpu, matches = best_of(options.runs, per_release)
    wrapped = sum(1 for match in whole if "\n" in match.matched or "  " in match.matched)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(
        f"machine            {platform.machine()} {platform.python_implementation()} "
        f"{platform.python_version()}, one process, one core"
    )
    print(f"entries            {len(glossary.entries)}")
    print(f"corpus             {megabytes:.1f} MB in {len(releases)} releases")
    print(f"load YAML          {load_seconds:.2f} s")
    print(f"build index        {build_seconds:.3f} s")
    print(
        f"match, per release {release_cpu:.3f} s CPU, {release_seconds:.3f} s wall "
        f"({megabytes / release_cpu:.1f} MB/s), {matches} matches"
    )
    print(
        f"match, one text    {whole_cpu:.3f} s CPU, {whole_seconds:.3f} s wall "
        f"({megabytes / whole_cpu:.1f} MB/s), {len(whole)} matches, "
        f"{wrapped} wrapped or double-spaced"
    )
    print(f"peak memory        {peak:.0f} MB (max RSS of the whole run)")


if __name__ == "__main__":
    main()
