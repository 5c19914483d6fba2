"""One price rule (design.md rule 1): member / non-member / solidarity / expired membership on the session date."""

import datetime
from decimal import Decimal

from django.utils import timezone

import pytest

from activities import services as activity_services
from members import services
from members.models import Membership
from tests.activities.factories import make_activity
from tests.members.factories import make_membership, make_membership_type, make_session, make_user

pytestmark = pytest.mark.django_db


def test_a_non_member_pays_the_full_price():
    assert services.price_for(make_user(), make_session()) == Decimal("12.00")


def test_a_member_with_a_membership_valid_on_the_session_date_pays_the_member_price():
    member = make_user()
    make_membership(member)
    session = make_session()
    assert services.price_for(member, session) == Decimal("8.00")
    assert activity_services.price_for(member, session) == Decimal("8.00")


def test_a_membership_expired_on_the_session_date_gives_the_full_price():
    member = make_user()
    today = timezone.localdate()
    make_membership(member, valid_until=today + datetime.timedelta(days=3))
    session = make_session(start=timezone.now() + datetime.timedelta(days=10))
    assert services.price_for(member, session) == Decimal("12.00")


def test_a_pending_or_cancelled_membership_gives_no_member_price():
    member = make_user()
    make_membership(member, status=Membership.Status.PENDING_PAYMENT)
    make_membership(member, status=Membership.Status.CANCELLED)
    assert services.price_for(member, make_session()) == Decimal("12.00")


def test_the_solidarity_price_granted_by_staff_wins_over_the_member_price():
    member = make_user()
    make_membership(member)
    profile = services.profile_of(member)
    profile.solidarity_price = True
    profile.save()
    session = make_session(make_activity(solidarity_price=Decimal("2.00")))
    assert services.price_for(member, session) == Decimal("2.00")


def test_the_solidarity_price_can_be_granted_for_one_booking():
    session = make_session(make_activity(solidarity_price=Decimal("3.00")))
    assert services.price_for(make_user(), session, solidarity=True) == Decimal("3.00")


def test_a_free_activity_is_free_for_everyone():
    session = make_session(make_activity(full_price=Decimal("0.00"), member_price=Decimal("0.00")))
    assert services.price_for(make_user(), session) == Decimal("0.00")
    assert services.price_for(None, session) == Decimal("0.00")


def test_booking_records_the_member_price():
    member = make_user()
    make_membership(member)
    booking = activity_services.book(make_session(), member)
    assert booking.price == Decimal("8.00")


def test_a_free_membership_is_active_at_once_without_payment():
    member = make_user()
    membership = services.start_membership(member, make_membership_type("Bénévole", "0.00", is_free=True))
    assert membership.status == Membership.Status.ACTIVE
    assert membership.price == Decimal("0.00")
    assert not member.member_payments.exists()


def test_a_calendar_year_membership_ends_on_31_december_and_a_rolling_one_after_12_months():
    annual = make_membership_type(kind="calendar_year")
    rolling = make_membership_type(kind="rolling_year")
    assert services.membership_period(annual, datetime.date(2026, 3, 3)) == (
        datetime.date(2026, 3, 3),
        datetime.date(2026, 12, 31),
    )
    assert services.membership_period(rolling, datetime.date(2026, 3, 3))[1] == datetime.date(2027, 3, 2)


def test_a_renewal_starts_the_day_after_the_current_membership_ends():
    member = make_user()
    current = make_membership(member)
    renewed = services.start_membership(member, make_membership_type(kind="rolling_year"))
    assert renewed.valid_from == current.valid_until + datetime.timedelta(days=1)


def test_the_your_price_tag_shows_the_same_price_as_booking(rf):
    from django.template import Context, Template

    member = make_user()
    make_membership(member)
    session = make_session()
    request = rf.get("/")
    request.user = member
    rendered = Template("{% load members_tags %}{% your_price session %}").render(
        Context({"request": request, "session": session})
    )
    assert rendered == str(services.price_for(member, session)) == "8.00"
