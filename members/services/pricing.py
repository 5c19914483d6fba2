"""The one price rule (design.md booking rule 1): what a person pays for a session or a cycle.

Booking (through activities.people), payment and display all use these two functions.
"""

from django.utils import timezone

from core.money import ZERO
from members.models import MemberProfile
from members.services.memberships import active_membership_on


def _has_solidarity(user):
    return MemberProfile.objects.filter(user=user, solidarity_price=True).exists()


def price_for(user, session, *, solidarity=None):
    """The price `user` pays for `session` — the one rule used by booking, payment and display.

    Free activities cost 0.00 for everyone. A solidarity price (granted by staff on the profile,
    or for one booking with `solidarity=True`) wins; else the member price when the person holds
    an active membership on the session's date (Europe/Paris), else the full price. Never more
    than the full price.
    """
    activity = session.activity
    full = activity.full_price or ZERO
    if full <= ZERO:
        return ZERO
    if user is None or not getattr(user, "pk", None):
        return full
    if solidarity or (solidarity is None and _has_solidarity(user)):
        return min(activity.solidarity_price or ZERO, full)
    if active_membership_on(user, timezone.localdate(session.start)):
        return min(activity.member_price or ZERO, full)
    return full


def cycle_price_for(user, activity):
    """The single price of a whole cycle: its cycle price, else the price of one session
    (solidarity, member or full, as `price_for`, with today's membership)."""
    if activity.cycle_price is not None:
        return activity.cycle_price
    full = activity.full_price or ZERO
    if full <= ZERO or user is None or not getattr(user, "pk", None):
        return max(full, ZERO)
    if _has_solidarity(user):
        return min(activity.solidarity_price or ZERO, full)
    if active_membership_on(user, timezone.localdate()):
        return min(activity.member_price or ZERO, full)
    return full
