"""Builders for members tests: membership types, memberships, paid bookings."""

import datetime
from decimal import Decimal

from django.utils import timezone

from activities.models import Booking
from members.models import Membership, MembershipType
from tests.activities.factories import make_session, make_user

__all__ = ["make_membership", "make_membership_type", "make_paid_booking", "make_session", "make_user"]


def make_membership_type(name="Adhésion annuelle", price="29.00", **fields):
    return MembershipType.objects.create(name=name, price=Decimal(price), **fields)


def make_membership(
    member, *, valid_from=None, valid_until=None, status=Membership.Status.ACTIVE, membership_type=None
):
    today = timezone.localdate()
    return Membership.objects.create(
        member=member,
        type=membership_type or make_membership_type(),
        valid_from=valid_from or today - datetime.timedelta(days=30),
        valid_until=valid_until or today + datetime.timedelta(days=300),
        status=status,
        price=Decimal("29.00"),
    )


def make_booking(member, session=None, price="12.00"):
    session = session or make_session()
    return Booking.objects.create(
        session=session, member=member, status=Booking.Status.CONFIRMED, price=Decimal(price), made_by=member
    )


def make_paid_booking(member, *, by, session=None):
    from members import services

    booking = make_booking(member, session)
    services.record_onsite_payment(member, method="cash", by=by, bookings=[booking])
    return booking
