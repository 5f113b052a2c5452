"""What the seed-parser tests share: the fixtures, the project seed and small article builders."""

from pathlib import Path

import pytest

from articles.seedfile.parser import (
    ParsedArticle,
    SeedError,
    normalise_whitespace,
    parse,
    parse_bytes,
)

FIXTURES = Path(__file__).resolve().parent / "files"
SEED_NAME = "000_ce89d911b5e9762c.txt"
REPO = Path(__file__).resolve().parents[2]
# The seed ships in seeds/; a checkout without it may have the shared copy beside the repository.
SEED = next(
    (
        folder / SEED_NAME
        for folder in (REPO / "seeds", REPO.parent / "shared" / "seeds")
        if (folder / SEED_NAME).exists()
    ),
    None,
)
BODY = "The council said on Tuesday that the road would reopen next month."


def fixture(name: str) -> ParsedArticle:
    return parse_bytes((FIXTURES / name).read_bytes())


def roles(article: ParsedArticle) -> dict[int, str]:
    return {line.number: line.role for line in article.lines}


def article_with(*lines: str, headline: str = "Council Approves Plan for New Bridge") -> str:
    return "\n".join([headline, *lines])


def role_of(line: str, *, before: tuple[str, ...] = (BODY,), after: tuple[str, ...] = (BODY,)):
    """The role `line` gets in the middle of an ordinary article's body."""
    parsed = parse(article_with(*before, line, *after))
    return parsed.lines[1 + len(before)].role


def normalised_lines(text: str) -> list[str]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [clean for raw in lines if (clean := normalise_whitespace(raw))]


def rejection(data: bytes | str) -> SeedError:
    with pytest.raises(SeedError) as caught:
        parse_bytes(data) if isinstance(data, bytes) else parse(data)
    return caught.value


def numbered(*groups: str) -> dict[int, str]:
    """Expected roles by line number, a group of lines a role: numbered("1 headline", "7 9
    paragraph", "11-13 teaser") is {1: "headline", 7: "paragraph", 9: "paragraph", 11:
    "teaser", 12: "teaser", 13: "teaser"}."""
    table: dict[int, str] = {}
    for group in groups:
        *numbers, role = group.split()
        for number in numbers:
            first, _, last = number.partition("-")
            table |= dict.fromkeys(range(int(first), int(last or first) + 1), role)
    return table


def line_roles(article: ParsedArticle) -> list[str]:
    """Each non-blank line's role, in order."""
    return [line.role for line in article.lines]
