"""gunicorn settings for `make run`; each can be overridden on the command line."""

import multiprocessing
import os
from pathlib import Path

PORT = os.environ.get("PORT", "8000")
bind = f"127.0.0.1:{PORT}"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
# A slow request is killed rather than left to hold a worker forever.
timeout = 30
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so that slow leaks cannot grow without bound; rarely,
# because a recycled worker starts with an empty local page cache.
max_requests = 200_000
max_requests_jitter = 20_000
accesslog = "-"
wsgi_app = "newsroom.wsgi:application"
# gunicorn's control socket (gunicornc) defaults to one path per user, ~/.gunicorn/gunicorn.ctl,
# which every instance on the machine would take from the others: each has its own, by port.
VAR_DIR = Path(__file__).resolve().parent.parent / "var"
VAR_DIR.mkdir(exist_ok=True)
control_socket = str(VAR_DIR / f"gunicorn-{PORT}.ctl")
# The same proxies the site trusts (TRUSTED_PROXIES) for X-Forwarded-Proto; gunicorn's default else.
if os.environ.get("TRUSTED_PROXIES"):
    forwarded_allow_ips = os.environ["TRUSTED_PROXIES"]
