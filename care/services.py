"""The only door to care data: role and object checks, audit of every read and write, retention, indicators.

Views, commands, tasks and tests call these functions; none of them reads care models directly.
Rules: every read writes an access-log entry, every write happens in a transaction that also writes one;
note bodies and case details never go to logs, e-mails or the search index.
"""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldError, PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from care.models import AccessLogEntry, CaseFile, Intervention, NextStep, Note, Orientation
from core.roles import ADMINISTRATOR, CARE_ROLES, PSYCHOLOGIST, SOCIAL_WORKER

Action = AccessLogEntry.Action
Visibility = Note.Visibility


# --- Domain errors -------------------------------------------------------------------------------------------


class CareError(Exception):
    """A care rule was broken; the message is translated and safe to show (it never quotes care content)."""

    def __init__(self, message=None):
        super().__init__(message or self.default_message())

    def default_message(self):
        return _("Opération impossible.")

    @property
    def message(self):
        return str(self.args[0])


class CaseAnonymised(CareError):
    def default_message(self):
        return _("Ce dossier est anonymisé : il ne peut plus être complété.")


class InvalidStatusChange(CareError):
    def default_message(self):
        return _("Ce changement de statut n'est pas possible.")


class NoteLevelNotAllowed(CareError, PermissionDenied):
    def default_message(self):
        return _("Vous ne pouvez pas écrire une note à ce niveau de visibilité.")


class NotACareProfessional(CareError):
    def default_message(self):
        return _("Cette personne ne fait pas partie de l'équipe d'accompagnement.")


# --- Roles ---------------------------------------------------------------------------------------------------


def care_roles(user):
    """The care roles a user holds. A superuser counts as Administrator (they could add themselves anyway)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, "_care_roles_cache", None)
    if cached is None:
        cached = frozenset(user.groups.filter(name__in=CARE_ROLES).values_list("name", flat=True))
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


# --- Reading -------------------------------------------------------------------------------------------------


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


# --- Writing -------------------------------------------------------------------------------------------------

CASE_FIELDS = (
    "person",
    "first_name",
    "last_name",
    "phone",
    "commune",
    "identified_on",
    "identified_via",
    "identified_via_detail",
    "helped_relationship",
    "helped_lives_at_home",
    "helped_condition",
    "followup_consent_on",
    "followup_consent_recorded_by",
    "followup_consent_scope",
    "sharing_consent_on",
    "sharing_consent_scope",
)


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


# --- Retention -----------------------------------------------------------------------------------------------


def anonymise_case(case, *, actor=None):
    """Erase everything that identifies the person or tells their story; keep what the indicators count
    (status and its dates, how they were identified, relationship and living place categories, intervention
    kinds/dates/durations, orientation partner types/dates/outcomes). Notes and next steps are deleted.
    Idempotent. The access log keeps its entries (ids only)."""
    if case.anonymised_at:
        return case
    original = case
    with transaction.atomic():
        case = CaseFile.objects.select_for_update().get(pk=case.pk)
        if case.anonymised_at:
            original.refresh_from_db()
            return original
        for name in (
            "first_name",
            "last_name",
            "phone",
            "commune",
            "identified_via_detail",
            "helped_condition",
            "followup_consent_scope",
            "sharing_consent_scope",
        ):
            setattr(case, name, "")
        case.person = None
        case.followup_consent_recorded_by = None
        case.anonymised_at = timezone.now()
        case.save()
        case.referents.clear()
        case.notes.all().delete()
        case.next_steps.all().delete()
        for intervention in case.interventions.exclude(summary=""):
            intervention.summary = ""
            intervention.save(update_fields=["summary"])
        log_access(actor, Action.ANONYMISE, "casefile", case=case, object_id=case.pk)
    original.refresh_from_db()
    return original


def expired_cases(now=None):
    """Not yet anonymised case files whose every date (last contact, closing, accompaniment, identification)
    is older than CARE_RETENTION_DAYS — closed files and inactive ones alike."""
    now = now or timezone.now()
    cutoff = timezone.localdate(now) - datetime.timedelta(days=getattr(settings, "CARE_RETENTION_DAYS", 730))
    recent = (
        Q(last_contact_on__gte=cutoff)
        | Q(closed_on__gte=cutoff)
        | Q(accompanied_on__gte=cutoff)
        | Q(identified_on__gte=cutoff)
    )
    return CaseFile.objects.filter(anonymised_at__isnull=True).exclude(recent).order_by("pk")


def anonymise_expired(now=None, *, dry_run=False):
    """Anonymise every expired case file (see expired_cases); returns their ids. With dry_run, changes nothing."""
    ids = list(expired_cases(now).values_list("pk", flat=True))
    if not dry_run:
        for case in CaseFile.objects.filter(pk__in=ids):
            anonymise_case(case)
    return ids


# --- Indicators (anonymous aggregates) -----------------------------------------------------------------------


def _months(start, end):
    month = start.replace(day=1)
    while month <= end:
        yield month
        month = (month + datetime.timedelta(days=32)).replace(day=1)


def _month_key(value):
    if isinstance(value, datetime.datetime):
        value = value.date()
    return value.replace(day=1)


def indicators(start, end):
    """Anonymous aggregates between two dates (inclusive). No name, no id, no text: counts only.

    - identified / accompanied / closed: case files whose step date falls in the period, in total and per month;
    - interventions per month by kind; orientations by partner type (and outcome);
    - activity_share: among people accompanied at some point of the period (accompanied before its end, not closed
      before its start), how many were first identified through an activity.
    """
    cases = CaseFile.objects.all()
    steps = {
        "identified": "identified_on",
        "accompanied": "accompanied_on",
        "closed": "closed_on",
    }
    months = list(_months(start, end))
    totals = {}
    per_month = {month: dict.fromkeys(steps, 0) for month in months}
    for step, date_field in steps.items():
        in_period = cases.filter(**{f"{date_field}__range": (start, end)})
        totals[step] = in_period.count()
        rows = in_period.annotate(month=TruncMonth(date_field)).values("month").annotate(n=Count("pk"))
        for row in rows:
            per_month[_month_key(row["month"])][step] = row["n"]

    interventions_by_month = {month: dict.fromkeys(Intervention.Kind.values, 0) for month in months}
    rows = (
        Intervention.objects.filter(date__range=(start, end))
        .annotate(month=TruncMonth("date"))
        .values("month", "kind")
        .annotate(n=Count("pk"))
    )
    for row in rows:
        interventions_by_month[_month_key(row["month"])][row["kind"]] = row["n"]

    orientations = Orientation.objects.filter(date__range=(start, end))
    orientations_by_partner = dict.fromkeys(Orientation.PartnerType.values, 0)
    for row in orientations.values("partner_type").annotate(n=Count("pk")):
        orientations_by_partner[row["partner_type"]] = row["n"]
    orientations_by_outcome = dict.fromkeys(Orientation.Outcome.values, 0)
    for row in orientations.values("outcome").annotate(n=Count("pk")):
        orientations_by_outcome[row["outcome"]] = row["n"]

    accompanied = cases.filter(accompanied_on__isnull=False, accompanied_on__lte=end).filter(
        Q(closed_on__isnull=True) | Q(closed_on__gte=start)
    )
    accompanied_total = accompanied.count()
    via_activity = accompanied.filter(identified_via=CaseFile.IdentifiedVia.ACTIVITY).count()
    share = None
    if accompanied_total:
        share = (Decimal(100) * via_activity / accompanied_total).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    return {
        "start": start,
        "end": end,
        "totals": totals,
        "per_month": per_month,
        "interventions_by_month": interventions_by_month,
        "orientations_by_partner": orientations_by_partner,
        "orientations_by_outcome": orientations_by_outcome,
        "activity_share": {"via_activity": via_activity, "accompanied": accompanied_total, "percent": share},
    }


def indicator_rows(data):
    """Flat rows (indicator, period, category, value) for CSV/XLSX exports, labels in the active language."""
    period = f"{data['start']:%d/%m/%Y} – {data['end']:%d/%m/%Y}"
    step_labels = {
        "identified": _("Aidants repérés"),
        "accompanied": _("Aidants accompagnés (entrée)"),
        "closed": _("Accompagnements clos"),
    }
    rows = []
    for step, label in step_labels.items():
        rows.append((label, period, "", data["totals"][step]))
    for month, counts in data["per_month"].items():
        for step, label in step_labels.items():
            rows.append((label, f"{month:%m/%Y}", "", counts[step]))
    kinds = dict(Intervention.Kind.choices)
    for month, counts in data["interventions_by_month"].items():
        for kind, n in counts.items():
            rows.append((_("Interventions"), f"{month:%m/%Y}", str(kinds[kind]), n))
    partners = dict(Orientation.PartnerType.choices)
    for partner, n in data["orientations_by_partner"].items():
        rows.append((_("Orientations par type de partenaire"), period, str(partners[partner]), n))
    outcomes = dict(Orientation.Outcome.choices)
    for outcome, n in data["orientations_by_outcome"].items():
        rows.append((_("Orientations par suite donnée"), period, str(outcomes[outcome]), n))
    share = data["activity_share"]
    rows.append((_("Personnes accompagnées sur la période"), period, "", share["accompanied"]))
    rows.append((_("… dont venues d'abord pour une activité"), period, "", share["via_activity"]))
    rows.append(
        (
            _("Part venue d'abord pour une activité (%)"),
            period,
            "",
            "" if share["percent"] is None else share["percent"],
        )
    )
    return rows


def read_indicators(user, start, end, *, export_format=""):
    """indicators() for a care professional; logs a read, or an export with its format."""
    require_care(user)
    data = indicators(start, end)
    action = Action.EXPORT if export_format else Action.READ
    log_access(user, action, "indicators", detail=f"{export_format} {start:%Y-%m-%d}/{end:%Y-%m-%d}".strip())
    return data


# --- The access log ------------------------------------------------------------------------------------------


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
