"""Environment for PostgreSQL's own programs (pg_dump, pg_restore) to reach our database."""

import os

from django.db import connections


def connection_env(alias: str = "default") -> dict[str, str]:
    """os.environ plus the libpq variables that name the configured database."""
    params = connections[alias].get_connection_params()
    libpq = {
        "PGHOST": params.get("host") or "",
        "PGPORT": str(params.get("port") or ""),
        "PGUSER": params.get("user") or "",
        "PGPASSWORD": params.get("password") or "",
        "PGDATABASE": params.get("dbname") or connections[alias].settings_dict["NAME"],
        "PGCONNECT_TIMEOUT": str(params.get("connect_timeout") or 10),
    }
    return {**os.environ, **{key: value for key, value in libpq.items() if value}}


def server_major(alias: str = "default") -> int:
    """The major version of the PostgreSQL server behind `alias` (e.g. 15)."""
    connection = connections[alias]
    connection.ensure_connection()
    return connection.pg_version // 10000
