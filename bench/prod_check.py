# ruff: noqa: T201, S603, S607 - a command-line script: it prints its report and runs fixed local tools
"""`make prod-check`: boot Escale with production settings under gunicorn (PostgreSQL + Redis) and check it.

Resets the database escale_prod, migrates, collects static files, seeds the demo, starts gunicorn on
127.0.0.1:8107, fetches the main pages and /healthz as if behind an HTTPS proxy (X-Forwarded-Proto),
checks the security headers and cookies, the login rate limit per visitor behind the proxy, that anonymous pages are served from the page cache and forgotten
when a page is published (from another process, through Redis), then proves a backup can be restored (pg_dump, pg_restore into a
fresh database, same page count). Prints PASS/FAIL lines, exits 1 on any failure, always stops gunicorn.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookies import SimpleCookie
from pathlib import Path

from boot import BASE_DIR, GUNICORN_COMMAND, PG_ARGS, PYTHON, RQ_BURST_WORKER, production_environment, stop_server

HOST, PORT = "127.0.0.1", int(os.environ.get("PROD_CHECK_PORT", "8107"))
PG = os.environ.get("PROD_CHECK_PG", "postgres://postgres@127.0.0.1:5432")
DB_NAME = os.environ.get("PROD_CHECK_DB", "escale_prod")
REDIS_URL = os.environ.get("PROD_CHECK_REDIS_URL", "redis://127.0.0.1:6379/5")

PAGES = ["/fr/", "/en/", "/fr/actualites/", "/fr/agenda/", "/fr/recherche/?q=atelier", "/en/search/?q=workshop"]

failures = []


def report(ok, label, detail=""):
    print(f"{'PASS' if ok else 'FAIL'}  {label}{'  — ' + detail if detail else ''}", flush=True)
    if not ok:
        failures.append(label)
    return ok


def environment(media_root):
    return production_environment(
        database_url=f"{PG}/{DB_NAME}",
        redis_url=REDIS_URL,
        media_root=media_root,
        host=HOST,
        port=PORT,
        cache_prefix="prodcheck",
        CSRF_TRUSTED_ORIGINS=f"https://{HOST}:{PORT}",
        BASE_URL=f"https://{HOST}:{PORT}",
        WEB_CONCURRENCY=os.environ.get("WEB_CONCURRENCY", "2"),
    )


def run(label, args, env, timeout=600):
    started = time.monotonic()
    result = subprocess.run(args, env=env, cwd=BASE_DIR, capture_output=True, text=True, timeout=timeout)  # noqa: S603
    ok = result.returncode == 0
    report(ok, label, f"{time.monotonic() - started:.1f} s" if ok else (result.stderr or result.stdout)[-2000:])
    return ok


def fetch(path, *, https=True, method="GET"):
    """(status, headers, body) without following redirects, as the proxy would forward it."""
    request = urllib.request.Request(f"http://{HOST}:{PORT}{path}", method=method)  # noqa: S310 - local
    request.add_header("Host", f"{HOST}:{PORT}")
    if https:
        request.add_header("X-Forwarded-Proto", "https")

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def wait_until_up(process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            status, _headers, _body = fetch("/healthz", https=False)
            if status in (200, 503):
                return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


def check_pages():
    for path in PAGES:
        status, headers, body = fetch(path)
        report(status == 200, f"GET {path} -> 200", f"got {status}")
        if path == "/fr/":
            check_security_headers(headers)
        if "?q=" in path:
            report(b"search-result" in body, f"{path} lists results")
    status, headers, _body = fetch("/fr/", https=False)
    report(
        status in (301, 302) and headers.get("Location", "").startswith("https://"),
        "plain HTTP is redirected to HTTPS (SECURE_SSL_REDIRECT)",
        f"{status} {headers.get('Location')}",
    )


def check_security_headers(headers):
    hsts = headers.get("Strict-Transport-Security", "")
    report("max-age=" in hsts and "includeSubDomains" in hsts, "HSTS header", hsts or "missing")
    csp = headers.get("Content-Security-Policy", "")
    report("default-src 'self'" in csp and "frame-ancestors" in csp, "Content-Security-Policy header", csp[:80])
    report(headers.get("X-Frame-Options") == "DENY", "X-Frame-Options: DENY", str(headers.get("X-Frame-Options")))
    nosniff = headers.get("X-Content-Type-Options")
    report(nosniff == "nosniff", "X-Content-Type-Options: nosniff", str(nosniff))
    referrer = headers.get("Referrer-Policy")
    report(bool(referrer), "Referrer-Policy header", str(referrer))
    report("public" in headers.get("Cache-Control", ""), "anonymous page is cacheable", headers.get("Cache-Control"))


PUBLISH_HOME = (
    "from home.models import HomePage; "
    "HomePage.objects.filter(locale__language_code='fr').first().save_revision().publish()"
)


def check_page_cache(env):
    """The second anonymous visit is a cache hit with the same security headers, no cookie and no CSRF token;
    publishing a page from another process (an editor, a cron job) makes the next visit a fresh render."""
    fetch("/fr/")
    status, headers, body = fetch("/fr/")
    report(status == 200 and headers.get("X-Cache") == "HIT", "second anonymous GET /fr/ is served from the cache")
    check_security_headers(headers)
    report(headers.get("Set-Cookie") is None, "cached page sets no cookie", str(headers.get("Set-Cookie")))
    report(b"csrfmiddlewaretoken" not in body, "public page carries no CSRF token")
    if run("publish the home page from another process", [PYTHON, "manage.py", "shell", "-c", PUBLISH_HOME], env):
        _status, headers, _body = fetch("/fr/")
        report(headers.get("X-Cache") == "MISS", "after publishing, /fr/ is rendered again", headers.get("X-Cache"))


def check_cookies():
    status, headers, _body = fetch("/fr/comptes/login/")
    report(status == 200, "GET /fr/comptes/login/ -> 200", f"got {status}")
    cookies = SimpleCookie()
    for header in headers.get_all("Set-Cookie") or []:
        cookies.load(header)
    csrf = cookies.get("csrftoken")
    if not report(csrf is not None, "login page sets csrftoken"):
        return
    report(bool(csrf["secure"]), "csrftoken cookie is Secure")
    report(bool(csrf["httponly"]), "csrftoken cookie is HttpOnly")
    report(csrf["samesite"].lower() in ("lax", "strict"), "csrftoken cookie has SameSite", csrf["samesite"])


def login_attempt(visitor, email, password, csrf):
    """POST the login form as the proxy would forward it for `visitor`; True when the rate limit answered."""
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": csrf, "login": email, "password": password}).encode()
    request = urllib.request.Request(f"http://{HOST}:{PORT}/fr/comptes/login/", data=data, method="POST")  # noqa: S310
    for name, value in (
        ("Host", f"{HOST}:{PORT}"),
        ("X-Forwarded-Proto", "https"),
        ("X-Forwarded-For", visitor),
        ("Origin", f"https://{HOST}:{PORT}"),
        ("Referer", f"https://{HOST}:{PORT}/fr/comptes/login/"),
        ("Cookie", f"csrftoken={csrf}"),
        ("Content-Type", "application/x-www-form-urlencoded"),
    ):
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - local
            body = response.read().decode()
    except urllib.error.HTTPError as error:
        body = error.read().decode()
    return "Trop de tentatives de connexion" in body


def check_login_rate_limit_per_visitor():
    """Behind the proxy (ALLAUTH_TRUSTED_PROXY_COUNT=1), five wrong passwords block that visitor only."""
    status, headers, _body = fetch("/fr/comptes/login/")
    cookies = SimpleCookie()
    for header in headers.get_all("Set-Cookie") or []:
        cookies.load(header)
    if not report(status == 200 and "csrftoken" in cookies, "login page for the rate-limit check"):
        return
    csrf = cookies["csrftoken"].value
    attacker, neighbour = "203.0.113.7", "198.51.100.23"
    for n in range(5):
        login_attempt(attacker, f"personne{n}@escale.example", "pas-le-bon", csrf)
    report(
        login_attempt(attacker, "personne9@escale.example", "pas-le-bon", csrf),
        "five wrong passwords from one visitor (X-Forwarded-For) block that visitor",
    )
    report(
        not login_attempt(neighbour, "personne8@escale.example", "pas-le-bon", csrf),
        "another visitor behind the same proxy can still log in (ALLAUTH_TRUSTED_PROXY_COUNT)",
    )


def check_health():
    status, _headers, body = fetch("/healthz", https=False)
    try:
        checks = json.loads(body).get("checks", {})
    except ValueError:
        checks = {}
    report(status == 200, "/healthz -> 200 (without HTTPS: exempt from the redirect)", body.decode()[:200])
    for name in ("database", "cache", "search", "tasks"):
        report(checks.get(name) == "ok", f"/healthz {name} ok", str(checks.get(name)))


def check_backup_restore(env):
    """pg_dump the prod-check database, restore it into a fresh one, compare page and image counts."""
    restore_db = f"{DB_NAME}_restore"
    with tempfile.TemporaryDirectory(prefix="escale-backup-") as tmp:
        dump = Path(tmp) / "escale.dump"
        if not run("backup: pg_dump -Fc", ["pg_dump", *PG_ARGS, "-Fc", "-f", str(dump), DB_NAME], env):
            return
        subprocess.run(["dropdb", *PG_ARGS, "--if-exists", restore_db], check=False, capture_output=True)  # noqa: S603,S607
        subprocess.run(["createdb", *PG_ARGS, restore_db], check=True, capture_output=True)  # noqa: S603,S607
        try:
            if not run(
                "restore: pg_restore into a fresh database",
                ["pg_restore", *PG_ARGS, "--no-owner", "-d", restore_db, str(dump)],
                env,
            ):
                return
            media_archive = Path(tmp) / "media.tar.gz"
            media = Path(env["MEDIA_ROOT"])
            shutil.make_archive(str(media_archive).removesuffix(".tar.gz"), "gztar", media)
            restored_media = Path(tmp) / "media-restored"
            shutil.unpack_archive(media_archive, restored_media)
            counts = {}
            for db in (DB_NAME, restore_db):
                query = "SELECT (SELECT count(*) FROM wagtailcore_page) || ',' || (SELECT count(*) FROM wagtailimages_image)"
                out = subprocess.run(  # noqa: S603,S607
                    ["psql", *PG_ARGS, "-tA", "-d", db, "-c", query], capture_output=True, text=True, check=True
                )
                counts[db] = out.stdout.strip()
            report(
                counts[DB_NAME] == counts[restore_db] and counts[DB_NAME] != "0,0",
                "restored database has the same pages and images",
                f"{counts[DB_NAME]} vs {counts[restore_db]} (pages,images)",
            )
            files = sorted(p.relative_to(media) for p in media.rglob("*") if p.is_file())
            restored = sorted(p.relative_to(restored_media) for p in restored_media.rglob("*") if p.is_file())
            report(files == restored and bool(files), "restored media has the same files", f"{len(files)} files")
        finally:
            subprocess.run(["dropdb", *PG_ARGS, "--if-exists", restore_db], check=False, capture_output=True)  # noqa: S603,S607


def _scheduled_run_state(job):
    out = subprocess.run(  # noqa: S603
        [
            "psql",  # noqa: S607
            *PG_ARGS,
            "-d",
            DB_NAME,
            "-tAc",
            # `job` is one of our own constant command names, never user input.
            f"select count(*), count(finished_at), count(*) filter (where failed) from core_scheduledrun where job = '{job}'",  # noqa: S608
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    return out.stdout.strip()


def check_scheduler(env):
    """The scheduler process starts under production settings, claims a job and the RQ worker runs it."""
    job = "publish_scheduled"
    process = subprocess.Popen(  # noqa: S603
        [PYTHON, "manage.py", "run_scheduler", "--run-now", job],
        env=env,
        cwd=BASE_DIR,
        start_new_session=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not _scheduled_run_state(job).startswith("1|"):
        time.sleep(0.5)
    running = process.poll() is None
    os.killpg(process.pid, signal.SIGTERM)
    try:
        output, _ = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        output, _ = process.communicate()
    claimed = _scheduled_run_state(job).startswith("1|")
    report(running and claimed, "scheduler process starts and enqueues a periodic job", output.strip()[-300:])
    report("Scheduler stopped." in output, "scheduler stops cleanly on SIGTERM")
    run("RQ worker runs the periodic job", RQ_BURST_WORKER, env)
    report(_scheduled_run_state(job) == "1|1|0", "periodic job finished on the worker", _scheduled_run_state(job))


def main():
    media_root = Path(tempfile.mkdtemp(prefix="escale-prod-check-media-"))
    env = environment(media_root)
    print(f"prod-check: database {DB_NAME}, Redis {REDIS_URL}, gunicorn on {HOST}:{PORT}", flush=True)
    subprocess.run(["dropdb", *PG_ARGS, "--if-exists", DB_NAME], check=False, capture_output=True)  # noqa: S603,S607
    subprocess.run(["createdb", *PG_ARGS, DB_NAME], check=True)  # noqa: S603,S607
    process = None
    log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 - closed in finally; gunicorn's own log, printed if it fails to start
    try:
        ok = (
            run("manage.py check --deploy", [PYTHON, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)
            and run("manage.py migrate", [PYTHON, "manage.py", "migrate", "--noinput"], env)
            and run("manage.py collectstatic", [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
            and run("manage.py seed_demo", [PYTHON, "manage.py", "seed_demo"], env, timeout=900)
            and run("RQ worker drains the task queue (rqworker --burst)", RQ_BURST_WORKER, env)
            and run("manage.py update_index", [PYTHON, "manage.py", "update_index"], env)
        )
        if not ok:
            return 1
        process = subprocess.Popen(  # noqa: S603
            GUNICORN_COMMAND,
            env=env,
            cwd=BASE_DIR,
            start_new_session=True,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        if not report(wait_until_up(process), "gunicorn starts (production settings, --no-control-socket)"):
            log.seek(0)
            print(log.read()[-3000:], flush=True)
            return 1
        check_health()
        check_pages()
        check_page_cache(env)
        check_cookies()
        check_scheduler(env)
        check_login_rate_limit_per_visitor()
        check_backup_restore(env)
    finally:
        stop_server(process, "prod-check")
        shutil.rmtree(media_root, ignore_errors=True)
        log.close()
    if failures:
        print(f"prod-check: {len(failures)} FAILED: {', '.join(failures)}", flush=True)
        return 1
    print("prod-check: all checks passed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
