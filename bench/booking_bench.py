# ruff: noqa: T201, S106, S603, S607 - a command-line script: it prints its report and runs fixed local tools
"""Booking burst: p95 latency of 200 booking requests for 12 seats, with the row lock and without it.

Run by bench/run_bench.py with production settings on the bench database. The "without" run calls
activities.booking_service._book(lock=False), the bypass the concurrency control test uses: it shows what the
lock costs and that without it the session is overbooked.
"""

import os
import statistics
import sys
import threading
import time
import uuid

import django

# A script run on its own: the app registry is set up before the project's models are imported.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from activities import services  # noqa: E402
from activities.models import ActivityPage, Booking, Place, Session  # noqa: E402
from activities.services import booking as booking_service  # noqa: E402

REQUESTS = int(os.environ.get("BOOKING_REQUESTS", "200"))
CONCURRENCY = int(os.environ.get("BOOKING_CONCURRENCY", "40"))  # PostgreSQL max_connections is 100 here
SEATS = 12


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def session_and_members(count, prefix):
    """A fresh 12-seat session a month ahead (a live, single-session activity) and `count` new members."""
    activity = ActivityPage.objects.filter(locale__language_code="fr", is_cycle=False, live=True).first()
    start = timezone.now() + timezone.timedelta(days=30)
    session = Session.objects.create(
        activity=activity, place=Place.objects.first(), start=start, end=start + timezone.timedelta(hours=1),
        capacity=SEATS,
    )  # fmt: skip
    tag = uuid.uuid4().hex[:8]
    User = get_user_model()
    User.objects.bulk_create(
        [
            User(username=f"{prefix}-{tag}-{i}", email=f"{prefix}-{tag}-{i}@escale.example", password="!")
            for i in range(count)
        ]
    )
    return session, list(User.objects.filter(username__startswith=f"{prefix}-{tag}-"))


def burst(*, lock):
    session, members = session_and_members(REQUESTS, "bench")
    queue = list(members)
    queue_lock = threading.Lock()
    latencies, errors = [], []
    barrier = threading.Barrier(CONCURRENCY)

    def worker():
        try:
            barrier.wait()
            while True:
                with queue_lock:
                    if not queue:
                        return
                    member = queue.pop()
                began = time.perf_counter()
                try:
                    if lock:
                        services.book(Session.objects.select_related("activity").get(pk=session.pk), member)
                    else:
                        with transaction.atomic(durable=True):
                            booking_service._book(
                                session.pk, member, by=None, needs_pickup=False, pickup_address="", lock=False
                            )
                except Exception as exc:  # noqa: BLE001 - counted and reported
                    errors.append(type(exc).__name__)
                latencies.append((time.perf_counter() - began) * 1000)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(CONCURRENCY)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    confirmed = Booking.objects.filter(session=session, status__in=("confirmed", "attended", "no_show")).count()
    return {
        "p50": statistics.median(latencies),
        "p95": percentile(latencies, 95),
        "confirmed": confirmed,
        "errors": len(errors),
        "elapsed": elapsed,
    }


def main():
    print(f"Booking burst: {REQUESTS} requests, {CONCURRENCY} at a time, {SEATS} seats", flush=True)
    for label, lock in (("with the row lock", True), ("without the lock (control)", False)):
        r = burst(lock=lock)
        print(
            f"  {label:28s} p50 {r['p50']:7.1f} ms   p95 {r['p95']:7.1f} ms   confirmed {r['confirmed']:3d}/{SEATS}"
            f"   errors {r['errors']}   total {r['elapsed']:.1f} s",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
