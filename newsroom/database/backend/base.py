"""Django's PostgreSQL backend, made to give up quickly on a database that has stopped answering.

A stopped server refuses connections at once, but a frozen or unreachable one
just never answers: libpq's connect_timeout cannot go below two seconds, and a
query on a persistent connection would wait for gunicorn's worker timeout. So
(issue 7: "pages answer a friendly static 503 within a second"):

- before opening a connection, a non-blocking probe must complete the PostgreSQL
  handshake within DATABASE_PROBE_SECONDS, else OperationalError (→ the 503 page);
- the health check of a persistent connection (CONN_HEALTH_CHECKS) is a SELECT 1
  that must answer within the same time, else the connection is dropped;
- after either fails, this process does not try again for a second (outage.py): each
  request is one probe at most, and most get their 503 at once;
- each query of a request is bounded (newsroom/database/timeouts.py): by PostgreSQL's
  statement_timeout, and by cutting the connection when a frozen server lets it run on.
Connections over TCP also carry keepalives and a TCP user timeout (settings.py), so a
vanished host is noticed by the kernel too.
"""

import select
import time

from django.conf import settings
from django.db import OperationalError
from django.db.backends.postgresql import base
from psycopg import pq
from psycopg.conninfo import make_conninfo
from psycopg.pq import Format

from newsroom.database import timeouts
from newsroom.database.backend.outage import Outage, outage_of

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


SERVER_DEFAULT = "server default"


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The statement_timeout this connection's session has: seconds, SERVER_DEFAULT as
        # it connected, or None when unknown (after a rollback that may have undone a SET).
        self.session_bound: float | str | None = SERVER_DEFAULT
        self.execute_wrappers.append(self._bounded)

    @property
    def outage(self) -> Outage:
        return outage_of(self.settings_dict["HOST"], self.settings_dict["PORT"])

    def get_new_connection(self, conn_params):
        outage = self.outage
        if outage.retry_later():
            raise OperationalError("PostgreSQL did not answer a moment ago; not trying again yet")
        self.session_bound = SERVER_DEFAULT
        try:
            probe(conn_params, settings.DATABASE_PROBE_SECONDS)
            connection = super().get_new_connection(conn_params)
        except Exception as error:
            outage.failed(str(error).strip())
            raise
        outage.answered()
        return connection

    def is_usable(self) -> bool:
        try:
            answered = answers_within(self.connection.pgconn, settings.DATABASE_PROBE_SECONDS)
        except Exception:  # a broken socket, a closed connection: not usable, whatever the kind
            return False
        if answered:
            self.outage.answered()
        else:
            self.outage.failed(
                f"no answer to a health check within {settings.DATABASE_PROBE_SECONDS} s"
            )
        return answered

    def _prepare_cursor(self, cursor):
        # Every cursor, Django's and prepared_cursor()'s, runs under the request's bound, or
        # the server's default outside requests; SET only when that changes.
        bound = timeouts.current_bound() or SERVER_DEFAULT
        if bound != self.session_bound:
            value = "DEFAULT" if bound == SERVER_DEFAULT else round(bound * 1000)
            with self.wrap_database_errors:
                self.connection.execute(f"SET statement_timeout TO {value}")
            self.session_bound = bound
        return super()._prepare_cursor(cursor)

    def _rollback(self):
        self.session_bound = None
        super()._rollback()

    def _savepoint_rollback(self, sid):
        self.session_bound = None
        super()._savepoint_rollback(sid)

    def _bounded(self, execute, sql, params, many, context):
        """Run the statement; if the server lets it run GRACE_SECONDS past the request's
        bound, as a frozen one does, cut the connection so that it fails now."""
        bound = timeouts.current_bound()
        if bound is None:
            return execute(sql, params, many, context)
        seconds = bound + timeouts.GRACE_SECONDS
        with timeouts.watchdog.guard(self.connection.pgconn.socket, seconds) as was_cut:
            try:
                return execute(sql, params, many, context)
            except OperationalError:
                if was_cut():
                    self.outage.failed(f"a query had no answer within {seconds} s")
                raise

    def prepared_cursor(self):
        """A cursor whose statements PostgreSQL plans once per connection and then reuses.

        Django binds parameters on the client, so nothing it sends can be prepared; this
        cursor binds them on the server, and every statement it runs is prepared on first
        use (psycopg keeps the latest hundred per connection). For hand-written hot
        queries whose planning costs more than their execution.
        """
        # As Django's own cursors (BaseDatabaseWrapper._cursor): a reused connection's
        # health check first, or a frozen server would hold this query until its time limit.
        self.close_if_health_check_failed()
        self.ensure_connection()
        with self.wrap_database_errors:
            self.connection.prepare_threshold = 0
            cursor = base.ServerBindingCursor(self.connection)
            # Times in the connection's time zone, as Django's cursors give them.
            tzloader = self.connection.adapters.get_loader(base.TIMESTAMPTZ_OID, Format.TEXT)
            if self.timezone != tzloader.timezone:
                base.register_tzloader(self.timezone, cursor)
            return self._prepare_cursor(cursor)
