"""The import pipeline shared by `manage.py import_seeds` and the admin's upload form.

Raw files in, one report per file out: parse each file (pure, may reject it),
then write the survivors in batches (articles/loading.py). A batch that the
database refuses is retried file by file so that one bad file cannot sink the others.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from django.db import DatabaseError

from articles import loading
from articles.seedparser import ParsedArticle, SeedError, parse_bytes

REJECTED = "rejected"
BATCH_SIZE = 500


@dataclass(frozen=True)
class FileReport:
    """What happened to one file: an outcome from articles.loading, or REJECTED with a reason."""

    name: str
    outcome: str
    parsed: ParsedArticle | None = None
    reason: str = ""
    warnings: tuple[str, ...] = ()
    url: str = ""
    article_id: int | None = field(default=None, compare=False)


def import_files(
    files: Iterable[tuple[str, bytes]],
    *,
    dry_run: bool = False,
    publish: bool = True,
    force: bool = False,
    batch_size: int = BATCH_SIZE,
) -> Iterator[FileReport]:
    """Import (name, contents) pairs; yields a report per file, in order."""
    seen: set[str] = set()
    files = iter(files)
    while batch := list(islice(files, batch_size)):
        rejected: dict[int, FileReport] = {}
        seeds = []
        for index, (name, data) in enumerate(batch):
            item = _read(name, data, seen)
            if isinstance(item, FileReport):
                rejected[index] = item
            else:
                seeds.append(item)
                seen.add(name)
        written = _plan(seeds, force) if dry_run else _write(seeds, publish, force)
        for index, (name, _) in enumerate(batch):
            yield rejected.get(index) or written[name]


def _read(name: str, data: bytes, seen: set[str]) -> "FileReport | loading.SeedFile":
    if name in seen:
        return FileReport(name, REJECTED, reason="another file with the same name was imported")
    try:
        parsed = parse_bytes(data)
    except SeedError as exc:
        return FileReport(name, REJECTED, reason=str(exc))
    if problems := loading.oversized_fields(parsed):
        return FileReport(name, REJECTED, parsed=parsed, reason="; ".join(problems))
    return loading.SeedFile(name=name, digest=loading.digest(data), parsed=parsed)


def _plan(seeds: list[loading.SeedFile], force: bool) -> dict[str, FileReport]:
    outcomes = loading.plan(seeds, force=force)
    return {s.name: _report(s, outcomes[s.name]) for s in seeds}


def _write(seeds: list[loading.SeedFile], publish: bool, force: bool) -> dict[str, FileReport]:
    try:
        results = loading.load(seeds, publish=publish, force=force)
    except DatabaseError:
        if len(seeds) == 1:
            reason = "the database refused it (is a field far too long?)"
            return {
                seeds[0].name: FileReport(
                    seeds[0].name, REJECTED, parsed=seeds[0].parsed, reason=reason
                )
            }
        reports = {}
        for seed in seeds:
            reports.update(_write([seed], publish, force))
        return reports
    by_name = {s.name: s for s in seeds}
    return {r.name: _report(by_name[r.name], r.outcome, r.article) for r in results}


def _report(seed: loading.SeedFile, outcome: str, article=None) -> FileReport:
    return FileReport(
        seed.name,
        outcome,
        parsed=seed.parsed,
        warnings=seed.parsed.warnings,
        url=article.get_absolute_url() if article is not None and article.slug else "",
        article_id=article.pk if article is not None else None,
    )
