"""Production settings switches, the health check and public-page caching."""

import json
import os
import subprocess
import sys

from django.conf import settings

import pytest

BASE_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "x" * 50,
    "DATABASE_URL": "postgres://u@127.0.0.1:5432/x",
    "ALLOWED_HOSTS": "escale.example",
    "FIELD_ENCRYPTION_KEY": "k",
    "SALT_KEY": "s",
}
PROBE = (
    "import json; from django.conf import settings; "
    "print(json.dumps({'tasks': settings.TASKS['default']['BACKEND'], "
    "'media': settings.STORAGES['default']['BACKEND'], "
    "'formatter': settings.LOGGING.get('formatters', {}).get('json', {}).get('()'), "
    "'apps': 'django_rq' in settings.INSTALLED_APPS, "
    "'prefix': settings.CACHES['default'].get('KEY_PREFIX')}))"
)


def production_settings(**env):
    clean = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "S3_BUCKET", "AWS_STORAGE_BUCKET_NAME")}
    clean.update(BASE_ENV, **env)
    out = subprocess.run(  # noqa: S603 - fixed interpreter and code
        [sys.executable, "-c", PROBE], env=clean, capture_output=True, text=True, check=True, cwd=settings.BASE_DIR
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_one_machine_production_uses_database_tasks_and_local_media_with_json_logs():
    found = production_settings()
    assert found["tasks"] == "django_tasks_db.DatabaseBackend"
    assert found["media"] == "django.core.files.storage.FileSystemStorage"
    assert found["formatter"] == "config.jsonlog.JsonFormatter"


def test_redis_url_moves_tasks_to_rq_and_s3_bucket_moves_media():
    found = production_settings(REDIS_URL="redis://127.0.0.1:6379/5", S3_BUCKET="escale-media", CACHE_KEY_PREFIX="pc")
    assert found["tasks"] == "django_tasks_rq.RQBackend"
    assert found["apps"] is True
    assert found["media"] == "storages.backends.s3.S3Storage"
    assert found["prefix"] == "pc-default"


def test_json_formatter_writes_one_json_object_with_extra_fields():
    import logging

    from config.jsonlog import JsonFormatter

    record = logging.makeLogRecord({"msg": "réservation %s", "args": (12,), "levelname": "INFO", "booking": 12})
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "réservation 12"
    assert line["booking"] == 12


@pytest.mark.django_db
def test_healthz_checks_database_cache_search_and_tasks(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "cache": "ok", "search": "ok", "tasks": "ok"}


@pytest.mark.django_db
def test_healthz_answers_503_when_a_check_fails(client, monkeypatch):
    from home import views

    def broken():
        raise ConnectionError("down")

    monkeypatch.setitem(views.HEALTH_CHECKS, "cache", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == "error"


@pytest.mark.django_db
def test_public_page_is_cacheable_for_anonymous_visitors_only(client, home_fr, editor):
    response = client.get("/fr/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=300"
    assert "Cookie" in response["Vary"]
    client.force_login(editor)
    assert "public" not in client.get("/fr/").get("Cache-Control", "")
