"""Memberships: periods, starting one, renewal reminders and links (prices: members.services.pricing)."""

import calendar
import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from activities.models import CallListEntry
from core import signing
from core.audit import log_action
from core.formatting import EN_MONTHS, FR_MONTHS
from core.money import ZERO
from members.exceptions import InvalidRenewalLink, MembershipTypeUnavailable
from members.models import Membership, MembershipType, PaymentItem
from members.services.fulfilment import lock_member, void_pending

RENEWAL_SALT = "members.renewal"
RENEWAL_LINK_MAX_AGE = datetime.timedelta(days=7)
REMINDER_DAYS_BEFORE = 30


def _carry_over_date(membership_type, year):
    """The day of `year` from which a calendar-year membership also covers the next year, or None."""
    month = membership_type.carry_over_month
    if membership_type.kind != MembershipType.Kind.CALENDAR_YEAR or not month:
        return None
    day = min(membership_type.carry_over_day or 1, calendar.monthrange(year, month)[1])
    return datetime.date(year, month, day)


def membership_period(membership_type, start):
    """(valid_from, valid_until) of a membership starting on `start`, as its type defines it.

    Calendar year: to 31 December; from the type's carry-over date (e.g. 1 September) on, to
    31 December of the next year. Rolling: 12 months (the day before the same date next year).
    """
    if membership_type.kind == MembershipType.Kind.CALENDAR_YEAR:
        carry_over = _carry_over_date(membership_type, start.year)
        last_year = start.year + 1 if carry_over and start >= carry_over else start.year
        return start, datetime.date(last_year, 12, 31)
    try:
        same_day_next_year = start.replace(year=start.year + 1)
    except ValueError:  # 29 February
        same_day_next_year = start.replace(year=start.year + 1, day=28)
    return start, same_day_next_year - datetime.timedelta(days=1)


def period_for(member, membership_type, *, start=None):
    """The (valid_from, valid_until) `start_membership` would give `member` today (or from `start`):
    shown on the join page and the desk form before paying. A renewal starts the day after the
    current membership ends."""
    start = start or timezone.localdate()
    current = active_membership_on(member, start)
    if current and current.valid_until >= start:
        start = current.valid_until + datetime.timedelta(days=1)
    return membership_period(membership_type, start)


def period_rule(membership_type):
    """The rule in words: "Année civile ; à partir du 1er septembre, aussi l'année suivante"."""
    if membership_type.kind != MembershipType.Kind.CALENDAR_YEAR or not membership_type.carry_over_month:
        return str(membership_type.get_kind_display())
    day, month = membership_type.carry_over_day, membership_type.carry_over_month
    if (translation.get_language() or "fr")[:2] == "fr":
        date = f"{'1er' if day == 1 else day} {FR_MONTHS[month - 1]}"
    else:
        date = f"{day} {EN_MONTHS[month - 1]}"
    return _(
        "Année civile (jusqu'au 31 décembre) ; une adhésion prise à partir du %(date)s vaut aussi pour l'année suivante"
    ) % {"date": date}


def active_membership_on(user, date):
    """The member's active membership valid on `date`, or None."""
    if user is None or not getattr(user, "pk", None):
        return None
    return Membership.objects.filter(member=user).active_on(date).order_by("-valid_until").first()


def start_membership(member, membership_type, *, by=None, start=None, request=None):
    """Create a membership of `membership_type` for `member`; returns it.

    It starts on `start` (today by default) or the day after the member's current membership ends
    (a renewal never overlaps). Free types (or price 0) are active at once, without any payment
    step; others wait for their payment (`pending_payment`). Staff acting for the member need the
    person's `request` (PersonRequest, act "pay": at the desk, by phone, through a relative) or a
    "pay" mandate.
    Joining again before paying gives back the same waiting membership (same type and period);
    another choice replaces it. Raises MembershipTypeUnavailable, MandateRequired.
    """
    from members.services.mandates import authority_data, require_authority

    authority = require_authority(by, member, "pay", request=request)
    if not membership_type.active:
        raise MembershipTypeUnavailable()
    with transaction.atomic():
        lock_member(member)
        # Read under the member lock: a renewal starts the day after the current membership ends.
        valid_from, valid_until = period_for(member, membership_type, start=start)
        free = membership_type.is_free or membership_type.price <= ZERO
        pending = Membership.objects.filter(member=member, status=Membership.Status.PENDING_PAYMENT)
        same = pending.filter(type=membership_type, valid_from=valid_from, valid_until=valid_until)
        same = same.filter(price=membership_type.price).order_by("-pk").first() if not free else None
        if same is not None:
            # Joining twice before paying: the same membership, waiting for the same payment.
            pending = pending.exclude(pk=same.pk)
        # Other unpaid attempts are replaced, not piled up: their waiting payments stop taking money
        # (a late one is credited, members.services.fulfilment).
        void_pending(
            PaymentItem.objects.filter(membership__in=pending, state=PaymentItem.State.PENDING),
            actor=by or member,
        )
        pending.update(status=Membership.Status.CANCELLED)
        if same is not None:
            return same
        membership = Membership.objects.create(
            member=member,
            type=membership_type,
            valid_from=valid_from,
            valid_until=valid_until,
            price=ZERO if free else membership_type.price,
            status=Membership.Status.ACTIVE if free else Membership.Status.PENDING_PAYMENT,
            created_by=by or member,
        )
        log_action(
            membership,
            "escale.membership.created",
            actor=by or member,
            on_behalf_of=member if by and by != member else None,
            data={
                "type": membership_type.name,
                "price": str(membership.price),
                "status": membership.status,
                **authority_data(authority),
            },
        )
    return membership


# --- renewal ------------------------------------------------------------------------------------------


def make_renewal_token(membership):
    return signing.make_token(RENEWAL_SALT, membership.pk)


def read_renewal_token(token):
    """The membership a renewal link is for; raises InvalidRenewalLink when forged or older than 7 days."""
    pk = signing.read_token(RENEWAL_SALT, token, max_age=RENEWAL_LINK_MAX_AGE)
    membership = pk and Membership.objects.select_related("member", "type").filter(pk=pk).first()
    if not membership or not membership.member.is_active:
        raise InvalidRenewalLink()
    return membership


def renewal_url(membership):
    from members.services.profiles import member_language

    with translation.override(member_language(membership.member)):
        path = reverse("members:renew", kwargs={"token": make_renewal_token(membership)})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_renewal_reminders(*, today=None):
    """E-mail members whose membership ends within 30 days and who have not renewed; once each.

    The e-mail holds a signed renewal link valid 7 days that works without logging in. Members
    without e-mail go to the call list. Returns the memberships reminded.
    """
    from members.services.profiles import member_language, preferred_contact

    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=REMINDER_DAYS_BEFORE)
    due = Membership.objects.filter(
        status=Membership.Status.ACTIVE,
        valid_until__gte=today,
        valid_until__lte=horizon,
        renewal_reminder_sent_at__isnull=True,
        member__is_active=True,
    ).select_related("member", "type")
    reminded = []
    for membership in due:
        if Membership.objects.filter(
            member=membership.member, status=Membership.Status.ACTIVE, valid_until__gt=membership.valid_until
        ).exists():
            continue
        member = membership.member
        with translation.override(member_language(member)):
            context = {
                "member": member,
                "membership": membership,
                "url": renewal_url(membership),
                "site_name": settings.WAGTAIL_SITE_NAME,
            }
            subject = _("Votre adhésion se termine le %(date)s") % {"date": membership.valid_until.strftime("%d/%m/%Y")}
            channel, address = preferred_contact(member)
            if channel == "email":
                send_mail(subject, render_to_string("members/email/renewal_reminder.txt", context), None, [address])
            else:
                CallListEntry.objects.create(member=member, phone=address, reason="renewal", message=subject + ".")
        Membership.objects.filter(pk=membership.pk).update(renewal_reminder_sent_at=timezone.now())
        reminded.append(membership)
    return reminded
