"""Who did what, for whom: one way to write the staff-acts journal (pretix's `log_action`).

Every state change that matters (booking, payment, membership, mandate, note) calls `log_action` inside
its own transaction, so the entry is rolled back with the change it describes.
"""

from django.contrib.contenttypes.models import ContentType

from core.models import ActionLog


def log_action(obj, code, *, actor=None, member=None, on_behalf_of=None, authority=None, data=None):
    """Append an entry to the action log, in the caller's transaction (rolled back with it).

    The on-behalf rule lives here: pass `member`, the person the act concerns; when someone else
    (`actor`, staff at the desk) does it, the entry is recorded as done on that person's behalf.
    `on_behalf_of` may still be given directly. `authority` is why staff could act (the person's
    request or a standing mandate): any object with an `audit_data()` method returning a dict,
    merged into `data` so the member's history can say "à sa demande, par téléphone".
    """
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    if on_behalf_of is None and member is not None and actor is not None and actor != member:
        on_behalf_of = member
    data = dict(data or {})
    if authority is not None:
        data.update(authority.audit_data())
    return ActionLog.objects.create(
        content_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=str(obj.pk) if obj is not None else "",
        code=code,
        actor=actor,
        on_behalf_of=on_behalf_of,
        data=data,
    )
