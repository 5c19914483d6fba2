"""Small site-wide views."""

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache


@never_cache
@login_not_required
def healthz(request):
    """Liveness and readiness: answers 200 when the database answers, 503 otherwise."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception:  # noqa: BLE001 - any failure means "not ready"
        checks["database"] = "error"
    status = 200 if all(v == "ok" for v in checks.values()) else 503
    return JsonResponse({"status": "ok" if status == 200 else "error", "checks": checks}, status=status)
