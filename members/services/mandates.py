"""Mandates: a member lets a staff member book, pay or edit for them, for a while (Aidants Connect)."""

import datetime

from django.db import transaction
from django.utils import timezone

from activities.audit import log_action
from members.exceptions import MandateRequired
from members.models import Mandate

DURATIONS = {
    Mandate.Duration.DAY: datetime.timedelta(days=1),
    Mandate.Duration.MONTH: datetime.timedelta(days=31),
    Mandate.Duration.SIX_MONTHS: datetime.timedelta(days=183),
    Mandate.Duration.YEAR: datetime.timedelta(days=365),
}
SCOPE_FIELDS = {"book": "can_book", "pay": "can_pay", "edit": "can_edit"}


def give_mandate(member, *, received_by, scopes, duration, start=None):
    """Record the mandate `member` gives `received_by` (staff) for `scopes` ("book", "pay", "edit")
    during `duration` (one day, one month, six months, one year). Returns the Mandate."""
    unknown = set(scopes) - set(SCOPE_FIELDS)
    if unknown or not scopes:
        raise ValueError(f"Unknown or empty scopes: {sorted(unknown)}")
    start = start or timezone.now()
    with transaction.atomic():
        mandate = Mandate.objects.create(
            member=member,
            received_by=received_by,
            duration=duration,
            starts_at=start,
            expires_at=start + DURATIONS[duration],
            **{field: scope in scopes for scope, field in SCOPE_FIELDS.items()},
        )
        log_action(
            mandate,
            "escale.mandate.given",
            actor=received_by,
            on_behalf_of=member,
            data={"scopes": sorted(scopes), "duration": duration, "expires_at": mandate.expires_at.isoformat()},
        )
    return mandate


def revoke_mandate(mandate, *, by):
    """The member (or staff, at their request) ends a mandate now; revoking twice changes nothing."""
    with transaction.atomic():
        mandate = Mandate.objects.select_for_update().get(pk=mandate.pk)
        if mandate.revoked_at is None:
            mandate.revoked_at = timezone.now()
            mandate.save(update_fields=["revoked_at"])
            log_action(
                mandate,
                "escale.mandate.revoked",
                actor=by,
                on_behalf_of=mandate.member if by != mandate.member else None,
            )
    return mandate


def valid_mandate(staff, member, scope, *, at=None):
    """The mandate in force now (or at `at`) letting `staff` do `scope` for `member`, or None."""
    at = at or timezone.now()
    return (
        Mandate.objects.filter(
            member=member,
            received_by=staff,
            revoked_at__isnull=True,
            starts_at__lte=at,
            expires_at__gt=at,
            **{SCOPE_FIELDS[scope]: True},
        )
        .order_by("-expires_at")
        .first()
    )


def require_mandate(staff, member, scope):
    """Raise MandateRequired unless `staff` is the member or holds a valid mandate for `scope`.

    Returns the mandate (None when people act for themselves).
    """
    if staff is None or member is None or staff.pk == member.pk:
        return None
    mandate = valid_mandate(staff, member, scope)
    if mandate is None:
        raise MandateRequired()
    return mandate
