"""How long one query may take: a bound for each request, kept by PostgreSQL and, when
PostgreSQL cannot keep it, by the client (issue 18).

A reader's page that cannot be answered in DATABASE_STATEMENT_SECONDS gets the static 503
at once instead of holding a worker until gunicorn kills it; the admin's heavier screens
get DATABASE_ADMIN_STATEMENT_SECONDS. PostgreSQL enforces the bound (`statement_timeout`,
set on a connection only when the bound it needs changes, so a reader's page costs no
extra query). A frozen or unreachable server enforces nothing and never answers, so a
watchdog thread also cuts the socket of a query that has gone GRACE_SECONDS past its bound:
psycopg then fails at once, and the request gets its 503.
Code outside a request (management commands, the importer) has no bound.
"""

import os
import socket
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.http import HttpRequest, HttpResponse

GRACE_SECONDS = 1.0
# How often the watchdog looks at the running queries: the precision of a cut.
WATCH_SECONDS = 0.1

_bound: ContextVar[float | None] = ContextVar("statement_bound", default=None)


def current_bound() -> float | None:
    """Seconds a statement may run for the request being served; None outside requests."""
    return _bound.get()


class StatementTimeoutMiddleware:
    """Bounds every query of a request: the reader's bound, or the admin's larger one."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        admin = request.path_info.startswith("/admin/")
        seconds = (
            settings.DATABASE_ADMIN_STATEMENT_SECONDS
            if admin
            else settings.DATABASE_STATEMENT_SECONDS
        )
        token = _bound.set(seconds)
        try:
            return self.get_response(request)
        finally:
            _bound.reset(token)


class Watchdog:
    """Cuts the connection of any query still running past its deadline (one thread per process)."""

    def __init__(self):
        self._deadlines: dict[int, tuple[float, int]] = {}  # thread → (deadline, socket)
        self._cut: set[int] = set()
        self._lock = threading.Lock()
        self._pid = None

    @contextmanager
    def guard(self, fileno: int, seconds: float):
        """Within this block, the socket `fileno` is cut if the block lasts over `seconds`.
        Yields a function that tells, afterwards, whether it was."""
        self._start()
        thread = threading.get_ident()
        with self._lock:
            self._deadlines[thread] = (time.monotonic() + seconds, fileno)
            self._cut.discard(thread)
        try:
            yield lambda: thread in self._cut
        finally:
            with self._lock:
                self._deadlines.pop(thread, None)

    def _start(self) -> None:
        if self._pid == os.getpid():
            return
        with self._lock:
            if self._pid != os.getpid():  # a forked worker has none of its parent's threads
                self._pid = os.getpid()
                threading.Thread(target=self._watch, name="statement-watchdog", daemon=True).start()

    def _watch(self) -> None:
        while True:
            time.sleep(WATCH_SECONDS)
            now = time.monotonic()
            with self._lock:
                late = [(t, fd) for t, (deadline, fd) in self._deadlines.items() if deadline < now]
                for thread, fileno in late:
                    del self._deadlines[thread]
                    self._cut.add(thread)
                    _shut(fileno)


def _shut(fileno: int) -> None:
    """Shut the socket down for both directions: a read blocked on it returns at once."""
    try:
        duplicate = socket.socket(fileno=os.dup(fileno))
    except OSError:  # already closed
        return
    try:
        duplicate.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    finally:
        duplicate.close()


watchdog = Watchdog()
