"""Confirming payments exactly once per thing paid: a membership, a booking or a cycle is paid once.

Lock order, everywhere: the member's profile row, then payment rows. The database keeps at most one
live line (waiting or paid) per thing (`PaymentItem` constraints); the services below keep it so.
"""

from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from payments import PaymentStatus

from activities.models import Booking, CycleBooking
from core.audit import log_action
from core.money import ReturnMode
from members.models import Credit, MemberProfile, Membership, Payment, PaymentItem

PAYABLE_BOOKING_STATUSES = Booking.ATTENDANCE_STATUSES
ABANDONED_STATUSES = (PaymentStatus.REJECTED, PaymentStatus.ERROR)
THING_FIELDS = ("membership", "booking", "cycle_booking")


def paid_items():
    """Lines paid and not given back: what counts as "already paid"."""
    return PaymentItem.objects.filter(state=PaymentItem.State.PAID)


def lock_member(member):
    """Lock the member's profile row: every payment change for one person goes through it, in turn."""
    MemberProfile.objects.get_or_create(user=member)
    return MemberProfile.objects.select_for_update().get(user=member)


def thing_of(item):
    """{"membership": id} (or booking, cycle_booking): the thing a line pays for, as a filter."""
    for field in THING_FIELDS:
        if getattr(item, f"{field}_id"):
            return {f"{field}_id": getattr(item, f"{field}_id")}
    raise ValueError(item)


def void_pending(items, *, actor=None, replaced_by=None):
    """Replace the waiting payments holding `items`: all their waiting lines become void and the
    payments are marked rejected, so their pages no longer take money (a payment is replaced whole,
    never left half live). A late confirmation of one is still honoured by `fulfil` (credited if its
    thing was paid meanwhile). Call with the member locked."""
    payment_ids = {item.payment_id for item in items}
    if replaced_by is not None:
        payment_ids.discard(replaced_by.pk)
    for payment in Payment.objects.filter(pk__in=payment_ids, fulfilled_at__isnull=True).order_by("pk"):
        payment.items.filter(state=PaymentItem.State.PENDING).update(state=PaymentItem.State.VOID)
        Payment.objects.filter(pk=payment.pk).update(status=PaymentStatus.REJECTED, modified=timezone.now())
        log_action(
            payment,
            "escale.payment.replaced",
            actor=actor,
            data={"replaced_by": replaced_by.pk if replaced_by else None},
        )


def apply_status(payment, status, message=""):
    """Apply a provider's status notification to `payment`, exactly once.

    The member, then the payment row, are locked for the rest of the transaction; a repeated
    notification (same status) or any late one after confirmation (except a refund) changes
    nothing. Reaching CONFIRMED fulfils the payment once (`fulfil`). An abandoned payment (rejected,
    error) frees its lines. Returns True when something changed. `payment` is refreshed from the row.
    """
    with transaction.atomic():
        member = payment.member if payment.member_id else None
        if member is not None:
            lock_member(member)
        locked = Payment.objects.select_for_update().get(pk=payment.pk)
        repeated = locked.status == status
        after_fulfilment = locked.fulfilled_at is not None and status != PaymentStatus.REFUNDED
        if repeated or after_fulfilment:
            changed = False
        else:
            locked._change_status_unlocked(status, message)
            if status == PaymentStatus.CONFIRMED:
                fulfil(locked)
            elif status in ABANDONED_STATUSES:
                locked.items.filter(state=PaymentItem.State.PENDING).update(state=PaymentItem.State.VOID)
            changed = True
    payment.refresh_from_db()
    return changed


def _why_not_due(item):
    """None when the line's thing still wants this money, else why not ("paid", "cancelled")."""
    others = paid_items().filter(**thing_of(item)).exclude(pk=item.pk)
    if others.exists():
        return "paid"
    if item.membership_id:
        membership = item.membership
        if membership.status == Membership.Status.CANCELLED:
            return "cancelled"
        covered = (
            Membership.objects.filter(member_id=membership.member_id, status=Membership.Status.ACTIVE)
            .filter(valid_from__lte=membership.valid_until, valid_until__gte=membership.valid_from)
            .exclude(pk=membership.pk)
        )
        if membership.status == Membership.Status.PENDING_PAYMENT and covered.exists():
            return "paid"  # joined twice: the period is already paid by another membership
        return None
    if item.booking_id:
        return None if item.booking.status in PAYABLE_BOOKING_STATUSES else "cancelled"
    return None if item.cycle_booking.status == CycleBooking.Status.CONFIRMED else "cancelled"


def fulfil(payment):
    """Fulfil a locked, just confirmed payment, once: each line pays its thing, unless that thing is
    already paid or cancelled — then the money becomes a credit (avoir) for the member, the person
    and the coordinators are told (after commit), and the audit log says why. Memberships paid become
    active; a receipt is issued for the money received."""
    from members.services.receipts import issue_receipt

    now = timezone.now()
    payment.fulfilled_at = now
    payment.captured_amount = payment.total
    payment.save(update_fields=["fulfilled_at", "captured_amount", "modified"])
    credited = []
    items = payment.items.select_related("membership", "booking", "cycle_booking").order_by("pk")
    for item in items:
        reason = _why_not_due(item)
        if reason is None:
            # The money arrived: any other waiting payment for this thing must not take it again.
            others = PaymentItem.objects.filter(**thing_of(item), state=PaymentItem.State.PENDING).exclude(pk=item.pk)
            void_pending(others, replaced_by=payment)
            item.state = PaymentItem.State.PAID
            item.save(update_fields=["state"])
            if item.membership_id and item.membership.status == Membership.Status.PENDING_PAYMENT:
                item.membership.status = Membership.Status.ACTIVE
                item.membership.save(update_fields=["status"])
        else:
            _credit_line(item, payment, reason, now)
            credited.append(item)
    issue_receipt(payment)
    log_action(
        payment,
        "escale.payment.confirmed",
        actor=payment.recorded_by,
        on_behalf_of=payment.member if payment.recorded_by_id else None,
        data={"total": str(payment.total), "method": payment.method},
    )
    if credited and payment.member_id:
        from members import tasks

        transaction.on_commit(partial(tasks.notify_payment_credited.enqueue, payment.pk))
    return credited


def _credit_line(item, payment, reason, now):
    """The line's money goes to the member's credit (avoir): its thing was paid or cancelled."""
    if item.membership_id and item.membership.status == Membership.Status.PENDING_PAYMENT:
        item.membership.status = Membership.Status.CANCELLED
        item.membership.save(update_fields=["status"])
    if payment.member_id:
        Credit.objects.create(
            member_id=payment.member_id,
            amount=item.amount,
            reason=(_("Avoir : %(label)s (déjà payé)") if reason == "paid" else _("Avoir : %(label)s (annulé)"))
            % {"label": item.label},
            booking_id=item.booking_id,
            payment=payment,
        )
    item.state = PaymentItem.State.RETURNED
    item.returned_at = now
    item.returned_as = ReturnMode.CREDIT
    item.save(update_fields=["state", "returned_at", "returned_as"])
    log_action(
        payment,
        "escale.payment.credited_not_due",
        actor=payment.recorded_by,
        on_behalf_of=payment.member if payment.recorded_by_id else None,
        data={"line": item.pk, "label": item.label, "amount": str(item.amount), "reason": reason},
    )


def credited_lines(payment):
    """The lines of `payment` turned into a credit at confirmation (shown on the thank-you page)."""
    if payment.fulfilled_at is None:
        return payment.items.none()
    return payment.items.filter(
        state=PaymentItem.State.RETURNED, returned_as=ReturnMode.CREDIT, returned_at=payment.fulfilled_at
    )
