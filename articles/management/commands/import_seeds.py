"""python manage.py import_seeds [PATH ...]: import seed files (see README, "Importing")."""

import json
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.importing.outcomes import Outcome, tally
from articles.importing.pipeline import BATCH_SIZE, FileReport, import_files
from articles.seedfile.parser import MAX_FILE_BYTES
from articles.seedfile.paths import SeedPathError, find_seed_files

PROGRESS_FROM = 200  # files; below this a progress bar is noise


class Command(BaseCommand):
    help = "Import seed article files (files, directories or globs; default seeds/)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="*", help="files, directories or glob patterns")
        parser.add_argument(
            "--dry-run", action="store_true", help="write nothing; show what would be stored"
        )
        parser.add_argument(
            "--json",
            dest="as_json",
            action="store_true",
            help="with --dry-run: one JSON object per file",
        )
        parser.add_argument("--draft", action="store_true", help="import new articles unpublished")
        parser.add_argument(
            "--batch-size",
            type=int,
            default=BATCH_SIZE,
            help="files written per transaction (default %(default)s)",
        )
        parser.add_argument(
            "--force", action="store_true", help="overwrite articles that editors changed"
        )

    def handle(self, *args, paths, dry_run, as_json, draft, force, batch_size, **options) -> None:
        if as_json and not dry_run:
            raise CommandError("--json only works with --dry-run", returncode=2)
        try:
            files = find_seed_files(paths or [str(settings.BASE_DIR / "seeds")])
        except SeedPathError as exc:
            raise CommandError(str(exc), returncode=2) from exc

        outcomes = []
        progress = Progress(len(files), enabled=sys.stderr.isatty() and len(files) >= PROGRESS_FROM)
        reports = import_files(
            ((path.name, read_limited(path)) for path in files),
            dry_run=dry_run,
            publish=not draft,
            force=force,
            batch_size=batch_size,
        )
        for report in reports:
            outcomes.append(report.outcome)
            progress.clear()
            self.stdout.write(report_json(report) if as_json else self.describe(report, dry_run))
            progress.advance()
        progress.clear()
        if not as_json:
            self.stdout.write(("would have: " if dry_run else "") + tally(outcomes))
        if Outcome.REJECTED in outcomes:
            sys.exit(1)

    def describe(self, report: FileReport, dry_run: bool) -> str:
        if report.outcome == Outcome.REJECTED:
            return self.style.ERROR(f"rejected   {report.name}: {report.reason}")
        label = f"{report.outcome:<10} {report.name}"
        if report.parsed is not None:
            label += f"  “{report.parsed.headline}”"
        if report.outcome == Outcome.CONFLICT:
            label += f" — {report.reason} (use --force to overwrite)"
        if dry_run and report.parsed is not None:
            kinds = [b.kind for b in report.parsed.blocks]
            label += "  [" + ", ".join(f"{kinds.count(k)} {k}" for k in sorted(set(kinds))) + "]"
        lines = [label] + [f"  warning: {w}" for w in report.warnings]
        return "\n".join(lines)


def read_limited(path) -> bytes:
    """At most one byte past the size limit: enough for the parser to reject a huge file."""
    with path.open("rb") as handle:
        return handle.read(MAX_FILE_BYTES + 1)


def report_json(report: FileReport) -> str:
    record: dict = {"file": report.name, "outcome": report.outcome}
    if report.outcome == Outcome.REJECTED:
        record["error"] = report.reason
    parsed = report.parsed
    if parsed is not None:
        record.update(
            headline=parsed.headline,
            dek=parsed.dek,
            byline=parsed.byline,
            dateline=parsed.dateline,
            blocks=[block_json(b) for b in parsed.blocks],
            lines=[
                [line.number, line.role, line.rule, round(line.confidence, 2)]
                for line in parsed.lines
            ],
            warnings=list(parsed.warnings),
            headline_missing=parsed.headline_missing,
            published=parsed.published and parsed.published.isoformat(),
            updated=parsed.updated and parsed.updated.isoformat(),
        )
    return json.dumps(record, ensure_ascii=False)


def block_json(block) -> dict:
    """A parsed block as --json shows it: the API's names for the fields its kind fills."""
    data = {"type": block.kind, "text": block.text}
    if block.kind == "caption":
        data["credit"] = block.credit
    if block.html:
        data["html"] = block.html  # as parsed; the import sanitises it (articles/inline.py)
    if block.kind == "quote":
        data["attribution"] = block.attribution
    if block.kind == "embed":
        data.update(url=block.embed_url, title=block.embed_title)
        data["description"] = block.embed_description
    return data


class Progress:
    """A one-line progress bar on stderr, redrawn under the per-file lines."""

    def __init__(self, total: int, *, enabled: bool) -> None:
        self.total, self.done, self.enabled = total, 0, enabled

    def advance(self) -> None:
        self.done += 1
        if self.enabled:
            filled = int(30 * self.done / self.total)
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total}")
            sys.stderr.flush()

    def clear(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\033[K")
