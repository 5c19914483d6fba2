"""Cycle bookings (one price for every session of a cycle) are paid online or at the desk like bookings."""

import datetime
from decimal import Decimal

from django.utils import timezone

import pytest
from payments import PaymentStatus

from activities import services as activity_services
from core.roles import COORDINATOR
from members import services
from members.exceptions import AlreadyPaid, NotPayable
from members.models import Payment, PaymentItem
from tests.activities.factories import make_activity, make_place
from tests.members.factories import make_session, make_user

pytestmark = pytest.mark.django_db


def _cycle(member, price="60.00"):
    activity = make_activity("Atelier numérique", is_cycle=True, cycle_price=Decimal(price))
    place = make_place()
    for week in (1, 2, 3):
        make_session(activity, place=place, start=timezone.now() + datetime.timedelta(days=7 * week))
    return activity_services.book_cycle(activity, member)


def test_a_cycle_is_paid_online_with_the_dummy_provider_end_to_end(client):
    member = make_user(first_name="Josette", last_name="Garnier")
    cycle = _cycle(member)
    client.force_login(member)
    dashboard = client.get("/fr/mon-espace/").content.decode()
    assert "Cycle « Atelier numérique », toutes les séances : 60,00 €" in dashboard
    form_page = client.get("/fr/mon-espace/a-payer/")
    assert "Cycle « Atelier numérique », toutes les séances : 60,00 €" in form_page.content.decode()

    response = client.post("/fr/mon-espace/a-payer/", {"cycle_bookings": [cycle.pk]})
    payment = Payment.objects.get(member=member)
    assert response["Location"] == f"/fr/mon-espace/paiement/{payment.token}/"
    assert payment.total == Decimal("60.00")
    response = client.post(
        response["Location"], {"status": "confirmed", "fraud_status": "accept", "gateway_response": "3ds-disabled"}
    )
    assert response["Location"] == f"/fr/mon-espace/paiement/{payment.pk}/merci/"
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.CONFIRMED
    item = payment.items.get()
    assert (item.kind, item.cycle_booking, item.amount) == (PaymentItem.Kind.CYCLE, cycle, Decimal("60.00"))
    assert payment.receipt.amount == Decimal("60.00")
    assert not services.outstanding_cycle_bookings(member).exists()
    assert "Rien à payer." in client.get("/fr/mon-espace/").content.decode()
    with pytest.raises(AlreadyPaid):
        services.create_online_payment(member, cycle_bookings=[cycle])


def test_the_desk_records_a_cheque_for_a_cycle(client, make_user):
    coordinator = make_user("accueil@escale.example", role=COORDINATOR)
    member = make_user()
    cycle = _cycle(member, price="45.00")
    client.force_login(coordinator)
    page = client.get(f"/admin/adherents/{member.pk}/paiement/").content.decode()
    assert "Atelier numérique" in page
    response = client.post(
        f"/admin/adherents/{member.pk}/paiement/",
        {"method": "cheque", "cheque_number": "0098765", "cycle_bookings": [cycle.pk]},
    )
    assert response.status_code == 302
    payment = Payment.objects.get(member=member)
    assert (payment.method, payment.cheque_number, payment.total) == ("cheque", "0098765", Decimal("45.00"))
    assert payment.receipt.amount == Decimal("45.00")
    assert payment.items.get().cycle_booking == cycle


def test_the_sessions_of_a_cycle_are_never_paid_one_by_one_and_nobody_pays_another_members_cycle():
    member, other = make_user(), make_user()
    cycle = _cycle(member)
    assert not services.outstanding_bookings(member).exists()
    assert list(services.outstanding_cycle_bookings(member)) == [cycle]
    with pytest.raises(NotPayable):
        services.create_online_payment(other, cycle_bookings=[cycle])


def test_a_member_can_pay_a_cycle_with_their_credit():
    from members.models import Credit

    member = make_user()
    cycle = _cycle(member, price="30.00")
    Credit.objects.create(member=member, amount=Decimal("50.00"), reason="Avoir de test")
    payment = services.pay_with_credit(member, cycle_bookings=[cycle])
    assert payment.status == PaymentStatus.CONFIRMED
    assert services.credit_balance(member) == Decimal("20.00")
