"""Card refunds leave the cancellation's transaction: recorded with it, sent to the provider after commit,
marked done or failed, retried by staff. The provider is never called while a row is locked."""

from decimal import Decimal

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.utils import timezone

import pytest
from payments import PaymentError, PaymentStatus
from payments.dummy import DummyProvider

from activities import services
from activities.models import Booking, CycleBooking
from core.models import ActionLog
from core.roles import COORDINATOR
from members import services as member_services
from members.models import Payment, Refund
from members.services.refunds import retry_refund
from tests.activities.factories import make_activity, make_place, make_session, make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


class ProviderStub(DummyProvider):
    """The card provider: asserts it is called with no transaction open (so no row lock can be held),
    then fails or succeeds as told."""

    calls = []
    fail = True
    outside_transactions = True  # False for the admin tests, which run inside the test's transaction

    def refund(self, payment, amount=None):
        if ProviderStub.outside_transactions:
            assert not connection.in_atomic_block, "the card provider was called inside a transaction"
        ProviderStub.calls.append(amount)
        if ProviderStub.fail:
            raise PaymentError("carte expirée")
        return amount


@pytest.fixture
def provider(monkeypatch):
    ProviderStub.calls, ProviderStub.fail, ProviderStub.outside_transactions = [], True, True
    monkeypatch.setattr("members.services.refunds.provider_factory", lambda variant, payment=None: ProviderStub())
    return ProviderStub


def paid_cycle_online():
    activity = make_activity("Atelier tablette", is_cycle=True, cycle_price=Decimal("60.00"))
    place = make_place()
    for week in (1, 2, 3):
        make_session(activity, place=place, capacity=10, start=timezone.now() + timezone.timedelta(days=7 * week))
    cycle = services.book_cycle(activity, make_user())
    payment = member_services.create_online_payment(cycle.member, cycle_bookings=[cycle])
    member_services.apply_status(payment, PaymentStatus.CONFIRMED)
    return cycle, payment


def coordinator():
    user = make_user()
    user.groups.add(Group.objects.get_or_create(name=COORDINATOR)[0])  # groups do not survive a flush
    return user


def test_a_failing_card_refund_leaves_the_cancellation_done_and_the_refund_failed_for_staff_to_retry(provider):
    cycle, payment = paid_cycle_online()
    staff = coordinator()

    cycle = services.cancel_cycle(cycle, by=staff, allow_late=True, mode="refund")

    # The cancellation stands: seats freed, cycle cancelled, the amount decided.
    assert cycle.status == CycleBooking.Status.CANCELLED
    assert not Booking.objects.filter(cycle_booking=cycle).exclude(status=Booking.Status.CANCELLED).exists()
    assert cycle.amount_returned == Decimal("60.00")
    # The provider was called once, after commit, and refused: the refund is kept as failed.
    assert provider.calls == [Decimal("60.00")]
    refund = Refund.objects.get(payment=payment)
    assert refund.state == Refund.State.FAILED
    assert "carte expirée" in refund.error
    payment.refresh_from_db()
    assert payment.refunded_amount == Decimal("0.00")  # nothing went back yet
    assert ActionLog.objects.filter(code="escale.refund.failed").count() == 1

    # Staff retry once the card issue is solved: sent again, after commit, and done.
    provider.fail = False
    retry_refund(refund, by=staff)
    refund.refresh_from_db()
    assert refund.state == Refund.State.DONE
    assert refund.attempts == 2
    assert provider.calls == [Decimal("60.00"), Decimal("60.00")]
    payment.refresh_from_db()
    assert payment.refunded_amount == Decimal("60.00")
    assert ActionLog.objects.filter(code="escale.refund.retried", actor=staff).count() == 1


def test_a_refund_is_sent_once_even_if_the_task_runs_twice(provider):
    provider.fail = False
    cycle, payment = paid_cycle_online()
    services.cancel_cycle(cycle, by=coordinator(), allow_late=True, mode="refund")
    refund = Refund.objects.get(payment=payment)

    member_services.send_refund(refund.pk)  # a second worker picking the same task

    assert provider.calls == [Decimal("60.00")]
    assert Payment.objects.get(pk=payment.pk).refunded_amount == Decimal("60.00")


def test_only_a_failed_refund_can_be_retried(provider):
    provider.fail = False
    cycle, payment = paid_cycle_online()
    services.cancel_cycle(cycle, by=coordinator(), allow_late=True, mode="refund")
    refund = Refund.objects.get(payment=payment)
    assert refund.state == Refund.State.DONE
    with pytest.raises(member_services.RefundNotRetryable):
        retry_refund(refund, by=coordinator())


@pytest.mark.django_db(transaction=False)
def test_staff_see_failed_refunds_and_relaunch_one_from_the_admin(provider, client, django_capture_on_commit_callbacks):
    provider.outside_transactions = False
    cycle, payment = paid_cycle_online()
    staff = coordinator()
    for codename in ("access_admin", "view_payment", "add_payment"):
        staff.user_permissions.add(Permission.objects.get(codename=codename))
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_cycle(cycle, by=staff, allow_late=True, mode="refund")
    refund = Refund.objects.get(payment=payment)
    client.force_login(staff)

    listing = client.get("/admin/remboursements/").content.decode()
    assert "Échec : à relancer" in listing
    assert f"/admin/remboursements/{refund.pk}/relancer/" in listing
    assert "carte expirée" in client.get(f"/admin/remboursements/{refund.pk}/relancer/").content.decode()

    provider.fail = False
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/remboursements/{refund.pk}/relancer/")
    refund.refresh_from_db()
    assert refund.state == Refund.State.DONE
    assert "Relancer" not in client.get("/admin/remboursements/").content.decode()


@pytest.mark.django_db(transaction=False)
def test_a_member_cannot_open_the_refunds_list(client):
    client.force_login(make_user())
    assert client.get("/admin/remboursements/").status_code in (302, 403)
