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
SUBJECTS = [
    "{title} {person}",
    "{person}",
    "The Korean delegation",
    "Both sides",
    "The two ministers",
    "The Ambassador",
    "Officials from the two countries",
    "The participants of the Forum",
    "The Korean side",
    "The delegation of {country}",
    "The ROK government",
    "The Ministry of Foreign Affairs",
    "The Korea International Cooperation Agency (KOICA)",
    "The delegates",
]
VERBS = [
    "agreed to",
    "pledged to",
    "discussed ways to",
    "expressed hope to",
    "decided to",
    "reaffirmed their commitment to",
    "explored measures to",
    "stressed the need to",
    "welcomed efforts to",
    "proposed to",
    "vowed to",
    "shared the view that it is important to",
]
OBJECTS = [
    "expand cooperation on {topic}",
    "strengthen ties in {topic} and {topic2}",
    "launch a joint project on {topic} in {place}",
    "hold the next meeting in {place} in {month} {year}",
    "raise investment in {topic} by {number} percent",
    "support the construction of a {facility} in {place}",
    "train {number} officials in {topic} by {year}",
    "set up a working group on {topic}",
    "share experience in {topic} with partners in {place}",
    "finance a {facility} worth {amount} million dollars",
    "sign a memorandum of understanding on {topic}",
    "open a {facility} in {place} next year",
    "increase exchanges between {place} and {place2}",
]
TAILS = [
    "",
    "",
    " at the meeting held in {place} on {month} {day}, {year}",
    " during the {ordinal} session of the Forum",
    " under the Official Development Assistance (ODA) programme",
    " with the help of Korea Eximbank",
    " before the end of {year}",
    " in line with the ROK-Central Asia Cooperation Forum",
    " as agreed at the summit in {place}",
    " over the next {small} years",
]
FACILITIES = [
    "plant",
    "training centre",
    "hospital",
    "railway depot",
    "research institute",
    "water treatment facility",
    "vocational school",
    "solar farm",
    "data centre",
]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "tenth", "11th"]
# Sentences with the defects editors find in real releases, planted at about the rate they
# turn up there.
DEFECTS = [
    "The Korean Peninsular issue was also discussed.",
    "Korean Eximbank will provide {amount} million euros for the {facility}.",
    "The ROK Government welcomed the outcome of the talks in {place}.",
    "The Kyrgyz will host the next round of consultations in {place}.",
    "The CIS countries and the SCO members were invited to the the Forum.",
]
DEFECT_RATE = 0.01
COUNTRIES = ["Kazakhstan", "Uzbekistan", "Tajikistan", "Turkmenistan", "the Kyrgyz Republic"]
KOREAN_NAVIGATION = ["바로가기 메뉴", "본문 바로가기", "주메뉴 바로가기", "검색창 열기", "전체메뉴"]
MONTHS = ["January", "March", "May", "July", "September", "October", "November"]


def _sentence(rng: random.Random) -> str:
    """A sentence put together from a subject, a verb, an object and a tail: thousands of
    combinations before the slots are filled, so a release hardly ever repeats a sentence
    (a real one does not), unless a defect is planted on purpose."""
    if rng.random() < DEFECT_RATE:
        template = rng.choice(DEFECTS)
    else:
        parts = (SUBJECTS, VERBS, OBJECTS, TAILS)
        subject, verb, thing, tail = (rng.choice(part) for part in parts)
        template = f"{subject} {verb} {thing}{tail}."
    place, place2 = rng.sample(PLACES, 2)
    topic, topic2 = rng.sample(TOPICS, 2)
    return template.format(
        title=rng.choice(TITLES),
        person=rng.choice(PEOPLE),
        place=place,
        place2=place2,
        country=rng.choice(COUNTRIES),
        topic=topic,
        topic2=topic2,
        facility=rng.choice(FACILITIES),
        ordinal=rng.choice(ORDINALS),
        month=rng.choice(MONTHS),
        day=rng.randint(1, 28),
        year=rng.randint(2010, 2030),
        number=rng.randint(20, 300),
        amount=rng.randint(10, 900),
        small=rng.randint(2, 9),
    )


def generate_release(rng: random.Random, paragraphs: int = 16) -> str:
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
        body = " ".join(_sentence(rng) for _ in range(rng.randint(4, 6)))
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
