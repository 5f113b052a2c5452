"""Send public reads to PostgreSQL replicas (DATABASE_REPLICA_URLS), everything else to the primary.

Replicas lag, and a lagging one must not be trusted with what the reader is about to
see or what the page cache is about to keep (issue 17):

- Requests that may write, or that come from the admin, read from the primary; so does
  any code outside a request (management commands, the importer).
- A browser that has just written (an editor publishing) carries a short-lived cookie,
  and its next requests read from the primary too, so the editor sees the change at once.
- A public read uses a replica only once that replica has replayed the primary's WAL up
  to the position noted with the current content version (`require_replayed`): a page
  rendered from it and cached under that version cannot be older than the version says.
  A replica that is behind, or down, is passed over for the primary; one that fails is
  left alone for REPLICA_RETRY_SECONDS, so a stopped standby costs one failed probe, not
  one per request.
"""

import logging
import random
import time
from contextvars import ContextVar

from django.conf import settings
from django.db import DatabaseError, connections

log = logging.getLogger(__name__)

REPLICA_RETRY_SECONDS = 5.0
# How long a replica's replay position is trusted before it is asked again.
REPLAY_CHECK_SECONDS = 1.0
RECENT_WRITE_COOKIE = "newsroom_wrote"
RECENT_WRITE_SECONDS = 10

# None: this request reads from the primary. "": it may use a replica, not chosen yet.
_read_alias: ContextVar[str | None] = ContextVar("read_alias", default=None)
_required_lsn = {"lsn": 0}
_replicas: dict[str, dict[str, float]] = {}


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith("replica")]


def require_replayed(lsn: int) -> None:
    """Public reads from now on need a replica that has replayed the primary's WAL up to `lsn`."""
    _required_lsn["lsn"] = lsn


def _caught_up(alias: str, now: float) -> bool:
    state = _replicas.setdefault(alias, {"replayed": -1, "checked": 0.0, "down_until": 0.0})
    if state["down_until"] > now:
        return False
    required = _required_lsn["lsn"]
    if state["replayed"] >= required and now - state["checked"] < REPLAY_CHECK_SECONDS:
        return True
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT pg_last_wal_replay_lsn() - '0/0'")
            (replayed,) = cursor.fetchone()
    except DatabaseError as error:
        if not state["down_until"]:  # one line per outage, not one per request
            log.warning("replica %s is not answering; reading from the primary: %s", alias, error)
        state.update(down_until=now + REPLICA_RETRY_SECONDS, checked=0.0)
        connections[alias].close()
        return False
    if state["down_until"]:
        log.warning("replica %s answers again", alias)
    # A server not in recovery (a logical replica, a copy) has no replay position to compare.
    replayed = float("inf") if replayed is None else int(replayed)
    state.update(replayed=replayed, checked=now, down_until=0.0)
    return replayed >= required


def _choose_replica() -> str:
    now = time.monotonic()
    candidates = replica_aliases()
    random.shuffle(candidates)
    return next((alias for alias in candidates if _caught_up(alias, now)), "default")


class ReplicaRouter:
    def db_for_read(self, model, **hints) -> str:
        alias = _read_alias.get()
        if alias is None:
            return "default"
        if not alias:
            alias = _choose_replica()
            _read_alias.set(alias)
        return alias

    def db_for_write(self, model, **hints) -> str:
        return "default"

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True

    def allow_migrate(self, db: str, app_label: str, **hints) -> bool:
        return db == "default"


def reads_from_primary() -> bool:
    """True when this request's reads go to the primary (a write, the admin, a recent writer)."""
    return _read_alias.get() in (None, "default")


class ReplicaReadsMiddleware:
    """Let a request read from replicas only if it is a safe public read by no recent writer."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        safe = request.method in ("GET", "HEAD")
        public_read = (
            safe
            and not request.path.startswith("/admin/")
            and RECENT_WRITE_COOKIE not in request.COOKIES
            and bool(replica_aliases())
        )
        token = _read_alias.set("" if public_read else None)
        try:
            response = self.get_response(request)
        finally:
            _read_alias.reset(token)
        if not safe and response.status_code < 400 and replica_aliases():
            response.set_cookie(
                RECENT_WRITE_COOKIE,
                "1",
                max_age=RECENT_WRITE_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
