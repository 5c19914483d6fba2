"""Renewing from the reminder e-mail's link, without logging in (members.views.renew)."""

from typing import NamedTuple

from members.exceptions import MembersError, MembershipTypeUnavailable
from members.models import Membership, Payment
from members.services.memberships import read_renewal_token, start_membership
from members.services.payments import create_online_payment


class Renewal(NamedTuple):
    membership: Membership  # the new membership (active at once when free)
    payment: Payment | None  # the online payment to make, or None (free, or to be paid at the desk)


def renew_membership(token):
    """Start the next membership of the same type for the person a renewal link was sent to.

    It begins the day after the current one ends (start_membership). A free type is active at once; else
    an online payment is created for it, or none when online payment is not available (the desk takes
    it: the person is told so). Raises InvalidRenewalLink (forged or older than 7 days) and
    MembershipTypeUnavailable (the type is no longer offered).
    """
    current = read_renewal_token(token)
    if not current.type.active:
        raise MembershipTypeUnavailable()
    new = start_membership(current.member, current.type)
    if new.status == Membership.Status.ACTIVE:
        return Renewal(new, None)
    try:
        return Renewal(new, create_online_payment(current.member, memberships=[new]))
    except MembersError:  # no online payment (production without Stripe): the desk takes it
        return Renewal(new, None)
