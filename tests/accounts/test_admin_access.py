"""The admin is reached only through the allauth login (rate-limited), and only by staff roles."""

import html

from django.contrib.auth import SESSION_KEY
from django.urls import reverse
from django.utils import translation

import pytest
from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

pytestmark = pytest.mark.django_db

LOGIN_URL = "/fr/comptes/login/"


def logged_in_user_id(client):
    return client.session.get(SESSION_KEY)


def test_admin_login_redirects_to_the_allauth_login_page(client):
    response = client.get("/admin/login/")

    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL + "?next=")


def test_posting_valid_credentials_to_the_admin_login_logs_nobody_in(client, editor, password):
    response = client.post("/admin/login/", {"username": editor.username, "password": password})

    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)
    assert logged_in_user_id(client) is None
    assert client.get("/admin/").status_code == 302


def test_login_is_refused_after_five_failed_attempts_even_with_the_right_password(client, member, password):
    for _attempt in range(5):
        response = client.post(LOGIN_URL, {"login": member.email, "password": "mauvais"})
        assert response.status_code == 200

    response = client.post(LOGIN_URL, {"login": member.email, "password": password})

    with translation.override("fr"):
        message = str(DefaultAccountAdapter.error_messages["too_many_login_attempts"])
    assert html.escape(message) in response.content.decode()
    assert logged_in_user_id(client) is None


def test_failed_logins_on_other_accounts_do_not_lock_out_a_new_address_before_the_ip_limit(client, member, password):
    for _attempt in range(4):
        client.post(LOGIN_URL, {"login": "inconnu@escale.example", "password": "mauvais"})

    client.post(LOGIN_URL, {"login": member.email, "password": password})

    assert logged_in_user_id(client) == str(member.pk)


def test_editor_reaches_the_admin_after_logging_in(client, editor, password, home_fr):
    client.post(LOGIN_URL, {"login": editor.email, "password": password})

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200


@pytest.mark.parametrize("role_fixture", ["coordinator", "social_worker", "psychologist", "administrator"])
def test_every_staff_role_reaches_the_admin(client, request, role_fixture, home_fr):
    user = request.getfixturevalue(role_fixture)
    TOTP.activate(user, generate_totp_secret())  # care roles and administrators need TOTP (members.middleware)
    client.force_login(user)

    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_plain_member_is_refused_admin_access(client, member, password, home_fr):
    client.post(LOGIN_URL, {"login": member.email, "password": password})
    assert logged_in_user_id(client) == str(member.pk)

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 403
    assert client.get(reverse("wagtailadmin_pages:add_subpage", args=[home_fr.pk])).status_code == 403


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/admin/adherents/", "/admin/nimporte-quoi/"])
def test_logged_in_member_opening_an_admin_url_sees_the_team_only_page_with_a_link_to_mon_espace(
    client, member, home_fr, path
):
    client.force_login(member)

    response = client.get(path, HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 403
    content = html.unescape(response.content.decode())
    assert "Cet espace est réservé à l'équipe" in content
    assert 'href="/fr/mon-espace/"' in content
    assert "no-cache" in response["Cache-Control"]


def test_anonymous_visitor_opening_the_admin_is_still_sent_to_the_login_page(client, home_fr):
    response = client.get("/admin/pages/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"] or LOGIN_URL in response["Location"]
