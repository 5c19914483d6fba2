"""Coordinators' admin tools: role checks, assisted booking, attendance, export, session cancellation."""

from decimal import Decimal

from django.contrib.auth.models import Group

import pytest

from activities import services
from activities.models import Booking, Session
from core.models import ActionLog
from core.roles import COORDINATOR, EDITOR
from members.services import give_mandate
from tests.activities.factories import make_session, make_user

pytestmark = pytest.mark.django_db


def staff(role):
    user = make_user()
    user.groups.add(Group.objects.get(name=role))
    return user


def refused(response):
    """Wagtail turns PermissionDenied into a redirect to the dashboard (or login) with a message."""
    if response.status_code == 403:
        return True
    location = response.get("Location", "")
    return response.status_code == 302 and (location == "/admin/" or "/comptes/login/" in location)


def test_a_member_cannot_open_the_staff_tools(client):
    session = make_session()
    member = make_user()
    client.force_login(member)
    assert refused(client.get(f"/admin/activites/{session.pk}/inscrire/"))
    assert refused(client.post(f"/admin/activites/{session.pk}/inscrire/", {"member": member.pk}))
    assert not Booking.objects.exists()


def test_an_editor_sees_counts_but_cannot_book_for_someone_or_see_names(client):
    session = make_session()
    client.force_login(staff(EDITOR))
    assert client.get("/admin/activites/").status_code == 200
    assert refused(client.get(f"/admin/activites/{session.pk}/inscrire/"))
    assert refused(client.post(f"/admin/activites/{session.pk}/inscrire/", {"member": make_user().pk}))
    assert refused(client.get(f"/admin/activites/{session.pk}/"))
    assert refused(client.get(f"/admin/activites/{session.pk}/export/"))
    assert not Booking.objects.exists()


def test_a_coordinator_books_for_a_member_only_under_a_mandate_and_is_recorded_as_made_by(client):
    coordinator = staff(COORDINATOR)
    member = make_user(first_name="Jeanne", last_name="Martin")
    session = make_session()
    client.force_login(coordinator)
    search = client.get(f"/admin/activites/{session.pk}/inscrire/?q=Jeanne Martin")
    assert "Jeanne Martin" in search.content.decode()
    refused_without_mandate = client.post(f"/admin/activites/{session.pk}/inscrire/", {"member": member.pk})
    assert refused_without_mandate.status_code == 200
    assert not Booking.objects.filter(member=member).exists()

    give_mandate(member, received_by=coordinator, scopes=["book"], duration="day")
    response = client.post(f"/admin/activites/{session.pk}/inscrire/", {"member": member.pk})
    assert response.status_code == 302
    booking = Booking.objects.get(member=member)
    assert booking.made_by == coordinator
    assert booking.made_by_staff


def test_a_coordinator_marks_attendance_and_exports_csv(client):
    coordinator = staff(COORDINATOR)
    session = make_session()
    booking = Booking.objects.create(session=session, member=make_user(), status="confirmed", price=0)
    client.force_login(coordinator)
    assert client.get(f"/admin/activites/{session.pk}/emargement/").status_code == 200
    client.post(f"/admin/activites/{session.pk}/inscriptions/{booking.pk}/present/")
    booking.refresh_from_db()
    assert booking.status == Booking.Status.ATTENDED
    csv_text = client.get(f"/admin/activites/{session.pk}/export/").content.decode("utf-8-sig")
    assert booking.member.email in csv_text
    assert "Présent" in csv_text or "présent" in csv_text.lower()


def test_the_bookings_export_opens_as_a_spreadsheet_with_typed_prices(client):
    import io

    from openpyxl import load_workbook

    client.force_login(staff(COORDINATOR))
    session = make_session()
    member = make_user(last_name="=HYPERLINK(1)")
    Booking.objects.create(session=session, member=member, status="confirmed", price=Decimal("6.00"))
    response = client.get(f"/admin/activites/{session.pk}/export/?format=xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][0] == "'=HYPERLINK(1)"  # a typed formula is never run by the spreadsheet
    assert rows[1][5] == 6  # the price is a number the spreadsheet can add up


def test_a_booking_of_another_session_cannot_be_changed_through_this_session_url(client):
    client.force_login(staff(COORDINATOR))
    session = make_session()
    other = Booking.objects.create(session=make_session(), member=make_user(), status="confirmed", price=0)
    response = client.post(f"/admin/activites/{session.pk}/inscriptions/{other.pk}/cancel/")
    # A 404 (LocaleMiddleware then redirects it to /fr/…, itself a 404): never a change.
    assert response.status_code in (302, 404)
    other.refresh_from_db()
    assert other.status == Booking.Status.CONFIRMED


def test_a_coordinator_cancels_a_session(client):
    client.force_login(staff(COORDINATOR))
    session = make_session()
    Booking.objects.create(session=session, member=make_user(), status="confirmed", price=0)
    client.post(f"/admin/activites/{session.pk}/annuler/", {"reason": "Animatrice malade"})
    session.refresh_from_db()
    assert session.status == Session.Status.CANCELLED
    assert not Booking.objects.filter(session=session, status="confirmed").exists()


def test_the_staff_lists_render_for_a_coordinator(client):
    client.force_login(staff(COORDINATOR))
    session = make_session()
    assert client.get("/admin/activites/").status_code == 200
    assert client.get(f"/admin/activites/{session.pk}/").status_code == 200
    assert client.get("/admin/activites/appels/").status_code == 200
    assert client.get("/admin/sessions/").status_code == 200


def test_staff_cancel_a_members_booking_only_under_a_mandate_and_it_is_journaled(client):
    coordinator = staff(COORDINATOR)
    member = make_user()
    session = make_session()
    booking = Booking.objects.create(session=session, member=member, status="confirmed", price=0)
    client.force_login(coordinator)
    url = f"/admin/activites/{session.pk}/inscriptions/{booking.pk}/cancel/"

    response = client.post(url, follow=True)
    assert "mandat" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED

    give_mandate(member, received_by=coordinator, scopes=["book", "cancel"], duration="day")
    client.post(url)
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED
    entry = ActionLog.objects.get(code="escale.booking.cancelled", object_id=str(booking.pk))
    assert entry.actor == coordinator
    assert entry.on_behalf_of == member


def test_staff_keep_an_offered_seat_for_a_member_under_a_mandate(client):
    coordinator = staff(COORDINATOR)
    session = make_session(capacity=1)
    holder = services.book(session, make_user())
    waiting = services.book(session, make_user(email=""))
    services.cancel_booking(holder, by=holder.member)
    client.force_login(coordinator)
    page = client.get(f"/admin/activites/{session.pk}/").content.decode()
    assert "Confirmer pour la personne" in page
    url = f"/admin/activites/{session.pk}/inscriptions/{waiting.pk}/accept/"

    client.post(url)
    waiting.refresh_from_db()
    assert waiting.status == Booking.Status.OFFERED

    give_mandate(waiting.member, received_by=coordinator, scopes=["book"], duration="day")
    client.post(url)
    waiting.refresh_from_db()
    assert waiting.status == Booking.Status.CONFIRMED
    entry = ActionLog.objects.get(code="escale.booking.offer_accepted", object_id=str(waiting.pk))
    assert (entry.actor, entry.on_behalf_of) == (coordinator, waiting.member)


def test_a_coordinator_moves_someone_up_the_waitlist_and_the_next_free_seat_goes_to_them(client, settings):
    settings.ACTIVITIES_PROMOTION_HOLD_HOURS = 24
    coordinator = staff(COORDINATOR)
    session = make_session(capacity=1)
    seated = Booking.objects.create(session=session, member=make_user(), status="confirmed", price=0)
    first, second, third = (
        Booking.objects.create(session=session, member=make_user(), status="waitlisted", price=0) for _ in range(3)
    )
    client.force_login(coordinator)
    for _ in range(2):  # third → second place → first place
        response = client.post(f"/admin/activites/{session.pk}/inscriptions/{third.pk}/up/")
        assert response.status_code == 302
    page = client.get(f"/admin/activites/{session.pk}/").content.decode()
    assert page.index(third.member.email) < page.index(first.member.email) < page.index(second.member.email)
    assert {b.pk: b.waitlist_position() for b in Booking.objects.filter(status="waitlisted")} == {
        third.pk: 1,
        first.pk: 2,
        second.pk: 3,
    }
    entry = ActionLog.objects.filter(code="escale.booking.waitlist_moved", object_id=str(third.pk)).first()
    assert entry.actor == coordinator

    services.cancel_booking(seated, by=seated.member)
    third.refresh_from_db()
    first.refresh_from_db()
    assert third.status == Booking.Status.OFFERED  # the seat goes to the person moved up, not the earliest
    assert first.status == Booking.Status.WAITLISTED
    assert Booking.objects.get(pk=first.pk).created_at < third.created_at  # the booking date itself is kept


def test_an_editor_cannot_reorder_a_waitlist(client):
    session = make_session(capacity=0)
    a, b = (Booking.objects.create(session=session, member=make_user(), status="waitlisted", price=0) for _ in "ab")
    client.force_login(staff(EDITOR))
    client.post(f"/admin/activites/{session.pk}/inscriptions/{b.pk}/up/")
    b.refresh_from_db()
    assert b.waitlist_position() == 2


def test_give_the_seat_offers_it_to_a_waitlisted_person_and_unknown_actions_are_refused(client):
    client.force_login(staff(COORDINATOR))
    session = make_session()
    waiting = Booking.objects.create(session=session, member=make_user(), status="waitlisted", price=0)
    url = f"/admin/activites/{session.pk}/inscriptions/{waiting.pk}/"
    assert client.post(url + "nimporte/").status_code == 400
    assert client.post(url + "promote/").status_code == 302
    waiting.refresh_from_db()
    assert waiting.status in (Booking.Status.OFFERED, Booking.Status.CONFIRMED)
