"""The literal a pattern's every match contains: right for every pattern, or no literal at all."""

from __future__ import annotations

import random

import pytest
import regex

from kogloss.glossary.literal import required_literal


@pytest.mark.parametrize(
    ("pattern", "literal"),
    [
        (r"\bPusan\b(?! National University)", "Pusan"),
        (r"(?<![Pp]resident of the )\b(?:ROK|Korean) [Pp]arliament\b", "arliament"),
        (r"\b[Vv]ice[- ][Pp]resident of the (?:ROK|Korean) (?:Assembly)\b", "resident of the "),
        ("colou?r", "colo"),  # the u may be missing
        ("Kor+ea", "Ko"),  # the r may repeat
        ("ab{2}c", "a"),
        ("abc{e<=1}", "ab"),  # regex's fuzzy matching
        ("[]x]yz", "yz"),
        ("Seoul[)]x", "Seoul"),
        ("(a|b)cd", "cd"),
        ("a|b", None),
        ("(?i)Korea", None),
        ("(?P<name>Korea)", None),
        ("AB(?#note)*", None),  # the quantifier applies to the B
        (r"\x41bc", None),
        ("[[:alpha:]x]yz", None),
        ("a{", None),
        ("", None),
    ],
)
def test_literal_of_pattern(pattern: str, literal: str | None) -> None:
    assert required_literal(pattern) == literal


def test_every_match_contains_the_literal() -> None:
    atoms = [*"abAB .-", r"\b", r"\s", r"\w", r"\.", "(?:", "(", ")", "|", "?", "*", "+"]
    atoms += ["{1,2}", "{0,1}", "[ab]", "[^a]", "(?=a)", "(?<!b)", "^", "$", "+?", "{e<=1}"]
    atoms += ["(?#c)", "(?)", "(?i)", "(?:)", "[[:alpha:]]", r"\x61", r"\1"]
    rnd = random.Random(4)
    checked = 0
    while checked < 3000:
        pattern = "".join(rnd.choice(atoms) for _ in range(rnd.randint(1, 8)))
        try:
            compiled = regex.compile(pattern, regex.VERSION0)
        except regex.error:
            continue
        literal = required_literal(pattern)
        if literal is None:
            continue
        checked += 1
        for _ in range(5):
            text = "".join(rnd.choice("abAB .-\n") for _ in range(rnd.randint(0, 30)))
            if literal not in text:
                assert all(m.end() == m.start() for m in compiled.finditer(text, timeout=1))
