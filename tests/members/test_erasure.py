"""Erasure that erases: every table with a member's personal data is declared, erased and exported."""

import datetime
import io
import json
import re
import zipfile
from decimal import Decimal
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

import pytest
from allauth.mfa.totp.internal.auth import TOTP

from activities import services as booking_services
from activities.models import Booking, CallListEntry, CycleBooking
from care.models import AccessLogEntry, CaseFile
from core.models import ActionLog
from core.roles import COORDINATOR
from indicators.models import SurveyAnswer, SurveyInvitation
from members import services
from members.models import MemberProfile, Payment, SessionAlert
from members.personal_data import NOT_PERSONAL, PERSONAL_TABLES, PROJECT_APPS, personal_table
from tests.factories import make_user
from tests.members.factories import make_booking, make_session

pytestmark = pytest.mark.django_db

PERSONAL_FIELD = re.compile(r"name|phone|address|email|message|notes|comment|birth")
PRIVACY_DOC = Path(settings.BASE_DIR) / "docs" / "privacy.md"


def _looks_personal(model, personal_models):
    """Field names that look like personal data, links to an account or to a table already personal."""
    hits = []
    for field in model._meta.local_fields + model._meta.local_many_to_many:
        related = getattr(field, "related_model", None)
        if (
            related is not None
            and (related._meta.label == settings.AUTH_USER_MODEL or related._meta.label in personal_models)
            or PERSONAL_FIELD.search(field.name)
        ):
            hits.append(field.name)
    return hits


def test_every_model_with_personal_fields_is_declared_in_the_personal_data_registry():
    personal_models = {table.model for table in PERSONAL_TABLES}
    undeclared = {}
    for model in apps.get_models():
        label = model._meta.label
        if model._meta.app_label not in PROJECT_APPS or label in personal_models or label in NOT_PERSONAL:
            continue
        hits = _looks_personal(model, personal_models)
        if hits:
            undeclared[label] = hits
    assert undeclared == {}, "Declare these in members/personal_data.py and docs/privacy.md"


def test_every_declared_table_exists_and_is_listed_in_docs_privacy():
    doc = PRIVACY_DOC.read_text()
    for table in PERSONAL_TABLES:
        model = apps.get_model(table.model)
        assert f"`{model._meta.db_table}`" in doc, table.model
    for label in NOT_PERSONAL:
        apps.get_model(label)


@pytest.fixture
def josette():
    member = make_user(first_name="Josette", last_name="Garnier")
    profile = services.profile_of(member)
    profile.phone, profile.address = "05 56 11 22 33", "3 rue des Lilas"
    profile.save()
    return member


def _footprint(member, coordinator):
    """One row of each personal table for `member`; returns the future booking and the past one."""
    future = make_session(capacity=1, pickup_seats=1)
    booking = booking_services.book(future, member, needs_pickup=True, pickup_address="3 rue des Lilas")
    past = make_session(start=timezone.now() - datetime.timedelta(days=3))
    attended = Booking.objects.create(
        session=past,
        member=member,
        status=Booking.Status.ATTENDED,
        price=Decimal("8.00"),
        needs_pickup=True,
        pickup_address="3 rue des Lilas",
    )
    CallListEntry.objects.create(
        member=member, phone="05 56 11 22 33", reason="offer", message="Appeler Josette Garnier pour sa place"
    )
    invitation = SurveyInvitation.objects.create(booking=attended, session=past)
    SurveyAnswer.objects.create(invitation=invitation, question="good_time", choice="yes")
    SessionAlert.objects.create(member=member, session=future)
    services.record_onsite_payment(member, method="cash", by=coordinator, bookings=[attended])
    return booking, attended


def test_deleting_the_account_erases_every_personal_table_and_frees_future_seats(client, josette):
    coordinator = make_user(role=COORDINATOR)
    booking, attended = _footprint(josette, coordinator)
    waiting = make_user(first_name="Paul")
    waitlisted = booking_services.book(booking.session, waiting)
    assert waitlisted.status == Booking.Status.WAITLISTED

    client.force_login(josette)
    response = client.post("/fr/mon-espace/supprimer-mon-compte/", {"confirm": "on"})

    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED
    waitlisted.refresh_from_db()
    assert waitlisted.status in (Booking.Status.OFFERED, Booking.Status.CONFIRMED)
    assert not Booking.objects.filter(member=josette).exclude(pickup_address="").exists()
    assert Booking.objects.get(pk=attended.pk).status == Booking.Status.ATTENDED  # history kept, anonymous
    assert not CallListEntry.objects.filter(member=josette).exists()
    assert not SessionAlert.objects.filter(member=josette).exists()
    assert SurveyAnswer.objects.count() == 1
    assert SurveyInvitation.objects.get().booking is None
    profile = MemberProfile.objects.get(user=josette)
    assert (profile.phone, profile.address) == ("", "")
    payment = Payment.objects.get(member=josette)
    assert (payment.billing_phone, payment.billing_email, payment.customer_ip_address) in (("", "", None),)
    assert ActionLog.objects.filter(code="escale.booking.cancelled", data__erasure=True).count() == 1
    dump = json.dumps(list(CallListEntry.objects.values()), default=str)
    assert "Garnier" not in dump


def test_erasure_cancels_a_cycle_booking_with_sessions_ahead(josette):
    session = make_session()
    cycle = CycleBooking.objects.create(activity=session.activity, member=josette, price=Decimal("40.00"))
    Booking.objects.create(
        session=session, member=josette, status=Booking.Status.CONFIRMED, price=Decimal("0.00"), cycle_booking=cycle
    )
    services.erase_member(josette)
    cycle.refresh_from_db()
    assert cycle.status == CycleBooking.Status.CANCELLED
    assert not Booking.objects.filter(member=josette, status__in=Booking.ACTIVE).exists()


def test_a_care_file_keeps_the_identity_when_the_member_erases_the_account(josette):
    case = CaseFile.objects.create(person=josette)
    services.erase_member(josette)
    case.refresh_from_db()
    assert (case.person, case.first_name, case.last_name, case.phone) == (None, "Josette", "Garnier", "05 56 11 22 33")
    assert AccessLogEntry.objects.filter(case=case, detail="account_erased").exists()


def test_the_data_export_covers_every_personal_table(client, josette):
    coordinator = make_user(role=COORDINATOR)
    _footprint(josette, coordinator)
    client.force_login(josette)
    archive = zipfile.ZipFile(io.BytesIO(client.get("/fr/mon-espace/mes-donnees/").content))
    files = {name: archive.read(name).decode() for name in archive.namelist()}
    for table in PERSONAL_TABLES:
        if not table.model.startswith("care."):
            assert table.export in files, table.model
    assert "3 rue des Lilas" in files["inscriptions.csv"]
    assert "Appeler Josette Garnier pour sa place" in files["appels.csv"]
    assert "good_time" in files["questionnaires.csv"] and "yes" in files["questionnaires.csv"]
    assert files["alertes.csv"].count("\n") == 2
    assert personal_table("activities.callListEntry").export == "appels.csv"


@pytest.fixture
def admin_client(client):
    admin = get_user_model().objects.create_superuser("chef", "chef@escale.example", "x")
    TOTP.activate(admin, "JBSWY3DPEHPK3PXP")
    client.force_login(admin)
    client.admin = admin
    return client


def test_deleting_a_member_with_a_paid_booking_from_the_admin_erases_without_error(admin_client, josette):
    coordinator = make_user(role=COORDINATOR)
    booking = make_booking(josette)
    services.record_onsite_payment(josette, method="cash", by=coordinator, bookings=[booking])

    assert admin_client.get(f"/admin/users/delete/{josette.pk}/").status_code == 200
    response = admin_client.post(f"/admin/users/delete/{josette.pk}/")

    assert response.status_code == 302
    josette.refresh_from_db()
    assert (josette.first_name, josette.email, josette.is_active) == ("", "", False)
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED
    assert ActionLog.objects.filter(code="escale.member.erased", actor=admin_client.admin).exists()
    assert Payment.objects.filter(member=josette).count() == 1


def test_deleting_a_staff_account_from_the_admin_deactivates_it_and_keeps_its_name(admin_client):
    coordinator = make_user(role=COORDINATOR, first_name="Claire")
    response = admin_client.post(f"/admin/users/delete/{coordinator.pk}/")
    assert response.status_code == 302
    coordinator.refresh_from_db()
    assert (coordinator.first_name, coordinator.is_active, coordinator.has_usable_password()) == (
        "Claire",
        False,
        False,
    )
