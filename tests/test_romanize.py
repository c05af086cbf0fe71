"""Korean names and places against their English spellings."""

from __future__ import annotations

import pytest

from kogloss.romanize import (
    english_name_keys,
    english_person_names,
    hangul_surnames,
    korean_name_key,
    person_name_matches,
    person_name_similarity,
    romanize,
    skeleton,
    split_korean_name,
    surname_spellings,
)


def test_romanize_is_rough_revised_romanization() -> None:
    assert romanize("김규현") == "gimgyuhyeon"
    assert romanize("외교부 ROK") == "oegyobu ROK"


@pytest.mark.parametrize(
    ("korean", "english"),
    [
        ("바그다드", "Baghdad"),
        ("매케인", "McCain"),
        ("오토르바예프", "Otorbaev"),
        ("압딜다예프", "Abdyldaev"),
        ("비슈케크", "Bishkek"),
        ("우즈베키스탄", "Uzbekistan"),
        ("카자흐스탄", "Kazakhstan"),
        ("틸러슨", "Tillerson"),
        ("렉스", "Rex"),
        ("타슈켄트", "Tashkent"),
    ],
)
def test_transliterated_names_share_a_skeleton(korean: str, english: str) -> None:
    assert skeleton(korean) == skeleton(english)


def test_different_names_have_different_skeletons() -> None:
    assert skeleton("비슈케크") != skeleton("Tashkent")
    assert skeleton("틸러슨") != skeleton("Tokyo")


def test_surname_tables_run_both_ways() -> None:
    assert {"Lee", "Yi", "Rhee"} <= set(surname_spellings("이"))
    assert {"Jung", "Chung", "Jeong"} <= set(surname_spellings("정"))
    assert "박" in hangul_surnames("Pak")
    assert "최" in hangul_surnames("choe")
    assert hangul_surnames("Korea") == ()


@pytest.mark.parametrize(
    ("korean", "english"),
    [
        ("김규현", "Kim Kyou-hyun"),
        ("강경화", "Kang Kyung-wha"),
        ("반기문", "Ban Ki-moon"),
        ("박주선", "Park Joo-sun"),
        ("김창규", "Kim Chang-gyu"),
        ("이명박", "Lee Myung-bak"),
        ("정의용", "Chung Eui-yong"),
        ("김규현", "Kyou-hyun Kim"),
    ],
)
def test_person_names_match_their_customary_spelling(korean: str, english: str) -> None:
    assert person_name_matches(korean, english)


@pytest.mark.parametrize(
    ("korean", "english"),
    [("김규현", "Kim Jong-un"), ("김규현", "Park Kyou-hyun"), ("강경화", "Kang")],
)
def test_other_people_do_not_match(korean: str, english: str) -> None:
    assert not person_name_matches(korean, english)
    assert person_name_similarity(korean, english) < 0.7


def test_split_korean_name() -> None:
    assert split_korean_name("김규현") == ("김", "규현")
    assert split_korean_name("남궁민수") == ("남궁", "민수")
    assert split_korean_name("외교부장관") is None
    assert split_korean_name("Kim") is None


def test_name_keys_meet_across_languages() -> None:
    sentence = "First Vice Minister of Foreign Affairs Kim Kyou-hyun met Minister Kang Kyung-wha."
    names = english_person_names(sentence)
    assert [(name.surname, name.given) for name in names] == [
        ("Kim", "Kyou-hyun"),
        ("Kang", "Kyung-wha"),
    ]
    assert korean_name_key("김규현") in english_name_keys(sentence)
    assert korean_name_key("강경화") in english_name_keys(sentence)
