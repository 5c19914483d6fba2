"""The demo history (demo/indicators.py): after `seed_demo`, a coordinator opening the dashboard sees
believable figures for the last weeks and for last year, and no member is told anything."""

import datetime
import io
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.db.models import Count, F, Max
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from activities.models import Booking
from activities.seats import drifted
from core.models import ActionLog
from demo.indicators import HISTORY_DAYS, REGULARS, regular_email
from indicators import services, surveys
from members import services as member_services
from members.models import Receipt

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("seed_demo", stdout=io.StringIO())


def test_the_dashboard_shows_plausible_figures_for_the_last_weeks_and_last_year(demo):
    today = timezone.localdate()
    period = services.Period(today - datetime.timedelta(days=HISTORY_DAYS), today)
    figures = services.figures(period, with_care=False)

    attendance = figures["attendance"]
    assert attendance["sessions"] >= 60
    assert Decimal("60") <= attendance["fill_rate"] <= Decimal("90")
    assert Decimal("5") <= attendance["no_show_rate"] <= Decimal("15")
    participants = figures["participants"]
    assert participants["first_time"] > 0
    assert participants["returning"] > 0
    assert len(figures["itinerant"]) == 3  # the bus stopped in three communes
    assert all(row["sessions"] and row["participants"] for row in figures["itinerant"])
    revenue = {row["key"]: row["amount"] for row in figures["revenue"]["by_type"]}
    assert revenue["booking"] > 0
    assert revenue["membership"] > 0
    assert {row["key"] for row in figures["revenue"]["by_method"]} >= {"online", "cash", "cheque"}
    assert figures["waitlist_by_activity"]
    assert figures["satisfaction"]
    good_time = next(row for row in figures["satisfaction_totals"] if row["key"] == "good_time")
    assert Decimal("60") <= good_time["share_yes"] <= Decimal("95")

    # "Cette année" is compared with last year: both have figures.
    comparison = services.compare(services.this_year(), with_care=False)
    for side, figures in comparison.items():
        assert figures["attendance"]["sessions"] > 0, side
        assert figures["revenue"]["total"] > 0, side
        assert figures["satisfaction"], side


def test_the_history_keeps_receipts_in_order_tells_no_one_and_leaves_nothing_to_send_or_pay(demo, client):
    for row in Receipt.objects.values("year").annotate(count=Count("pk"), last=Max("sequence")):
        assert row["count"] == row["last"], row["year"]
    assert Receipt.objects.filter(payment__fulfilled_at__isnull=True).count() == 0

    User = get_user_model()
    assert User.objects.filter(email__endswith="@escale.example", email__startswith="adherent.demo").count() == REGULARS
    assert not User.objects.get(email=regular_email(1)).has_usable_password()
    assert mail.outbox == []
    assert not surveys.bookings_to_survey().exists()  # yesterday's attendees already have their survey
    past = Booking.objects.filter(session__start__lt=timezone.now())
    past_ids = [str(pk) for pk in past.values_list("pk", flat=True)]
    # The history has no journal entries; the upcoming demo bookings went through the booking service.
    assert not ActionLog.objects.filter(code__startswith="escale.booking.", object_id__in=past_ids).exists()
    upcoming = Booking.objects.filter(session__start__gte=timezone.now())
    logged = ActionLog.objects.filter(code__startswith="escale.booking.").values_list("object_id", flat=True)
    assert {str(pk) for pk in upcoming.values_list("pk", flat=True)} == set(logged)
    assert not drifted()  # every seat counter agrees with the bookings, the history's included
    assert not past.exclude(made_by=F("member")).exists()  # nobody reads "booked by the team"
    for user in User.objects.filter(email__in=["membre@escale.example", regular_email(REGULARS)]):
        assert not member_services.outstanding_bookings(user).filter(session__start__lt=timezone.now()).exists()

    # The demo member finds past sessions in her bookings; her upcoming ones are unchanged.
    josette = get_user_model().objects.get(email="membre@escale.example")
    past = Booking.objects.filter(member=josette, session__start__lt=timezone.now())
    assert past.filter(status=Booking.Status.ATTENDED).count() >= 5
    upcoming = Booking.objects.filter(member=josette, session__start__gte=timezone.now(), status="confirmed")
    assert upcoming.count() == 2  # the demo's upcoming bookings are unchanged
    client.force_login(josette)
    page = BeautifulSoup(client.get("/fr/agenda/mes-inscriptions/", HTTP_HOST="localhost").content, "html.parser")
    past_list = page.find("h2", string="Passées").find_next("ul")
    assert "Présent" in past_list.get_text()
