"""The call list ("liste d'appels"): what staff must tell by phone to people without e-mail, and what came
of each call."""

from django.db import transaction
from django.utils import timezone

from activities.models import CallListEntry
from core.audit import log_action

OUTCOMES = tuple(CallListEntry.Status.values)


def handle_call(entry, *, by, outcome):
    """Record the outcome of a call (CallListEntry.Status: "done", "not_reached", or back to "to_call"),
    who made it and when, with an entry in the action log on behalf of the person called."""
    if outcome not in OUTCOMES:
        raise ValueError(f"Unknown call outcome: {outcome!r}")
    with transaction.atomic():
        entry = CallListEntry.objects.select_for_update().select_related("member").get(pk=entry.pk)
        previous = entry.status
        entry.status = outcome
        entry.handled_by = by
        entry.handled_at = timezone.now()
        entry.save(update_fields=["status", "handled_by", "handled_at"])
        log_action(
            entry,
            "escale.call.handled",
            actor=by,
            on_behalf_of=entry.member,
            data={"outcome": outcome, "previous": previous, "reason": entry.reason},
        )
    return entry
