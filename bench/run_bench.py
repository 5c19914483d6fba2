# ruff: noqa: T201, S603, S607 - a command-line script: it prints its report and runs fixed local tools
"""`make bench`: requests/s of the main pages as ratios to a bare Django view, search p95, booking under load.

One run, about 7 minutes: resets the PostgreSQL database escale_bench, migrates, seeds the demo, adds
10,000 pages and 1,000 sessions (create_random_data), starts gunicorn with production settings on
127.0.0.1:8108 and measures each URL with wrk; then the loaded burst (bench/loaded_burst.py: 200 HTTP
bookings for 12 seats with a CPU hog on every core) and the in-process booking burst (bench/booking_bench.py).
Always stops gunicorn (and the hog).

`make bench BENCH_ONLY=booking` (or BENCH_ONLY=booking bench/run_bench.py) keeps the database, skips the
pages and runs only the two booking bursts: a couple of minutes.
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from boot import BASE_DIR, GUNICORN_COMMAND, PG_ARGS, PYTHON, RQ_BURST_WORKER, production_environment

HOST, PORT = "127.0.0.1", int(os.environ.get("BENCH_PORT", "8108"))
DB_NAME = os.environ.get("BENCH_DB", "escale_bench")
PAGES = int(os.environ.get("BENCH_PAGES", "10000"))
SESSIONS = int(os.environ.get("BENCH_SESSIONS", "1000"))
DURATION = os.environ.get("BENCH_DURATION", "10s")
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "16")
WRK = shutil.which("wrk") or "/usr/bin/wrk"

# A visitor with a session cookie (here one the server does not know: an anonymous session) never gets
# the shared page cache (home/page_cache/): those rows measure a full render, menu and footer cached.
RENDERED = ("Cookie: sessionid=bench-no-such-session",)
TARGETS = [
    ("bare Django view", "/bench/", ()),
    ("home page", "/fr/", ()),
    ("news index", "/fr/actualites/", ()),
    ("calendar (1,000 sessions)", "/fr/agenda/", ()),
    ("calendar, month view", "/fr/agenda/?vue=mois", ()),
    ("home page, rendered", "/fr/", RENDERED),
    ("news index, rendered", "/fr/actualites/", RENDERED),
    ("calendar, rendered", "/fr/agenda/", RENDERED),
    ("calendar month, rendered", "/fr/agenda/?vue=mois", RENDERED),
    (f"search over {PAGES:,} pages", "/fr/recherche/?q=atelier+numerique", ()),
]


def environment(media_root):
    return production_environment(
        database_url=f"postgres://postgres@127.0.0.1:5432/{DB_NAME}",
        redis_url=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6"),
        media_root=media_root,
        host=HOST,
        port=PORT,
        cache_prefix="bench",
        BENCHMARK_VIEWS="1",
    )


def step(label, args, env, timeout=900):
    began = time.monotonic()
    result = subprocess.run(args, env=env, cwd=BASE_DIR, capture_output=True, text=True, timeout=timeout)  # noqa: S603
    if result.returncode:
        print(f"FAIL  {label}\n{(result.stderr or result.stdout)[-3000:]}", flush=True)
        raise SystemExit(1)
    print(f"  {label}: {time.monotonic() - began:.1f} s", flush=True)
    return result.stdout


def wait_until_up(process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(f"http://{HOST}:{PORT}/healthz", timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.5)
    return False


def wrk(path, *, headers=(), duration=DURATION, connections=CONNECTIONS, threads="2"):
    args = [WRK, f"-t{threads}", f"-c{connections}", f"-d{duration}", "--latency", "-s", "bench/wrk_report.lua"]
    for header in ("X-Forwarded-Proto: https", *headers):
        args += ["-H", header]
    args.append(f"http://{HOST}:{PORT}{path}")
    out = subprocess.run(args, cwd=BASE_DIR, capture_output=True, text=True, check=True).stdout  # noqa: S603
    figures = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))}
    for key in ("P50_MS", "P95_MS", "P99_MS", "ERRORS", "NON2XX"):
        figures[key] = float(re.search(rf"^{key} ([\d.]+)", out, re.MULTILINE).group(1))
    return figures


def prepare_database(env, *, only):
    """The full bench resets the database and adds 10,000 pages; the booking-only bench reuses it (seeding the
    demo only when it creates the database: a place and an activity are all a booking needs)."""
    if only != "booking":
        subprocess.run(["dropdb", *PG_ARGS, "--if-exists", DB_NAME], check=False, capture_output=True)  # noqa: S603,S607
    created = not subprocess.run(["createdb", *PG_ARGS, DB_NAME], check=False, capture_output=True).returncode  # noqa: S603,S607
    step("migrate", [PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
    if not (BASE_DIR / "var" / "static" / "staticfiles.json").exists():
        step("collectstatic", [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    if created or only != "booking":
        step("seed_demo", [PYTHON, "manage.py", "seed_demo"], env)
    if only == "booking":
        return
    step("rqworker --burst", RQ_BURST_WORKER, env)
    out = step(
        f"create_random_data {PAGES} --sessions {SESSIONS}",
        [PYTHON, "manage.py", "create_random_data", str(PAGES), "--sessions", str(SESSIONS)],
        env,
    )
    print("   ", out.strip().splitlines()[-1], flush=True)
    step("ANALYZE", ["psql", *PG_ARGS, "-d", DB_NAME, "-qc", "ANALYZE"], env)


def measure_pages():
    results = []
    for label, path, headers in TARGETS:
        wrk(path, headers=headers, duration="2s")  # warm-up: workers' connections, caches, renditions
        results.append((label, path, wrk(path, headers=headers)))
    ceiling = results[0][2]["rps"]
    print(f"\n{'page':32s} {'req/s':>9s} {'ratio':>7s} {'p50 ms':>8s} {'p95 ms':>8s} {'failed':>8s}")
    for label, _path, r in results:
        print(
            f"{label:32s} {r['rps']:9.1f} {r['rps'] / ceiling:7.2f} {r['P50_MS']:8.1f} {r['P95_MS']:8.1f} "
            f"{int(r['NON2XX'] + r['ERRORS']):8d}"
        )
    search_path = TARGETS[-1][1]
    alone = wrk(search_path, connections="1", threads="1")
    print(
        f"\nsearch latency, one client at a time: p50 {alone['P50_MS']:.1f} ms, p95 {alone['P95_MS']:.1f} ms "
        f"({alone['rps']:.0f} req/s); under {CONNECTIONS} connections: p95 {results[-1][2]['P95_MS']:.1f} ms"
    )
    home = results[1][2]["rps"] / ceiling
    print(f"goal home >= 0.5 x bare view: {'met' if home >= 0.5 else 'NOT met'} ({home:.2f})")
    print(f"goal search p95 < 100 ms (one client): {'met' if alone['P95_MS'] < 100 else 'NOT met'}\n")


def main():
    only = os.environ.get("BENCH_ONLY", "")
    if only not in ("", "booking"):
        print(f"BENCH_ONLY={only!r}: only 'booking' (the booking bursts) is known", flush=True)
        return 2
    cpus = os.cpu_count() or 1
    media_root = Path(tempfile.mkdtemp(prefix="escale-bench-media-"))
    env = environment(media_root)
    env.setdefault("WEB_CONCURRENCY", str(cpus * 2 + 1))
    print(
        f"bench{' (booking only)' if only else ''}: {cpus} CPU, gunicorn {env['WEB_CONCURRENCY']} sync workers, "
        f"PostgreSQL {DB_NAME}, wrk {CONNECTIONS} connections x {DURATION}",
        flush=True,
    )
    process = None
    loaded = 1
    try:
        prepare_database(env, only=only)
        process = subprocess.Popen(  # noqa: S603
            GUNICORN_COMMAND,
            env=env,
            cwd=BASE_DIR,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if not wait_until_up(process):
            print("FAIL  gunicorn did not start", flush=True)
            return 1
        if not only:
            measure_pages()
        # 200 members booking a 12-seat session over HTTP at once, both cores hogged (bench/loaded_burst.py).
        loaded = subprocess.run(  # noqa: S603
            [PYTHON, "bench/loaded_burst.py"], env={**env, "BENCH_URL": f"http://{HOST}:{PORT}"}, cwd=BASE_DIR
        ).returncode
    finally:
        if process is not None and process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            print("bench: gunicorn stopped", flush=True)
    booking = subprocess.run([PYTHON, "bench/booking_bench.py"], env=env, cwd=BASE_DIR, check=False)  # noqa: S603
    shutil.rmtree(media_root, ignore_errors=True)
    return loaded or booking.returncode


if __name__ == "__main__":
    sys.exit(main())
