"""Django's PostgreSQL backend, made to give up quickly on a database that has stopped answering.

A stopped server refuses connections at once, but a frozen or unreachable one
just never answers: libpq's connect_timeout cannot go below two seconds, and a
query on a persistent connection would wait for gunicorn's worker timeout. So
(issue 7: "pages answer a friendly static 503 within a second"):

- before opening a connection, a non-blocking probe must complete the PostgreSQL
  handshake within DATABASE_PROBE_SECONDS, else OperationalError (→ the 503 page);
- the health check of a persistent connection (CONN_HEALTH_CHECKS) is a SELECT 1
  that must answer within the same time, else the connection is dropped.
"""

import select
import time

from django.conf import settings
from django.db import OperationalError
from django.db.backends.postgresql import base
from psycopg import pq
from psycopg.conninfo import make_conninfo
from psycopg.pq import Format

# conn_params that are psycopg's Python-side options, not libpq connection keywords.
PYTHON_ONLY = {"cursor_factory", "context", "prepare_threshold", "autocommit", "row_factory"}


def _wait(socket: int, *, write: bool, deadline: float) -> bool:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        return False
    readable, writable, _ = select.select(
        [] if write else [socket], [socket] if write else [], [], remaining
    )
    return bool(readable or writable)


def probe(conn_params: dict, seconds: float) -> None:
    """Raise OperationalError unless a connection handshake completes within `seconds`."""
    conninfo = make_conninfo(**{k: v for k, v in conn_params.items() if k not in PYTHON_ONLY})
    deadline = time.monotonic() + seconds
    pgconn = pq.PGconn.connect_start(conninfo.encode())
    try:
        status = pq.PollingStatus.WRITING
        while status not in (pq.PollingStatus.OK, pq.PollingStatus.FAILED):
            if not _wait(
                pgconn.socket, write=status == pq.PollingStatus.WRITING, deadline=deadline
            ):
                raise OperationalError(f"PostgreSQL did not answer within {seconds} s")
            status = pgconn.connect_poll()
        if status == pq.PollingStatus.FAILED:
            raise OperationalError(pgconn.get_error_message().strip())
    finally:
        pgconn.finish()


def answers_within(pgconn: pq.PGconn, seconds: float) -> bool:
    """True if the server answers SELECT 1 on this connection within `seconds`."""
    deadline = time.monotonic() + seconds
    pgconn.send_query(b"SELECT 1")
    while True:
        pgconn.consume_input()
        if not pgconn.is_busy():
            break
        if not _wait(pgconn.socket, write=False, deadline=deadline):
            return False
    ok = True
    while (result := pgconn.get_result()) is not None:
        ok = ok and result.status == pq.ExecStatus.TUPLES_OK
    return ok


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        probe(conn_params, settings.DATABASE_PROBE_SECONDS)
        return super().get_new_connection(conn_params)

    def is_usable(self) -> bool:
        try:
            return answers_within(self.connection.pgconn, settings.DATABASE_PROBE_SECONDS)
        except Exception:  # a broken socket, a closed connection: not usable, whatever the kind
            return False

    def prepared_cursor(self):
        """A cursor whose statements PostgreSQL plans once per connection and then reuses.

        Django binds parameters on the client, so nothing it sends can be prepared; this
        cursor binds them on the server, and every statement it runs is prepared on first
        use (psycopg keeps the latest hundred per connection). For hand-written hot
        queries whose planning costs more than their execution.
        """
        self.ensure_connection()
        self.connection.prepare_threshold = 0
        cursor = base.ServerBindingCursor(self.connection)
        # As Django's own cursors: times in the connection's time zone.
        tzloader = self.connection.adapters.get_loader(base.TIMESTAMPTZ_OID, Format.TEXT)
        if self.timezone != tzloader.timezone:
            base.register_tzloader(self.timezone, cursor)
        return self._prepare_cursor(cursor)
