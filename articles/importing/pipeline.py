"""The import pipeline shared by `manage.py import_seeds` and the admin's upload form.

Raw files in, one report per file out: parse each file (pure, may reject it),
then write the survivors in batches (articles/importing/store.py). A batch that the
database refuses is retried file by file so that one bad file cannot sink the others.
"""

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from multiprocessing import get_context

from django.db import DatabaseError, connection

from articles.importing import store
from articles.importing.outcomes import Outcome
from articles.importing.parsing import die_with_parent, parse_many
from articles.seedfile.parser import ParsedArticle, SeedError

BATCH_SIZE = 500
WRITERS = 2


@dataclass(frozen=True)
class FileReport:
    """What happened to one file: its Outcome, and for Outcome.REJECTED the reason.

    `parsed` keeps all its source lines (each line's role) in a dry run only: an import
    keeps only the lines worth an editor's look (ParsedArticle.for_import), and the parsing
    process sends them back for every file.
    """

    name: str
    outcome: Outcome
    parsed: ParsedArticle | None = None
    reason: str = ""
    warnings: tuple[str, ...] = ()
    article_id: int | None = field(default=None, compare=False)


def import_files(
    files: Iterable[tuple[str, bytes]],
    *,
    dry_run: bool = False,
    publish: bool = True,
    force: bool = False,
    batch_size: int = BATCH_SIZE,
    user_id: int | None = None,
) -> Iterator[FileReport]:
    """Import (name, contents) pairs; yields a report per file, in order.

    Each article written gets a history entry "Imported from <file>", by `user_id` if given.
    """
    seen: set[str] = set()
    checked = (
        _check_batch(batch, parsed, seen)
        for batch, parsed in _parse_ahead(_batches(files, batch_size), keep_lines=dry_run)
    )
    if dry_run:
        written = ((batch, rejected, _plan(seeds, force)) for batch, rejected, seeds in checked)
    else:
        written = _write_ahead(
            checked, partial(_write, publish=publish, force=force, user_id=user_id)
        )
    for batch, rejected, reports in written:
        for index, (name, _) in enumerate(batch):
            yield rejected.get(index) or reports[name]


Batch = list[tuple[str, bytes]]


def _batches(files: Iterable[tuple[str, bytes]], size: int) -> Iterator[Batch]:
    files = iter(files)
    while batch := list(islice(files, size)):
        yield batch


def _parse_ahead(batches: Iterator[Batch], *, keep_lines: bool) -> Iterator[tuple[Batch, list]]:
    """Each batch with its parse results. With more than one batch, the next batch is
    parsed in a second process while this one writes the current batch to PostgreSQL:
    parsing is pure Python and writing mostly waits on the database, so on two cores
    the two overlap (bench/import_bench.py measures it)."""
    parse = partial(parse_many, keep_lines=keep_lines)
    first = next(batches, None)
    second = next(batches, None)
    if first is None:
        return
    if second is None:
        yield first, parse([data for _, data in first])
        return
    with ProcessPoolExecutor(
        max_workers=1,
        mp_context=get_context("spawn"),
        initializer=die_with_parent,
        initargs=(os.getpid(),),
    ) as pool:
        # The second process takes a while to start: this one parses the first batch meanwhile.
        pending = pool.submit(parse, [data for _, data in second])
        yield first, parse([data for _, data in first])
        current = second
        for upcoming in batches:
            following = pool.submit(parse, [data for _, data in upcoming])
            yield current, pending.result()
            current, pending = upcoming, following
        yield current, pending.result()


CheckedBatch = tuple[Batch, dict[int, FileReport], list[store.SeedFile]]


def _check_batch(batch: Batch, parsed: list, seen: set[str]) -> CheckedBatch:
    """The batch, its rejected files by position, and the files to load."""
    rejected: dict[int, FileReport] = {}
    seeds = []
    for index, ((name, data), result) in enumerate(zip(batch, parsed, strict=True)):
        item = _check(name, data, result, seen)
        if isinstance(item, FileReport):
            rejected[index] = item
        else:
            seeds.append(item)
            seen.add(name)
    return batch, rejected, seeds


def _check(name: str, data: bytes, result, seen: set[str]) -> "FileReport | store.SeedFile":
    if isinstance(result, SeedError):
        return FileReport(name, Outcome.REJECTED, reason=str(result))
    if name in seen:
        return FileReport(
            name, Outcome.REJECTED, reason="another file with the same name was imported"
        )
    if problems := store.oversized_fields(result):
        return FileReport(name, Outcome.REJECTED, parsed=result, reason="; ".join(problems))
    return store.SeedFile(name=name, digest=store.digest(data), parsed=result, data=data)


def _write_ahead(
    batches: Iterator[CheckedBatch], write: Callable[[list[store.SeedFile]], dict]
) -> Iterator[tuple[Batch, dict[int, FileReport], dict[str, FileReport]]]:
    """Each checked batch with its reports, WRITERS batches being written at once.

    PostgreSQL computing search vectors is most of an import's work, and one connection
    keeps one core busy: a second connection gives it the other (bench/import_bench.py).
    articles/importing/store.py makes batches take turns where they could meet. Inside a
    caller's transaction (a test, say) its one connection writes the batches in turn.
    """
    if connection.in_atomic_block:
        for batch, rejected, seeds in batches:
            yield batch, rejected, write(seeds)
        return
    with ThreadPoolExecutor(WRITERS, thread_name_prefix="import-writer") as pool:
        writing: deque = deque()
        for batch, rejected, seeds in batches:
            writing.append((batch, rejected, pool.submit(_write_apart, write, seeds)))
            if len(writing) == WRITERS:
                batch, rejected, reports = writing.popleft()
                yield batch, rejected, reports.result()
        for batch, rejected, reports in writing:
            yield batch, rejected, reports.result()


def _write_apart(write: Callable, seeds: list[store.SeedFile]) -> dict:
    """_write on this thread's own connection, closed afterwards."""
    try:
        return write(seeds)
    finally:
        connection.close()


def _plan(seeds: list[store.SeedFile], force: bool) -> dict[str, FileReport]:
    outcomes = store.plan(seeds, force=force)
    return {s.name: _report(s, outcomes[s.name]) for s in seeds}


def _write(
    seeds: list[store.SeedFile], *, publish: bool, force: bool, user_id: int | None
) -> dict[str, FileReport]:
    try:
        results = store.load(seeds, publish=publish, force=force, user_id=user_id)
    except DatabaseError:
        if len(seeds) == 1:
            reason = "the database refused it (is a field far too long?)"
            return {
                seeds[0].name: FileReport(
                    seeds[0].name, Outcome.REJECTED, parsed=seeds[0].parsed, reason=reason
                )
            }
        reports = {}
        for seed in seeds:
            reports.update(_write([seed], publish=publish, force=force, user_id=user_id))
        return reports
    by_name = {s.name: s for s in seeds}
    return {r.name: _report(by_name[r.name], r.outcome, r.article) for r in results}


def _report(seed: store.SeedFile, outcome: Outcome, article=None) -> FileReport:
    conflict = outcome == Outcome.CONFLICT and article is not None
    return FileReport(
        seed.name,
        outcome,
        parsed=seed.parsed,
        reason=store.conflict_reason(article) if conflict else "",
        warnings=seed.parsed.warnings,
        article_id=article.pk if article is not None else None,
    )
