"""The demo seed is idempotent and builds a usable calendar."""

import io

from wagtail.models import Site

import pytest

from activities import demo
from activities.models import ActivityPage, Place, Session
from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_demo_seed_is_idempotent_and_creates_bus_stops_and_a_cycle():
    from wagtail.models import Page

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
