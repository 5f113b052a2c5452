"""The import pipeline shared by `manage.py import_seeds` and the admin's upload form.

Raw files in, one report per file out: parse each file (pure, may reject it),
then write the survivors in batches (articles/loading.py). A batch that the
database refuses is retried file by file so that one bad file cannot sink the others.
"""

from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import chain, islice
from multiprocessing import get_context

from django.db import DatabaseError

from articles import loading
from articles.batchparse import parse_many
from articles.seedparser import ParsedArticle, SeedError

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
    for batch, parsed in _parse_ahead(_batches(files, batch_size)):
        rejected: dict[int, FileReport] = {}
        seeds = []
        for index, ((name, data), result) in enumerate(zip(batch, parsed, strict=True)):
            item = _check(name, data, result, seen)
            if isinstance(item, FileReport):
                rejected[index] = item
            else:
                seeds.append(item)
                seen.add(name)
        written = _plan(seeds, force) if dry_run else _write(seeds, publish, force)
        for index, (name, _) in enumerate(batch):
            yield rejected.get(index) or written[name]


Batch = list[tuple[str, bytes]]


def _batches(files: Iterable[tuple[str, bytes]], size: int) -> Iterator[Batch]:
    files = iter(files)
    while batch := list(islice(files, size)):
        yield batch


def _parse_ahead(batches: Iterator[Batch]) -> Iterator[tuple[Batch, list]]:
    """Each batch with its parse results. With more than one batch, the next batch is
    parsed in a second process while this one writes the current batch to PostgreSQL:
    parsing is pure Python and writing mostly waits on the database, so on two cores
    the two overlap (bench/import_bench.py measures it)."""
    first = next(batches, None)
    second = next(batches, None)
    if first is None:
        return
    if second is None:
        yield first, parse_many([data for _, data in first])
        return
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        current, pending = first, pool.submit(parse_many, [data for _, data in first])
        for upcoming in chain([second], batches):
            following = pool.submit(parse_many, [data for _, data in upcoming])
            yield current, pending.result()
            current, pending = upcoming, following
        yield current, pending.result()


def _check(name: str, data: bytes, result, seen: set[str]) -> "FileReport | loading.SeedFile":
    if isinstance(result, SeedError):
        return FileReport(name, REJECTED, reason=str(result))
    if name in seen:
        return FileReport(name, REJECTED, reason="another file with the same name was imported")
    if problems := loading.oversized_fields(result):
        return FileReport(name, REJECTED, parsed=result, reason="; ".join(problems))
    return loading.SeedFile(name=name, digest=loading.digest(data), parsed=result)


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
