"""Reminders two days before: each confirmed booking is reminded once, by e-mail or call list."""

import datetime
from decimal import Decimal

from django.core.management import call_command
from django.utils import timezone

import pytest

from activities.models import Booking, CallListEntry
from activities.tasks import send_session_reminders
from tests.activities.factories import make_session, make_user

pytestmark = pytest.mark.django_db


def test_reminders_go_once_to_bookings_of_sessions_within_two_days(django_capture_on_commit_callbacks, mailoutbox):
    soon = make_session(start=timezone.now() + datetime.timedelta(days=1, hours=20))
    later = make_session(start=timezone.now() + datetime.timedelta(days=5))
    Booking.objects.create(session=soon, member=make_user(), status="confirmed", price=Decimal("0.00"))
    Booking.objects.create(session=soon, member=make_user(email=""), status="confirmed", price=Decimal("0.00"))
    Booking.objects.create(session=soon, member=make_user(), status="waitlisted", price=Decimal("0.00"))
    Booking.objects.create(session=later, member=make_user(), status="confirmed", price=Decimal("0.00"))
    with django_capture_on_commit_callbacks(execute=True):
        send_session_reminders.call()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_session_reminders", stdout=None)
    assert [m.subject.startswith("Rappel") for m in mailoutbox] == [True]
    assert CallListEntry.objects.filter(reason="reminder").count() == 1
