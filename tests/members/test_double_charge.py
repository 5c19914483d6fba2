"""Issue 13 item 2: a membership, a booking or a cycle is paid once; one waiting payment per thing;
money received for something already paid or cancelled becomes a credit, and people are told."""

import html

from django.db import IntegrityError, transaction

import pytest
from payments import PaymentStatus

from activities import services as activity_services
from activities.models import Booking, CallListEntry
from core.models import ActionLog
from members import services
from members.models import MemberProfile, Membership, Payment, PaymentItem, Receipt
from tests.members.factories import make_booking, make_membership_type, make_user

pytestmark = pytest.mark.django_db

DUMMY_CONFIRMED = {"status": "confirmed", "fraud_status": "accept", "gateway_response": "3ds-disabled"}


def _token(response):
    return response["Location"].rstrip("/").rsplit("/", 1)[-1]


def test_paying_a_pending_membership_again_reuses_the_waiting_payment_so_it_is_charged_once(client):
    """Reproduction: POST /adhesion/ then POST /adhesion/<id>/payer/ gave two payments, both payable."""
    member = make_user()
    client.force_login(member)
    first = client.post("/fr/mon-espace/adhesion/", {"membership_type": make_membership_type().pk})
    membership = Membership.objects.get(member=member)
    second = client.post(f"/fr/mon-espace/adhesion/{membership.pk}/payer/")
    assert _token(second) == _token(first)
    assert Payment.objects.filter(member=member).count() == 1
    for payment in Payment.objects.filter(member=member):
        client.post(f"/fr/mon-espace/paiement/{payment.token}/", DUMMY_CONFIRMED)
    assert Receipt.objects.filter(payment__member=member).count() == 1
    assert services.credit_balance(member) == 0


def test_joining_twice_without_paying_in_between_gives_one_paid_membership_for_the_period(client):
    member = make_user()
    client.force_login(member)
    annual = make_membership_type()
    client.post("/fr/mon-espace/adhesion/", {"membership_type": annual.pk})
    client.post("/fr/mon-espace/adhesion/", {"membership_type": annual.pk})
    for payment in Payment.objects.filter(member=member):
        services.apply_status(payment, PaymentStatus.CONFIRMED)
    assert Membership.objects.filter(member=member, status=Membership.Status.ACTIVE).count() == 1
    assert Payment.objects.filter(member=member, fulfilled_at__isnull=False).count() == 1


def test_a_late_confirmation_of_a_replaced_membership_payment_becomes_a_credit_and_people_are_told(
    coordinator, django_capture_on_commit_callbacks, mailoutbox
):
    """Two confirmed payments for one membership: the second becomes a credit, never a second charge kept."""
    member = make_user(first_name="Josette", last_name="Garnier")
    membership = services.start_membership(member, make_membership_type())
    online = services.create_online_payment(member, memberships=[membership])
    services.record_onsite_payment(member, method="cash", by=coordinator, memberships=[membership])
    online.refresh_from_db()
    assert online.status == PaymentStatus.REJECTED  # replaced: it no longer takes money
    with django_capture_on_commit_callbacks(execute=True):
        services.apply_status(online, PaymentStatus.CONFIRMED)  # the provider confirms it anyway
    assert Membership.objects.filter(member=member, status=Membership.Status.ACTIVE).count() == 1
    assert services.credit_balance(member) == membership.price
    assert PaymentItem.objects.get(payment=online).state == PaymentItem.State.RETURNED
    assert ActionLog.objects.filter(code="escale.payment.credited_not_due", object_id=str(online.pk)).exists()
    assert ActionLog.objects.filter(code="escale.payment.replaced", object_id=str(online.pk)).exists()
    to_member = [mail for mail in mailoutbox if member.email in mail.to]
    to_staff = [mail for mail in mailoutbox if coordinator.email in mail.to]
    assert len(to_member) == 1 and "29,00 €" in to_member[0].subject and "avoir" in to_member[0].body
    assert len(to_staff) == 1 and "Josette Garnier" in to_staff[0].body


def test_a_booking_cancelled_after_going_to_payment_is_credited_when_the_payment_completes(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    """Reproduction: put in "Payer mes inscriptions", cancelled, then paid → 8 € kept for nothing."""
    member = make_user()
    client.force_login(member)
    booking = make_booking(member, price="8.00")
    response = client.post("/fr/mon-espace/a-payer/", {"bookings": [booking.pk]})
    payment = Payment.objects.get(token=_token(response))
    activity_services.cancel_booking(booking, by=member)
    assert Booking.objects.get(pk=booking.pk).status == Booking.Status.CANCELLED
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/fr/mon-espace/paiement/{payment.token}/", DUMMY_CONFIRMED, follow=True)
    assert services.credit_balance(member) == booking.price
    page = html.unescape(response.content.decode())
    assert "8,00 € sont mis sur votre avoir" in page
    assert any("avoir" in mail.subject for mail in mailoutbox if member.email in mail.to)


def test_a_member_without_email_hears_about_the_credit_through_the_call_list(django_capture_on_commit_callbacks):
    member = make_user(email="")
    MemberProfile.objects.update_or_create(user=member, defaults={"phone": "05 56 11 22 33"})
    booking = make_booking(member, price="8.00")
    payment = services.create_online_payment(member, bookings=[booking])
    activity_services.cancel_booking(booking, by=member)
    with django_capture_on_commit_callbacks(execute=True):
        services.apply_status(payment, PaymentStatus.CONFIRMED)
    entry = CallListEntry.objects.get(member=member, reason="payment_credited")
    assert "8,00 €" in entry.message


def test_paying_a_different_set_replaces_the_waiting_payment_and_a_late_one_only_credits_what_is_paid(client):
    member = make_user()
    client.force_login(member)
    first, second = make_booking(member), make_booking(member, price="8.00")
    both = services.create_online_payment(member, bookings=[first, second])
    alone = services.create_online_payment(member, bookings=[first])
    assert alone.pk != both.pk
    both.refresh_from_db()
    assert both.status == PaymentStatus.REJECTED
    # The replaced payment's page takes no more money.
    assert client.get(f"/fr/mon-espace/paiement/{both.token}/")["Location"] == "/fr/mon-espace/"
    services.apply_status(alone, PaymentStatus.CONFIRMED)
    services.apply_status(both, PaymentStatus.CONFIRMED)  # completed in another tab before it was replaced
    assert services.credit_balance(member) == first.price  # paid twice: credited
    assert PaymentItem.objects.get(payment=both, booking=second).state == PaymentItem.State.PAID
    assert not services.outstanding_bookings(member).exists()


def test_a_late_payment_pays_its_thing_and_the_newer_waiting_one_stops_taking_money():
    member = make_user()
    booking = make_booking(member)
    older = services.create_online_payment(member, bookings=[booking, make_booking(member)])
    newer = services.create_online_payment(member, bookings=[booking])
    services.apply_status(older, PaymentStatus.CONFIRMED)
    assert PaymentItem.objects.get(payment=older, booking=booking).state == PaymentItem.State.PAID
    newer.refresh_from_db()
    assert newer.status == PaymentStatus.REJECTED
    assert services.credit_balance(member) == 0


def test_the_database_refuses_two_live_payment_lines_for_one_booking():
    member = make_user()
    booking = make_booking(member)
    payment = services.create_online_payment(member, bookings=[booking])
    with pytest.raises(IntegrityError), transaction.atomic():
        PaymentItem.objects.create(payment=payment, kind="booking", booking=booking, label="x", amount=booking.price)
