"""Alignment quality on the development set (tests/data/align): strict F1 >= 0.95.

Run with ``-s`` to see the figures per release and per kind of irregularity. A length-only run
of the same search (no anchors, no markers: Gale and Church's information) is scored beside it,
so the test also shows what the anchors add.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
import yaml

from kogloss.align import Alignment, TermAnchors, align, align_segments
from kogloss.align.evaluate import Score, load_gold, score_links
from kogloss.align.features import english_features, korean_features
from kogloss.align.search import best_path
from kogloss.document import Document, document_from_text, load_document
from kogloss.glossary import default_glossary_path, load_glossary
from kogloss.segment import line_segments, sentences
from tests.conftest import DATA

ALIGN = DATA / "align"
RELEASES = sorted(path.name.split(".")[0] for path in ALIGN.glob("r*.ko.txt"))
TARGET = 0.95


def _pair(release: str) -> tuple[Document, Document]:
    return (
        load_document(str(ALIGN / f"{release}.ko.txt")),
        load_document(str(ALIGN / f"{release}.en.txt")),
    )


def _joined(document: Document) -> Document:
    """Running text: each paragraph's lines joined with spaces, paragraphs kept apart."""
    paragraphs = document.text.strip().split("\n\n")
    text = "\n\n".join(" ".join(paragraph.split("\n")) for paragraph in paragraphs) + "\n"
    return document_from_text(text, document.path)


def _score(release: str, alignment: Alignment) -> Score:
    links = [(link.ko, link.en) for link in alignment.links]
    return score_links(links, load_gold(ALIGN / f"{release}.gold.json"))


def _report(title: str, total: Score) -> None:
    kinds = ", ".join(f"{kind} {recall:.2f}" for kind, recall in total.kind_recall().items())
    print(f"\n{title}: strict F1 {total.strict_f1:.3f}, lax F1 {total.lax_f1:.3f}; recall {kinds}")


def test_development_set_is_complete() -> None:
    assert len(RELEASES) >= 10
    for release in RELEASES:
        korean, english = _pair(release)
        gold = load_gold(ALIGN / f"{release}.gold.json")
        ko_count = len(line_segments(korean)[0])
        en_count = len(line_segments(english)[0])
        assert sorted(i for link in gold for i in link.ko) == list(range(ko_count)), release
        assert sorted(j for link in gold for j in link.en) == list(range(en_count)), release


def test_lines_mode_reaches_the_target() -> None:
    total = Score()
    for release in RELEASES:
        korean, english = _pair(release)
        alignment = align(korean, english, lines=True)
        score = _score(release, alignment)
        print(f"{release}: strict {score.strict_f1:.3f} lax {score.lax_f1:.3f}")
        total.add(score)
    _report("--lines", total)
    assert total.strict_f1 >= TARGET
    assert total.lax_f1 >= total.strict_f1 - 0.01
    assert set(total.kinds) >= {"merge", "split", "omission", "addition", "number", "title"}


def test_glossary_pairs_as_anchors_do_not_hurt() -> None:
    total = Score()
    for release in RELEASES:
        korean, english = _pair(release)
        terms = yaml.safe_load((ALIGN / f"{release}.terms.yaml").read_text(encoding="utf-8"))
        pairs = [(term["ko"], term["en"]) for term in terms]
        alignment = align(korean, english, lines=True, anchors=pairs)
        total.add(_score(release, alignment))
    _report("--lines with the releases' term pairs", total)
    assert total.strict_f1 >= TARGET


def test_running_text_segments_like_the_gold_and_aligns() -> None:
    """Raw mode: the segmenter must cut the joined paragraphs where the gold's lines are."""
    total = Score()
    for release in RELEASES:
        korean, english = (_joined(document) for document in _pair(release))
        for document, original in zip((korean, english), _pair(release), strict=True):
            cut = [segment.text for segment in sentences(document)]
            lines = [segment.text for segment in line_segments(original)[0]]
            assert cut == lines, release
        alignment = align(korean, english)
        total.add(_score(release, alignment))
    _report("running text", total)
    assert total.strict_f1 >= TARGET


def _flat(document: Document) -> Document:
    """The same lines without the blank lines: no paragraph information at all."""
    text = "\n".join(line for line in document.text.split("\n") if line.strip()) + "\n"
    return document_from_text(text, document.path)


@pytest.mark.parametrize("flat", [False, True], ids=["paragraphs", "no-paragraphs"])
def test_anchors_beat_length_alone(flat: bool) -> None:
    """The same search with only lengths (and paragraph starts): Gale and Church's information.

    Without paragraph marks length alone falls to about 0.92, the figure the issue quotes for
    Gale-Church on Korean-English news; the anchors must keep the target.
    """
    ours, baseline = Score(), Score()
    for release in RELEASES:
        korean, english = _pair(release)
        if flat:
            korean, english = _flat(korean), _flat(english)
        gold = load_gold(ALIGN / f"{release}.gold.json")
        alignment = align(korean, english, lines=True)
        ours.add(score_links([(link.ko, link.en) for link in alignment.links], gold))
        ko_segments = line_segments(korean)[0]
        en_segments = line_segments(english)[0]
        ko = [
            replace(korean_features(s.text, _opens(ko_segments, i)), tokens={}, marker="")
            for i, s in enumerate(ko_segments)
        ]
        en = [
            replace(english_features(s.text, _opens(en_segments, i)), tokens={}, marker="")
            for i, s in enumerate(en_segments)
        ]
        links = [
            (tuple(range(r.ko_start, r.ko_end)), tuple(range(r.en_start, r.en_end)))
            for r in best_path(ko, en)
        ]
        baseline.add(score_links(links, gold))
    _report(f"{'no paragraphs: ' if flat else ''}anchors", ours)
    _report(f"{'no paragraphs: ' if flat else ''}length only", baseline)
    assert ours.strict_f1 > baseline.strict_f1
    assert ours.strict_f1 >= TARGET


def _opens(segments: list, index: int) -> bool:
    return index == 0 or segments[index].paragraph != segments[index - 1].paragraph


@pytest.mark.parametrize("release", RELEASES[:3])
def test_alignment_is_deterministic(release: str) -> None:
    korean, english = _pair(release)
    first = align(korean, english, lines=True).links
    second = align(korean, english, lines=True).links
    assert first == second


def test_align_segments_accepts_segments_cut_by_the_caller() -> None:
    korean, english = _pair(RELEASES[0])
    alignment = align_segments(korean, english, line_segments(korean)[0], line_segments(english)[0])
    assert alignment.links == align(korean, english, lines=True).links


def test_the_project_glossary_as_anchors_reaches_the_target() -> None:
    anchors = TermAnchors.from_glossary(load_glossary(default_glossary_path()))
    total = Score()
    for release in RELEASES:
        korean, english = _pair(release)
        alignment = align(korean, english, lines=True, anchors=anchors)
        total.add(_score(release, alignment))
    _report("--lines with the project glossary", total)
    assert total.strict_f1 >= TARGET


def test_every_wrong_link_is_next_to_a_low_confidence_one() -> None:
    """Low-confidence stretches are where an editor looks first: they must catch the errors."""
    for release in RELEASES:
        korean, english = _pair(release)
        alignment = align(korean, english, lines=True)
        gold = {(link.ko, link.en) for link in load_gold(ALIGN / f"{release}.gold.json")}
        flagged = {
            position
            for stretch in alignment.low_confidence()
            for position in range(stretch.first_link - 1, stretch.last_link + 2)
        }
        for position, link in enumerate(alignment.links):
            if (link.ko, link.en) not in gold:
                assert position in flagged, (release, link)
