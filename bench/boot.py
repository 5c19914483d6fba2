"""What `make prod-check` and `make bench` share: the production environment and the commands that boot it."""

import os
import secrets
import signal
import subprocess
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = str(BASE_DIR / ".venv" / "bin" / "python")
GUNICORN_COMMAND = [str(BASE_DIR / ".venv" / "bin" / "gunicorn"), "-c", "config/gunicorn.py", "config.wsgi"]
PG_ARGS = ["-h", "127.0.0.1", "-U", "postgres"]
# Page saves enqueue their search-index updates as tasks (RQ under production settings): drain them.
RQ_BURST_WORKER = [
    PYTHON,
    "manage.py",
    "rqworker",
    "default",
    "--job-class",
    "django_tasks_rq.Job",
    "--worker-class",
    "rq.worker.SimpleWorker",
    "--burst",
]


def production_environment(*, database_url, redis_url, media_root, host, port, cache_prefix, **extra):
    """The process environment of a production boot on this machine, with fresh throwaway secrets."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "ELASTICSEARCH", "OPENSEARCH"))}
    env.update(
        DJANGO_SETTINGS_MODULE=os.environ.get("BENCH_SETTINGS_MODULE", "config.settings.production"),
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=database_url,
        ALLOWED_HOSTS=f"{host},localhost",
        FIELD_ENCRYPTION_KEY=secrets.token_urlsafe(32),
        SALT_KEY=secrets.token_urlsafe(16),
        REDIS_URL=redis_url,
        CACHE_KEY_PREFIX=f"{cache_prefix}{int(time.time())}",
        MEDIA_ROOT=str(media_root),
        GUNICORN_BIND=f"{host}:{port}",
        GUNICORN_ACCESSLOG="",
        LOG_LEVEL="WARNING",
        ALLAUTH_TRUSTED_PROXY_COUNT="1",  # as behind one nginx/Caddy (docs/deploy.md)
        **extra,
    )
    return env


def stop_server(process, label):
    """Stop the gunicorn started by `label` (its whole process group): SIGTERM, then SIGKILL after 20 s."""
    if process is None or process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    print(f"{label}: gunicorn stopped", flush=True)  # noqa: T201
