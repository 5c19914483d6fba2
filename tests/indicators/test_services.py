"""Every indicator computed from the known dataset (tests/indicators/conftest.py) gives the expected figure."""

import datetime
from decimal import Decimal

from django.utils import timezone

import pytest

from activities.models import CycleBooking
from indicators import services
from indicators.disclosure import SMALL
from indicators.services import Period
from members.models import Payment, PaymentItem
from tests.activities.factories import make_activity, make_user
from tests.indicators.conftest import YEAR, pay

pytestmark = pytest.mark.django_db


def test_previous_period_is_the_previous_month_or_the_same_number_of_days_before():
    march = Period(datetime.date(2025, 3, 1), datetime.date(2025, 3, 31))
    assert march.previous() == Period(datetime.date(2025, 2, 1), datetime.date(2025, 2, 28))
    ten_days = Period(datetime.date(2025, 3, 5), datetime.date(2025, 3, 14))
    assert ten_days.previous() == Period(datetime.date(2025, 2, 23), datetime.date(2025, 3, 4))


def test_fill_rate_counts_held_seats_of_held_sessions_and_no_show_rate_absent_among_marked(known):
    figures = services.attendance_figures(known["period"])
    assert figures == {
        "sessions": 2,
        "capacity": 20,
        "seats": 9,
        "attended": 7,
        "no_show": 1,
        "fill_rate": Decimal("45.0"),
        "no_show_rate": Decimal("12.5"),
    }


def test_returning_participants_are_those_present_before_the_period(known):
    assert services.participant_figures(known["period"]) == {
        "people": 6,
        "first_time": 5,
        "returning": 1,
        "visits": 7,
        "returning_share": Decimal("16.7"),
    }


def test_revenue_totals_by_method_and_by_type_in_decimal_euros(known):
    revenue = services.revenue_figures(known["period"])
    assert revenue["total"] == Decimal("49.00")
    assert revenue["net"] == Decimal("49.00")
    assert revenue["paid_with_credit"] == Decimal("8.00")
    assert {row["key"]: row["amount"] for row in revenue["by_method"]} == {
        "card_terminal": Decimal("12.00"),
        "cash": Decimal("29.00"),
        "online": Decimal("8.00"),
    }
    assert {row["key"]: row["amount"] for row in revenue["by_type"]} == {
        "membership": Decimal("29.00"),
        "booking": Decimal("20.00"),
    }
    assert services.revenue_figures(known["period"].previous())["total"] == Decimal("5.00")


def test_member_figures_count_accounts_memberships_and_renewals_due(known):
    assert services.member_figures(known["period"]) == {
        "total": 11,
        "new": 3,
        "active_memberships": 3,
        "memberships_taken": 1,
        "renewals_due": 1,
    }


def test_waitlist_demand_per_activity_and_theme_includes_people_promoted_later(known):
    expected = [{"label": "Atelier numérique", "requests": 3, "promoted": 1}]
    assert services.waitlist_by_activity(known["period"]) == expected
    assert services.waitlist_by_theme(known["period"]) == [{"label": "Numérique", "requests": 3, "promoted": 1}]


def test_itinerant_sessions_by_commune_ignore_cancelled_sessions(known):
    assert services.itinerant_by_commune(known["period"]) == [
        {"label": "Saint-Selve", "sessions": 1, "participants": 3}
    ]


def test_satisfaction_share_per_activity(known):
    assert services.satisfaction_by_activity(known["period"]) == [
        {"label": "Atelier numérique", "answers": 1, "satisfied": 1, "share": Decimal("100.0")},
        {"label": "Yoga doux", "answers": 4, "satisfied": 3, "share": Decimal("75.0")},
    ]


def test_care_figures_are_totals_from_the_care_app(known_care, known):
    care = services.care_figures(known["period"])
    # 2, 1, 1, 1 and a 100 % share of one person: too few to leave the care team (test_care_privacy.py).
    assert {row["key"]: row["value"] for row in care["steps"]} == {
        "identified": SMALL,
        "accompanied": SMALL,
        "closed": 0,
    }
    assert care["interventions_total"] == SMALL
    assert care["orientations_total"] == SMALL
    assert care["activity_share"]["percent"] == SMALL


def test_headline_compares_with_the_previous_period(known):
    rows = {row["key"]: row for row in services.headline(services.compare(known["period"], with_care=False))}
    assert rows["revenue.total"]["current"] == Decimal("49.00")
    assert rows["revenue.total"]["previous"] == Decimal("5.00")
    assert rows["revenue.total"]["delta"] == Decimal("44.00")
    assert rows["revenue.total"]["trend"] == "up"
    # February: one held session (capacity 10) with two seats held.
    assert rows["attendance.fill_rate"]["previous"] == Decimal("20.0")
    assert rows["attendance.no_show_rate"]["previous"] == Decimal("50.0")


def test_a_paid_cycle_counts_as_activity_revenue(known):
    member = make_user()
    cycle = CycleBooking.objects.create(activity=make_activity(), member=member, price=Decimal("60.00"))
    payment = pay(member, "cheque", [], fulfilled_at=timezone.make_aware(datetime.datetime(YEAR, 3, 15, 10)))
    PaymentItem.objects.create(
        payment=payment, kind="cycle", cycle_booking=cycle, label="cycle", amount=cycle.price, state="paid"
    )
    Payment.objects.filter(pk=payment.pk).update(total=cycle.price)
    revenue = services.revenue_figures(known["period"])
    assert {row["key"]: row["amount"] for row in revenue["by_type"]} == {
        "membership": Decimal("29.00"),
        "booking": Decimal("80.00"),
    }
