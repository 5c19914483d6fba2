"""Money leaves the database rounded to the cent and reads the same on SQLite and PostgreSQL."""

from decimal import Decimal

from django.utils import translation

import pytest

from core.money import ZERO, format_money, round_money
from indicators import services as indicators
from members import services
from tests.members.factories import make_booking


def test_round_money_rounds_half_up_to_the_cent_and_reads_none_as_zero():
    assert str(round_money(Decimal("12"))) == "12.00"
    assert round_money(Decimal("2.675")) == Decimal("2.68")
    assert round_money("0.005") == Decimal("0.01")
    assert round_money(None) == ZERO


def test_amounts_are_shown_with_two_decimals_in_each_language():
    with translation.override("fr"):
        assert format_money(Decimal("29")) == "29,00 €"
    with translation.override("en"):
        assert format_money(Decimal("29")) == "29.00 €"


@pytest.mark.django_db
def test_summed_takings_keep_their_cents_on_every_database(make_user):
    staff = make_user("accueil@escale.example")
    for _ in range(2):
        member = make_user()
        services.record_onsite_payment(member, method="cash", by=staff, bookings=[make_booking(member)])
    revenue = indicators.revenue_figures(indicators.this_month())
    assert str(revenue["total"]) == "24.00"
    assert [str(row["amount"]) for row in revenue["by_method"]] == ["24.00"]
    assert str(services.credit_balance(member)) == "0.00"
