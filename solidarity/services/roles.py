"""Who may do what in mutual help: the team, and the psychologist who also reads reports."""

from core.roles import ADMINISTRATOR, COORDINATOR, PSYCHOLOGIST, SOCIAL_WORKER

TEAM = {COORDINATOR, SOCIAL_WORKER, ADMINISTRATOR}


def _groups(user):
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_solidarity_groups", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._solidarity_groups = cached
    return cached


def is_team(user):
    """Coordinators, social workers and administrators run mutual help (validate, post for someone, calls)."""
    return bool(getattr(user, "is_superuser", False)) or bool(_groups(user) & TEAM)


def can_see_reports(user):
    """The team, and the psychologist who meets the volunteers."""
    return is_team(user) or PSYCHOLOGIST in _groups(user)
