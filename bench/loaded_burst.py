# ruff: noqa: T201, S106, S310, S603, S607 - a command-line script: it prints its report and runs fixed local tools
"""Loaded burst: 200 members post the booking form of one 12-seat session at the same moment, over HTTP to
the running gunicorn (real workers, PostgreSQL), while a CPU hog keeps both cores busy.

Run by bench/run_bench.py with the bench's production environment and BENCH_URL (the gunicorn it started).
Prints one line: confirmed, waitlisted, errors, try-again, p50/p95; exits 1 unless exactly 12 are confirmed,
the rest waitlisted, with 0 errors and 0 try-again. The hog (stress-ng, else one busy Python process per
core) is started before the burst and always stopped after it; it also ends by itself after HOG_SECONDS.
"""

import http.client
import multiprocessing
import os
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

from booking_bench import SEATS, session_and_members  # sets Django up (production settings by default)

from activities.models import Booking  # noqa: E402

REQUESTS = int(os.environ.get("LOADED_BURST_REQUESTS", "200"))
HOG_SECONDS = int(os.environ.get("LOADED_BURST_HOG_SECONDS", "90"))
CLIENT_TIMEOUT = 120  # seconds; above gunicorn's timeout, so a slow answer is measured, not dropped
TRY_AGAIN_TEXT = "réessayer"  # activities.exceptions.TryAgain, in French


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def _busy(deadline):
    while time.monotonic() < deadline:
        pass


class CpuHog:
    """A CPU hog on every core, bounded in time: stress-ng if installed, else busy Python processes."""

    def __init__(self, seconds):
        self.seconds = seconds
        self.cores = os.cpu_count() or 1
        self.process = None
        self.busy = []

    def __enter__(self):
        stress = shutil.which("stress-ng")
        if stress:
            self.process = subprocess.Popen(
                [stress, "--cpu", str(self.cores), "--timeout", f"{self.seconds}s", "--quiet"],
                start_new_session=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        else:
            deadline = time.monotonic() + self.seconds
            self.busy = [
                multiprocessing.Process(target=_busy, args=(deadline,), daemon=True) for _ in range(self.cores)
            ]
            for process in self.busy:
                process.start()
        time.sleep(1)  # let the hog take the cores before the burst
        return self

    def describe(self):
        return f"{'stress-ng' if self.process else 'busy loop'} on {self.cores} cores"

    def __exit__(self, *exc):
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        for process in self.busy:
            process.terminate()
            process.join(timeout=10)
        return False


def prepare():
    """A fresh 12-seat session, REQUESTS members each with a signed-in session cookie, one CSRF token."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.middleware.csrf import _get_new_csrf_string
    from django.urls import reverse
    from django.utils import translation
    from django.utils.module_loading import import_string

    session, members = session_and_members(REQUESTS, "loaded")
    store_class = import_string(settings.SESSION_ENGINE + ".SessionStore")
    cookies = []
    for user in members:
        store = store_class()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        cookies.append(store.session_key)
    with translation.override("fr"):
        path = reverse("activities:book", args=[session.pk])
    return session, path, cookies, _get_new_csrf_string()


def post_booking(base, path, session_key, csrf):
    """One member's booking request; returns (outcome, milliseconds): booked / try-again / refused / error."""
    url = urllib.parse.urlsplit(base)
    began = time.perf_counter()
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=CLIENT_TIMEOUT)
    try:
        connection.request(
            "POST",
            path,
            body=urllib.parse.urlencode({"csrfmiddlewaretoken": csrf}),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"sessionid={session_key}; csrftoken={csrf}",
                "Origin": f"https://{url.netloc}",
                "Referer": f"https://{url.netloc}{path}",
                "X-Forwarded-Proto": "https",
            },
        )
        response = connection.getresponse()
        body = response.read().decode("utf-8", "replace")
        if response.status == 302 and "/inscriptions/" in response.getheader("Location", ""):
            outcome = "booked"
        elif response.status == 200 and TRY_AGAIN_TEXT in body:
            outcome = "try-again"
        elif response.status == 200:
            outcome = "refused"  # another booking error shown on the form: not expected here either
        else:
            outcome = f"error {response.status}"
    except OSError as exc:
        outcome = f"error {type(exc).__name__}"
    finally:
        connection.close()
    return outcome, (time.perf_counter() - began) * 1000


def burst(base, path, cookies, csrf):
    barrier = threading.Barrier(len(cookies))
    outcomes, lock = [], threading.Lock()

    def client(session_key):
        barrier.wait()
        result = post_booking(base, path, session_key, csrf)
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=client, args=(key,)) for key in cookies]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes, time.perf_counter() - began


def main():
    base = os.environ["BENCH_URL"]
    session, path, cookies, csrf = prepare()
    with CpuHog(HOG_SECONDS) as hog:
        outcomes, elapsed = burst(base, path, cookies, csrf)
    latencies = [ms for _outcome, ms in outcomes]
    kinds = [outcome for outcome, _ms in outcomes]
    confirmed = Booking.objects.filter(session=session, status="confirmed").count()
    waitlisted = Booking.objects.filter(session=session, status="waitlisted").count()
    try_again = kinds.count("try-again")
    errors = len(kinds) - kinds.count("booked") - try_again
    print(
        f"\nloaded burst: {REQUESTS} HTTP booking requests at once, {SEATS} seats, CPU hog ({hog.describe()})\n"
        f"  confirmed {confirmed}/{SEATS}   waitlisted {waitlisted}   errors {errors}   try-again {try_again}"
        f"   p50 {statistics.median(latencies):.0f} ms   p95 {percentile(latencies, 95):.0f} ms   total {elapsed:.1f} s",
        flush=True,
    )
    if errors:
        print("  errors:", sorted({k for k in kinds if k not in ("booked", "try-again")}), flush=True)
    met = confirmed == SEATS and waitlisted == REQUESTS - SEATS and errors == 0 and try_again == 0
    print(f"goal {SEATS} confirmed, rest waitlisted, 0 errors, 0 try-again: {'met' if met else 'NOT met'}", flush=True)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
