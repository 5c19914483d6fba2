"""Receivers: money given back when activities announces a cancellation (activities.signals); activating
TOTP counts as completing it for the current session. Connected by importing this module in
MembersConfig.ready."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from allauth.account.internal.flows.login import record_authentication
from allauth.core import context as allauth_context
from allauth.mfa.models import Authenticator

from activities.services import cycle_amount_to_return
from activities.signals import booking_cancelled, cycle_cancelled
from members.services.credits import credit_cancelled_booking, paid_cycle_item, refund_cycle_booking


@receiver(booking_cancelled, dispatch_uid="members_credit_cancelled_booking")
def credit_paid_booking_on_cancel(sender, booking, **kwargs):
    """What was paid for a cancelled booking becomes credit (avoir), once (members.services.payments)."""
    credit_cancelled_booking(booking)


@receiver(cycle_cancelled, dispatch_uid="members_give_back_cancelled_cycle")
def give_back_cancelled_cycle(sender, cycle, sessions, by, mode, now, **kwargs):
    """A paid cycle gets back the prorata of the sessions not held, as a credit or a card refund sent
    after commit; returns the amount given back (None when nothing was paid or it was already returned)."""
    item = paid_cycle_item(cycle)
    if item is None:
        return None
    amount = cycle_amount_to_return(item.amount, sessions, now=now)
    if refund_cycle_booking(cycle, amount=amount, by=by, mode=mode) is None:
        return None
    return amount


@receiver(post_save, sender=Authenticator, dispatch_uid="members_totp_activation_completes_mfa")
def totp_activation_completes_mfa(sender, instance, created=False, **kwargs):
    """allauth's activation form has just checked a code of this new TOTP in the person's own request: the
    session has proven the factor (members.middleware would otherwise ask for a second code straight away).
    Outside a request (demo seed, shell) there is no session to mark."""
    request = allauth_context.request
    if not created or instance.type != Authenticator.Type.TOTP or request is None:
        return
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.pk == instance.user_id:
        record_authentication(request, user, "mfa", id=instance.pk, type=instance.type, activated=True)
