"""Coordinators are warned a few days before a session that is still under its minimum."""

import datetime
from decimal import Decimal

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

import pytest

from activities.models import Booking
from core.roles import COORDINATOR
from tests.activities.factories import make_activity, make_session, make_user

pytestmark = pytest.mark.django_db


def book(session, count, status="confirmed"):
    for _ in range(count):
        Booking.objects.create(session=session, member=make_user(), status=status, price=Decimal("0.00"))


def test_coordinators_get_one_list_of_sessions_under_minimum_once(django_capture_on_commit_callbacks, mailoutbox):
    coordinator = make_user(email="coordination@example.org")
    coordinator.groups.add(Group.objects.get(name=COORDINATOR))
    soon = timezone.now() + datetime.timedelta(days=2)
    under = make_session(make_activity("Sophrologie"), start=soon, min_participants=5)
    book(under, 2)
    book(under, 3, status="waitlisted")  # people waiting do not count
    reached = make_session(make_activity("Yoga doux"), start=soon, min_participants=2)
    book(reached, 2)
    far = make_session(make_activity("Visite culturelle"), start=soon + datetime.timedelta(days=10), min_participants=5)
    book(far, 1)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("warn_sessions_under_minimum", stdout=None)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("warn_sessions_under_minimum", stdout=None)

    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["coordination@example.org"]
    assert "Sophrologie" in mail.body
    assert "2 inscrits pour un minimum de 5" in mail.body
    assert f"/admin/activites/{under.pk}/" in mail.body
    assert "Yoga doux" not in mail.body
    assert "Visite culturelle" not in mail.body
    assert all(b.member.email not in mail.body for b in under.bookings.all())
