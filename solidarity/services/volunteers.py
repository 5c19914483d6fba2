"""Becoming a volunteer: application with charter and insurance, interview, validation, training, blocking."""

import os

from django.db import transaction
from django.utils import timezone

from core.audit import log_action
from solidarity.exceptions import BadAttestation, InvalidChange
from solidarity.models import Offer, TrainingRecord, VolunteerProfile
from solidarity.models.volunteers import slot_of

MAX_ATTESTATION_BYTES = 5 * 1024 * 1024
ATTESTATION_TYPES = {".pdf", ".jpg", ".jpeg", ".png"}
Status = VolunteerProfile.Status


def check_attestation(upload):
    """Raise BadAttestation unless `upload` is a PDF/JPEG/PNG of 5 MB at most (None passes)."""
    if upload is None:
        return
    extension = os.path.splitext(upload.name or "")[1].lower()
    if extension not in ATTESTATION_TYPES or upload.size > MAX_ATTESTATION_BYTES:
        raise BadAttestation()
    head = upload.read(8)
    upload.seek(0)
    if not (head.startswith((b"%PDF", b"\xff\xd8", b"\x89PNG"))):
        raise BadAttestation()


def apply_as_volunteer(
    member, *, communes, kinds, availability, charter_version, skills="", attestation=None, insurance_expires_on=None
):
    """Record (or update) `member`'s application: charter accepted now, status "submitted". A validated
    volunteer who changes their details stays validated. Raises BadAttestation."""
    check_attestation(attestation)
    with transaction.atomic():
        profile = VolunteerProfile.objects.select_for_update().filter(member=member).first()
        created = profile is None
        if created:
            profile = VolunteerProfile(member=member)
        elif profile.status == Status.REFUSED:
            profile.status = Status.SUBMITTED
        profile.communes = communes
        profile.kinds = sorted(set(kinds))
        profile.availability = sorted(set(availability))
        profile.skills = skills
        profile.charter_version = charter_version
        profile.charter_accepted_at = timezone.now()
        if attestation is not None:
            profile.insurance_file = attestation
        if insurance_expires_on is not None:
            profile.insurance_expires_on = insurance_expires_on
        profile.save()
        log_action(
            profile,
            "escale.volunteer.applied" if created else "escale.volunteer.updated",
            actor=member,
            data={"charter_version": charter_version},
        )
    return profile


def _move(profile, to, *, by, allowed_from, code, **fields):
    with transaction.atomic():
        profile = VolunteerProfile.objects.select_for_update().get(pk=profile.pk)
        if profile.status not in allowed_from:
            raise InvalidChange()
        profile.status = to
        for name, value in fields.items():
            setattr(profile, name, value)
        profile.save()
        log_action(profile, code, actor=by, data={"status": to})
    return profile


def plan_interview(profile, *, by, at):
    """submitted → interview planned (with the psychologist or a coordinator, at `at`)."""
    return _move(
        profile,
        Status.INTERVIEW,
        by=by,
        allowed_from={Status.SUBMITTED, Status.INTERVIEW},
        code="escale.volunteer.interview_planned",
        interview_at=at,
        interviewer=by,
    )


def validate_volunteer(profile, *, by):
    """interview planned → validated: the volunteer now sees and answers requests."""
    return _move(
        profile,
        Status.VALIDATED,
        by=by,
        allowed_from={Status.INTERVIEW},
        code="escale.volunteer.validated",
        validated_at=timezone.now(),
    )


def refuse_volunteer(profile, *, by, reason):
    """submitted or interview planned → refused; the reason is kept for the team only."""
    return _move(
        profile,
        Status.REFUSED,
        by=by,
        allowed_from={Status.SUBMITTED, Status.INTERVIEW},
        code="escale.volunteer.refused",
        staff_reason=reason,
    )


def block_volunteer(profile, *, by, reason=""):
    """Stop a volunteer at once (moderation): they no longer see requests nor offer; pending offers are withdrawn."""
    with transaction.atomic():
        profile = VolunteerProfile.objects.select_for_update().get(pk=profile.pk)
        profile.blocked_at = timezone.now()
        if reason:
            profile.staff_reason = reason
        profile.save(update_fields=["blocked_at", "staff_reason"])
        Offer.objects.filter(volunteer=profile.member, status=Offer.Status.PENDING).update(
            status=Offer.Status.WITHDRAWN
        )
        log_action(profile, "escale.volunteer.blocked", actor=by)
    return profile


def record_training(profile, *, module, done_on, by):
    with transaction.atomic():
        record = TrainingRecord.objects.create(volunteer=profile, module=module, done_on=done_on, recorded_by=by)
        log_action(profile, "escale.volunteer.training", actor=by, data={"module": module})
    return record


def active_volunteer(user):
    """The validated, unblocked volunteer profile of `user`, or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    profile = VolunteerProfile.objects.filter(member=user).first()
    return profile if profile is not None and profile.is_active else None


def matching_volunteers(help_request):
    """Validated, unblocked volunteers whose kinds, communes and half-days fit the request (never the
    requester). Volunteers are few (tens): kinds and slots are matched in Python, portably."""
    slot = slot_of(timezone.localtime(help_request.starts_at))
    commune = help_request.commune.strip().casefold()
    candidates = VolunteerProfile.objects.filter(status=Status.VALIDATED, blocked_at__isnull=True).exclude(
        member=help_request.requester_id
    )
    return [
        profile
        for profile in candidates.select_related("member")
        if help_request.kind in profile.kinds and slot in profile.availability and commune in profile.commune_list()
    ]
