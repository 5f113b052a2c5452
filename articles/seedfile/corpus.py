"""Realistic synthetic articles in seed-file format, for benchmarks and round-trip tests.

Deterministic for a given seed number: the same corpus every run, so benchmark
figures compare like with like. Pure Python: no Django.

Like a real story, each article keeps to its own cast: a few people, places and
subjects drawn from larger lists, so that a name or subject appears in a few
per cent of the archive, not in nearly every article (which made every search
of the benchmark match the whole archive; issue 6).
"""

import random
from dataclasses import dataclass

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
    ("Riyadh", "Saudi Arabia"),
    ("Doha", "Qatar"),
    ("Moscow", "Russia"),
    ("Kyiv", "Ukraine"),
    ("Tripoli", "Libya"),
    ("Khartoum", "Sudan"),
    ("Sanaa", "Yemen"),
    ("Nicosia", "Cyprus"),
    ("Athens", "Greece"),
    ("Paris", "France"),
    ("Berlin", "Germany"),
    ("Tunis", "Tunisia"),
    ("Algiers", "Algeria"),
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
    "Emmanuel Macron",
    "Mohammed bin Salman",
    "Abdel Fattah el-Sisi",
    "King Abdullah",
    "Najib Mikati",
    "Bashar al-Assad",
    "Hassan Rouhani",
    "Mike Pompeo",
    "Josep Borrell",
    "Ursula von der Leyen",
    "Volodymyr Zelensky",
    "Mustafa al-Kadhimi",
    "Tamim bin Hamad",
    "Kais Saied",
    "Fayez al-Sarraj",
    "Staffan de Mistura",
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
    "the prisoner exchange",
    "the currency crisis",
    "the water dispute",
    "the arms embargo",
    "the vaccine rollout",
    "the port blockade",
    "the power cuts",
    "the earthquake relief",
    "the gas pipeline",
    "the wheat shipments",
    "the hostage talks",
    "the constitutional reform",
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


@dataclass(frozen=True)
class Cast:
    """Who, where and what one article is about."""

    people: list[str]
    places: list[tuple[str, str]]
    subjects: list[str]


def _cast(number: int) -> Cast:
    rng = random.Random(-number - 1)
    return Cast(
        people=rng.sample(PEOPLE, rng.randint(2, 3)),
        places=rng.sample(PLACES, rng.randint(1, 2)),
        subjects=rng.sample(SUBJECTS, rng.randint(1, 2)),
    )


def _sentence(rng: random.Random, cast: Cast) -> str:
    city, _ = rng.choice(cast.places)
    return (
        f"{rng.choice(CONNECTIVES)}, {rng.choice(OFFICIALS)} {rng.choice(VERBS)} "
        f"{rng.choice(cast.subjects)} in {city}, {rng.choice(cast.people)} said."
    )


def _paragraph(rng: random.Random, cast: Cast) -> str:
    return " ".join(_sentence(rng, cast) for _ in range(rng.randint(1, 4)))


def _caption(rng: random.Random, cast: Cast) -> list[str]:
    city, country = rng.choice(cast.places)
    text = (
        f"{rng.choice(cast.people)} arrives for talks on {rng.choice(cast.subjects)} in {city}, "
        f"{country}, {rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(2010, 2024)}."
    )
    credit = f"{rng.choice(PHOTOGRAPHERS)} / {rng.choice(AGENCIES)}"
    return [text, credit] if rng.random() < 0.8 else [text]


def headline(number: int) -> str:
    """The headline of synthetic article `number`; teasers in later articles name it."""
    cast = _cast(number)
    verb = VERBS[number % len(VERBS)].capitalize()
    return f"In {cast.places[0][0]}, {cast.people[0]} {verb} {cast.subjects[0].title()} ({number})"


def article_text(number: int) -> str:
    """The text of synthetic article `number`: 6-30 paragraphs, 0-4 captions, 0-3 teasers."""
    rng, cast = random.Random(number), _cast(number)
    blocks: list[list[str]] = [[_paragraph(rng, cast)] for _ in range(rng.randint(6, 30))]
    for _ in range(rng.randint(0, 4)):
        blocks.insert(rng.randint(1, len(blocks)), _caption(rng, cast))
    for _ in range(rng.randint(0, 3)):
        blocks.insert(rng.randint(1, len(blocks)), [f">> {headline(rng.randint(0, number))} >>"])
    head = [[headline(number)], [_sentence(rng, cast).rstrip(".")]]
    return "\n\n".join("\n".join(block) for block in head + blocks)
