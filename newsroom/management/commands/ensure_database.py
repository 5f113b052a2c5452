"""Create the configured PostgreSQL database when it does not exist yet."""

import psycopg
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from psycopg import sql


class Command(BaseCommand):
    help = "Create the database named in the settings if it is missing (used by `make run`)."

    def handle(self, *args, **options) -> None:
        params = connections["default"].get_connection_params()
        name = connections["default"].settings_dict["NAME"]
        params.pop("dbname", None)
        params.pop("cursor_factory", None)
        params.pop("context", None)
        try:
            with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
                exists = conn.execute(
                    "SELECT 1 FROM pg_database WHERE datname = %s", [name]
                ).fetchone()
                if not exists:
                    conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
                    self.stdout.write(f"Created database {name}.")
        except psycopg.OperationalError as exc:
            raise CommandError(
                f"Cannot reach PostgreSQL at {describe(params)}: {exc}".strip()
            ) from exc


def describe(params: dict) -> str:
    host = params.get("host") or "localhost"
    return f"{host}:{params.get('port', 5432)} as {params.get('user', '?')}"
