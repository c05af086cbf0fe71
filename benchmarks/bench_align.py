"""Speed and memory of the aligner on long generated Korean-English pairs, on one core.

The pairs are assembled from the development set's 1-1 sentence pairs (tests/data/align),
shuffled with a fixed seed into paragraphs, with irregularities planted as in real
translations: sentences left out, translator's notes added, two sentences merged. Prints
sentence pairs aligned per second (whole pipeline: segmentation, features, search), peak memory
per size (tracemalloc) and strict F1 against the planted gold.

Run: python benchmarks/bench_align.py [--sizes 500 2000 8000 16000] [--repeat 3] [--glossary]
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import time
import tracemalloc
from pathlib import Path

from kogloss.align import Anchors, TermAnchors, align
from kogloss.align.evaluate import GoldLink, score_links
from kogloss.document import document_from_text
from kogloss.glossary import default_glossary_path, load_glossary

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "align"

NOTES = [
    "* Unofficial translation.",
    "The meeting was held at the request of the other side.",
    "This was the first such meeting in three years.",
]


def _lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def sentence_pairs() -> list[tuple[str, str]]:
    """The plain 1-1 pairs of the development set (no planted irregularity)."""
    pairs = []
    for gold_path in sorted(DATA.glob("r*.gold.json")):
        release = gold_path.name.split(".")[0]
        korean = _lines(DATA / f"{release}.ko.txt")
        english = _lines(DATA / f"{release}.en.txt")
        for link in json.loads(gold_path.read_text(encoding="utf-8"))["links"]:
            if len(link["ko"]) == 1 and len(link["en"]) == 1 and not link.get("kind"):
                pairs.append((korean[link["ko"][0]], english[link["en"][0]]))
    return pairs


def generate(size: int, seed: int = 7) -> tuple[str, str, list[GoldLink]]:
    """A Korean and an English text of about ``size`` sentences each, and their gold links."""
    rng = random.Random(seed)
    pairs = sentence_pairs()
    korean_paragraphs: list[list[str]] = []
    english_paragraphs: list[list[str]] = []
    gold: list[GoldLink] = []
    ko_count = en_count = 0
    while ko_count < size:
        korean_lines: list[str] = []
        english_lines: list[str] = []
        for _ in range(rng.randint(1, 4)):
            ko, en = rng.choice(pairs)
            roll = rng.random()
            if roll < 0.03:  # left out of the translation
                korean_lines.append(ko)
                gold.append(GoldLink((ko_count,), ()))
                ko_count += 1
                continue
            if roll < 0.05 and english_lines and len(korean_lines) == len(english_lines):
                # merged with the previous sentence in the English
                previous = gold.pop()
                english_lines[-1] = english_lines[-1] + " " + en
                korean_lines.append(ko)
                gold.append(GoldLink((*previous.ko, ko_count), previous.en))
                ko_count += 1
                continue
            korean_lines.append(ko)
            english_lines.append(en)
            gold.append(GoldLink((ko_count,), (en_count,)))
            ko_count += 1
            en_count += 1
            if roll > 0.98:  # a translator's note
                english_lines.append(rng.choice(NOTES))
                gold.append(GoldLink((), (en_count,)))
                en_count += 1
        korean_paragraphs.append(korean_lines)
        english_paragraphs.append(english_lines)
    korean_text = "\n\n".join("\n".join(lines) for lines in korean_paragraphs) + "\n"
    english_text = "\n\n".join("\n".join(lines) for lines in english_paragraphs if lines) + "\n"
    return korean_text, english_text, gold


def measure(size: int, repeat: int, anchors: Anchors | None) -> dict[str, float]:
    korean_text, english_text, gold = generate(size)
    korean = document_from_text(korean_text, "ko.txt")
    english = document_from_text(english_text, "en.txt")
    best = float("inf")
    alignment = None
    for _ in range(repeat):
        started = time.perf_counter()
        alignment = align(korean, english, lines=True, anchors=anchors)
        best = min(best, time.perf_counter() - started)
    assert alignment is not None
    tracemalloc.start()
    align(korean, english, lines=True, anchors=anchors)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    score = score_links([(link.ko, link.en) for link in alignment.links], gold)
    return {
        "sentences": len(alignment.ko_segments),
        "links": len(alignment.links),
        "seconds": best,
        "pairs_per_second": len(alignment.links) / best,
        "peak_mib": peak / 2**20,
        "bytes_per_link": peak / len(alignment.links),
        "strict_f1": score.strict_f1,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 8000, 16000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--glossary", action="store_true", help="anchor with the project glossary, as the CLI does"
    )
    arguments = parser.parse_args()
    anchors = None
    if arguments.glossary:
        anchors = TermAnchors.from_glossary(load_glossary(default_glossary_path()))
    print(f"Python {platform.python_version()} on {platform.machine()}, one process (one core)")
    print("glossary anchors: " + ("the project glossary" if anchors else "none"))
    print(
        f"{'sentences':>9} {'links':>6} {'seconds':>8} {'pairs/s':>8} {'peak MiB':>9} "
        f"{'bytes/link':>10} {'strict F1':>9}"
    )
    for size in arguments.sizes:
        row = measure(size, arguments.repeat, anchors)
        print(
            f"{row['sentences']:>9} {row['links']:>6} {row['seconds']:>8.3f} "
            f"{row['pairs_per_second']:>8.0f} {row['peak_mib']:>9.1f} "
            f"{row['bytes_per_link']:>10.0f} {row['strict_f1']:>9.3f}"
        )


if __name__ == "__main__":
    main()
