"""Malformed input gets a clear message, never a 500 (issue 13, item 5: each URL of the reproduction)."""

import datetime

from django.test import Client
from django.utils import timezone

import pytest

from core import bounds, roles
from indicators.forms import PeriodForm

pytestmark = pytest.mark.django_db

MONTH_MESSAGE = "Ce mois n&#x27;est pas dans l&#x27;agenda"
NUL_MESSAGE = "caractère invalide"


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("month", ["9999-12", "0001-01", "1-1", "9999999999-1", "2026-13", "2026-00", "abc"])
def test_agenda_month_view_with_a_month_out_of_range_shows_this_month_with_a_message(visitor, home_fr, month):
    response = visitor.get("/fr/agenda/", {"vue": "mois", "mois": month})

    assert response.status_code == 400
    body = response.content.decode()
    assert MONTH_MESSAGE in body
    assert f"mois={timezone.localdate():%Y-%m}" in body  # the current month is shown, its links work


def test_agenda_month_view_in_english_says_so_in_english(visitor, home_en):
    response = visitor.get("/en/agenda/", {"vue": "mois", "mois": "9999-12"})

    assert response.status_code == 400
    assert "This month is not in the calendar" in response.content.decode()


def test_a_valid_month_is_still_shown(visitor, home_fr):
    response = visitor.get("/fr/agenda/", {"vue": "mois", "mois": "2026-12"})

    assert response.status_code == 200
    assert "décembre 2026" in response.content.decode()
    assert MONTH_MESSAGE not in response.content.decode()


@pytest.mark.parametrize("month", ["9999-12", "0001-01"])
def test_printable_programme_with_a_month_out_of_range(visitor, home_fr, month):
    response = visitor.get("/fr/agenda/programme/", {"mois": month})

    assert response.status_code == 400
    assert MONTH_MESSAGE in response.content.decode()


def test_search_with_a_nul_character_answers_400_with_a_message(visitor, home_fr):
    response = visitor.get("/fr/recherche/", {"q": "\x00"})

    assert response.status_code == 400
    assert NUL_MESSAGE in response.content.decode()
    assert visitor.get("/en/search/", {"q": "a\x00"}).status_code == 400


def test_member_list_search_with_a_nul_character_answers_400(client, coordinator, home_fr):
    client.force_login(coordinator)

    response = client.get("/admin/adherents/", {"q": "\x00"})

    assert response.status_code == 400
    assert NUL_MESSAGE in response.content.decode()
    assert client.get("/admin/adherents/", {"q": "Martin"}).status_code == 200


@pytest.mark.parametrize(
    ("start", "end"), [("9999-12-01", "9999-12-31"), ("0001-01-01", "0001-01-31"), ("1900-01-01", "2100-12-31")]
)
def test_indicator_periods_out_of_bounds_are_refused_with_a_message(client, administrator, home_fr, start, end):
    form = PeriodForm({"period": "custom", "start": start, "end": end})
    assert not form.is_valid()
    client.force_login(administrator)

    response = client.get("/admin/indicateurs/", {"period": "custom", "start": start, "end": end})

    assert response.status_code == 200
    body = response.content.decode()
    assert "Choisissez une date entre l&#x27;an 2000 et l&#x27;an 2100." in body or "cinq ans au plus" in body


def test_care_indicators_refuse_a_200_year_period(client, social_worker, home_fr):
    client.force_login(social_worker)

    response = client.get("/admin/accompagnement/indicateurs/", {"start": "1900-01-01", "end": "2100-12-31"})
    assert response.status_code == 200
    assert "Choisissez une date entre l&#x27;an 2000 et l&#x27;an 2100." in response.content.decode()

    response = client.get("/admin/accompagnement/indicateurs/", {"start": "2000-01-01", "end": "2100-12-31"})
    assert response.status_code == 200
    assert "Choisissez une période de cinq ans au plus." in response.content.decode()
    five_years = client.get("/admin/accompagnement/indicateurs/", {"start": "2021-01-01", "end": "2025-12-31"})
    assert five_years.status_code == 200
    assert "cinq ans au plus" not in five_years.content.decode()


@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01"])
def test_care_indicators_refuse_years_9999_and_1(client, social_worker, home_fr, value):
    client.force_login(social_worker)

    response = client.get("/admin/accompagnement/indicateurs/", {"start": value, "end": value})

    assert response.status_code == 200
    assert "Choisissez une date entre" in response.content.decode()


def test_payments_list_ignores_dates_out_of_bounds(client, make_user, home_fr):
    client.force_login(make_user(role=roles.ADMINISTRATOR))

    response = client.get("/admin/adherents/paiements/", {"du": "0001-01-01", "au": "9999-12-31"})

    assert response.status_code == 200


def test_bounds_helpers():
    assert bounds.parse_month("2026-12") == datetime.date(2026, 12, 1)
    assert bounds.parse_month("2026-1") == datetime.date(2026, 1, 1)
    for value in ("9999-12", "0001-01", "1-1", "9999999999-1", "2026-13", "", None, "2026-12-01"):
        assert bounds.parse_month(value) is None
    assert bounds.parse_date("2026-02-28") == datetime.date(2026, 2, 28)
    assert bounds.parse_date("9999-12-31") is None
    assert bounds.parse_date("\x00") is None
