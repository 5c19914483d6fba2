"""Retention: case files closed long enough are anonymised."""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from care.models import CaseFile
from care.services.access import Action, log_access


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
