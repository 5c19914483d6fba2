"""The access log as administrators read it."""

from care.models import AccessLogEntry
from care.services.access import Action, log_access, require_care_admin


def access_log_for_case(case, *, viewer=None):
    """Who read or wrote this file, when, what — the list a person can be given on request (GDPR art. 15).
    With a viewer, only an administrator may see it, and that consultation is itself logged."""
    if viewer is not None:
        require_care_admin(viewer)
        log_access(viewer, Action.READ, "accesslog", case=case, object_id=case.pk)
    return AccessLogEntry.objects.filter(case=case).select_related("actor", "case").order_by("-at", "-pk")


def access_log(viewer, *, case=None, actor=None, start=None, end=None):
    """The whole log for administrators (the consultation is logged), optionally only one file's
    entries, one staff member's, or those between two dates (inclusive, Europe/Paris days)."""
    require_care_admin(viewer)
    log_access(viewer, Action.LIST, "accesslog")
    entries = AccessLogEntry.objects.select_related("actor", "case").order_by("-at", "-pk")
    if case is not None:
        entries = entries.filter(case=case)
    if actor is not None:
        entries = entries.filter(actor=actor)
    if start is not None:
        entries = entries.filter(at__date__gte=start)
    if end is not None:
        entries = entries.filter(at__date__lte=end)
    return entries
