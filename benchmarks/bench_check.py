"""Throughput and peak memory of `kogloss check` on a generated corpus and glossary.

Generates N releases (about 10 KB each: 1,000 are about 10 MB) with benchmarks/corpus.py and a
glossary of G entries (the project's glossary plus generated place, person and organisation
entries with variants, so that the index is as large as a big real one), then runs the real
command line (`kogloss check DIR`, text output) in a child process on one core and reports MB/s
and the child's peak resident memory. With --per-rule, also times each rule's share of a run in
this process, so that a slow rule shows up by name.

The C accelerators (src/kogloss/_native) are used where they were built, as in a normal
install; --pure-python measures the pure Python fallback instead (KOGLOSS_PURE_PYTHON=1).

Run: python benchmarks/bench_check.py [--releases 1000 10000] [--entries 5000] [--no-glossary]
     [--per-rule] [--repeat 3] [--pure-python]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus

from kogloss._native import PURE_PYTHON_VARIABLE, load
from kogloss.check import Checker, CheckSettings
from kogloss.document import collect_paths, load_document

ROOT = Path(__file__).resolve().parent.parent
SYLLABLES = "ka ki ku ko ba bi bo na ni no ra ri ro sa si so ta ti to ya yo za zo han gyu".split()


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def write_glossary(path: Path, entries: int, seed: int = 11) -> None:
    """Generated entries (places, people, organisations with variants) for the index's size."""
    rng = random.Random(seed)
    lines = ["terms:"]
    seen: set[str] = set()
    kinds = ["place", "person", "org", "term"]
    while len(seen) < entries:
        words = [_word(rng) for _ in range(rng.randint(1, 3))]
        english = " ".join(words)
        if english in seen:
            continue
        seen.add(english)
        lines.append(f"  - en: {english}")
        lines.append(f"    type: {rng.choice(kinds)}")
        lines.append("    status: approved")
        if rng.random() < 0.5:
            lines.append(f"    variants: [{english.lower()}, {english.replace('o', 'ou', 1)}]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run_command(arguments: list[str], cache: Path) -> tuple[float, float, int]:
    """Wall time, CPU time and peak RSS (bytes) of `kogloss check ...` in a child on one core.

    CPU time is reported too because this machine is shared: wall time includes waiting for a
    core, CPU time does not. ``cache`` is the child's cache folder (the compiled glossary).
    """
    command = [sys.executable, "-m", "kogloss", "check", *arguments]
    if hasattr(os, "sched_setaffinity"):
        command = ["taskset", "-c", "0", *command]
    environment = {**os.environ, "KOGLOSS_CACHE_DIR": str(cache)}
    # Bytecode as a pip install leaves it (see compile_package): a development shell that sets
    # PYTHONDONTWRITEBYTECODE would otherwise compile every module again in every run.
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, env=environment)
        # wait4 gives this child's own usage (RUSAGE_CHILDREN would keep the largest peak of
        # every child so far).
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode not in (0, 1):
            errors.seek(0)
            raise SystemExit(errors.read().decode())
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024


def compile_package() -> None:
    """Write kogloss's bytecode, as ``pip install`` does: an editable checkout may have none, and
    compiling some hundred modules at start-up (about 0.07 s) is not what users pay."""
    import compileall

    import kogloss

    compileall.compile_dir(Path(kogloss.__file__).parent, quiet=1)


def accelerators() -> list[str]:
    """The compiled accelerators this process (and its children) use."""
    import kogloss._native

    sources = Path(kogloss._native.__file__).parent.glob("*.c")
    return [source.stem for source in sorted(sources) if load(source.stem) is not None]


def time_rules(directory: Path, glossary_path: Path | None) -> list[tuple[str, float]]:
    """CPU seconds of each rule's share of one run over the corpus (loading excluded).

    The rules run as in ``kogloss check``: in id order, one document at a time, sharing the
    context's per-document work (detect's paragraphs and verdicts, the document's language, the
    glossary matches), which is charged to the first rule that asks for it.
    """
    glossary = None
    if glossary_path is not None:
        from kogloss.glossary import load_glossary

        glossary = load_glossary(glossary_path)
    documents = [load_document(path) for path in collect_paths([str(directory)])]
    checker = Checker(CheckSettings(), glossary)
    seconds = dict.fromkeys((rule.id for rule in checker.rules), 0.0)
    for document in documents:
        checker.context.begin(document)
        for rule in checker.rules:
            started = time.process_time()
            if rule.corpus:
                rule.collect(document, checker.context)
            else:
                list(rule.check(document, checker.context))
            seconds[rule.id] += time.process_time() - started
    return sorted(seconds.items(), key=lambda item: -item[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, nargs="+", default=[1000])
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--no-glossary", action="store_true")
    parser.add_argument(
        "--per-rule", action="store_true", help="also time each rule's share of a run"
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs with a warm cache; the fastest is reported"
    )
    parser.add_argument(
        "--pure-python", action="store_true", help="without the compiled accelerators"
    )
    options = parser.parse_args()
    if options.pure_python:
        os.environ[PURE_PYTHON_VARIABLE] = "1"  # read by this process and its children
    compile_package()
    print(f"compiled accelerators: {', '.join(accelerators()) or 'none (pure Python)'}")
    with tempfile.TemporaryDirectory() as temporary:
        base = Path(temporary)
        glossary_path = None
        if not options.no_glossary:
            glossary_path = base / "glossary"
            glossary_path.mkdir()
            write_glossary(glossary_path / "generated.yaml", options.entries)
            for project_file in sorted((ROOT / "glossary").glob("*.yaml")):
                (glossary_path / project_file.name).write_bytes(project_file.read_bytes())
        for releases in options.releases:
            corpus = base / f"corpus_{releases}"
            size = write_corpus(corpus, releases)
            arguments = [str(corpus), "--no-config"]
            if glossary_path is None:
                arguments.append("--no-glossary")
                glossary_note = "no glossary"
            else:
                arguments += ["--glossary", str(glossary_path)]
                glossary_note = f"glossary of {options.entries} generated + project entries"
            cache = base / f"cache_{releases}"
            print(f"kogloss check, {releases} releases ({size / 1e6:.1f} MB), {glossary_note}")
            # The first run compiles the glossary into an empty cache, as the first run in a
            # fresh CI job does; the later ones find it there. Of those the fastest is shown
            # (as timeit does): on a shared machine the slower runs measure the neighbours.
            first = run_command(arguments, cache)
            runs = [run_command(arguments, cache) for _ in range(max(1, options.repeat))]
            warm = min(runs, key=lambda run: run[1])  # by CPU time
            for label, (elapsed, cpu, peak) in (
                ("first run, empty cache", first),
                (f"warm cache, fastest of {max(1, options.repeat)}", warm),
            ):
                print(
                    f"  {label}, one core: {elapsed:.2f} s wall "
                    f"({size / 1e6 / elapsed:.1f} MB/s), {cpu:.2f} s CPU "
                    f"({size / 1e6 / cpu:.1f} MB/s), peak memory {peak / 2**20:.0f} MiB"
                )
            if options.per_rule:
                for rule_id, seconds in time_rules(corpus, glossary_path):
                    rate = f"{size / 1e6 / seconds:8.1f} MB/s" if seconds else ""
                    print(f"  {rule_id:<18} {seconds:6.3f} s CPU {rate}")


if __name__ == "__main__":
    main()
