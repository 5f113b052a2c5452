"""python manage.py backup_database [FILE]: pg_dump of the configured database."""

import subprocess
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsroom.database.clients import connection_env, server_major
from newsroom.database.embedded import client_program


class Command(BaseCommand):
    help = "Write a custom-format pg_dump of the database to FILE (default var/backups/…)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", nargs="?", help="where to write the dump")

    def handle(self, *args, file: str | None, **options) -> None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = Path(file or settings.BASE_DIR / "var" / "backups" / f"newsroom-{stamp}.dump")
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        command = [
            str(client_program("pg_dump", server_major())),
            "--format=custom",
            "--no-owner",
            "--file",
            str(partial),
        ]
        result = subprocess.run(command, env=connection_env(), capture_output=True, text=True)
        if result.returncode != 0:
            partial.unlink(missing_ok=True)
            raise CommandError(f"pg_dump failed: {result.stderr.strip()}")
        # Renamed only when complete, so a backup file is never half-written.
        partial.rename(target)
        self.stdout.write(f"backed up to {target}")
