"""Realistic synthetic articles in seed-file format, for benchmarks and round-trip tests.

Deterministic for a given seed number: the same corpus every run, so benchmark
figures compare like with like. Pure Python: no Django.
"""

import random

PLACES = [
    ("Beirut", "Lebanon"),
    ("Damascus", "Syria"),
    ("Ankara", "Turkey"),
    ("Jerusalem", "Israel"),
    ("Cairo", "Egypt"),
    ("Amman", "Jordan"),
    ("Baghdad", "Iraq"),
    ("Tehran", "Iran"),
    ("Geneva", "Switzerland"),
    ("Brussels", "Belgium"),
    ("Washington", "United States"),
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
PEOPLE = [
    "Mohammad Baqeri",
    "Sergey Shoygu",
    "Benjamin Netanyahu",
    "Vladimir Putin",
    "Tayyip Erdogan",
    "Qassem Soleimani",
    "Antonio Guterres",
    "Angela Merkel",
]
AGENCIES = ["AP", "Reuters", "AFP", "Getty Images", "EPA"]
PHOTOGRAPHERS = ["Bilal Hussein", "Emilio Morenatti", "Hussein Malla", "Lefteris Pitarakis"]
SUBJECTS = [
    "the ceasefire",
    "the border crossing",
    "the nuclear talks",
    "the election",
    "the aid convoy",
    "the peace plan",
    "the referendum",
    "the trade agreement",
    "the drought",
    "the reconstruction effort",
    "the refugee camps",
    "the oil price",
]
VERBS = [
    "discussed",
    "rejected",
    "welcomed",
    "criticised",
    "questioned",
    "defended",
    "postponed",
    "endorsed",
    "announced",
    "investigated",
]
OFFICIALS = [
    "the foreign minister",
    "a government spokesman",
    "the army chief",
    "opposition leaders",
    "United Nations officials",
    "local residents",
    "the central bank",
    "diplomats in the region",
]
CONNECTIVES = [
    "On Monday",
    "Earlier this week",
    "Late on Tuesday",
    "According to state media",
    "In a statement",
    "Speaking to reporters",
    "Two days later",
    "Since then",
]


def _sentence(rng: random.Random) -> str:
    city, _ = rng.choice(PLACES)
    return (
        f"{rng.choice(CONNECTIVES)}, {rng.choice(OFFICIALS)} {rng.choice(VERBS)} "
        f"{rng.choice(SUBJECTS)} in {city}, {rng.choice(PEOPLE)} said."
    )


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(1, 4)))


def _caption(rng: random.Random) -> list[str]:
    city, country = rng.choice(PLACES)
    text = (
        f"{rng.choice(PEOPLE)} arrives for talks on {rng.choice(SUBJECTS)} in {city}, {country}, "
        f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(2010, 2024)}."
    )
    credit = f"{rng.choice(PHOTOGRAPHERS)} / {rng.choice(AGENCIES)}"
    return [text, credit] if rng.random() < 0.8 else [text]


def headline(number: int) -> str:
    """The headline of synthetic article `number`; teasers in later articles name it."""
    rng = random.Random(-number - 1)
    city, _ = rng.choice(PLACES)
    subject = rng.choice(SUBJECTS).title()
    return f"In {city}, {rng.choice(PEOPLE)} {rng.choice(VERBS).capitalize()} {subject} ({number})"


def article_text(number: int) -> str:
    """The text of synthetic article `number`: 6-30 paragraphs, 0-4 captions, 0-3 teasers."""
    rng = random.Random(number)
    blocks: list[list[str]] = [[_paragraph(rng)] for _ in range(rng.randint(6, 30))]
    for _ in range(rng.randint(0, 4)):
        blocks.insert(rng.randint(1, len(blocks)), _caption(rng))
    for _ in range(rng.randint(0, 3)):
        blocks.insert(rng.randint(1, len(blocks)), [f">> {headline(rng.randint(0, number))} >>"])
    head = [[headline(number)], [_sentence(rng).rstrip(".")]]
    return "\n\n".join("\n".join(block) for block in head + blocks)
