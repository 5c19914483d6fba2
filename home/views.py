"""Small site-wide views."""

import logging

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import Http404, HttpResponsePermanentRedirect, HttpResponseRedirect, JsonResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from home.templatetags.home_tags import DEFAULT_TEXT_SIZE, TEXT_SIZE_COOKIE, TEXT_SIZES

logger = logging.getLogger(__name__)
TEXT_SIZE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60


def _check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _check_cache():
    from django.core.cache import cache

    cache.set("healthz", "ok", 10)
    if cache.get("healthz") != "ok":
        raise RuntimeError("cache did not return the value just written")


def _check_search():
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    es = getattr(backend, "es", None)  # Elasticsearch / OpenSearch client
    if es is not None:
        if not es.ping():
            raise RuntimeError("search server unreachable")
        return
    from wagtail.models import Page

    list(backend.search("healthz", Page.objects.none())[:1])


def _check_task_queue():
    from django_tasks import default_task_backend

    name = type(default_task_backend).__name__
    if name == "RQBackend":
        import django_rq

        django_rq.get_connection("default").ping()
    elif name == "DatabaseBackend":
        from django_tasks_db.models import DBTaskResult

        DBTaskResult.objects.exists()


HEALTH_CHECKS = {
    "database": _check_database,
    "cache": _check_cache,
    "search": _check_search,
    "tasks": _check_task_queue,
}


@never_cache
@login_not_required
def healthz(request):
    """Liveness and readiness: 200 when the database, cache, search backend and task queue answer, else 503."""
    checks = {}
    for name, check in HEALTH_CHECKS.items():
        try:
            check()
            checks[name] = "ok"
        except Exception:  # noqa: BLE001 - any failure means "not ready"; details go to the log
            logger.exception("healthz: %s check failed", name)
            checks[name] = "error"
    status = 200 if all(v == "ok" for v in checks.values()) else 503
    return JsonResponse({"status": "ok" if status == 200 else "error", "checks": checks}, status=status)


@csrf_exempt
@login_not_required
@require_POST
def set_text_size(request):
    """Remember the visitor's text size in a cookie and go back to the page they were on (works without JS).

    Exempt from CSRF so public pages carry no token and can be cached for every anonymous visitor. Safe: a
    forged request can only change the text size of the victim's screen (a display preference in a cookie,
    checked against TEXT_SIZES); it reads nothing, touches no account and redirects only to this site."""
    size = request.POST.get("size", "")
    if size not in TEXT_SIZES:
        size = DEFAULT_TEXT_SIZE
    next_url = request.POST.get("next") or request.headers.get("referer", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    response.set_cookie(
        TEXT_SIZE_COOKIE,
        size,
        max_age=TEXT_SIZE_COOKIE_MAX_AGE,
        samesite="Lax",
        secure=request.is_secure(),
        httponly=False,  # the optional script reads it to apply the size without a reload
    )
    return response


# URL prefixes translated in config/urls.py and members/urls.py: (French prefix, its msgid).
TRANSLATED_PREFIXES = {"comptes": "comptes/", "mon-espace": "mon-espace/"}


@login_not_required
def old_prefix_redirect(request, prefix, rest=""):
    """/en/mon-espace/… and /en/comptes/… (links sent before the paths were translated) → /en/my-space/…"""
    target = f"/{get_language()}/{gettext(TRANSLATED_PREFIXES[prefix])}{rest}"
    if target == request.path:  # already the right prefix (an unknown French path): no redirect loop
        raise Http404
    if request.META.get("QUERY_STRING"):
        target += "?" + request.META["QUERY_STRING"]
    return HttpResponsePermanentRedirect(target)
