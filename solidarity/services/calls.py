"""Check-in calls: who a campaign calls (criteria or a hand-picked list), split among callers, each call
recorded, and a concern handed to the social workers through care.concerns (the caller never sees the case)."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from activities.models import Booking
from care.services import raise_concern
from core.audit import log_action
from solidarity.exceptions import NotAllowed
from solidarity.models import CallAssignment, CallRecord, Campaign, IsolationInfo
from solidarity.services.roles import is_team

User = get_user_model()


def people_matching(campaign, *, today=None):
    """Members (with a profile, not erased) meeting every criterion the campaign sets."""
    today = today or timezone.localdate()
    people = User.objects.filter(is_active=True, member_profile__isnull=False, member_profile__erased_at__isnull=True)
    if campaign.lives_alone:
        people = people.filter(isolation_info__lives_alone=True)
    if campaign.heatwave_register:
        people = people.filter(isolation_info__heatwave_register=True)
    if campaign.over_75:
        people = people.filter(member_profile__birth_year__lte=today.year - 75)
    if campaign.no_booking_days:
        since = timezone.now() - datetime.timedelta(days=campaign.no_booking_days)
        recent = Booking.objects.filter(member=OuterRef("pk"), created_at__gte=since)
        people = people.filter(~Exists(recent))
    return people.filter(groups__isnull=True).order_by("last_name", "first_name", "pk")


def create_campaign(*, by, name, people=None, **criteria):
    """A campaign listing the people matching `criteria`, or exactly `people` (a hand-picked list)."""
    if not is_team(by):
        raise NotAllowed()
    with transaction.atomic():
        campaign = Campaign.objects.create(name=name, created_by=by, **criteria)
        targets = list(people) if people is not None else list(people_matching(campaign))
        CallAssignment.objects.bulk_create([CallAssignment(campaign=campaign, person=p) for p in targets])
        log_action(campaign, "escale.campaign.created", actor=by, data={"people": len(targets)})
    return campaign


def split_among(campaign, callers, *, by):
    """Share the people not yet given to anyone among `callers`, in turn. Returns how many were given."""
    callers = list(callers)
    if not callers or not is_team(by):
        raise NotAllowed()
    with transaction.atomic():
        free = list(campaign.assignments.filter(caller__isnull=True).order_by("pk"))
        for index, assignment in enumerate(free):
            assignment.caller = callers[index % len(callers)]
        CallAssignment.objects.bulk_update(free, ["caller"])
        log_action(campaign, "escale.campaign.split", actor=by, data={"callers": [c.pk for c in callers]})
    return len(free)


def calls_for(caller):
    """The calls given to `caller`, with what they need on a call sheet (name and phone), in a few queries."""
    return (
        CallAssignment.objects.filter(caller=caller)
        .select_related("campaign", "person__member_profile")
        .order_by("campaign__created_at", "pk")
    )


def record_call(assignment, *, caller, outcome, needs=(), staff_note="", concern=""):
    """Record one call by the caller it was given to (or the team). `concern`, when given, opens or updates a
    case in care for the social workers; the record keeps only that a concern was raised."""
    if caller.pk != assignment.caller_id and not is_team(caller):
        raise NotAllowed()
    unknown = set(needs) - set(CallRecord.Need.values)
    if unknown or outcome not in CallRecord.Outcome.values:
        raise ValueError(f"{outcome} / {sorted(unknown)}")
    with transaction.atomic():
        record = CallRecord.objects.create(
            assignment=assignment,
            caller=caller,
            outcome=outcome,
            needs=sorted(set(needs)),
            staff_note=staff_note,
            concern_raised=bool(concern.strip()),
        )
        if record.concern_raised:
            raise_concern(assignment.person, raised_by=caller, summary=concern.strip())
        log_action(
            record,
            "escale.call.recorded",
            actor=caller,
            data={"outcome": outcome, "concern": record.concern_raised},
        )
    return record


def set_isolation(person, *, by, lives_alone, heatwave_register):
    """The team records whether a member lives alone or is on the heat-wave register (campaign criteria)."""
    if not is_team(by):
        raise NotAllowed()
    with transaction.atomic():
        info, _created = IsolationInfo.objects.update_or_create(
            member=person, defaults={"lives_alone": lives_alone, "heatwave_register": heatwave_register}
        )
        log_action(info, "escale.isolation.recorded", actor=by, member=person)
    return info
