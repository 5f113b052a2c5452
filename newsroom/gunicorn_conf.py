"""gunicorn settings for `make run`; each can be overridden on the command line."""

import multiprocessing
import os

bind = f"127.0.0.1:{os.environ.get('PORT', '8000')}"
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
