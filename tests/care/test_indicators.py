"""Indicators are anonymous counts computed from the case files, as the annual report needs them."""

import datetime
from decimal import Decimal

from django.urls import reverse

import pytest

from care import services
from care.models import AccessLogEntry

D = datetime.date


@pytest.fixture
def known_data(social_worker):
    a = services.create_case(social_worker, last_name="A", identified_on=D(2025, 1, 10), identified_via="activity")
    b = services.create_case(social_worker, last_name="B", identified_on=D(2025, 2, 5), identified_via="partner")
    c = services.create_case(social_worker, last_name="C", identified_on=D(2025, 2, 20), identified_via="activity")
    services.create_case(social_worker, last_name="Out", identified_on=D(2024, 6, 1))  # before the period
    services.change_status(social_worker, a, "accompanied", on=D(2025, 1, 20))
    services.change_status(social_worker, b, "accompanied", on=D(2025, 2, 10))
    services.change_status(social_worker, b, "closed", on=D(2025, 3, 15))
    services.change_status(social_worker, c, "closed", on=D(2025, 3, 1))
    services.add_intervention(social_worker, a, kind="interview", date=D(2025, 1, 20))
    services.add_intervention(social_worker, a, kind="home_visit", date=D(2025, 2, 3))
    services.add_intervention(social_worker, b, kind="interview", date=D(2025, 2, 11))
    services.add_intervention(social_worker, b, kind="interview", date=D(2024, 12, 31))  # outside
    services.add_orientation(social_worker, a, partner_type="clic", date=D(2025, 2, 1), outcome="accepted")
    services.add_orientation(social_worker, b, partner_type="respite", date=D(2025, 2, 12))
    services.add_orientation(social_worker, b, partner_type="clic", date=D(2025, 3, 2), outcome="refused")
    return a, b, c


@pytest.mark.django_db
def test_indicators_count_steps_interventions_orientations_and_activity_share(known_data):
    data = services.indicators(D(2025, 1, 1), D(2025, 3, 31))
    assert data["totals"] == {"identified": 3, "accompanied": 2, "closed": 2}
    assert data["per_month"][D(2025, 2, 1)] == {"identified": 2, "accompanied": 1, "closed": 0}
    assert data["per_month"][D(2025, 3, 1)] == {"identified": 0, "accompanied": 0, "closed": 2}
    assert data["interventions_by_month"][D(2025, 1, 1)]["interview"] == 1
    assert data["interventions_by_month"][D(2025, 2, 1)] == {
        "interview": 1,
        "phone_call": 0,
        "home_visit": 1,
        "group_session": 0,
        "psychological": 0,
    }
    assert data["orientations_by_partner"] == {"ccas": 0, "clic": 2, "respite": 1, "saad": 0, "other": 0}
    assert data["orientations_by_outcome"]["refused"] == 1
    # Accompanied during the period: a (via an activity) and b (via a partner) → 50 %.
    assert data["activity_share"] == {"via_activity": 1, "accompanied": 2, "percent": Decimal("50.0")}


@pytest.mark.django_db
def test_indicator_exports_are_anonymous_and_logged(client, social_worker, known_data):
    client.force_login(social_worker)
    url = reverse("care:indicators")
    csv_response = client.get(url, {"start": "2025-01-01", "end": "2025-03-31", "format": "csv"})
    assert csv_response.status_code == 200
    assert csv_response["Content-Type"].startswith("text/csv")
    text = csv_response.content.decode("utf-8-sig")
    assert "Indicateur;Période;Catégorie;Valeur" in text
    assert "Lemoine" not in text and ";A;" not in text
    xlsx = client.get(url, {"start": "2025-01-01", "end": "2025-03-31", "format": "xlsx"})
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    exports = AccessLogEntry.objects.filter(actor=social_worker, action="export", object_type="indicators")
    assert exports.count() == 2


@pytest.mark.django_db
def test_empty_period_has_no_share_rather_than_a_division_by_zero():
    data = services.indicators(D(2000, 1, 1), D(2000, 1, 31))
    assert data["activity_share"]["percent"] is None
    assert services.indicator_rows(data)
