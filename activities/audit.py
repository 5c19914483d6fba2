"""One helper to record who did what (dotted codes, pretix style). Meant to move to a shared module."""

from django.contrib.contenttypes.models import ContentType

from activities.models.audit import ActionLog


def log_action(obj, code, *, actor=None, on_behalf_of=None, data=None):
    """Append an entry to the action log, in the caller's transaction (rolled back with it)."""
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return ActionLog.objects.create(
        content_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=str(obj.pk) if obj is not None else "",
        code=code,
        actor=actor,
        on_behalf_of=on_behalf_of,
        data=data or {},
    )
