"""Paid bookings that get cancelled are credited (avoir) automatically."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from activities.models import Booking


@receiver(post_save, sender=Booking, dispatch_uid="members_credit_cancelled_booking")
def credit_paid_booking_on_cancel(sender, instance, update_fields=None, **kwargs):
    if instance.status != Booking.Status.CANCELLED:
        return
    if update_fields is not None and "status" not in update_fields:
        return
    from members.services.payments import credit_cancelled_booking

    credit_cancelled_booking(instance)
