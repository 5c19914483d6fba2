"""Payments: online with the dummy provider end to end, on site by cheque, credit and refund, idempotency."""

import html
from decimal import Decimal

import pytest
from payments import PaymentStatus

from activities import services as activity_services
from activities.models import Booking
from core.roles import COORDINATOR
from members import services
from members.exceptions import ChequeNumberRequired, NothingToPay, NotPayable
from members.models import Credit, Membership, Payment, Receipt
from tests.members.factories import make_booking, make_membership_type, make_paid_booking, make_session, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(make_user):
    return make_user("accueil@escale.example", role=COORDINATOR)


def test_online_membership_payment_with_the_dummy_provider_end_to_end(client):
    member = make_user(first_name="Josette", last_name="Garnier")
    make_membership_type()
    client.force_login(member)
    response = client.post("/fr/mon-espace/adhesion/", {"membership_type": make_membership_type().pk})
    payment = Payment.objects.get(member=member)
    assert response["Location"] == f"/fr/mon-espace/paiement/{payment.token}/"
    assert client.get(response["Location"]).status_code == 200
    response = client.post(
        f"/fr/mon-espace/paiement/{payment.token}/",
        {"status": "confirmed", "fraud_status": "accept", "gateway_response": "3ds-disabled"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/fr/mon-espace/paiement/{payment.pk}/merci/"
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.CONFIRMED
    assert payment.fulfilled_at is not None
    membership = Membership.objects.get(member=member)
    assert membership.status == Membership.Status.ACTIVE
    receipt = payment.receipt
    assert receipt.amount == Decimal("29.00")
    history = client.get("/fr/mon-espace/historique/").content.decode()
    assert receipt.number in history
    pdf = client.get(f"/fr/mon-espace/recus/{receipt.pk}/")
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_a_rejected_dummy_payment_activates_nothing(client):
    member = make_user()
    client.force_login(member)
    membership = services.start_membership(member, make_membership_type())
    payment = services.create_online_payment(member, memberships=[membership])
    response = client.post(
        f"/fr/mon-espace/paiement/{payment.token}/",
        {"status": "rejected", "fraud_status": "reject", "gateway_response": "3ds-disabled"},
    )
    assert response["Location"].endswith("/echec/")
    membership.refresh_from_db()
    assert membership.status == Membership.Status.PENDING_PAYMENT
    assert not Receipt.objects.exists()


def test_paying_several_bookings_at_once_links_each_with_its_amount():
    member = make_user()
    first, second = make_booking(member), make_booking(member, price="8.00")
    payment = services.create_online_payment(member, bookings=[first, second])
    assert payment.total == Decimal("20.00")
    assert sorted(payment.items.values_list("amount", flat=True)) == [Decimal("8.00"), Decimal("12.00")]
    assert [item.name for item in payment.get_purchased_items()]


def test_nobody_pays_for_someone_elses_booking_or_a_free_one():
    member, other = make_user(), make_user()
    with pytest.raises(NotPayable):
        services.create_online_payment(member, bookings=[make_booking(other)])
    with pytest.raises(NothingToPay):
        services.create_online_payment(member, bookings=[make_booking(member, price="0.00")])


def test_the_same_notification_replayed_100_times_confirms_one_payment_with_one_receipt(client):
    member = make_user()
    membership = services.start_membership(member, make_membership_type())
    payment = services.create_online_payment(member, memberships=[membership])
    for _ in range(100):
        response = client.get(f"/payments/process/{payment.token}/?verification_result=confirmed")
        assert response.status_code == 302
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.CONFIRMED
    assert Payment.objects.filter(status=PaymentStatus.CONFIRMED).count() == 1
    assert Receipt.objects.count() == 1
    assert Membership.objects.get(pk=membership.pk).status == Membership.Status.ACTIVE


def test_a_late_rejection_after_confirmation_changes_nothing():
    member = make_user()
    payment = services.create_online_payment(member, bookings=[make_booking(member)])
    assert services.apply_status(payment, PaymentStatus.CONFIRMED)
    assert not services.apply_status(payment, PaymentStatus.REJECTED)
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.CONFIRMED


def test_an_on_site_cheque_payment_needs_its_number_and_is_confirmed_with_a_receipt(coordinator):
    member = make_user()
    booking = make_booking(member)
    with pytest.raises(ChequeNumberRequired):
        services.record_onsite_payment(member, method="cheque", by=coordinator, bookings=[booking])
    payment = services.record_onsite_payment(
        member, method="cheque", cheque_number="1234567", by=coordinator, bookings=[booking]
    )
    assert payment.status == PaymentStatus.CONFIRMED
    assert payment.method == Payment.Method.CHEQUE
    assert payment.cheque_number == "1234567"
    assert payment.recorded_by == coordinator
    assert payment.receipt.amount == Decimal("12.00")
    assert not services.outstanding_bookings(member).exists()


def test_cancelling_a_paid_session_credits_the_member_once_and_the_credit_pays_a_later_booking(coordinator):
    member = make_user()
    booking = make_paid_booking(member, by=coordinator)
    activity_services.cancel_session(booking.session, by=coordinator)
    assert Booking.objects.get(pk=booking.pk).status == Booking.Status.CANCELLED
    assert services.credit_balance(member) == Decimal("12.00")
    assert services.credit_cancelled_booking(booking) is None  # once only
    assert Credit.objects.filter(member=member).count() == 1
    later = make_booking(member, session=make_session(), price="8.00")
    payment = services.pay_with_credit(member, bookings=[later])
    assert payment.status == PaymentStatus.CONFIRMED
    assert services.credit_balance(member) == Decimal("4.00")


def test_a_refund_goes_back_through_the_provider_and_is_not_repeated(coordinator, django_capture_on_commit_callbacks):
    member = make_user()
    booking = make_booking(member)
    payment = services.create_online_payment(member, bookings=[booking])
    services.apply_status(payment, PaymentStatus.CONFIRMED)
    with django_capture_on_commit_callbacks(execute=True):  # sent to the provider after commit
        item = services.refund_booking(booking, by=coordinator, mode="refund")
    assert item.returned_as == "refund"
    payment.refresh_from_db()
    assert payment.refunded_amount == Decimal("12.00")
    assert services.refund_booking(booking, by=coordinator, mode="refund") is None
    assert services.credit_balance(member) == Decimal("0.00")


def test_stripe_gets_absolute_return_urls_from_payment_host():
    from payments.core import get_base_url

    member = make_user()
    payment = services.create_online_payment(member, bookings=[make_booking(member)], variant="stripe")
    assert payment.get_success_url() == f"{get_base_url()}/fr/mon-espace/paiement/{payment.pk}/merci/"
    assert payment.get_failure_url().startswith(("http://", "https://"))


def test_without_an_online_provider_a_member_is_told_to_pay_at_the_desk_and_keeps_the_request(settings, client):
    """Production without Stripe keys has no online variant: nothing is charged, nothing is lost."""
    settings.MEMBERS_ONLINE_PAYMENT_VARIANT = None
    member = make_user(first_name="Josette", last_name="Garnier")
    client.force_login(member)
    response = client.post("/fr/mon-espace/adhesion/", {"membership_type": make_membership_type().pk}, follow=True)
    assert response.status_code == 200
    assert "régler à l'accueil" in html.unescape(response.content.decode())
    assert not Payment.objects.exists()
    assert Membership.objects.get(member=member).status == Membership.Status.PENDING_PAYMENT
