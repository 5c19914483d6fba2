"""Seats taken are kept on the session row (activities/seats.py): listings never count bookings."""

import io

from django.core.management import call_command
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

import pytest

from activities import services
from activities.models import Booking, Session
from activities.seats import drifted, recount_seats
from tests.activities.factories import make_activity, make_session, make_user

pytestmark = pytest.mark.django_db


def counter(session):
    return Session.objects.values_list("seats_taken", flat=True).get(pk=session.pk)


def test_the_counter_follows_bookings_cancellations_and_the_waiting_list():
    session = make_session(capacity=2)
    first = services.book(session, make_user())
    second = services.book(session, make_user())
    waiting = services.book(session, make_user())
    assert waiting.status == Booking.Status.WAITLISTED
    assert counter(session) == 2
    services.cancel_booking(first, by=first.member)
    waiting.refresh_from_db()
    assert waiting.status in (Booking.Status.OFFERED, Booking.Status.CONFIRMED)
    assert counter(session) == 2  # the freed seat went to the first person waiting
    services.cancel_booking(second, by=second.member)
    assert counter(session) == 1
    Booking.objects.filter(session=session).delete()
    assert counter(session) == 0
    assert drifted() == []


def test_recount_seats_reports_and_fixes_drift():
    session = make_session(capacity=5)
    services.book(session, make_user())
    Session.objects.filter(pk=session.pk).update(seats_taken=4)  # a bulk update bypassed the signal
    assert drifted() == [(session.pk, 4, 1)]
    out = io.StringIO()
    call_command("recount_seats", "--dry-run", stdout=out)
    assert "counter 4, bookings 1" in out.getvalue() and counter(session) == 4
    call_command("recount_seats", stdout=out)
    assert counter(session) == 1
    assert recount_seats() == []


def test_upcoming_sessions_reads_the_counter_with_a_limit_and_no_count_of_bookings():
    activity = make_activity()
    sessions = [make_session(activity) for _ in range(6)]
    for session in sessions:
        services.book(session, make_user())
    request = RequestFactory().get("/fr/")
    template = Template("{% load activities_tags %}{% upcoming_sessions 4 %}")
    with CaptureQueriesContext(connection) as queries:
        html = template.render(Context({"request": request}))
    session_queries = [q["sql"] for q in queries.captured_queries if "activities_session" in q["sql"]]
    assert len(session_queries) == 1, session_queries
    assert "LIMIT 4" in session_queries[0]
    assert "COUNT(" not in session_queries[0].upper() and "activities_booking" not in session_queries[0]
    assert html.count("11 places disponibles") == 4
