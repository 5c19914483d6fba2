"""What `make bench` measures with: wrk runs (latency percentiles, failures) and server CPU from /proc.

Server CPU per request is read from the kernel's accounting of the gunicorn master and its workers
(/proc/PID/stat, utime + stime) and of the PostgreSQL backends serving the bench database, before and
after a run at ONE connection: unlike req/s on a shared 2-core machine, it barely moves when other
processes compete for the CPU.
"""

import ast
import http.client
import os
import queue
import random
import re
import shutil
import subprocess
import threading
import time
import urllib.parse
from pathlib import Path

from boot import BASE_DIR, PG_ARGS

WRK = shutil.which("wrk") or "/usr/bin/wrk"
# Well above the slowest page (a cold search under 16 connections took ~1 s): a slow answer is measured,
# not dropped as wrk's default 2 s timeout did (rendered pages then printed "failed" and p95 0.0).
WRK_TIMEOUT = os.environ.get("BENCH_WRK_TIMEOUT", "30s")
TICKS = os.sysconf("SC_CLK_TCK")


def wrk(url, *, headers=(), duration, connections, threads=None):
    """One wrk run: req/s, request count, p50/p95/p99 (ms) and failures (non-2xx, timeouts, socket errors)."""
    threads = threads or min(int(connections), 2)
    args = [WRK, f"-t{threads}", f"-c{connections}", f"-d{duration}", f"--timeout={WRK_TIMEOUT}", "--latency"]
    args += ["-s", "bench/wrk_report.lua"]
    for header in ("X-Forwarded-Proto: https", *headers):
        args += ["-H", header]
    args.append(url)
    out = subprocess.run(args, cwd=BASE_DIR, capture_output=True, text=True, check=True).stdout  # noqa: S603
    figures = {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
    }
    for key in ("P50_MS", "P95_MS", "P99_MS", "ERRORS", "NON2XX"):
        figures[key] = float(re.search(rf"^{key} ([\d.]+)", out, re.MULTILINE).group(1))
    figures["failed"] = int(figures["ERRORS"] + figures["NON2XX"])  # timeouts, socket errors, non-2xx
    return figures


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] if ordered else 0.0


def fetch_each(host, port, paths, *, connections):
    """GET every path once over `connections` keep-alive connections (each takes the next path not yet
    asked): an exact number of requests, each a different query (wrk only stops on a duration).
    Returns the figures of wrk(): p50/p95/p99 ms, req/s, requests, failed (non-2xx, timeouts, errors)."""
    pending = queue.SimpleQueue()
    for path in paths:
        pending.put(path)
    latencies, failures = [], []
    lock = threading.Lock()

    def client():
        connection = http.client.HTTPConnection(host, port, timeout=float(WRK_TIMEOUT.rstrip("s")))
        while True:
            try:
                path = pending.get_nowait()
            except queue.Empty:
                break
            began = time.perf_counter()
            try:
                connection.request("GET", path, headers={"X-Forwarded-Proto": "https"})
                response = connection.getresponse()
                response.read()
                ok = 200 <= response.status < 300
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection(host, port, timeout=float(WRK_TIMEOUT.rstrip("s")))
                ok = False
            with lock:
                (latencies if ok else failures).append((time.perf_counter() - began) * 1000)
        connection.close()

    began = time.perf_counter()
    workers = [threading.Thread(target=client) for _ in range(int(connections))]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - began
    figures = {"rps": len(paths) / elapsed, "requests": len(paths), "failed": len(failures)}
    for p in (50, 95, 99):
        figures[f"P{p}_MS"] = percentile(latencies + failures, p)
    return figures


def _cpu_seconds(pid):
    """utime + stime of one process, in seconds (None when it is gone or unreadable)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()  # after "(comm)": state is field 3, utime 14, stime 15
    return (int(fields[11]) + int(fields[12])) / TICKS


def _children(pid):
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    if int(entry.joinpath("stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                        found.append(int(entry.name))
                except (OSError, IndexError, ValueError):
                    continue
        return found


def _postgres_backends(db_name):
    query = (
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
        "AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
    )
    result = subprocess.run(  # noqa: S603
        ["psql", *PG_ARGS, "-d", db_name, "-Atc", query],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    return [int(pid) for pid in result.stdout.split()] if result.returncode == 0 else []


class ServerCpu:
    """CPU seconds of gunicorn (master + workers) and of the database's backends, per sample."""

    def __init__(self, master_pid, db_name):
        self.master_pid = master_pid
        self.db_name = db_name

    def sample(self):
        app = {pid: _cpu_seconds(pid) for pid in [self.master_pid, *_children(self.master_pid)]}
        db = {pid: _cpu_seconds(pid) for pid in _postgres_backends(self.db_name)}
        return app, db

    @staticmethod
    def per_request_ms(before, after, requests):
        """(app ms, PostgreSQL ms) per request; None for PostgreSQL when its backends are not readable or
        changed during the run (a worker recycled or reconnected), for the app when a worker was replaced."""

        def delta(old, new):
            if not new or set(old) != set(new) or None in old.values() or None in new.values():
                return None
            return sum(new[pid] - old[pid] for pid in new) * 1000 / max(requests, 1)

        return delta(before[0], after[0]), delta(before[1], after[1])


def search_words():
    """The words create_random_data writes into the 10,000 pages (read from its source, no Django needed)."""
    source = (BASE_DIR / "search" / "management" / "commands" / "create_random_data.py").read_text()
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "WORDS":
            return ast.literal_eval(node.value)
    return ["atelier", "numérique", "jardin", "cuisine"]


def search_paths(prefix="/fr/recherche/?q="):
    """Every two-word query over those words, in a fixed shuffled order: each request of a run asks a
    query no earlier request of the run asked, so no ranking is served from the cache."""
    words = search_words()
    pairs = [f"{a} {b}" for i, a in enumerate(words) for b in words[i + 1 :]]
    random.Random(17).shuffle(pairs)  # noqa: S311 - a benchmark's fixed order, not a secret
    return [prefix + urllib.parse.quote_plus(pair) for pair in pairs]
