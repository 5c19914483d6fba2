"""Two payments for one membership confirmed at the same moment: one pays it, the other becomes a credit."""

import threading

from django.db import IntegrityError, OperationalError, connection

import pytest
from payments import PaymentStatus

from members import services
from members.models import Membership, Payment, PaymentItem
from members.services import fulfilment
from tests.concurrency.helpers import run_concurrently
from tests.members.factories import make_membership_type, make_user

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL (select_for_update)"),
]


def _two_payments_for_one_membership():
    """A replaced online payment and the one that replaced it: the provider may confirm both."""
    member = make_user()
    membership = services.start_membership(member, make_membership_type())
    older = services.create_online_payment(member, memberships=[membership])
    newer = services.create_online_payment(member, memberships=[membership], variant="stripe")
    assert older.pk != newer.pk
    return member, membership, older, newer


def _confirm(payment_id):
    return services.apply_status(Payment.objects.get(pk=payment_id), PaymentStatus.CONFIRMED)


def test_two_payments_for_one_membership_confirmed_together_charge_it_once_and_credit_the_other():
    for _round in range(3):
        member, membership, older, newer = _two_payments_for_one_membership()
        _results, errors = run_concurrently(_confirm, [(older.pk,), (newer.pk,)] * 3)
        assert errors == []
        assert PaymentItem.objects.filter(membership=membership, state=PaymentItem.State.PAID).count() == 1
        assert PaymentItem.objects.filter(membership=membership, state=PaymentItem.State.RETURNED).count() == 1
        assert services.credit_balance(member) == membership.price
        assert Membership.objects.get(pk=membership.pk).status == Membership.Status.ACTIVE


def test_control_without_the_member_lock_both_find_it_unpaid_and_only_the_database_refuses_one(monkeypatch):
    """The race is real: with the lock bypassed, both confirmations find the membership unpaid; the
    database (one live line per thing) then refuses one of them, which the lock spares people."""
    _member, membership, older, newer = _two_payments_for_one_membership()
    both_checked = threading.Barrier(2, timeout=10)
    why_not_due, reasons = fulfilment._why_not_due, []

    def checked_then_wait(item):
        reason = why_not_due(item)
        reasons.append(reason)
        both_checked.wait()
        return reason

    monkeypatch.setattr(fulfilment, "lock_member", lambda member: None)
    monkeypatch.setattr(fulfilment, "_why_not_due", checked_then_wait)
    _results, errors = run_concurrently(_confirm, [(older.pk,), (newer.pk,)])
    assert reasons == [None, None]  # both would have kept the money
    assert len(errors) == 1 and isinstance(errors[0], IntegrityError | OperationalError)
    assert PaymentItem.objects.filter(membership=membership, state=PaymentItem.State.PAID).count() == 1
