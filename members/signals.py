"""Paid bookings that get cancelled are credited (avoir) automatically; activating TOTP counts as
completing it for the current session."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from allauth.account.internal.flows.login import record_authentication
from allauth.core import context as allauth_context
from allauth.mfa.models import Authenticator

from activities.models import Booking


@receiver(post_save, sender=Booking, dispatch_uid="members_credit_cancelled_booking")
def credit_paid_booking_on_cancel(sender, instance, update_fields=None, **kwargs):
    if instance.status != Booking.Status.CANCELLED:
        return
    if update_fields is not None and "status" not in update_fields:
        return
    from members.services.payments import credit_cancelled_booking

    credit_cancelled_booking(instance)


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
