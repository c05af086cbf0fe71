"""Speed of `kogloss extract` on 1,000 generated releases, English alone and with the Korean
originals (alignment, kiwipiepy analysis, pairing), on one core.

The bilingual corpus is built from the align development set (tests/data/align): each pair is
one of its releases with persons and places swapped consistently on both sides from a
bilingual table, so sentences, lengths and alignment difficulty stay those of real releases.
English alone is also timed on the longer, scraped-looking releases of benchmarks/corpus.py
(the detect benchmark's generator: boilerplate, Hangul leftovers, related-news blocks).

Run: python benchmarks/bench_extract.py [--releases 1000]
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus

from kogloss.document import Document, collect_paths, document_from_text, load_document
from kogloss.extract.candidates import Candidate
from kogloss.extract.corpus import extract_candidates
from kogloss.extract.korean import analyser

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "data" / "align"

PERSONS = [
    ("Kim Kyou-hyun", "김규현"),
    ("Cho Tae-yul", "조태열"),
    ("Lee Tae-ho", "이태호"),
    ("Kang Kyung-wha", "강경화"),
    ("Lee Do-hoon", "이도훈"),
    ("Park Sung-hoon", "박성훈"),
    ("Choi Jae-won", "최재원"),
    ("Yoon Sung-min", "윤성민"),
    ("Jung Eui-yong", "정의용"),
    ("Chung Hyun-bak", "정현박"),
]
PLACES = [
    ("Bishkek", "비슈케크"),
    ("Tashkent", "타슈켄트"),
    ("Astana", "아스타나"),
    ("Baku", "바쿠"),
    ("Tbilisi", "트빌리시"),
    ("Ulaanbaatar", "울란바토르"),
    ("Ashgabat", "아시가바트"),
    ("Dushanbe", "두샨베"),
    ("Almaty", "알마티"),
    ("Samarkand", "사마르칸트"),
    ("Kathmandu", "카트만두"),
    ("Addis Ababa", "아디스아바바"),
]


def _swap(korean: str, english: str, table: list[tuple[str, str]], rng: random.Random):
    for en, ko in table:
        if en in english and ko in korean:
            new_en, new_ko = rng.choice(table)
            english = english.replace(en, f"\0{new_en}\0")
            korean = korean.replace(ko, f"\0{new_ko}\0")
    return korean.replace("\0", ""), english.replace("\0", "")


def generate_pairs(count: int, seed: int = 11) -> list[tuple[Document, Document]]:
    rng = random.Random(seed)
    sources = sorted(path.name.split(".")[0] for path in DEV.glob("r*.terms.yaml"))
    texts = {
        name: (
            (DEV / f"{name}.ko.txt").read_text(encoding="utf-8"),
            (DEV / f"{name}.en.txt").read_text(encoding="utf-8"),
        )
        for name in sources
    }
    pairs = []
    for number in range(count):
        korean, english = texts[rng.choice(sources)]
        korean, english = _swap(korean, english, PERSONS, rng)
        korean, english = _swap(korean, english, PLACES, rng)
        pairs.append(
            (
                document_from_text(korean, f"gen/{number:04d}.ko.txt"),
                document_from_text(english, f"gen/{number:04d}.en.txt"),
            )
        )
    return pairs


def timed(
    label: str,
    english: list[Document],
    pairs: list[tuple[Document, Document]] | None = None,
) -> list[Candidate]:
    started = time.perf_counter()
    candidates = extract_candidates(english, pairs or (), lines=bool(pairs))
    seconds = time.perf_counter() - started
    print(
        f"{label}: {len(english)} releases in {seconds:.1f} s, "
        f"{len(english) / seconds:.0f} releases/s, {len(candidates)} candidates"
    )
    return candidates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=1000)
    arguments = parser.parse_args()
    pairs = generate_pairs(arguments.releases)
    english = [en for _, en in pairs]
    size = sum(len(en.text.encode("utf-8")) for en in english)
    korean_size = sum(len(ko.text.encode("utf-8")) for ko, _ in pairs)
    print(f"python {platform.python_version()} on {platform.machine()}, one process, one thread")
    print(
        f"corpus: {len(pairs)} releases, "
        f"English {size / 1e6:.2f} MB, Korean {korean_size / 1e6:.2f} MB"
    )

    started = time.perf_counter()
    analyser()
    load = time.perf_counter() - started
    print(f"kiwipiepy model load: {load:.2f} s (once per run)")

    timed("English only", english)

    with tempfile.TemporaryDirectory() as directory:
        write_corpus(Path(directory), arguments.releases)
        scraped = [load_document(path) for path in collect_paths([directory])]
    scraped_size = sum(len(document.text.encode("utf-8")) for document in scraped)
    timed(f"English only, scraped-style releases ({scraped_size / 1e6:.1f} MB)", scraped)

    candidates = timed("with Korean originals", english, pairs)
    paired = sum(candidate.ko is not None for candidate in candidates)
    print(f"  {paired} candidates with a Korean form")


if __name__ == "__main__":
    main()
