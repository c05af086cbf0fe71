"""Numbers, amounts and dates reduce to the same keys in Korean and in English."""

from __future__ import annotations

import pytest

from kogloss.numbers import english_quantities, format_value, korean_quantities, quantity_keys

PAIRS = [
    ("2017년 9월 3일(일)", "on Sunday, September 3, 2017"),
    ("2017년 9월 3일", "3 September 2017"),
    ("5억 유로", "500 million euros"),
    ("5억 유로", "€500m"),
    ("2억 5,100만 유로", "251 million euros"),
    ("1천만 달러", "10 million dollars"),
    ("15억 달러", "US$1.5 billion"),
    ("15억 달러", "$1.5bn"),
    ("낮 12시 29분경", "at around 12:29 p.m."),
    ("오후 3시", "at 3 p.m."),
    ("2,000여 명", "some 2,000 people"),
    ("다섯 차례", "five times"),
    ("제6차 핵실험", "the sixth nuclear test"),
    ("제7차 포럼", "the 7th Forum"),
    ("규모 5.7", "magnitude 5.7"),
    ("9월", "in September"),
    ("3.5%", "3.5 percent"),
]


@pytest.mark.parametrize(("korean", "english"), PAIRS)
def test_the_same_quantity_in_both_languages_has_the_same_keys(korean: str, english: str) -> None:
    assert sorted(quantity_keys(korean, "ko")) == sorted(quantity_keys(english, "en"))
    assert quantity_keys(korean, "ko")


def test_the_seed_error_is_visible_as_different_keys() -> None:
    # the kind of error real releases have: 2억 5,100만 translated as 500m
    assert quantity_keys("2억 5,100만 유로", "ko") != quantity_keys("500m euros", "en")


def test_spans_point_at_the_written_number() -> None:
    text = "총 2억 5,100만 유로 규모"
    (quantity,) = korean_quantities(text)
    assert text[quantity.start : quantity.end] == "2억 5,100만"
    assert quantity.key == "251000000"
    english = "worth 251 million euros in all"
    (english_quantity,) = english_quantities(english)
    assert english[english_quantity.start : english_quantity.end] == "251 million"


def test_codes_and_loose_words_are_not_numbers() -> None:
    assert quantity_keys("G20 정상회의", "ko") == []
    assert quantity_keys("the G20 summit", "en") == []
    assert quantity_keys("one of its major tasks", "en") == []
    assert quantity_keys("세계 평화", "ko") == []  # 세 only counts before a counter
    assert quantity_keys("It may help.", "en") == []  # the verb, not the month


def test_spelled_numbers_are_marked() -> None:
    (five,) = english_quantities("five countries")
    assert five.spelled and five.key == "5"
    (digits,) = english_quantities("5 countries")
    assert not digits.spelled


def test_resolution_lists_and_dates_in_a_real_sentence() -> None:
    korean = "북한은 2006년 10월 9일, 2009년 5월 25일 등 그간 다섯 차례에 걸쳐 핵실험을 실시하였다."
    english = "The DPRK had conducted five tests, on October 9, 2006, May 25, 2009."
    assert sorted(quantity_keys(korean, "ko")) == sorted(quantity_keys(english, "en"))


def test_format_value() -> None:
    assert format_value(251000000.0) == "251000000"
    assert format_value(5.7) == "5.7"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        quantity_keys("5", "fr")
