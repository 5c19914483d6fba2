"""English pages and documents: translated paths, places and membership types, activity titles in the
history, PDFs in the member's language, English punctuation, and a language switch that says when a page
has no English version."""

from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

import pytest

from core import pdf
from members.models import MemberProfile
from tests.conftest import publish
from tests.factories import StandardPageFactory
from tests.members.factories import make_booking, make_membership, make_membership_type, make_session, make_user

pytestmark = pytest.mark.django_db


def test_member_space_and_account_paths_are_english_under_en_and_french_under_fr():
    with translation.override("en"):
        assert reverse("members:history") == "/en/my-space/historique/"
        assert reverse("account_login") == "/en/accounts/login/"
    with translation.override("fr"):
        assert reverse("members:history") == "/fr/mon-espace/historique/"
        assert reverse("account_login") == "/fr/comptes/login/"


def test_old_french_paths_under_en_lead_to_the_english_ones_and_french_paths_still_work(client):
    response = client.get("/en/mon-espace/historique/?page=2")
    assert response.status_code == 301
    assert response["Location"] == "/en/my-space/historique/?page=2"
    assert client.get("/en/comptes/login/")["Location"] == "/en/accounts/login/"
    assert client.get("/en/accounts/login/").status_code == 200
    assert client.get("/fr/comptes/login/").status_code == 200
    assert client.get("/fr/mon-espace/nulle-part/").status_code == 404  # no redirect loop
    member = make_user()
    client.force_login(member)
    assert client.get("/fr/mon-espace/").status_code == 200
    assert client.get("/en/my-space/").status_code == 200


def test_english_member_pages_show_english_place_and_membership_type_names(client):
    member = make_user()
    annual = make_membership_type(name="Adhésion annuelle", name_en="Annual membership")
    make_membership(member, membership_type=annual)
    session = make_session()
    session.place.name_en = "Community hall"
    session.place.save()
    make_booking(member, session)
    client.force_login(member)

    english = client.get("/en/my-space/").content.decode()
    assert "Annual membership" in english
    assert "Community hall" in english
    assert "Adhésion annuelle" not in english
    assert session.place.name not in english

    french = client.get("/fr/mon-espace/").content.decode()
    assert "Adhésion annuelle" in french
    assert session.place.name in french


def test_a_place_without_english_name_keeps_its_french_name_on_english_pages():
    session = make_session()
    with translation.override("en"):
        assert session.place.display_name == session.place.name


def test_my_history_shows_the_english_title_of_the_activity_on_english_pages(client, locale_en):
    session = make_session()
    english = session.activity.copy_for_translation(locale_en, copy_parents=True)
    english.title = "Gentle chair yoga"
    publish(english)
    member = make_user()
    make_booking(member, session)
    client.force_login(member)

    page = client.get("/en/my-space/historique/").content.decode()
    assert "Gentle chair yoga" in page
    assert "“Gentle chair yoga” session:" in page or "Gentle chair yoga” session:" in page
    assert session.activity.title not in page
    assert session.activity.title in client.get("/fr/mon-espace/historique/").content.decode()


def test_english_pages_write_colons_without_a_space_before_them():
    template = Template("{% load home_tags %}Total{% colon %} 5")
    with translation.override("en"):
        assert template.render(Context()) == "Total: 5"
    with translation.override("fr"):
        assert template.render(Context()) == "Total\u00a0: 5"


@pytest.fixture
def rendered_html(monkeypatch):
    """The HTML each PDF was made from (WeasyPrint's output is compressed)."""
    pages = []
    original = pdf.render_to_string

    def keep(template, context):
        html = original(template, context)
        pages.append(html)
        return html

    monkeypatch.setattr(pdf, "render_to_string", keep)
    return pages


def _english_member():
    member = make_user()
    MemberProfile.objects.update_or_create(user=member, defaults={"language": MemberProfile.Language.EN})
    return member


def test_receipt_pdf_is_written_in_the_members_language(client, rendered_html):
    from members import services

    member = _english_member()
    staff = make_user()
    booking = make_booking(member)
    services.record_onsite_payment(member, method="cash", by=staff, bookings=[booking])
    receipt = member.member_payments.get().receipt
    client.force_login(member)
    with translation.override("fr"):  # the page the member clicked from does not matter
        response = client.get(f"/fr/mon-espace/recus/{receipt.pk}/")
    assert response.status_code == 200
    html = rendered_html[-1]
    assert '<html lang="en">' in html
    assert f"Receipt no. {receipt.number}" in html
    assert "Reçu n°" not in html
    assert "Booking: " in html and "Inscription : " not in html  # the line itself, written at payment time


def test_receipt_lines_name_the_english_activity_and_membership_type(locale_en):
    from members import services

    member = _english_member()
    booking = make_booking(member)
    english = booking.session.activity.copy_for_translation(locale_en, copy_parents=True)
    english.title = "Gentle chair yoga"
    publish(english)
    services.record_onsite_payment(member, method="cash", by=make_user(), bookings=[booking])
    [line] = member.member_payments.get().items.values_list("label", flat=True)
    assert line.startswith("Booking: Gentle chair yoga, ")


def test_attestation_pdf_is_written_in_the_members_language_with_english_titles(client, rendered_html, locale_en):
    import datetime

    from django.utils import timezone

    from activities.models import Booking

    member = _english_member()
    session = make_session(start=timezone.now() - datetime.timedelta(days=3))
    english = session.activity.copy_for_translation(locale_en, copy_parents=True)
    english.title = "Gentle chair yoga"
    publish(english)
    booking = make_booking(member, session)
    booking.status = Booking.Status.ATTENDED
    booking.save()
    client.force_login(member)
    day = timezone.localdate()
    response = client.get(
        "/fr/mon-espace/attestation/",
        {"start": (day - datetime.timedelta(days=10)).isoformat(), "end": day.isoformat()},
    )
    assert response.status_code == 200
    html = rendered_html[-1]
    assert '<html lang="en">' in html
    assert "Gentle chair yoga" in html
    assert "Attestation de participation" not in html


def test_language_switch_says_when_a_page_has_no_english_version(client, home_fr, home_en):
    french_only = StandardPageFactory(parent=home_fr, title="Page seulement en français", slug="seulement-fr")
    page = client.get(french_only.url).content.decode()
    assert "This page is not available in English" in page
    translated = client.get(home_fr.url).content.decode()
    assert "This page is not available in English" not in translated
