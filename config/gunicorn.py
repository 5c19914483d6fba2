"""gunicorn settings, all from the environment: `gunicorn -c config/gunicorn.py config.wsgi`."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
# Above the booking lock's wait (ACTIVITIES_LOCK_TIMEOUT, 30 s): at a busy moment a booker queues for the
# session lock and is answered; gunicorn never kills the worker first (that would be a 502, not a booking).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
# Requests beyond the busy workers wait in the listen queue (in arrival order) rather than fail: 200 people
# posting the same form at once are served a few at a time, each worker holding one database connection.
backlog = int(os.environ.get("GUNICORN_BACKLOG", "2048"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycle workers now and then so a slow leak never becomes an outage, but rarely: a new worker forks from
# the preloaded master and pays its warm-up (connections, template and URL caches, the per-process lookups
# of home/lookup_cache.py) on its first requests. Every 2,000 requests put that warm-up in the p99 of cached
# pages (0.3-0.9 s instead of 2-3 ms, issue #17); every 50,000-55,000 it is under 1 request in 10,000 per
# worker, far below the p99, and a worker still restarts a few times a day on a busy site. The jitter
# (10 %) keeps the workers from restarting together (never two of them cold at the same moment).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "50000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "5000"))
# Load the app once in the master: workers fork with Django ready (faster start, shared memory).
preload_app = os.environ.get("GUNICORN_PRELOAD", "1") == "1"
# gunicorn 27 opens a control socket at a fixed path (~/.gunicorn/gunicorn.ctl): two servers on one
# machine (prod-check, bench, a second site) would collide. Disabled unless a path is given.
control_socket_disable = not os.environ.get("GUNICORN_CONTROL_SOCKET")
if os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
# Behind a proxy that sets X-Forwarded-Proto (Django reads it through SECURE_PROXY_SSL_HEADER).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None  # empty: no access log (benchmarks)
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
