"""Accounts (django-allauth): sign-up with e-mail verification, login by e-mail, password reset, logout."""

import re

from django.contrib.auth import SESSION_KEY, get_user_model
from django.core import mail

import pytest
from allauth.account.models import EmailAddress

pytestmark = pytest.mark.django_db

LOGIN_URL = "/fr/comptes/login/"
SIGNUP_URL = "/fr/comptes/signup/"
LOGOUT_URL = "/fr/comptes/logout/"
RESET_URL = "/fr/comptes/password/reset/"


def logged_in_user_id(client):
    return client.session.get(SESSION_KEY)


def signup_data(email, password):
    return {
        "email": email,
        "password1": password,
        "password2": password,
        # The member profile asked at sign-up (members.forms.SignupForm).
        "first_name": "Lucienne",
        "last_name": "Martin",
        "commune": "Bègles",
        "postal_code": "33130",
        "preferred_channel": "email",
        "accept_terms": "on",
        "accept_charter": "on",
    }


def link_in(message, fragment):
    match = re.search(rf"https?://\S*{re.escape(fragment)}\S*", message.body)
    assert match, f"no link containing {fragment!r} in:\n{message.body}"
    return match.group(0)


def test_signup_sends_a_confirmation_email_whose_link_verifies_and_logs_in(client, home_fr, password):
    response = client.post(SIGNUP_URL, signup_data("nouvelle@escale.example", password))

    assert response.status_code == 302, response.context["form"].errors
    assert logged_in_user_id(client) is None  # mandatory verification: not logged in yet
    user = get_user_model().objects.get(email="nouvelle@escale.example")
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["nouvelle@escale.example"]

    confirm_url = link_in(mail.outbox[0], "/comptes/confirm-email/")
    assert client.get(confirm_url).status_code == 200
    response = client.post(confirm_url)

    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    assert logged_in_user_id(client) == str(user.pk)


def test_unverified_account_cannot_log_in_before_confirming(client, home_fr, password):
    client.post(SIGNUP_URL, signup_data("pressee@escale.example", password))
    client.logout()

    client.post(LOGIN_URL, {"login": "pressee@escale.example", "password": password})

    assert logged_in_user_id(client) is None


def test_member_logs_in_with_email_and_password(client, member, home_fr, password):
    response = client.post(LOGIN_URL, {"login": "membre@escale.example", "password": password})

    assert response.status_code == 302
    assert logged_in_user_id(client) == str(member.pk)


def test_login_with_a_wrong_password_is_refused(client, member):
    response = client.post(LOGIN_URL, {"login": "membre@escale.example", "password": "pas-le-bon"})

    assert response.status_code == 200
    assert response.context["form"].errors
    assert logged_in_user_id(client) is None


def test_password_reset_email_link_sets_a_new_password(client, member, home_fr):
    response = client.post(RESET_URL, {"email": "membre@escale.example"})

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    reset_url = link_in(mail.outbox[0], "/comptes/password/reset/key/")
    response = client.get(reset_url, follow=True)  # allauth moves the key into the session, then redirects
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else reset_url
    new_password = "Un-nouveau-mot-de-passe-2026"
    response = client.post(form_url, {"password1": new_password, "password2": new_password})

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password(new_password)
    client.logout()
    client.post(LOGIN_URL, {"login": "membre@escale.example", "password": new_password})
    assert logged_in_user_id(client) == str(member.pk)


def test_logout_needs_a_post(client, member, home_fr):
    client.force_login(member)

    client.get(LOGOUT_URL)
    assert logged_in_user_id(client) == str(member.pk)  # a GET (a prefetching link) does not log out

    response = client.post(LOGOUT_URL)
    assert response.status_code == 302
    assert logged_in_user_id(client) is None


@pytest.mark.parametrize("language", ["fr", "en"])
def test_logging_in_and_out_keeps_the_language_of_the_page_whatever_the_browser_says(
    client, member, home_fr, password, language
):
    browser_language = "en-GB" if language == "fr" else "fr-FR"
    accounts = {"fr": "comptes", "en": "accounts"}[language]
    response = client.post(
        f"/{language}/{accounts}/login/",
        {"login": "membre@escale.example", "password": password},
        HTTP_ACCEPT_LANGUAGE=browser_language,
    )
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/"
    response = client.post(f"/{language}/{accounts}/logout/", HTTP_ACCEPT_LANGUAGE=browser_language)
    assert response["Location"] == f"/{language}/"
