"""The attendance sheet (feuille d'émargement): present or absent, corrected if need be."""

from django.db import transaction

from activities.exceptions import InvalidBookingState
from activities.models import Booking
from core.audit import log_action


def mark_attendance(booking, present, *, by):
    """Record presence or absence on a confirmed booking (or correct a previous mark)."""
    with transaction.atomic():
        booking = Booking.objects.select_for_update().get(pk=booking.pk)
        if booking.status not in Booking.ATTENDANCE_STATUSES:
            raise InvalidBookingState()
        booking.status = Booking.Status.ATTENDED if present else Booking.Status.NO_SHOW
        booking.save(update_fields=["status"])
        log_action(booking, f"escale.booking.{booking.status}", actor=by, data={"session": booking.session_id})
    return booking
