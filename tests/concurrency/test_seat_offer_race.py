"""An offer accepted at the very moment the expiry job passes it on has exactly one outcome."""

import datetime

from django.db import connection
from django.utils import timezone

import pytest

from activities import services
from activities.exceptions import BookingError
from activities.models import SEAT_STATUSES, Booking
from tests.activities.factories import make_session, make_user
from tests.concurrency.helpers import run_concurrently

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL (select_for_update)"),
]


def test_accepting_while_the_offer_expires_keeps_or_passes_the_seat_never_both():
    for _round in range(5):
        session = make_session(capacity=1)
        holder = services.book(session, make_user())
        first, second = services.book(session, make_user()), services.book(session, make_user())
        services.cancel_booking(holder, by=holder.member)
        job_clock = timezone.now() + datetime.timedelta(days=2)  # by the job's clock, the offer is over

        def accept(pk=first.pk):
            booking = Booking.objects.select_related("member").get(pk=pk)
            try:
                return services.accept_offer(booking, by=booking.member).status
            except BookingError:
                return "refused"

        def expire(clock=job_clock):
            return len(services.expire_offers(now=clock))

        _results, errors = run_concurrently(lambda job: job(), [(accept,), (expire,)])

        assert errors == []
        first.refresh_from_db()
        second.refresh_from_db()
        assert (first.status, second.status) in {("confirmed", "waitlisted"), ("cancelled", "offered")}
        assert Booking.objects.filter(session=session, status__in=SEAT_STATUSES).count() == 1
