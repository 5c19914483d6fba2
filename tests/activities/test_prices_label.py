"""The tariff shown on the agenda agrees with what people are charged (members.services.pricing)."""

from decimal import Decimal

from django.utils import translation

import pytest

from activities.templatetags.activities_tags import prices_label
from members.services import cycle_price_for
from tests.activities.factories import make_activity, make_session, make_user

pytestmark = pytest.mark.django_db


def test_a_cycle_without_its_own_price_shows_the_member_and_full_prices_it_charges():
    activity = make_activity("Atelier tablette", is_cycle=True, cycle_price=None)
    session = make_session(activity)
    with translation.override("fr"):
        label = prices_label(session)
    assert label == "Cycle complet : Adhérents : 8,00 € · Non-adhérents : 12,00 €"
    assert cycle_price_for(make_user(), activity) == Decimal("12.00")  # not a member: the full price shown


def test_a_cycle_with_its_own_price_shows_it():
    session = make_session(make_activity("Atelier tablette", is_cycle=True, cycle_price=Decimal("60.00")))
    with translation.override("fr"):
        assert prices_label(session) == "Cycle complet : 60,00 €"
