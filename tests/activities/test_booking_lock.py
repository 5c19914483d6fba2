"""The session lock is taken late and held short: what can be decided without it is decided before it,
so that 200 people booking at once queue for a few milliseconds each (issue 11, "Booking under load")."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from activities import services
from activities.exceptions import AlreadyBooked, BookingClosed
from activities.models import Booking, Session
from activities.services import locking
from tests.activities.factories import make_session, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def lock_spy(monkeypatch):
    """Counts the lock requests and remembers how many queries had run when the lock was asked for."""
    calls = []
    real_lock = locking.lock_sessions

    def spy(pks):
        calls.append(len(connection.queries))
        return real_lock(pks)

    monkeypatch.setattr(locking, "lock_sessions", spy)
    return calls


def test_the_lock_is_held_for_four_statements_lock_insert_count_audit(lock_spy):
    session = make_session(capacity=12)
    member = make_user()

    with CaptureQueriesContext(connection) as queries:
        booking = services.book(Session.objects.select_related("activity").get(pk=session.pk), member)

    assert booking.status == Booking.Status.CONFIRMED
    assert len(lock_spy) == 1
    under_lock = [q["sql"] for q in queries.captured_queries[lock_spy[0] - queries.initial_queries :]]
    statements = [sql for sql in under_lock if not sql.startswith(("SAVEPOINT", "RELEASE", "SET LOCAL"))]
    # lock the session (its seat counter comes with it), insert the booking, update the counter, audit it
    assert len(statements) == 4, statements


def test_a_double_click_is_refused_without_queueing_for_the_lock(lock_spy):
    session = make_session(capacity=12)
    member = make_user()
    services.book(session, member)

    with pytest.raises(AlreadyBooked):
        services.book(session, member)

    assert len(lock_spy) == 1  # only the first booking queued for the lock
    assert Booking.objects.filter(session=session, member=member).count() == 1


def test_a_closed_session_is_refused_without_queueing_for_the_lock(lock_spy):
    session = make_session(capacity=12, status=Session.Status.DONE)

    with pytest.raises(BookingClosed):
        services.book(session, make_user())

    assert lock_spy == []
