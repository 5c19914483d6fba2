"""Background work (django-tasks): notices after commit, reminders two days before, and the
coordinators' warning about sessions under their minimum."""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from django_tasks import task

from activities.models import Booking, Session
from activities.notifications import Notice


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
                transaction.on_commit(lambda pk=booking_id: notify_booking.enqueue(pk, Notice.REMINDER))
                sent += 1
    return sent


def sessions_under_minimum(now=None):
    """Scheduled sessions starting within ACTIVITIES_MINIMUM_WARNING_DAYS (3 by default) with fewer
    seats taken than their minimum, not yet reported."""
    now = now or timezone.now()
    days = getattr(settings, "ACTIVITIES_MINIMUM_WARNING_DAYS", 3)
    return (
        Session.objects.scheduled()
        .filter(
            start__gt=now,
            start__lte=now + datetime.timedelta(days=days),
            min_participants__gt=0,
            minimum_warning_sent_at__isnull=True,
        )
        .with_counts()
        .filter(confirmed_count__lt=F("min_participants"))
    )


@task()
def warn_sessions_under_minimum():
    """E-mail the coordinators one list of the sessions under their minimum (each reported once)."""
    claimed = []
    with transaction.atomic():
        for session_id in list(sessions_under_minimum().values_list("pk", flat=True)):
            # Claim each session first, so two workers never report it twice.
            if Session.objects.filter(pk=session_id, minimum_warning_sent_at__isnull=True).update(
                minimum_warning_sent_at=timezone.now()
            ):
                claimed.append(session_id)
        if claimed:
            transaction.on_commit(lambda: send_minimum_warning.enqueue(claimed))
    return len(claimed)


@task()
def send_minimum_warning(session_ids):
    from activities.notifications import notify_sessions_under_minimum

    notify_sessions_under_minimum(session_ids)
