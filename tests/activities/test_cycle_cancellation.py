"""Cancelling a whole cycle: seats freed and offered on, deadlines, past sessions, money given back once."""

import datetime
from decimal import Decimal

from django.contrib.auth.models import Group
from django.utils import timezone

import pytest
from payments import PaymentStatus

from activities import services
from activities.exceptions import CancellationDeadlinePassed
from activities.models import Booking, CallListEntry, CycleBooking, Session
from core.models import ActionLog
from core.roles import COORDINATOR
from members import services as member_services
from members.models import Credit, MemberProfile, Payment
from members.services import give_mandate
from members.services.credits import refund_cycle_booking
from tests.activities.factories import make_activity, make_place, make_session, make_user

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def coordinator():
    user = make_user()
    user.groups.add(Group.objects.get(name=COORDINATOR))
    return user


def make_cycle(price="60.00", count=3, capacity=10, member=None):
    """A cycle activity with `count` weekly sessions, booked by `member`; returns (cycle, sessions)."""
    activity = make_activity("Atelier tablette", is_cycle=True, cycle_price=Decimal(price))
    place = make_place()
    sessions = [
        make_session(activity, place=place, capacity=capacity, start=timezone.now() + 7 * DAY * (i + 1))
        for i in range(count)
    ]
    cycle = services.book_cycle(activity, member or make_user())
    return cycle, sessions


def pay_at_the_desk(cycle):
    member_services.record_onsite_payment(cycle.member, method="cash", by=coordinator(), cycle_bookings=[cycle])


def move_into_the_past(session, days_ago=1):
    start = timezone.now() - days_ago * DAY
    Session.objects.filter(pk=session.pk).update(start=start, end=start + datetime.timedelta(hours=2))


def test_cancelling_before_the_start_frees_every_seat_and_offers_it_to_the_first_person_waiting(
    django_capture_on_commit_callbacks, mailoutbox
):
    cycle, sessions = make_cycle(capacity=1)
    first_waiting, second_waiting = [], []
    for session in sessions:
        first_waiting.append(Booking.objects.create(session=session, member=make_user(), status="waitlisted", price=0))
        second_waiting.append(Booking.objects.create(session=session, member=make_user(), status="waitlisted", price=0))

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_cycle(cycle, by=cycle.member)

    cycle.refresh_from_db()
    assert cycle.status == CycleBooking.Status.CANCELLED
    assert set(cycle.bookings.values_list("status", flat=True)) == {Booking.Status.CANCELLED}
    for booking in first_waiting:
        booking.refresh_from_db()
        assert booking.status == Booking.Status.OFFERED
    for booking in second_waiting:
        booking.refresh_from_db()
        assert booking.status == Booking.Status.WAITLISTED
    entry = ActionLog.objects.get(code="escale.cycle_booking.cancelled", object_id=str(cycle.pk))
    assert entry.actor == cycle.member
    assert ActionLog.objects.filter(code="escale.booking.cancelled").count() == 3
    # One notice for the cycle, not one per session (the others are the three seat offers).
    to_member = [m for m in mailoutbox if m.to == [cycle.member.email]]
    assert len(to_member) == 1
    assert "Inscription au cycle annulée" in to_member[0].subject


def test_a_member_who_prefers_the_phone_gets_one_call_list_entry(django_capture_on_commit_callbacks, mailoutbox):
    member = make_user()
    MemberProfile.objects.update_or_create(user=member, defaults={"preferred_channel": "phone", "phone": "0556000000"})
    cycle, _sessions = make_cycle(member=member)
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_cycle(cycle, by=member)
    entries = CallListEntry.objects.filter(member=member)
    assert [e.reason for e in entries] == ["cycle_cancelled"]
    assert "Atelier tablette" in entries[0].message
    assert mailoutbox == []


def test_a_member_cannot_cancel_after_the_first_deadline_but_staff_can(client):
    cycle, sessions = make_cycle()
    Session.objects.filter(pk=sessions[0].pk).update(cancellation_deadline=timezone.now() - datetime.timedelta(hours=1))
    with pytest.raises(CancellationDeadlinePassed):
        services.cancel_cycle(cycle, by=cycle.member)

    client.force_login(cycle.member)
    page = client.get(f"/fr/agenda/cycles/{cycle.pk}/annuler/").content.decode()
    assert "vous ne pouvez plus l'annuler vous-même" in page
    assert "Oui, annuler mon inscription au cycle" not in page
    response = client.post(f"/fr/agenda/cycles/{cycle.pk}/annuler/", follow=True)
    assert "date limite" in response.content.decode()
    cycle.refresh_from_db()
    assert cycle.status == CycleBooking.Status.CONFIRMED

    staff = coordinator()
    services.cancel_cycle(cycle, by=staff, allow_late=True)
    cycle.refresh_from_db()
    assert cycle.status == CycleBooking.Status.CANCELLED
    entry = ActionLog.objects.get(code="escale.cycle_booking.cancelled", object_id=str(cycle.pk))
    assert (entry.actor, entry.on_behalf_of) == (staff, cycle.member)


def test_a_member_cancels_from_the_confirmation_page_and_gets_the_whole_price_as_a_credit_once(client):
    cycle, _sessions = make_cycle(price="60.00")
    pay_at_the_desk(cycle)
    client.force_login(cycle.member)
    page = client.get("/fr/agenda/mes-inscriptions/").content.decode()
    assert f"/fr/agenda/cycles/{cycle.pk}/annuler/" in page
    confirmation = client.get(f"/fr/agenda/cycles/{cycle.pk}/annuler/").content.decode()
    assert "60,00" in confirmation
    assert "Oui, annuler mon inscription au cycle" in confirmation

    client.post(f"/fr/agenda/cycles/{cycle.pk}/annuler/")
    assert member_services.credit_balance(cycle.member) == Decimal("60.00")
    cycle.refresh_from_db()
    assert cycle.status == CycleBooking.Status.CANCELLED

    # Replaying the cancellation (double click, back button, service call) changes nothing.
    client.post(f"/fr/agenda/cycles/{cycle.pk}/annuler/")
    services.cancel_cycle(cycle, by=cycle.member)
    assert member_services.credit_balance(cycle.member) == Decimal("60.00")
    assert Credit.objects.filter(member=cycle.member).count() == 1
    assert ActionLog.objects.filter(code="escale.cycle_booking.cancelled").count() == 1
    assert refund_cycle_booking(cycle, amount=Decimal("60.00")) is None


def test_after_the_start_past_sessions_stay_and_the_refund_is_a_prorata_rounded_down(
    django_capture_on_commit_callbacks,
):
    cycle, sessions = make_cycle(price="50.00", count=3)
    payment = member_services.create_online_payment(cycle.member, cycle_bookings=[cycle])
    member_services.apply_status(payment, PaymentStatus.CONFIRMED)
    move_into_the_past(sessions[0])
    attended = cycle.bookings.get(session=sessions[0])
    services.mark_attendance(attended, True, by=coordinator())

    with django_capture_on_commit_callbacks(execute=True):  # the card refund is sent after commit
        cycle = services.cancel_cycle(cycle, by=coordinator(), allow_late=True, mode="refund")

    assert cycle.amount_returned == Decimal("33.33")  # 50.00 × 2/3 = 33.333… rounded down
    payment.refresh_from_db()
    assert payment.refunded_amount == Decimal("33.33")
    assert member_services.credit_balance(cycle.member) == Decimal("0.00")
    attended.refresh_from_db()
    assert attended.status == Booking.Status.ATTENDED
    assert cycle.bookings.filter(status=Booking.Status.CANCELLED).count() == 2
    assert cycle.payment_items.get().returned_as == "refund"

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_cycle(cycle, by=coordinator(), allow_late=True, mode="refund")
    payment.refresh_from_db()
    assert payment.refunded_amount == Decimal("33.33")


def test_a_credit_after_the_start_covers_only_the_sessions_not_yet_held():
    cycle, sessions = make_cycle(price="60.00", count=3)
    pay_at_the_desk(cycle)
    move_into_the_past(sessions[0], days_ago=2)
    services.cancel_cycle(cycle, by=coordinator(), allow_late=True)
    assert member_services.credit_balance(cycle.member) == Decimal("40.00")
    assert Payment.objects.get(member=cycle.member).refunded_amount == Decimal("0.00")


def test_staff_cancel_a_cycle_only_under_the_members_mandate_and_choose_a_refund(client):
    cycle, sessions = make_cycle(price="60.00")
    pay_at_the_desk(cycle)
    staff = coordinator()
    booking = cycle.bookings.get(session=sessions[0])
    client.force_login(staff)
    assert "Annuler le cycle" in client.get(f"/admin/activites/{sessions[0].pk}/").content.decode()
    url = f"/admin/activites/{sessions[0].pk}/inscriptions/{booking.pk}/cycle/annuler/"
    assert "60,00" in client.get(url).content.decode()

    response = client.post(url, {"mode": "refund"}, follow=True)
    assert "mandat" in response.content.decode()
    cycle.refresh_from_db()
    assert cycle.status == CycleBooking.Status.CONFIRMED

    give_mandate(cycle.member, received_by=staff, scopes=["book", "cancel"], duration="day")
    client.post(url, {"mode": "refund"})
    cycle.refresh_from_db()
    assert cycle.status == CycleBooking.Status.CANCELLED
    assert Payment.objects.get(member=cycle.member).refunded_amount == Decimal("60.00")
    assert member_services.credit_balance(cycle.member) == Decimal("0.00")


def test_the_staff_url_refuses_a_booking_of_another_session(client):
    cycle, sessions = make_cycle()
    other_session = make_session()
    booking = cycle.bookings.get(session=sessions[0])
    client.force_login(coordinator())
    url = f"/admin/activites/{other_session.pk}/inscriptions/{booking.pk}/cycle/annuler/"
    assert client.get(url, follow=True).status_code == 404
    assert client.post(url, {"mode": "credit"}, follow=True).status_code == 404
    cycle.refresh_from_db()
    assert cycle.status == CycleBooking.Status.CONFIRMED


def test_another_member_cannot_see_or_cancel_someone_elses_cycle(client):
    cycle, _sessions = make_cycle()
    client.force_login(make_user())
    assert client.get(f"/fr/agenda/cycles/{cycle.pk}/annuler/").status_code == 404
    assert client.post(f"/fr/agenda/cycles/{cycle.pk}/annuler/").status_code == 404
    cycle.refresh_from_db()
    assert cycle.status == CycleBooking.Status.CONFIRMED


def test_my_bookings_lists_cycles_in_a_constant_number_of_queries(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    member = make_user()
    make_cycle(member=member)
    client.force_login(member)
    client.get("/fr/agenda/mes-inscriptions/")  # warm caches (site, locale)
    with CaptureQueriesContext(connection) as one:
        client.get("/fr/agenda/mes-inscriptions/")
    make_cycle(member=member)
    make_cycle(member=member)
    with CaptureQueriesContext(connection) as three:
        page = client.get("/fr/agenda/mes-inscriptions/").content.decode()
    assert page.count("/fr/agenda/cycles/") == 3
    assert len(three) == len(one)


def test_a_cycle_session_page_offers_to_cancel_the_whole_cycle_not_one_session(client):
    cycle, sessions = make_cycle()
    booking = cycle.bookings.get(session=sessions[1])
    client.force_login(cycle.member)
    page = client.get(f"/fr/agenda/inscriptions/{booking.pk}/").content.decode()
    assert f"/fr/agenda/cycles/{cycle.pk}/annuler/" in page
    assert f"/fr/agenda/inscriptions/{booking.pk}/annuler/" not in page
