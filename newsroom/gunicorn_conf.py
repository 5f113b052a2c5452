"""gunicorn settings for `make run`; each can be overridden on the command line."""

import multiprocessing
import os

bind = f"127.0.0.1:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
# A slow request is killed rather than left to hold a worker forever.
timeout = 30
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so that slow leaks cannot grow without bound.
max_requests = 5000
max_requests_jitter = 500
accesslog = "-"
wsgi_app = "newsroom.wsgi:application"
