"""gunicorn for the portal (docs/deployment.md). Settings come from the environment file the
systemd unit reads (deploy/portal.env.example); these are the server's own."""

import multiprocessing
import os

wsgi_app = "portal.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Synchronous workers: the portal's views are short and CPU-bound; the front cache takes the crowd.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = 1
# An upload of 20 MB on a slow mobile line reaches the worker through nginx, which buffers it first.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))
graceful_timeout = 30
keepalive = 5
# A worker is replaced after this many requests (with jitter), bounding any slow memory growth.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = 200
# nginx in front sets X-Forwarded-For/-Proto; the portal reads them behind TRUSTED_PROXY_COUNT.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
proc_name = "portal"


def post_worker_init(worker):
    """Build the search index in each worker as it starts (search.services.warm_up), so that no
    citizen waits for it on the first query; then close the connection it used."""
    from django.db import connections

    from search.services import warm_up

    try:
        documents = warm_up()
        worker.log.info("search index ready in worker %s: %s documents", worker.pid, documents)
    except Exception:
        worker.log.exception("search index warm-up failed in worker %s", worker.pid)
    finally:
        connections.close_all()
