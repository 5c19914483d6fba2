"""Login rate limits key on the visitor's address behind a proxy (issue 13, item 3).

Behind nginx/Caddy every connection comes from the proxy (REMOTE_ADDR 127.0.0.1); the proxy appends the
visitor's address to X-Forwarded-For. With ALLAUTH_TRUSTED_PROXY_COUNT=1 (config/settings/production.py,
read from the environment) allauth's "5/5m/ip" limit counts each visitor apart.
"""

import json
import subprocess  # noqa: S404 - runs our interpreter with a controlled environment
import sys

from django.conf import settings as django_settings
from django.contrib.auth import SESSION_KEY

import pytest

from tests.production.test_production import BASE_ENV

pytestmark = pytest.mark.django_db

LOGIN_URL = "/fr/comptes/login/"
PROXY = "127.0.0.1"
ATTACKER, NEIGHBOUR = "203.0.113.7", "198.51.100.23"
TOO_MANY = "Trop de tentatives"


def production_value(**env):
    """ALLAUTH_TRUSTED_PROXY_COUNT and the login rate limits as config.settings.production computes them."""
    probe = (
        "import json; from django.conf import settings; print(json.dumps([settings.ALLAUTH_TRUSTED_PROXY_COUNT, "
        "settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER, settings.ACCOUNT_RATE_LIMITS['login_failed']]))"
    )
    full_env = {"PATH": "/usr/bin:/bin", **BASE_ENV, **env}
    out = subprocess.run(  # noqa: S603 - fixed interpreter and code
        [sys.executable, "-c", probe],
        env=full_env,
        capture_output=True,
        text=True,
        check=True,
        cwd=django_settings.BASE_DIR,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.fixture
def behind_one_proxy(settings):
    """The production values of a deployment behind one nginx/Caddy (ALLAUTH_TRUSTED_PROXY_COUNT=1)."""
    count, header, login_failed = production_value(ALLAUTH_TRUSTED_PROXY_COUNT="1")
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = count
    settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER = header
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": login_failed}
    return settings


def attempt(client, email, password, visitor):
    return client.post(
        LOGIN_URL, {"login": email, "password": password}, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=visitor
    )


def five_wrong_passwords(client, visitor):
    for n in range(5):
        response = attempt(client, f"inconnu{n}@escale.example", "pas-le-bon", visitor)
        assert response.status_code == 200
        assert TOO_MANY not in response.content.decode()


def test_production_reads_the_trusted_proxy_settings_from_the_environment():
    assert production_value() == [0, None, "5/5m/ip,5/5m/key"]
    assert production_value(ALLAUTH_TRUSTED_PROXY_COUNT="1")[0] == 1
    assert production_value(ALLAUTH_TRUSTED_CLIENT_IP_HEADER="X-Real-IP")[1] == "X-Real-IP"


def test_five_wrong_passwords_block_that_visitor_but_not_the_next_one(behind_one_proxy, client, make_user, password):
    alice = make_user("alice@escale.example")
    bruno = make_user("bruno@escale.example")
    attacker, neighbour = client, client_class_instance()
    five_wrong_passwords(attacker, ATTACKER)

    blocked = attempt(attacker, alice.email, password, ATTACKER)
    assert TOO_MANY in blocked.content.decode()
    assert attacker.session.get(SESSION_KEY) is None

    response = attempt(neighbour, bruno.email, password, NEIGHBOUR)
    assert response.status_code == 302
    assert neighbour.session.get(SESSION_KEY) == str(bruno.pk)


def test_the_visitor_address_is_the_one_the_proxy_appended(behind_one_proxy, client, make_user, password):
    """A forged X-Forwarded-For entry in front of the proxy's does not escape the limit."""
    alice = make_user("alice@escale.example")
    for n in range(5):
        attempt(client, f"inconnu{n}@escale.example", "pas-le-bon", f"10.0.0.{n}, {ATTACKER}")
    blocked = attempt(client, alice.email, password, f"10.9.9.9, {ATTACKER}")
    assert TOO_MANY in blocked.content.decode()


def test_without_a_trusted_proxy_count_everyone_behind_the_proxy_shares_one_limit(
    settings, client, make_user, password
):
    """The failure this setting fixes (issue 13): the default keys on the proxy's address."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    bruno = make_user("bruno@escale.example")
    five_wrong_passwords(client, ATTACKER)
    response = attempt(client_class_instance(), bruno.email, password, NEIGHBOUR)
    assert TOO_MANY in response.content.decode()


def client_class_instance():
    from django.test import Client

    return Client()
