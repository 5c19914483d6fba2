"""Sign-up journeys: `next` kept from sign-up through e-mail confirmation and login; Escale's own
confirmation e-mail in the member's language; accounts waiting for the team's validation."""

import html
import re

from django.contrib.auth import SESSION_KEY, get_user_model
from django.core import mail

from wagtail.models import Site

import pytest
from allauth.account.models import EmailAddress

from core.roles import COORDINATOR
from members.models import MemberProfile, MembersSettings
from tests.activities.factories import make_session

pytestmark = pytest.mark.django_db

PASSWORD = "Un-mot-de-passe-solide-2026"
FORM = {
    "email": "odette@escale.example",
    "password1": PASSWORD,
    "password2": PASSWORD,
    "first_name": "Odette",
    "last_name": "Roux",
    "commune": "Cadaujac",
    "postal_code": "33140",
    "preferred_channel": "email",
    "accept_terms": "on",
    "accept_charter": "on",
}


def confirmation_link(message):
    return re.search(r"https?://[^/\s]+(/\S+/confirm-email/\S+)", message.body).group(1)


def require_validation():
    row = MembersSettings.for_site(Site.objects.get(is_default_site=True))
    row.validate_new_accounts = True
    row.save()


# --- 13: next through the whole sign-up, Escale's own e-mail ------------------------------------


def test_the_confirmation_email_is_escales_own_text_with_no_stock_greeting(client, home_fr):
    client.post("/fr/comptes/signup/", FORM)

    (message,) = mail.outbox
    assert message.subject == "[Escale] Confirmez votre adresse e-mail"
    assert message.body.startswith("Bonjour,")
    assert "Pour confirmer votre adresse, ouvrez ce lien" in message.body
    assert "L'équipe de l'Escale" in message.body
    for stock in ("c'est", "example.com", "127.0.0.1", "testserver !", "Hello from", "Merci d'utiliser"):
        assert stock not in message.body.split("/fr/comptes/")[0]


def test_the_confirmation_email_is_written_in_english_for_someone_signing_up_in_english(client, home_fr):
    client.post("/en/accounts/signup/", FORM)

    (message,) = mail.outbox
    assert message.subject == "[Escale] Confirm your e-mail address"
    assert message.body.startswith("Hello,")
    assert "/en/accounts/confirm-email/" in message.body
    assert "Bonjour" not in message.body


def test_next_survives_signup_then_confirmation_in_the_same_browser(client, home_fr):
    session = make_session()
    target = f"/fr/agenda/seance/{session.pk}/"

    client.post(f"/fr/comptes/signup/?next={target}", {**FORM, "next": target})
    link = confirmation_link(mail.outbox[0])
    response = client.post(link.split("?")[0])

    assert response.status_code == 302
    assert response["Location"] == target
    assert client.session.get(SESSION_KEY)


def test_next_survives_a_confirmation_opened_in_another_browser_then_the_login(client, home_fr):
    from django.test import Client

    session = make_session()
    target = f"/fr/agenda/seance/{session.pk}/"
    client.post(f"/fr/comptes/signup/?next={target}", {**FORM, "next": target})
    link = confirmation_link(mail.outbox[0])
    assert "next=" in link

    other_browser = Client()
    page = other_browser.get(link)
    assert page.status_code == 200
    confirmed = other_browser.post(link)  # the confirm form keeps `next` from the link
    assert confirmed.status_code == 302
    login_url = confirmed["Location"]
    assert login_url.startswith("/fr/comptes/login/")

    logged_in = other_browser.post(login_url, {"login": FORM["email"], "password": PASSWORD})

    assert logged_in.status_code == 302
    assert logged_in["Location"] == target
    assert EmailAddress.objects.get(email=FORM["email"]).verified


# --- 12: accounts waiting for validation ---------------------------------------------------------


def test_with_validation_on_the_person_is_told_at_signup_and_by_email_that_the_team_will_validate(client, home_fr):
    require_validation()

    response = client.post("/fr/comptes/signup/", FORM)

    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "Merci, votre demande de compte est enregistrée" in page
    assert "L'équipe de l'Escale va vérifier et valider votre compte" in page
    assert "Ce compte est inactif" not in page
    (message,) = mail.outbox
    assert "L'équipe de l'Escale va aussi valider votre compte" in message.body
    assert "/fr/comptes/confirm-email/" in message.body


def test_logging_in_before_validation_says_the_account_waits_for_the_team(client, home_fr):
    require_validation()
    client.post("/fr/comptes/signup/", FORM)

    response = client.post("/fr/comptes/login/", {"login": FORM["email"], "password": PASSWORD})

    page = html.unescape(response.content.decode())
    assert "Votre compte attend la validation de l'équipe" in page
    assert "Ce compte est inactif" not in page
    assert not client.session.get(SESSION_KEY)


@pytest.fixture
def coordinator_client(client, make_user):
    client.force_login(make_user("accueil@escale.example", role=COORDINATOR))
    return client


def _sign_up_waiting(email="odette@escale.example", language="fr"):
    from django.test import Client

    require_validation()
    accounts = {"fr": "comptes", "en": "accounts"}[language]
    Client().post(f"/{language}/{accounts}/signup/", {**FORM, "email": email})
    mail.outbox.clear()
    return get_user_model().objects.get(email=email)


def test_staff_see_the_accounts_to_validate_with_their_count_and_validate_one(
    coordinator_client, django_capture_on_commit_callbacks
):
    waiting = _sign_up_waiting()
    _sign_up_waiting("marcel@escale.example", language="en")

    listing = html.unescape(coordinator_client.get("/admin/adherents/a-valider/").content.decode())
    assert "2 comptes attendent votre décision." in listing
    assert "odette@escale.example" in listing and "marcel@escale.example" in listing
    members = html.unescape(coordinator_client.get("/admin/adherents/").content.decode())
    assert "2 comptes à valider" in members

    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(f"/admin/adherents/a-valider/{waiting.pk}/valider/", follow=True)

    assert "1 compte attend votre décision." in html.unescape(response.content.decode())
    waiting.refresh_from_db()
    assert waiting.is_active and MemberProfile.objects.get(user=waiting).is_validated
    (message,) = mail.outbox
    assert message.to == ["odette@escale.example"]
    assert message.subject == "[Escale] Votre compte est ouvert"
    assert "/fr/comptes/login/" in message.body


def test_a_validated_member_who_signed_up_in_english_is_told_in_english(
    coordinator_client, django_capture_on_commit_callbacks
):
    waiting = _sign_up_waiting("marcel@escale.example", language="en")

    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(f"/admin/adherents/a-valider/{waiting.pk}/valider/")

    (message,) = mail.outbox
    assert message.subject == "[Escale] Your account is open"
    assert "/en/accounts/login/" in message.body


def test_staff_refuse_an_account_the_person_is_told_and_their_data_erased(
    coordinator_client, django_capture_on_commit_callbacks
):
    waiting = _sign_up_waiting()

    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(f"/admin/adherents/a-valider/{waiting.pk}/refuser/")

    (message,) = mail.outbox
    assert message.to == ["odette@escale.example"]
    assert "n'a pas pu valider votre demande" in message.body
    waiting.refresh_from_db()
    assert waiting.email == "" and not waiting.is_active
    assert "odette" not in coordinator_client.get("/admin/adherents/a-valider/").content.decode()


def test_an_active_member_cannot_be_refused_or_validated_from_the_list(coordinator_client, member):
    response = coordinator_client.post(f"/admin/adherents/a-valider/{member.pk}/refuser/")

    assert response.status_code in (302, 404)  # a 404 there is sent on to /fr/… by the locale middleware
    assert response.get("Location") != "/admin/adherents/a-valider/"  # no "refused" confirmation
    member.refresh_from_db()
    assert member.is_active and member.email


def test_a_member_cannot_open_the_list_of_accounts_to_validate(client, member):
    client.force_login(member)

    assert client.get("/admin/adherents/a-valider/").status_code == 403


def test_the_admin_menu_shows_the_number_of_accounts_to_validate_only_while_some_wait(coordinator_client, home_fr):
    assert "comptes-a-valider" not in coordinator_client.get("/admin/").content.decode()

    _sign_up_waiting()

    menu = coordinator_client.get("/admin/").content.decode()  # the sidebar is JSON: "à" may be escaped
    assert "comptes-a-valider" in menu
    assert "1 compte \\u00e0 valider" in menu or "1 compte à valider" in html.unescape(menu)
