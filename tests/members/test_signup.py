"""Sign-up: profile and consents (with date and text version) stored; terms and charter required."""

from django.contrib.auth import get_user_model

import pytest

from members.models import Consent, MemberProfile

pytestmark = pytest.mark.django_db

FORM = {
    "email": "nouvelle@escale.example",
    "password1": "Un-mot-de-passe-solide-2026",
    "password2": "Un-mot-de-passe-solide-2026",
    "first_name": "Odette",
    "last_name": "Roux",
    "phone": "05 56 00 00 00",
    "commune": "Cadaujac",
    "postal_code": "33140",
    "preferred_channel": "phone",
    "accept_terms": "on",
    "accept_charter": "on",
    "newsletter": "on",
}


def test_signup_stores_profile_and_consents_with_date_and_version(client, home_fr):
    response = client.post("/fr/comptes/signup/", FORM)
    assert response.status_code == 302, response.content.decode()[:2000]
    user = get_user_model().objects.get(email="nouvelle@escale.example")
    assert (user.first_name, user.last_name) == ("Odette", "Roux")
    profile = MemberProfile.objects.get(user=user)
    assert (profile.commune, profile.postal_code, profile.preferred_channel) == ("Cadaujac", "33140", "phone")
    assert profile.newsletter
    kinds = {c.kind: c for c in Consent.objects.filter(user=user)}
    assert set(kinds) == {"terms", "charter", "newsletter"}
    assert kinds["charter"].version == "2026-01"
    assert kinds["terms"].accepted_at is not None


def test_signup_without_accepting_the_charter_is_refused(client, home_fr):
    data = {**FORM, "accept_charter": ""}
    response = client.post("/fr/comptes/signup/", data)
    assert response.status_code == 200
    assert "charte" in response.content.decode()
    assert not get_user_model().objects.filter(email=FORM["email"]).exists()


def test_with_staff_validation_on_a_new_account_waits_inactive(client, home_fr):
    from wagtail.models import Site

    from members.models import MembersSettings

    settings_row = MembersSettings.for_site(Site.objects.get(is_default_site=True))
    settings_row.validate_new_accounts = True
    settings_row.save()
    client.post("/fr/comptes/signup/", FORM)
    user = get_user_model().objects.get(email=FORM["email"])
    assert not user.is_active
    assert not MemberProfile.objects.get(user=user).is_validated


def _link_consent_pages(home):
    from wagtail.models import Site

    from members.models import MembersSettings
    from tests.conftest import publish
    from tests.factories import StandardPageFactory

    terms = publish(StandardPageFactory(parent=home, title="Conditions d'utilisation", slug="conditions-utilisation"))
    charter = publish(StandardPageFactory(parent=home, title="Charte du lieu", slug="charte-du-lieu"))
    settings_row = MembersSettings.for_site(Site.objects.get(is_default_site=True))
    settings_row.terms_page, settings_row.charter_page = terms, charter
    settings_row.save()
    return terms, charter


def test_the_consent_boxes_link_to_the_terms_and_charter_pages(client, home_fr):
    import html
    import re

    _link_consent_pages(home_fr)
    page = client.get("/fr/comptes/signup/").content.decode()
    for name, path in (("accept_terms", "/fr/conditions-utilisation/"), ("accept_charter", "/fr/charte-du-lieu/")):
        box = re.search(rf'<input[^>]*name="{name}"[^>]*>', page).group(0)
        described_by = re.search(r'aria-describedby="([^"]+)"', box).group(1)
        help_block = re.search(rf'id="{described_by.split()[0]}">(.*?)</div>', page, re.S).group(1)
        assert f'href="{path}"' in help_block
    text = html.unescape(page)
    assert "Lire la charte du lieu" in text and "Lire les conditions d'utilisation" in text


def test_the_stored_consent_names_the_published_text_it_accepted(client, home_fr):
    terms, charter = _link_consent_pages(home_fr)
    client.post("/fr/comptes/signup/", FORM)
    user = get_user_model().objects.get(email=FORM["email"])
    versions = dict(Consent.objects.filter(user=user).values_list("kind", "version"))
    assert versions["terms"] == f"2026-01-r{terms.live_revision_id}"
    assert versions["charter"] == f"2026-01-r{charter.live_revision_id}"

    from tests.conftest import publish

    charter.title = "Charte du lieu (nouvelle version)"
    charter = publish(charter)
    later = {**FORM, "email": "plus-tard@escale.example"}
    client.post("/fr/comptes/signup/", later)
    newer = Consent.objects.get(user__email="plus-tard@escale.example", kind="charter")
    assert newer.version == f"2026-01-r{charter.live_revision_id}" != versions["charter"]
