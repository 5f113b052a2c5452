"""Send public reads to PostgreSQL replicas (DATABASE_REPLICA_URLS), everything else to the primary.

Editors must see their own writes at once, and replicas lag: so requests that may
write or that come from the admin are pinned to the primary by ReplicaReadsMiddleware,
and so is any code outside a request (management commands, the importer).
"""

import random
from contextvars import ContextVar

from django.conf import settings

_reads_may_use_replicas: ContextVar[bool] = ContextVar("reads_may_use_replicas", default=False)


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith("replica")]


class ReplicaRouter:
    def db_for_read(self, model, **hints) -> str:
        replicas = replica_aliases()
        if replicas and _reads_may_use_replicas.get():
            return random.choice(replicas)
        return "default"

    def db_for_write(self, model, **hints) -> str:
        return "default"

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True

    def allow_migrate(self, db: str, app_label: str, **hints) -> bool:
        return db == "default"


class ReplicaReadsMiddleware:
    """Let a request read from replicas only if it is a safe public read."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        public_read = request.method in ("GET", "HEAD") and not request.path.startswith("/admin/")
        token = _reads_may_use_replicas.set(public_read)
        try:
            return self.get_response(request)
        finally:
            _reads_may_use_replicas.reset(token)
