"""The demo seed is idempotent and builds a usable calendar."""

import io

from wagtail.models import Page, Site

import pytest

from activities.models import ActivityPage, Booking, Place, Session
from demo import activities as demo
from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_demo_seed_is_idempotent_and_creates_bus_stops_and_a_cycle():
    home = Page.get_first_root_node().add_child(instance=HomePage(title="Accueil", slug="accueil-demo"))
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
    demo.seed(stdout=io.StringIO())
    sessions = Session.objects.count()
    demo.seed(stdout=io.StringIO())
    assert Session.objects.count() == sessions
    assert ActivityPage.objects.count() >= 7
    assert Place.objects.filter(is_bus_stop=True).count() == 3
    assert ActivityPage.objects.filter(is_cycle=True).exists()
    assert Session.objects.filter(activity__slug="bus-numerique", capacity=12).exists()


def test_demo_bookings_go_through_the_booking_rules_once():
    home = Page.get_first_root_node().add_child(instance=HomePage(title="Accueil", slug="accueil-demo"))
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
    demo.seed(stdout=io.StringIO())
    demo.seed_bookings(stdout=io.StringIO())
    bookings = Booking.objects.count()
    demo.seed_bookings(stdout=io.StringIO())
    assert Booking.objects.count() == bookings > 0
    full = Session.objects.filter(activity__slug="yoga-doux").order_by("start")[1]
    statuses = list(full.bookings.values_list("status", flat=True))
    assert statuses.count(Booking.Status.CONFIRMED) == full.capacity
    assert statuses.count(Booking.Status.WAITLISTED) == 2
    # Nobody here is a member: everyone pays the full price, as `price_for` decides.
    assert set(full.bookings.values_list("price", flat=True)) == {full.activity.full_price}
