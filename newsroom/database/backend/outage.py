"""This process's view of whether each PostgreSQL server answers: one log line when it stops,
one when it is back, and no second attempt within RETRY_SECONDS of a failure (issue 18).

During an outage every request would otherwise log a traceback (70 MB in 140 s) and wait
for its own probe; now a request within a second of a failed probe is answered 503 at once,
and one request a second tries again.
"""

import logging
import time

RETRY_SECONDS = 1.0

logger = logging.getLogger("newsroom.database")


class Outage:
    def __init__(self, server: str):
        self.server = server
        self.since: float | None = None
        self.last_failure = 0.0

    def failed(self, reason: str) -> None:
        now = time.monotonic()
        if self.since is None:
            self.since = now
            logger.error("PostgreSQL at %s is unavailable: %s", self.server, reason)
        self.last_failure = now

    def answered(self) -> None:
        if self.since is not None:
            logger.warning(
                "PostgreSQL at %s answers again, after %.1f s unavailable",
                self.server,
                time.monotonic() - self.since,
            )
            self.since = None

    def retry_later(self) -> bool:
        """True within RETRY_SECONDS of a failure: do not try to connect yet."""
        return self.since is not None and time.monotonic() - self.last_failure < RETRY_SECONDS


_outages: dict[str, Outage] = {}


def outage_of(host: str, port: str | int) -> Outage:
    """The state of the server at `host` and `port` (each replica has its own)."""
    server = f"{host or 'localhost'}:{port or 5432}"
    if server not in _outages:
        _outages[server] = Outage(server)
    return _outages[server]
