"""Indicators: partners by category, offers, card checks per partner and month, newsletter reach."""

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest

from demo.partners import create_partners
from indicators.reports import annual_report_html
from indicators.services import Period
from indicators.services.outreach import outreach_figures
from partners.models import CardCheck

pytestmark = pytest.mark.django_db


def test_outreach_figures_count_partners_offers_and_checks_per_partner_and_month():
    partners = create_partners()
    CardCheck.objects.create(partner=partners[0], result="valid")
    CardCheck.objects.create(partner=partners[0], result="replaced")
    CardCheck.objects.create(partner=None, result="unknown")
    today = timezone.localdate()
    figures = outreach_figures(Period(today - datetime.timedelta(days=30), today))
    assert figures["partners"] == 22 and figures["offers"] == 22
    assert dict(figures["partners_by_category"])["Sport"] == 3
    rows = {row["partner"]: (row["total"], row["valid"]) for row in figures["card_checks"]}
    assert rows == {"Boulangerie du Marché": (2, 1), "—": (1, 0)}
    assert figures["newsletter"]["sent"] == 0


def test_dashboard_and_annual_report_show_the_partners_section(client, coordinator):
    create_partners()
    client.force_login(coordinator)
    page = client.get(reverse("indicators_admin:dashboard"))
    assert "Partenaires et lettre d" in page.content.decode()
    assert "Cartes de membre vérifiées" in annual_report_html(timezone.localdate().year)
