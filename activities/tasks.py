"""Background work (django-tasks): notices after commit, reminders two days before."""

import datetime

from django.db import transaction
from django.utils import timezone

from django_tasks import task

from activities.models import Booking, Session


@task()
def notify_booking(booking_id, kind):
    """Send a booking notice (confirmation, waitlist, promotion, cancellation…)."""
    from activities.notifications import notify_booking_id

    notify_booking_id(booking_id, kind)


def bookings_to_remind(now=None):
    """Confirmed bookings on scheduled sessions starting in the next two days, not yet reminded."""
    now = now or timezone.now()
    return Booking.objects.filter(
        status=Booking.Status.CONFIRMED,
        reminder_sent_at__isnull=True,
        session__status=Session.Status.SCHEDULED,
        session__start__gt=now,
        session__start__lte=now + datetime.timedelta(days=2),
    )


@task()
def send_session_reminders():
    """Remind every member booked on a session starting within two days (once per booking)."""
    sent = 0
    for booking_id in list(bookings_to_remind().values_list("pk", flat=True)):
        with transaction.atomic():
            # Mark first, under the row lock, so two workers never remind twice.
            updated = Booking.objects.filter(pk=booking_id, reminder_sent_at__isnull=True).update(
                reminder_sent_at=timezone.now()
            )
            if updated:
                transaction.on_commit(lambda pk=booking_id: notify_booking.enqueue(pk, "reminder"))
                sent += 1
    return sent
