"""python manage.py restore_database FILE: replace the database's contents with a backup."""

import subprocess
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from newsroom.database.clients import connection_env, server_major
from newsroom.database.embedded import client_program


class Command(BaseCommand):
    help = "Restore a dump made by backup_database, replacing what the database holds now."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="a dump made by backup_database")

    def handle(self, *args, file: str, **options) -> None:
        source = Path(file)
        if not source.is_file():
            raise CommandError(f"{source}: no such backup file")
        connections.close_all()
        command = [
            str(client_program("pg_restore", server_major())),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            "--dbname",
            connection_env()["PGDATABASE"],
            str(source),
        ]
        result = subprocess.run(command, env=connection_env(), capture_output=True, text=True)
        if result.returncode != 0:
            raise CommandError(f"pg_restore failed, nothing was changed: {result.stderr.strip()}")
        self.stdout.write(f"restored {source}")
