"""Reading case files, notes, the timeline and next steps: every read is checked and logged."""

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.core.exceptions import FieldError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from care.models import CaseFile, NextStep, Note
from care.services.access import (
    Action,
    _log_many,
    can_read_intervention_summary,
    log_access,
    require_care,
    visible_note_levels,
)


def cases_for(user):
    """Case files the user may list (all of them, for any care role); logs the listing."""
    require_care(user)
    log_access(user, Action.LIST, "casefile")
    return CaseFile.objects.select_related("person").prefetch_related("referents")


def get_case(user, pk):
    """One case file, after the role check; 404 if it does not exist. Logs the read."""
    require_care(user)
    try:
        case = CaseFile.objects.select_related("person").get(pk=pk)
    except (CaseFile.DoesNotExist, ValueError, TypeError):
        raise Http404(_("Dossier introuvable.")) from None
    log_access(user, Action.READ, "casefile", case=case, object_id=case.pk)
    return case


def visible_notes(user, case):
    """The case's notes at the levels the user may read, each read logged."""
    require_care(user)
    notes = list(case.notes.filter(visibility__in=visible_note_levels(user)).select_related("author"))
    _log_many(user, Action.READ, "note", notes, case=case)
    return notes


def get_note(user, pk):
    """One note, if its level is visible to the user; otherwise 404 (its existence is not revealed) and the
    refused attempt is logged."""
    require_care(user)
    note = Note.objects.select_related("case", "author").filter(pk=pk).first()
    if note is None:
        raise Http404(_("Note introuvable."))
    if note.visibility not in visible_note_levels(user):
        log_access(user, Action.REFUSED, "note", case=note.case, object_id=note.pk, detail="refused")
        raise Http404(_("Note introuvable."))
    log_access(user, Action.READ, "note", case=note.case, object_id=note.pk)
    return note


@dataclass
class TimelineItem:
    kind: str  # "intervention", "orientation", "note", "activity"
    date: datetime.date
    obj: object = None
    title: str = ""
    text: str = ""
    restricted: bool = False
    sort_key: tuple = field(default=(), repr=False)


def _attended_bookings(case):
    """Activity sessions the person attended, when the activities app provides bookings."""
    if not case.person_id or not apps.is_installed("activities"):
        return []
    try:
        Booking = apps.get_model("activities", "Booking")
    except LookupError:
        return []
    bookings = Booking.objects.filter(member_id=case.person_id, status="attended")
    try:
        return list(bookings.select_related("session__activity"))
    except FieldError:
        return list(bookings)


def timeline(user, case):
    """Interventions, orientations, visible notes and attended activities, newest first. Logs the reads."""
    require_care(user)
    items = []
    for intervention in case.interventions.select_related("author"):
        allowed = can_read_intervention_summary(user, intervention)
        items.append(
            TimelineItem(
                "intervention",
                intervention.date,
                intervention,
                title=intervention.get_kind_display(),
                text=intervention.summary if allowed else "",
                restricted=not allowed and bool(intervention.summary),
                sort_key=(intervention.date, intervention.created_at),
            )
        )
    for orientation in case.orientations.all():
        items.append(
            TimelineItem(
                "orientation",
                orientation.date,
                orientation,
                title=orientation.get_partner_type_display(),
                sort_key=(orientation.date, orientation.created_at),
            )
        )
    for note in visible_notes(user, case):
        local = timezone.localtime(note.created_at)
        items.append(
            TimelineItem(
                "note",
                local.date(),
                note,
                title=note.get_visibility_display(),
                text=note.body,
                sort_key=(local.date(), note.created_at),
            )
        )
    for booking in _attended_bookings(case):
        session = getattr(booking, "session", None)
        start = getattr(session, "start", None)
        day = timezone.localtime(start).date() if start else timezone.localdate(booking.created_at)
        activity = getattr(session, "activity", None)
        title = getattr(activity, "title", "") or str(session)
        items.append(TimelineItem("activity", day, booking, title=title, sort_key=(day, booking.created_at)))
    log_access(user, Action.READ, "timeline", case=case, object_id=case.pk)
    items.sort(key=lambda item: item.sort_key, reverse=True)
    return items


def my_next_steps(user):
    """Open next steps assigned to the user, earliest due first (descriptions are read: logged per case)."""
    require_care(user)
    steps = list(
        NextStep.objects.filter(assigned_to=user, done_at__isnull=True, case__anonymised_at__isnull=True)
        .select_related("case", "case__person")
        .order_by("due_on", "pk")
    )
    _log_many(user, Action.READ, "nextstep", steps)
    return steps


def open_next_steps(user, case):
    require_care(user)
    steps = list(case.next_steps.filter(done_at__isnull=True).select_related("assigned_to"))
    _log_many(user, Action.READ, "nextstep", steps, case=case)
    return steps
