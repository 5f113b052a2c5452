"""The source lines an import keeps for the editors' line review (issue 15), and the roles
editors chose for lines, applied again when the file is imported again.

Editors' other edits are kept by refusing a changed file (a conflict, store.py): an edit
to free text cannot be merged with a new version of the file. A role chosen for a line
can: it is the role of that line's text, wherever the line now stands. So a re-import
parses the file again with those roles (parser.parse_bytes(roles=…)) and imports it,
and choosing a role does not make later imports conflicts (articles/desk/line_roles.py).
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from django.db import connection

from articles.seedfile.parser import EDITOR_RULE, REVIEW_BELOW, ParsedArticle, SeedError
from articles.seedfile.parser import parse_bytes as parse_seed
from articles.sourcelines import SourceLine


@dataclass(frozen=True)
class Decision:
    """An editor's role for a line's text: chosen, or confirmed with "looks right"."""

    role: str
    reviewed_by_id: int | None
    reviewed_at: datetime | None


def decisions(article_ids: Iterable[int]) -> dict[int, dict[str, Decision]]:
    """Each article's editor decisions, by line text."""
    found: dict[int, dict[str, Decision]] = {}
    rows = (
        SourceLine.objects.filter(article_id__in=list(article_ids))
        .exclude(editor_role="")
        .values_list("article_id", "text", "editor_role", "reviewed_by_id", "reviewed_at")
    )
    for article_id, text, role, by, at in rows:
        found.setdefault(article_id, {})[text] = Decision(role, by, at)
    return found


def roles_of(decided: dict[str, Decision]) -> dict[str, str]:
    return {text: decision.role for text, decision in decided.items()}


def with_decisions(parsed: ParsedArticle, data: bytes, decided: dict[str, Decision]):
    """The file parsed again with the editors' roles, as an import stores it; the parse
    as it was when the roles no longer make an article (they leave it no paragraph)."""
    if not decided or not data:
        return parsed
    try:
        return parse_seed(data, roles=roles_of(decided)).for_import()
    except SeedError:
        return parsed


COLUMNS = [
    "article_id",
    "number",
    "text",
    "role",
    "rule",
    "confidence",
    "flagged",
    "block_id",
    "editor_role",
    "reviewed_at",
    "reviewed_by_id",
]


def line_rows(
    article_id: int,
    parsed: ParsedArticle,
    block_ids: list[int],
    decided: dict[str, Decision],
) -> Iterator[tuple]:
    """Rows for COLUMNS: the lines the import keeps (ParsedArticle.for_import), each with
    the id of the block holding it (`block_ids`, one per parsed block) and the editors'
    decision for its text, if any."""
    if not parsed.lines:
        return
    block_of = {
        number: block_ids[index]
        for index, block in enumerate(parsed.blocks)
        for number in block.lines
    }
    for line in parsed.lines:
        decision = decided.get(line.text)
        by_editor = line.rule == EDITOR_RULE
        yield (
            article_id,
            line.number,
            line.text,
            line.role,
            line.rule,
            line.confidence,
            by_editor or line.confidence < REVIEW_BELOW,
            block_of.get(line.number),
            decision.role if decision else "",
            decision.reviewed_at if decision else None,
            decision.reviewed_by_id if decision else None,
        )


def copy_lines(rows: Iterable[tuple]) -> None:
    """Insert the rows with COPY, as the importer writes blocks."""
    sql = f"COPY {SourceLine._meta.db_table} ({', '.join(COLUMNS)}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)
