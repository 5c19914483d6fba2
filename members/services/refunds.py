"""Card refunds after commit: record now, call the provider later, mark done or failed, retry by staff.

`record_refund` runs inside the caller's transaction (which may hold session and member row locks);
it only writes a `Refund` row and asks for `members.tasks.send_refund` once that transaction commits.
`send_refund` then runs with no transaction open: it claims the refund (pending → sending) in a short
transaction of its own, calls the provider with nothing locked, and records the outcome in another.
"""

from functools import partial

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from payments.core import provider_factory

from core.audit import log_action
from members import tasks
from members.exceptions import RefundNotRetryable
from members.models import Payment, Refund

ERROR_MAX_LENGTH = 300


def record_refund(payment, amount, *, by=None):
    """Record that `amount` of an online `payment` goes back to the card; sent after commit. Returns the Refund."""
    refund = Refund.objects.create(payment=payment, amount=amount, requested_by=by)
    log_action(refund, "escale.refund.recorded", actor=by, data={"amount": str(amount), "payment": payment.pk})
    transaction.on_commit(partial(tasks.send_refund.enqueue, refund.pk))
    return refund


def send_refund(refund_id):
    """Send one pending refund to the card provider; returns the Refund (done, failed, or untouched when
    another worker already claimed it). Must not run inside a transaction: the provider call is a network
    round trip and no row may stay locked meanwhile."""
    # durable: refuses to run inside a caller's transaction (outside tests), as the provider call follows.
    with transaction.atomic(durable=True):
        claimed = Refund.objects.filter(pk=refund_id, state=Refund.State.PENDING).update(
            state=Refund.State.SENDING, attempts=F("attempts") + 1
        )
    refund = Refund.objects.select_related("payment").get(pk=refund_id)
    if not claimed:
        return refund
    payment = refund.payment
    try:
        provider_factory(payment.variant, payment).refund(payment, refund.amount)
    except Exception as error:  # noqa: BLE001 — any provider failure is kept for staff, never lost
        return _finish(refund, failed=f"{type(error).__name__}: {error}"[:ERROR_MAX_LENGTH])
    return _finish(refund)


def _finish(refund, *, failed=""):
    with transaction.atomic(durable=True):
        refund = Refund.objects.select_for_update().get(pk=refund.pk)
        if failed:
            refund.state, refund.error = Refund.State.FAILED, failed
            refund.save(update_fields=["state", "error"])
            log_action(refund, "escale.refund.failed", data={"attempt": refund.attempts})
            return refund
        refund.state, refund.error, refund.done_at = Refund.State.DONE, "", timezone.now()
        refund.save(update_fields=["state", "error", "done_at"])
        Payment.objects.filter(pk=refund.payment_id).update(refunded_amount=F("refunded_amount") + refund.amount)
        log_action(refund, "escale.refund.done", data={"amount": str(refund.amount), "attempt": refund.attempts})
    return refund


def retry_refund(refund, *, by):
    """Staff: send a failed refund again (after commit). Raises RefundNotRetryable otherwise."""
    with transaction.atomic():
        updated = Refund.objects.filter(pk=refund.pk, state=Refund.State.FAILED).update(state=Refund.State.PENDING)
        if not updated:
            raise RefundNotRetryable()
        log_action(refund, "escale.refund.retried", actor=by)
        transaction.on_commit(partial(tasks.send_refund.enqueue, refund.pk))
    refund.refresh_from_db()
    return refund
