"""Who may reach care data, and the access log every read and write appends to."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext as _

from care.models import AccessLogEntry, Intervention, Note
from core.permission_cache import group_names
from core.roles import ADMINISTRATOR, CARE_ROLES, PSYCHOLOGIST, SOCIAL_WORKER

Action = AccessLogEntry.Action
Visibility = Note.Visibility


# --- Roles ---------------------------------------------------------------------------------------------------


def care_roles(user):
    """The care roles a user holds. A superuser counts as Administrator (they could add themselves anyway)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, "_care_roles_cache", None)
    if cached is None:
        cached = group_names(user) & frozenset(CARE_ROLES)  # cached with the permissions (core/permission_cache.py)
        if user.is_superuser:
            cached = cached | {ADMINISTRATOR}
        user._care_roles_cache = cached
    return cached


def can_access_care(user):
    """Social workers, psychologists and administrators reach care; nobody else, whatever their other rights."""
    return bool(care_roles(user))


def is_care_admin(user):
    return ADMINISTRATOR in care_roles(user)


def visible_note_levels(user):
    """Note levels a user may read and write.

    Social worker: team + social. Psychologist: team + psychologist. Administrator: team only — they manage
    files and read the audit log, but are not bound by the social or psychologist's professional secrecy
    (docs/privacy.md). Someone holding two roles gets the union.
    """
    roles = care_roles(user)
    levels = set()
    if roles:
        levels.add(Visibility.TEAM)
    if SOCIAL_WORKER in roles:
        levels.add(Visibility.SOCIAL)
    if PSYCHOLOGIST in roles:
        levels.add(Visibility.PSYCHOLOGIST)
    return frozenset(levels)


def can_read_intervention_summary(user, intervention):
    """The summary of a psychological consultation stays with psychologists; the others see that it happened."""
    if intervention.kind == Intervention.Kind.PSYCHOLOGICAL:
        return PSYCHOLOGIST in care_roles(user)
    return can_access_care(user)


def require_care(user):
    if not can_access_care(user):
        raise PermissionDenied(_("L'accompagnement est réservé aux professionnels de l'accompagnement."))


def require_care_admin(user):
    if not is_care_admin(user):
        raise PermissionDenied(_("Réservé à l'administration."))


def care_staff():
    """Users who may be referents or be given a next step."""
    return (
        get_user_model()
        .objects.filter(Q(groups__name__in=CARE_ROLES) | Q(is_superuser=True), is_active=True)
        .distinct()
        .order_by("last_name", "first_name", "email")
    )


# --- Audit ---------------------------------------------------------------------------------------------------


def log_access(actor, action, object_type, *, case=None, object_id=None, detail=""):
    """Append one entry to the access log. `detail` is a short code, never care content."""
    return AccessLogEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        case=case,
        object_type=object_type,
        object_id=object_id,
        action=action,
        detail=detail[:60],
    )


def _log_many(actor, action, object_type, objects, *, case=None):
    """One entry per object, against `case` or, when None, each object's own case (so that every read
    appears in that file's "who accessed it" list)."""
    AccessLogEntry.objects.bulk_create(
        AccessLogEntry(
            actor=actor,
            case_id=case.pk if case is not None else obj.case_id,
            object_type=object_type,
            object_id=obj.pk,
            action=action,
        )
        for obj in objects
    )
