"""Sentences and paragraphs of English and Korean releases."""

from __future__ import annotations

import pytest

from kogloss.document import document_from_text, load_document
from kogloss.segment import line_segments, paragraphs, sentence_spans, sentences
from tests.conftest import APA_SEED, MOFA_SEED


def split(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "This year, H.E. Mr. Ogtay Asadov visited Seoul and H.E. Mr. Park Joo-sun came to "
            "Baku. Both met the Ambassador.",
            [
                "This year, H.E. Mr. Ogtay Asadov visited Seoul and H.E. Mr. Park Joo-sun came "
                "to Baku.",
                "Both met the Ambassador.",
            ],
        ),
        (
            "Amb. Kim Chang-gyu met Dr. Lee at No. 5 Sajik-ro. The U.S. Embassy sent Min. Park.",
            [
                "Amb. Kim Chang-gyu met Dr. Lee at No. 5 Sajik-ro.",
                "The U.S. Embassy sent Min. Park.",
            ],
        ),
        (
            "Kim K. Lee and J. Smith attended. The meeting ended at 5 p.m. on Friday.",
            ["Kim K. Lee and J. Smith attended.", "The meeting ended at 5 p.m. on Friday."],
        ),
        (
            "Is it planned to launch a direct flight? Is it planned? If yes, when!",
            ["Is it planned to launch a direct flight?", "Is it planned?", "If yes, when!"],
        ),
        (
            "1. First Vice Minister Kim held the Forum. He met the delegates.",
            ["1. First Vice Minister Kim held the Forum.", "He met the delegates."],
        ),
        (
            "김규현 제1차관은 2017. 10. 4.(수) 비슈케크를 방문하였다. 그는 “협력을 강화하자.” "
            "라고 말했다. 성과가 있었나요? 있었어요!",
            [
                "김규현 제1차관은 2017. 10. 4.(수) 비슈케크를 방문하였다.",
                "그는 “협력을 강화하자.” 라고 말했다.",
                "성과가 있었나요?",
                "있었어요!",
            ],
        ),
        (
            "The delegates said “we agree.” Then they left.",
            ["The delegates said “we agree.”", "Then they left."],
        ),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_seed_numbered_points_and_bullets_are_paragraphs_with_markers() -> None:
    document = load_document(str(MOFA_SEED))
    markers = [paragraph.marker for paragraph in paragraphs(document)]
    raw_lines = MOFA_SEED.read_text(encoding="utf-8").split("\n")
    for marker in ("°", "-", "*"):
        assert markers.count(marker) == sum(line.startswith(marker + " ") for line in raw_lines)
    assert markers.count("°") == 13
    assert [marker for marker in markers if marker.endswith(".")] == [
        f"{number}." for number in range(1, 9)
    ]


def test_seed_interview_sentences_keep_the_repeated_question_apart() -> None:
    document = load_document(str(APA_SEED))
    texts = [sentence.text for sentence in sentences(document)]
    question = "Is it planned to launch a direct flight from Seoul in the future?"
    assert texts.count(question) == 2
    assert "H.E. Mr. Ogtay Asadov, Speaker of the Azerbaijan National Assembly" in next(
        text for text in texts if "Ogtay" in text
    )


def test_hard_wrapped_paragraphs_join_but_menus_stay_apart() -> None:
    text = (
        "Home\nPress Releases\nSearch\n\n"
        "The First Vice Minister held talks with the delegations from the five\n"
        "countries of Central Asia in Bishkek on October 4 and discussed railway\n"
        "cooperation. He also met the host country's Foreign Minister.\n"
        "- The Forum was attended by 150 people.\n"
    )
    document = document_from_text(text)
    texts = [paragraph.text for paragraph in paragraphs(document)]
    assert texts[:3] == ["Home", "Press Releases", "Search"]
    assert texts[3].startswith("The First Vice Minister") and texts[3].endswith("Minister.")
    assert texts[4] == "- The Forum was attended by 150 people."
    assert len(sentences(document)) == 3 + 2 + 1


def test_line_segments_count_lines_and_mark_paragraphs() -> None:
    document = document_from_text("첫 문장.\n둘째 문장.\n\n\n셋째 문장.\n")
    segments, paragraph_list = line_segments(document)
    assert [segment.text for segment in segments] == ["첫 문장.", "둘째 문장.", "셋째 문장."]
    assert [segment.paragraph for segment in segments] == [0, 0, 1]
    assert [paragraph.text for paragraph in paragraph_list] == [
        "첫 문장.\n둘째 문장.",
        "셋째 문장.",
    ]
