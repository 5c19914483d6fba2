"""Production settings: `check --deploy` is clean, and the site refuses to start without its secrets."""

import os
import secrets
import subprocess  # noqa: S404 - runs manage.py with a controlled environment
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent


# Variables of the test run that must not leak into the production process (the browser tests set the last one).
NOT_INHERITED = {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def production_env(tmp_path, **overrides):
    env = {key: value for key, value in os.environ.items() if key not in NOT_INHERITED}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(45),  # 60 characters
            "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}",
            "ALLOWED_HOSTS": "escale.example",
            "FIELD_ENCRYPTION_KEY": secrets.token_urlsafe(32),
            "SALT_KEY": secrets.token_urlsafe(16),
            "ALLAUTH_TRUSTED_PROXY_COUNT": "1",
        }
    )
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def run(args, env):
    return subprocess.run(  # noqa: S603 - fixed command, our own interpreter
        [sys.executable, *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_check_deploy_passes_without_any_warning(tmp_path):
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env(tmp_path))

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNINGS" not in output
    assert "System check identified no issues" in output


def test_check_deploy_warns_when_rate_limits_would_see_only_the_proxy(tmp_path):
    env = production_env(tmp_path, ALLAUTH_TRUSTED_PROXY_COUNT=None, ALLAUTH_TRUSTED_CLIENT_IP_HEADER=None)
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)

    assert result.returncode != 0
    assert "escale.W001" in result.stdout + result.stderr
    header = production_env(tmp_path, ALLAUTH_TRUSTED_PROXY_COUNT=None, ALLAUTH_TRUSTED_CLIENT_IP_HEADER="X-Real-IP")
    assert run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], header).returncode == 0


@pytest.mark.parametrize("missing", ["SECRET_KEY", "DATABASE_URL", "FIELD_ENCRYPTION_KEY"])
def test_production_refuses_to_start_without_a_required_secret(tmp_path, missing):
    result = run(["-c", "import django; django.setup()"], production_env(tmp_path, **{missing: None}))

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr
