"""Writing case files, notes, interventions, orientations and next steps: checked, in a transaction, logged."""

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from care.models import CASE_DETAIL_FIELDS, CaseFile, Intervention, NextStep, Note, Orientation
from care.services.access import Action, can_access_care, log_access, require_care, visible_note_levels
from care.services.errors import CaseAnonymised, InvalidStatusChange, NotACareProfessional, NoteLevelNotAllowed

CASE_FIELDS = ("person", *CASE_DETAIL_FIELDS)


def _writable(case):
    if case.anonymised_at:
        raise CaseAnonymised()


def create_case(user, *, referents=(), **fields):
    """A new case file, status "identified". Raises PermissionDenied for non-care users."""
    require_care(user)
    unknown = set(fields) - set(CASE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown case fields: {sorted(unknown)}")
    with transaction.atomic():
        case = CaseFile.objects.create(created_by=user, **fields)
        if referents:
            case.referents.set(referents)
        log_access(user, Action.CREATE, "casefile", case=case, object_id=case.pk)
    return case


def update_case(user, case, *, referents=None, **fields):
    """Change the case's details (not its status: see change_status)."""
    require_care(user)
    _writable(case)
    unknown = set(fields) - set(CASE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown case fields: {sorted(unknown)}")
    with transaction.atomic():
        for name, value in fields.items():
            setattr(case, name, value)
        case.save()
        if referents is not None:
            case.referents.set(referents)
        log_access(user, Action.UPDATE, "casefile", case=case, object_id=case.pk)
    return case


ALLOWED_TRANSITIONS = {
    CaseFile.Status.IDENTIFIED: {CaseFile.Status.ACCOMPANIED, CaseFile.Status.CLOSED},
    CaseFile.Status.ACCOMPANIED: {CaseFile.Status.CLOSED},
    CaseFile.Status.CLOSED: {CaseFile.Status.ACCOMPANIED},  # reopening
}


def change_status(user, case, status, *, on=None):
    """identified → accompanied → closed (or identified → closed; closed → accompanied reopens).
    Sets the date of the step; raises InvalidStatusChange otherwise."""
    require_care(user)
    _writable(case)
    on = on or timezone.localdate()
    if status not in ALLOWED_TRANSITIONS.get(case.status, set()):
        raise InvalidStatusChange()
    with transaction.atomic():
        if status == CaseFile.Status.ACCOMPANIED:
            if case.status == CaseFile.Status.CLOSED:
                case.closed_on = None
            case.accompanied_on = case.accompanied_on or on
        elif status == CaseFile.Status.CLOSED:
            case.closed_on = on
        case.status = status
        case.save(update_fields=["status", "accompanied_on", "closed_on", "updated_at"])
        log_access(user, Action.UPDATE, "casefile", case=case, object_id=case.pk, detail=f"status:{status}")
    return case


def add_note(user, case, *, visibility, body):
    """A note at a level the author may read; raises NoteLevelNotAllowed otherwise."""
    require_care(user)
    _writable(case)
    if visibility not in visible_note_levels(user):
        raise NoteLevelNotAllowed()
    with transaction.atomic():
        note = Note.objects.create(case=case, author=user, visibility=visibility, body=body)
        log_access(user, Action.CREATE, "note", case=case, object_id=note.pk, detail=f"level:{visibility}")
    return note


def add_intervention(user, case, *, kind, date=None, duration_minutes=30, summary=""):
    """Record an intervention; it counts as a contact (last_contact_on moves forward, never back)."""
    require_care(user)
    _writable(case)
    date = date or timezone.localdate()
    with transaction.atomic():
        intervention = Intervention.objects.create(
            case=case, kind=kind, date=date, duration_minutes=duration_minutes, author=user, summary=summary
        )
        if case.last_contact_on is None or date > case.last_contact_on:
            case.last_contact_on = date
            case.save(update_fields=["last_contact_on", "updated_at"])
        log_access(user, Action.CREATE, "intervention", case=case, object_id=intervention.pk)
    return intervention


def add_orientation(user, case, *, partner_type, partner_name="", date=None, outcome=Orientation.Outcome.PENDING):
    require_care(user)
    _writable(case)
    with transaction.atomic():
        orientation = Orientation.objects.create(
            case=case,
            partner_type=partner_type,
            partner_name=partner_name,
            date=date or timezone.localdate(),
            outcome=outcome,
            created_by=user,
        )
        log_access(user, Action.CREATE, "orientation", case=case, object_id=orientation.pk)
    return orientation


def set_orientation_outcome(user, orientation, outcome):
    require_care(user)
    _writable(orientation.case)
    with transaction.atomic():
        orientation.outcome = outcome
        orientation.save(update_fields=["outcome"])
        log_access(
            user,
            Action.UPDATE,
            "orientation",
            case=orientation.case,
            object_id=orientation.pk,
            detail=f"outcome:{outcome}",
        )
    return orientation


def add_next_step(user, case, *, description, due_on, assigned_to=None):
    """A next step; it shows on the assignee's list. Raises NotACareProfessional for any other assignee."""
    require_care(user)
    _writable(case)
    if assigned_to is not None and not can_access_care(assigned_to):
        raise NotACareProfessional()
    with transaction.atomic():
        step = NextStep.objects.create(
            case=case, description=description, due_on=due_on, assigned_to=assigned_to, created_by=user
        )
        log_access(user, Action.CREATE, "nextstep", case=case, object_id=step.pk)
    return step


def complete_next_step(user, step):
    require_care(user)
    _writable(step.case)
    with transaction.atomic():
        step.done_at = timezone.now()
        step.save(update_fields=["done_at"])
        log_access(user, Action.UPDATE, "nextstep", case=step.case, object_id=step.pk, detail="done")
    return step


def get_next_step(user, pk):
    require_care(user)
    step = NextStep.objects.select_related("case").filter(pk=pk).first()
    if step is None:
        raise Http404(_("Étape introuvable."))
    return step


def get_orientation(user, pk):
    require_care(user)
    orientation = Orientation.objects.select_related("case").filter(pk=pk).first()
    if orientation is None:
        raise Http404(_("Orientation introuvable."))
    return orientation
