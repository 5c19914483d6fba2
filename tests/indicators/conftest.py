"""A small dataset whose indicators are known by heart (see `known` below for the expected figures)."""

import datetime
from decimal import Decimal

from django.utils import timezone

import pytest

from activities.models import Booking
from care import services as care_services
from indicators.models import SurveyAnswer, SurveyInvitation
from indicators.services import Period
from members.models import MemberProfile, Membership, Payment, PaymentItem
from tests.activities.factories import make_activity, make_place, make_session, make_theme, make_user
from tests.members.factories import make_membership, make_membership_type

D = datetime.date
YEAR = timezone.localdate().year - 1  # a past year: every session of it took place
MARCH = Period(D(YEAR, 3, 1), D(YEAR, 3, 31))  # previous period of equal length: 29 Jan – 28 Feb (or 1 – 29 Feb)


def at(day, hour=10):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=timezone.get_current_timezone())


def book(session, member, status, **fields):
    return Booking.objects.create(session=session, member=member, status=status, price=Decimal("8.00"), **fields)


def _state(kind, obj, fulfilled_at):
    """A confirmed line pays its thing once; a later confirmed line for the same thing is given back."""
    if not fulfilled_at:
        return "pending"
    return "returned" if PaymentItem.objects.filter(**{kind: obj}, state="paid").exists() else "paid"


def pay(member, method, items, *, fulfilled_at):
    payment = Payment.objects.create(
        variant="dummy",
        member=member,
        method=method,
        total=sum((amount for _kind, _obj, amount in items), Decimal("0.00")),
        currency="EUR",
        status="confirmed" if fulfilled_at else "waiting",
        fulfilled_at=fulfilled_at,
    )
    for kind, obj, amount in items:
        PaymentItem.objects.create(
            payment=payment,
            kind=kind,
            membership=obj if kind == "membership" else None,
            booking=obj if kind == "booking" else None,
            label=str(kind),
            amount=amount,
            state=_state(kind, obj, fulfilled_at),
        )
    return payment


def member(n, *, created):
    user = make_user(f"personne{n}@example.org", first_name=f"Prénom{n}", last_name=f"Nom{n}")
    profile, _ = MemberProfile.objects.get_or_create(user=user)
    MemberProfile.objects.filter(pk=profile.pk).update(created_at=at(created))
    return user


@pytest.fixture
def known(db):
    """March of last year:
    - sessions of capacity 10: yoga (S1, Cadaujac) and numérique (S2, bus stop in Saint-Selve), plus a cancelled
      one (ignored); February: one yoga session (S0) where m1 came and m2 did not.
    - S1: m1–m4 present, m5 absent, m6 cancelled. S2: m1, m7, m8 present (m8 came from the waitlist),
      m9 booked but not marked, m10 and m11 still waiting.
      → held seats 9 / capacity 20 = 45.0 %; no-show 1 / 8 = 12.5 %; 6 people (7 visits): m1 came back,
      5 first-timers (m2's February absence is not a visit).
    - payments confirmed in March: cash 29.00 (membership), card terminal 12.00 and online 8.00 (bookings);
      one never confirmed (100.00, ignored), one paid with a credit (8.00, no new money); February: cash 5.00.
    - memberships: m1 ends 10 days after March (renewal due), m2 too but already renewed, m3 taken in March,
      m4 cancelled → 3 active at the end of March, 1 taken, 1 renewal due.
    - accounts: m1–m8 created the year before, m9–m11 in March → 11 accounts, 3 new.
    - survey "un bon moment ?": yoga 3 yes + 1 no (75.0 %), numérique 1 yes (100.0 %).
    """
    wellbeing, digital = make_theme("Bien-être", "bien-etre"), make_theme("Numérique", "numerique")
    yoga = make_activity("Yoga doux")
    yoga.themes.add(wellbeing)
    yoga.save()
    numeric = make_activity("Atelier numérique")
    numeric.themes.add(digital)
    numeric.save()
    hall = make_place(name="Salle des fêtes", commune="Cadaujac")
    bus = make_place(name="Place de l'église", commune="Saint-Selve", is_bus_stop=True)
    s0 = make_session(yoga, start=at(D(YEAR, 2, 10)), capacity=10, place=hall)
    s1 = make_session(yoga, start=at(D(YEAR, 3, 5)), capacity=10, place=hall)
    s2 = make_session(numeric, start=at(D(YEAR, 3, 12)), capacity=10, place=bus)
    cancelled = make_session(numeric, start=at(D(YEAR, 3, 19)), capacity=10, place=bus, status="cancelled")

    m = {n: member(n, created=D(YEAR - 1, 6, 1) if n <= 8 else D(YEAR, 3, 2)) for n in range(1, 12)}
    attended, no_show = Booking.Status.ATTENDED, Booking.Status.NO_SHOW
    book(s0, m[1], attended)
    book(s0, m[2], no_show)
    s1_bookings = {n: book(s1, m[n], attended) for n in (1, 2, 3, 4)}
    book(s1, m[5], no_show)
    book(s1, m[6], Booking.Status.CANCELLED)
    s2_m7 = book(s2, m[7], attended)
    book(s2, m[1], attended)
    book(s2, m[8], attended, promoted_at=at(D(YEAR, 3, 10)))
    book(s2, m[9], Booking.Status.CONFIRMED)
    book(s2, m[10], Booking.Status.WAITLISTED)
    book(s2, m[11], Booking.Status.WAITLISTED)
    book(cancelled, m[3], Booking.Status.CANCELLED)

    end = MARCH.end
    annual = make_membership_type()
    membership_m1 = make_membership(m[1], valid_from=D(YEAR - 1, 4, 11), valid_until=end + datetime.timedelta(days=10))
    make_membership(
        m[2], valid_from=D(YEAR - 1, 4, 11), valid_until=end + datetime.timedelta(days=10), membership_type=annual
    )
    make_membership(
        m[2], valid_from=end + datetime.timedelta(days=11), valid_until=D(YEAR + 1, 4, 10), membership_type=annual
    )
    make_membership(m[3], valid_from=D(YEAR, 3, 15), valid_until=D(YEAR, 12, 31), membership_type=annual)
    make_membership(
        m[4],
        valid_from=D(YEAR, 1, 1),
        valid_until=D(YEAR, 12, 31),
        status=Membership.Status.CANCELLED,
        membership_type=annual,
    )

    pay(m[1], "cash", [("membership", membership_m1, Decimal("29.00"))], fulfilled_at=at(D(YEAR, 3, 3)))
    pay(m[2], "card_terminal", [("booking", s1_bookings[2], Decimal("12.00"))], fulfilled_at=at(D(YEAR, 3, 5)))
    pay(m[3], "online", [("booking", s1_bookings[3], Decimal("8.00"))], fulfilled_at=at(D(YEAR, 3, 31), 23))
    pay(m[4], "cash", [("booking", s1_bookings[4], Decimal("100.00"))], fulfilled_at=None)
    pay(m[1], "cash", [("booking", s1_bookings[1], Decimal("5.00"))], fulfilled_at=at(D(YEAR, 2, 20)))
    pay(m[5], "credit", [("booking", s1_bookings[1], Decimal("8.00"))], fulfilled_at=at(D(YEAR, 3, 4)))

    for n, choice in ((1, "yes"), (2, "yes"), (3, "yes"), (4, "no")):
        invitation = SurveyInvitation.objects.create(booking=s1_bookings[n], session=s1)
        SurveyAnswer.objects.create(invitation=invitation, question="good_time", choice=choice)
    invitation = SurveyInvitation.objects.create(booking=s2_m7, session=s2)
    SurveyAnswer.objects.create(invitation=invitation, question="good_time", choice="yes")
    SurveyAnswer.objects.create(invitation=invitation, question="come_back", choice="maybe")

    return {"period": MARCH, "year": YEAR, "members": m, "sessions": (s0, s1, s2), "activities": (yoga, numeric)}


@pytest.fixture
def known_care(known, social_worker):
    """Two caregivers identified in March (one through an activity, then accompanied), one interview."""
    a = care_services.create_case(
        social_worker, last_name="Secret-A", identified_on=D(YEAR, 3, 2), identified_via="activity"
    )
    care_services.create_case(social_worker, last_name="Secret-B", identified_on=D(YEAR, 3, 20))
    care_services.change_status(social_worker, a, "accompanied", on=D(YEAR, 3, 9))
    care_services.add_intervention(social_worker, a, kind="interview", date=D(YEAR, 3, 9))
    care_services.add_orientation(social_worker, a, partner_type="clic", date=D(YEAR, 3, 10))
    return a
