"""A help request's life: posted (by the caregiver or staff at their request), offers, one accepted (the others
declined), messages through Escale, cancelled by either side, honoured or not, flagged when nobody answers."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from activities import people
from core.audit import log_action
from solidarity import tasks
from solidarity.exceptions import InvalidChange, NotAllowed, NotAVolunteer, RequestNotOpen, TooEarly
from solidarity.models import HelpRequest, Message, Offer
from solidarity.services.roles import is_team
from solidarity.services.visibility import accepted_volunteer_id
from solidarity.services.volunteers import active_volunteer

Status = HelpRequest.Status
MAX_WEEKS = 12
FIELDS = ("kind", "starts_at", "weeks", "commune", "accessibility", "note")


def _authority(by, member, act, asked_by, relative_name):
    """None when people act for themselves; else why staff may act now (activities.people.act_for records
    the person's request, or checks a mandate). Raises MandateRequired, NotAllowed."""
    if by.pk == member.pk:
        return None
    if not is_team(by):
        raise NotAllowed()
    return people.act_for(by, member, act, asked_by=asked_by, relative_name=relative_name)


def post_request(requester, *, by, asked_by="", relative_name="", **fields):
    """Record a request for `requester`, posted by them or by staff `by` at their request (`asked_by`:
    "phone", "desk", "relative", or "mandate"): the history then says "à sa demande, par X". Matching
    volunteers are told after commit. Raises NotAllowed, MandateRequired, ValueError."""
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"Unknown request fields: {sorted(unknown)}")
    weeks = int(fields.get("weeks") or 1)
    if not 1 <= weeks <= MAX_WEEKS or fields["starts_at"] <= timezone.now():
        raise ValueError("A request is in the future and lasts 1 to 12 weeks.")
    with transaction.atomic():
        authority = _authority(by, requester, "book", asked_by, relative_name)
        help_request = HelpRequest.objects.create(requester=requester, posted_by=by, **{**fields, "weeks": weeks})
        log_action(
            help_request,
            "escale.help_request.posted",
            actor=by,
            member=requester,
            authority=authority,
            data={"kind": help_request.kind, "weeks": weeks},
        )
        transaction.on_commit(lambda: tasks.notify_matching_volunteers.enqueue(help_request.pk))
    return help_request


def make_offer(help_request, *, volunteer):
    """A validated volunteer offers to help with an open request (once). The requester is told after commit.
    Raises NotAVolunteer, RequestNotOpen."""
    if active_volunteer(volunteer) is None or volunteer.pk == help_request.requester_id:
        raise NotAVolunteer()
    with transaction.atomic():
        help_request = HelpRequest.objects.select_for_update(of=("self",)).get(pk=help_request.pk)
        if help_request.status != Status.OPEN:
            raise RequestNotOpen()
        offer, created = Offer.objects.get_or_create(request=help_request, volunteer=volunteer)
        if not created and offer.status == Offer.Status.WITHDRAWN:
            offer.status = Offer.Status.PENDING
            offer.save(update_fields=["status"])
        elif not created:
            return offer
        log_action(help_request, "escale.help_request.offered", actor=volunteer, data={"offer": offer.pk})
        transaction.on_commit(lambda: tasks.notify_offer.enqueue(offer.pk))
    return offer


def withdraw_offer(offer, *, by):
    """The volunteer takes back a pending offer."""
    if by.pk != offer.volunteer_id:
        raise NotAllowed()
    with transaction.atomic():
        updated = Offer.objects.filter(pk=offer.pk, status=Offer.Status.PENDING).update(status=Offer.Status.WITHDRAWN)
        if not updated:
            raise InvalidChange()
        log_action(offer.request, "escale.help_request.offer_withdrawn", actor=by, data={"offer": offer.pk})


def accept_offer(offer, *, by, asked_by="", relative_name=""):
    """The requester (or staff at their request) accepts one pending offer: the others are declined, both
    sides get each other's contact after commit. Raises NotAllowed, RequestNotOpen, MandateRequired."""
    with transaction.atomic():
        help_request = (
            HelpRequest.objects.select_for_update(of=("self",)).select_related("requester").get(pk=offer.request_id)
        )
        authority = _authority(by, help_request.requester, "book", asked_by, relative_name)
        offer = Offer.objects.get(pk=offer.pk)
        if help_request.status != Status.OPEN or offer.status != Offer.Status.PENDING:
            raise RequestNotOpen()
        offer.status = Offer.Status.ACCEPTED
        offer.save(update_fields=["status"])
        help_request.offers.filter(status=Offer.Status.PENDING).exclude(pk=offer.pk).update(
            status=Offer.Status.DECLINED
        )
        help_request.status = Status.ACCEPTED
        help_request.accepted_offer = offer
        help_request.accepted_at = timezone.now()
        help_request.save(update_fields=["status", "accepted_offer", "accepted_at"])
        log_action(
            help_request,
            "escale.help_request.accepted",
            actor=by,
            member=help_request.requester,
            authority=authority,
            data={"offer": offer.pk},
        )
        transaction.on_commit(lambda: tasks.notify_accepted.enqueue(help_request.pk))
    return help_request


def cancel_request(help_request, *, by, asked_by="", relative_name=""):
    """The requester (or staff at their request) or the accepted volunteer cancels: the help is off for both
    (one rule for either side; the caregiver may post again) and the other side is told after commit."""
    with transaction.atomic():
        help_request = (
            HelpRequest.objects.select_for_update(of=("self",)).select_related("accepted_offer").get(pk=help_request.pk)
        )
        if help_request.status not in (Status.OPEN, Status.ACCEPTED):
            raise InvalidChange()
        authority = None
        if by.pk != accepted_volunteer_id(help_request):
            authority = _authority(by, help_request.requester, "cancel", asked_by, relative_name)
        help_request.status = Status.CANCELLED
        help_request.cancelled_by = by
        help_request.cancelled_at = timezone.now()
        help_request.save(update_fields=["status", "cancelled_by", "cancelled_at"])
        help_request.offers.filter(status=Offer.Status.PENDING).update(status=Offer.Status.DECLINED)
        log_action(
            help_request,
            "escale.help_request.cancelled",
            actor=by,
            member=help_request.requester if authority is not None else None,
            authority=authority,
        )
        transaction.on_commit(lambda: tasks.notify_cancelled.enqueue(help_request.pk, by.pk))
    return help_request


def confirm_outcome(help_request, *, by, honoured, now=None):
    """After the (last) date, the requester and the accepted volunteer each say whether it happened; when
    both have said, the request is closed. Raises NotAllowed, TooEarly, InvalidChange."""
    now = now or timezone.now()
    outcome = HelpRequest.Outcome.HONOURED if honoured else HelpRequest.Outcome.NOT_HONOURED
    with transaction.atomic():
        help_request = (
            HelpRequest.objects.select_for_update(of=("self",)).select_related("accepted_offer").get(pk=help_request.pk)
        )
        if help_request.status != Status.ACCEPTED:
            raise InvalidChange()
        if now < help_request.starts_at:
            raise TooEarly()
        if by.pk == help_request.requester_id:
            help_request.requester_outcome = outcome
        elif by.pk == accepted_volunteer_id(help_request):
            help_request.volunteer_outcome = outcome
        else:
            raise NotAllowed()
        if help_request.requester_outcome and help_request.volunteer_outcome:
            help_request.status = Status.CLOSED
        help_request.save(update_fields=["requester_outcome", "volunteer_outcome", "status"])
        log_action(help_request, "escale.help_request.outcome", actor=by, data={"outcome": outcome})
    return help_request


def send_message(help_request, *, author, body, volunteer=None):
    """A message between the requester and one volunteer (who offered). `volunteer` names the thread when the
    requester writes. Raises NotAllowed."""
    body = (body or "").strip()[:1000]
    if not body:
        raise ValueError("empty message")
    if author.pk == help_request.requester_id:
        if volunteer is None or not help_request.offers.filter(volunteer=volunteer).exists():
            raise NotAllowed()
    elif help_request.offers.filter(volunteer=author).exists():
        volunteer = author
    else:
        raise NotAllowed()
    with transaction.atomic():
        message = Message.objects.create(request=help_request, volunteer=volunteer, author=author, body=body)
        log_action(help_request, "escale.help_message.sent", actor=author, data={"message": message.pk})
    return message


def unanswered_days():
    return getattr(settings, "SOLIDARITY_UNANSWERED_DAYS", 3)


def flag_unanswered(now=None):
    """Flag to the team the open requests nobody offered to help within N days (once each). Returns the count."""
    now = now or timezone.now()
    limit = now - datetime.timedelta(days=unanswered_days())
    waiting = (
        HelpRequest.objects.open()
        .filter(created_at__lte=limit, flagged_at__isnull=True)
        .exclude(offers__status=Offer.Status.PENDING)
    )
    flagged = 0
    for help_request in waiting:
        with transaction.atomic():
            HelpRequest.objects.filter(pk=help_request.pk).update(flagged_at=now)
            log_action(help_request, "escale.help_request.flagged", data={"days": unanswered_days()})
        flagged += 1
    return flagged
