"""A generator of realistic English releases for benchmarks: same seed, same corpus.

Releases are assembled from sentence templates in the ministry's style, with romanized names,
Central Asian places, numbers, and the web leftovers real scrapes carry (Korean navigation,
time stamps, related-news blocks, footers, Hangul inside sentences).
"""

from __future__ import annotations

import random
from pathlib import Path

PEOPLE = [
    "Kim Kyou-hyun",
    "Lee Do-hoon",
    "Park Joo-sun",
    "Cho Hyun",
    "Lee Tae-ho",
    "Kim Chang-gyu",
    "Djoomart Otorbaev",
    "Erlan Abdyldaev",
    "Rosa Otunbaeva",
    "Ogtay Asadov",
    "Ali Hasanov",
]
TITLES = [
    "First Vice Minister of Foreign Affairs",
    "Second Vice Minister of Foreign Affairs",
    "Deputy Prime Minister",
    "Foreign Minister",
    "Ambassador",
    "Director-General",
]
PLACES = [
    "Bishkek",
    "Tashkent",
    "Astana",
    "Dushanbe",
    "Ashgabat",
    "Baku",
    "Tbilisi",
    "Ulaanbaatar",
    "Osh",
    "Samarkand",
    "Gabala",
    "Shymkent",
    "Seoul",
    "Busan",
]
TOPICS = [
    "railway cooperation",
    "textile industry",
    "forestry",
    "energy security",
    "public health",
    "digital government",
    "water management",
    "higher education",
    "cultural exchanges",
]
SENTENCES = [
    "{title} {person} held talks with his counterpart in {place} on {month} {day}, {year}.",
    "The two sides agreed to expand cooperation on {topic} and to hold the next meeting "
    "in {place}.",
    "The ROK government delegation included officials from the Ministry of Foreign Affairs "
    "and the Korea Forest Service.",
    "Some {number} experts from agencies in the ROK and the Central Asian countries attended "
    "the Forum, which focused on {topic}.",
    "{person} noted that the ROK-Central Asia Cooperation Forum has served as an important "
    "platform for expanding the scope of cooperation.",
    "Korea Eximbank allocated {amount} million euros for the construction of the plant in {place}.",
    "The delegates shared the view that the projects discussed at the Forum should be "
    "implemented in a substantive manner.",
    "At the meeting, the {title} expressed hope that the visit would help the two countries "
    "step up their cooperation on {topic}.",
    "The Korean Peninsula issue was also discussed, and the two sides reaffirmed their support "
    "for the denuclearization of North Korea.",
    "On the sidelines of the Forum, {person} met the Foreign Minister of {country} in {place}.",
]
COUNTRIES = ["Kazakhstan", "Uzbekistan", "Tajikistan", "Turkmenistan", "the Kyrgyz Republic"]
KOREAN_NAVIGATION = ["바로가기 메뉴", "본문 바로가기", "주메뉴 바로가기", "검색창 열기", "전체메뉴"]
MONTHS = ["January", "March", "May", "July", "September", "October", "November"]


def _sentence(rng: random.Random) -> str:
    return rng.choice(SENTENCES).format(
        title=rng.choice(TITLES),
        person=rng.choice(PEOPLE),
        place=rng.choice(PLACES),
        country=rng.choice(COUNTRIES),
        topic=rng.choice(TOPICS),
        month=rng.choice(MONTHS),
        day=rng.randint(1, 28),
        year=rng.randint(2010, 2024),
        number=rng.randint(20, 300),
        amount=rng.randint(10, 900),
    )


def generate_release(rng: random.Random, paragraphs: int = 18) -> str:
    """One release of about 10 KB: header leftovers, numbered points, footer leftovers."""
    lines: list[str] = []
    if rng.random() < 0.6:
        lines.extend(rng.sample(KOREAN_NAVIGATION, 3))
        lines.append("")
    lines.append(f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} {rng.randint(1, 28)} July")
    lines.append("")
    lines.append("Press Releases")
    lines.append("")
    lines.append(f"ROK and Central Asia Hold Cooperation Forum on {rng.choice(TOPICS).title()}")
    lines.append("")
    for number in range(1, paragraphs + 1):
        marker = f"{number}." if number % 3 == 1 else rng.choice(["°", "-", "*"])
        body = " ".join(_sentence(rng) for _ in range(rng.randint(3, 6)))
        if rng.random() < 0.05:
            body = body.replace("the Forum", "the 한-중앙아 협력 포럼", 1)
        lines.append(f"{marker} {body}")
        lines.append("")
    lines.extend(["Related news releases", "", f"  • {_sentence(rng)[:60]}...", ""])
    lines.append(f"/ {rng.randint(1, 28)} July , {rng.randint(2015, 2024)}")
    return "\n".join(lines) + "\n"


def write_corpus(directory: Path, releases: int, seed: int = 7) -> int:
    """Write ``releases`` files into ``directory``; return the total size in bytes."""
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    total = 0
    for index in range(releases):
        data = generate_release(rng).encode("utf-8")
        (directory / f"release_{index:05d}.txt").write_bytes(data)
        total += len(data)
    return total
