"""Mon espace: dashboard, profile editing, attestation PDF, data export, account deletion."""

import datetime
import io
import json
import zipfile
from decimal import Decimal

from django.utils import timezone

import pytest

from activities.models import Booking
from core.roles import COORDINATOR
from members import services
from members.models import Consent, MemberProfile, Payment
from tests.members.factories import make_booking, make_membership, make_session, make_user

pytestmark = pytest.mark.django_db


def test_the_dashboard_shows_membership_next_sessions_and_what_to_pay(client):
    member = make_user()
    make_membership(member)
    booking = make_booking(member)
    client.force_login(member)
    page = client.get("/fr/mon-espace/").content.decode()
    assert "Adhésion annuelle" in page
    assert booking.session.activity.title in page
    assert "Payer mes inscriptions" in page


def test_the_member_edits_profile_and_preferences(client):
    member = make_user()
    client.force_login(member)
    response = client.post(
        "/fr/mon-espace/profil/",
        {
            "first_name": "Josette",
            "last_name": "Garnier",
            "phone": "0600000000",
            "commune": "Bègles",
            "postal_code": "33130",
            "preferred_channel": "post",
            "language": "en",
            "newsletter": "on",
        },
    )
    assert response.status_code == 302
    profile = MemberProfile.objects.get(user=member)
    assert (profile.commune, profile.preferred_channel, profile.language) == ("Bègles", "post", "en")
    assert Consent.objects.filter(user=member, kind="newsletter").exists()
    assert services.member_language(member) == "en"
    assert services.preferred_contact(member) == ("phone", "0600000000")


def test_the_attestation_lists_attended_sessions_as_pdf(client):
    member = make_user()
    booking = make_booking(member, session=make_session(start=timezone.now() - datetime.timedelta(days=3)))
    Booking.objects.filter(pk=booking.pk).update(status=Booking.Status.ATTENDED)
    client.force_login(member)
    today = timezone.localdate()
    response = client.get(
        "/fr/mon-espace/attestation/",
        {"start": (today - datetime.timedelta(days=30)).isoformat(), "end": today.isoformat()},
    )
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_the_data_export_is_a_zip_of_json_and_csv(client):
    member = make_user(first_name="Josette")
    make_booking(member)
    client.force_login(member)
    response = client.get("/fr/mon-espace/mes-donnees/")
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert {"profil.json", "inscriptions.csv", "paiements.csv", "adhesions.csv"} <= set(archive.namelist())
    assert json.loads(archive.read("profil.json"))["account"]["first_name"] == "Josette"


def test_deleting_the_account_erases_personal_data_and_keeps_payments_anonymised(client, make_user):
    coordinator = make_user(role=COORDINATOR)
    member = make_user(first_name="Josette", last_name="Garnier")
    profile = services.profile_of(member)
    profile.phone = "0600000000"
    profile.save()
    booking = make_booking(member)
    payment = services.record_onsite_payment(member, method="cash", by=coordinator, bookings=[booking])
    client.force_login(member)
    response = client.post("/fr/mon-espace/supprimer-mon-compte/", {"confirm": "on"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.first_name, member.last_name, member.email, member.is_active) == ("", "", "", False)
    assert MemberProfile.objects.get(user=member).phone == ""
    assert Booking.objects.filter(pk=booking.pk).exists()
    kept = Payment.objects.get(pk=payment.pk)
    assert kept.total == Decimal("12.00")
    assert (kept.billing_first_name, kept.billing_email) == ("", "")
    assert client.get("/fr/mon-espace/").status_code == 302
