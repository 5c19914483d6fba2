"""Acting for a member (Aidants Connect; design.md booking rule 5): a one-off request the person
makes now, or a standing mandate (scopes, duration, consent, the person told). Every act staff do
for someone goes through `require_authority`."""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from activities.models import CallListEntry
from core.audit import log_action
from members.exceptions import MandateRequired
from members.models import Mandate, PersonRequest

DURATIONS = {
    Mandate.Duration.DAY: datetime.timedelta(days=1),
    Mandate.Duration.MONTH: datetime.timedelta(days=31),
    Mandate.Duration.SIX_MONTHS: datetime.timedelta(days=183),
    Mandate.Duration.YEAR: datetime.timedelta(days=365),
}
SCOPE_FIELDS = {scope: f"can_{scope}" for scope in Mandate.SCOPES}


def give_mandate(member, *, received_by, scopes, duration, start=None, consent_given=Mandate.ConsentGiven.DESK):
    """Record the mandate `member` gives `received_by` (staff) for `scopes` ("book", "cancel", "pay",
    "edit") during `duration` (one day, one month, six months, one year), with how the person gave
    their consent (orally at the desk, by phone, in writing) and when. Returns the Mandate.

    After commit the person is told by their own channel: an e-mail in their language, or an entry
    on the coordinators' call list for those without e-mail (`notified_by` records which).
    """
    unknown = set(scopes) - set(SCOPE_FIELDS)
    if unknown or not scopes:
        raise ValueError(f"Unknown or empty scopes: {sorted(unknown)}")
    if consent_given not in Mandate.ConsentGiven.values:
        raise ValueError(consent_given)
    start = start or timezone.now()
    with transaction.atomic():
        mandate = Mandate.objects.create(
            member=member,
            received_by=received_by,
            duration=duration,
            starts_at=start,
            expires_at=start + DURATIONS[duration],
            consent_given=consent_given,
            consent_at=timezone.now(),
            **{field: scope in scopes for scope, field in SCOPE_FIELDS.items()},
        )
        log_action(
            mandate,
            "escale.mandate.given",
            actor=received_by,
            on_behalf_of=member,
            data={
                "scopes": sorted(scopes),
                "duration": duration,
                "expires_at": mandate.expires_at.isoformat(),
                "consent_given": consent_given,
            },
        )
        transaction.on_commit(lambda: notify_mandate(mandate.pk))
    return mandate


def notify_mandate(mandate_id):
    """Tell the person a mandate was recorded in their name (what, for whom, until when, how to end
    it): by e-mail, or on the call list when they have no e-mail. Once per mandate."""
    from members.services.profiles import member_language, preferred_contact

    mandate = Mandate.objects.select_related("member", "received_by").get(pk=mandate_id)
    if mandate.notified_at is not None:
        return mandate
    member = mandate.member
    with translation.override(member_language(member)):
        text = _(
            "Vous avez autorisé %(staff)s (%(site)s) à agir pour vous : %(scopes)s, jusqu'au %(until)s. "
            "Vous pouvez retirer cette autorisation à tout moment, à l'accueil, par téléphone ou dans "
            "« Mon espace »."
        ) % {
            "staff": mandate.received_by.get_full_name() or mandate.received_by.email,
            "site": settings.WAGTAIL_SITE_NAME,
            "scopes": ", ".join(str(label).lower() for label in mandate.scope_labels()),
            "until": timezone.localtime(mandate.expires_at).strftime("%d/%m/%Y"),
        }
        subject = _("Mandat enregistré à votre nom")
        channel, address = preferred_contact(member)
        if channel == "email":
            send_mail(subject, text, None, [address])
            mandate.notified_by = Mandate.Notice.EMAIL
        else:
            CallListEntry.objects.create(member=member, phone=address, reason="mandate", message=text)
            mandate.notified_by = Mandate.Notice.CALL_LIST
    mandate.notified_at = timezone.now()
    mandate.save(update_fields=["notified_by", "notified_at"])
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
    return require_authority(staff, member, scope)


def record_request(member, *, by, channel, act, relative_name="", detail=""):
    """Record that `member` asks `by` (staff), now, for one act ("book", "cancel", "pay", "edit"),
    by phone, at the desk or through a relative they named (whose name is then required).
    Returns the PersonRequest, to pass to the service doing the act. Raises ValueError."""
    if act not in SCOPE_FIELDS or channel not in PersonRequest.Channel.values:
        raise ValueError(f"{act} / {channel}")
    relative_name = (relative_name or "").strip()
    if channel == PersonRequest.Channel.RELATIVE and not relative_name:
        raise ValueError("A request made through a relative names the relative.")
    return PersonRequest.objects.create(
        member=member,
        received_by=by,
        channel=channel,
        act=act,
        relative_name=relative_name if channel == PersonRequest.Channel.RELATIVE else "",
        detail=(detail or "")[:250],
    )


REQUEST_VALID_FOR = datetime.timedelta(hours=1)


def require_authority(staff, member, scope, *, request=None):
    """What lets `staff` do `scope` for `member`: the person's own request for this act (a
    PersonRequest they made to this staff member within the hour), or a mandate in force covering
    `scope`. Returns the request or mandate (None when people act for themselves).
    Raises MandateRequired otherwise. A Mandate passed as `request` is checked like any mandate."""
    if staff is None or member is None or staff.pk == member.pk:
        return None
    if isinstance(request, PersonRequest):
        fresh = timezone.now() - request.created_at <= REQUEST_VALID_FOR
        if request.member_id == member.pk and request.received_by_id == staff.pk and request.act == scope and fresh:
            return request
    mandate = valid_mandate(staff, member, scope)
    if mandate is None:
        raise MandateRequired()
    return mandate


def act_for(staff, member, act, *, asked_by, relative_name="", detail=""):
    """Check and record what lets `staff` do `act` for `member` now: `asked_by` is "phone", "desk"
    or "relative" (the person asks now: a PersonRequest is recorded) or "mandate" (a mandate in
    force must cover `act`). Returns the authority to pass to the service doing the act.
    Raises MandateRequired."""
    if asked_by == "mandate" or not asked_by:
        return require_authority(staff, member, act)
    request = record_request(member, by=staff, channel=asked_by, act=act, relative_name=relative_name, detail=detail)
    return require_authority(staff, member, act, request=request)


def authority_data(authority):
    """What to write in the action log about why staff could act: {"request": {...}} or
    {"mandate": id}; history.py turns it into "à sa demande, par téléphone"."""
    return authority.audit_data() if authority is not None else {}
