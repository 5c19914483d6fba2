"""Search fixtures: a small bilingual site with an activity (and its sessions), news, pages and places."""

import datetime
import itertools

from django.utils import timezone

import pytest

from activities.models import ActivityIndexPage, ActivityPage, Place, Session, Theme
from home.models import NewsPage, SiteSettings, StandardPage
from tests.conftest import publish

_seq = itertools.count(1)


def add_activity(index, title, *, summary="Une activité.", themes=(), live=True):
    page = ActivityPage(title=title, slug=f"activite-{next(_seq)}", summary=summary, live=live)
    index.add_child(instance=page)
    if themes:
        page.themes.set(themes)
        page.save()
    return page


def add_session(activity, place, *, days=7):
    start = timezone.now() + datetime.timedelta(days=days)
    return Session.objects.create(
        activity=activity, start=start, end=start + datetime.timedelta(hours=2), place=place, capacity=12
    )


@pytest.fixture
def place(db):
    return Place.objects.create(name="Médiathèque Jean-Moulin", commune="Bègles", address="2 rue des Écoles")


@pytest.fixture
def theme_numerique(db, locale_fr):
    return Theme.objects.create(name="Numérique", slug="numerique", locale=locale_fr)


@pytest.fixture
def site_fr(home_fr, home_en, news_index_fr, news_index_en, locale_en, place, theme_numerique):
    """French and English content, published; returns the pages by name."""
    settings = SiteSettings.for_site(home_fr.get_site())
    settings.phone = "05 56 00 00 00"
    settings.save()
    index_fr = home_fr.add_child(instance=ActivityIndexPage(title="Activités", slug="activites"))
    publish(index_fr.copy_for_translation(locale_en))
    atelier = add_activity(
        index_fr, "Atelier numérique", summary="Apprendre la tablette en petit groupe.", themes=[theme_numerique]
    )
    yoga = add_activity(index_fr, "Yoga sur chaise", summary="Bouger en douceur, assis.")
    atelier_en = atelier.copy_for_translation(locale_en)
    atelier_en.title = "Digital workshop"
    atelier_en.summary = "Learning to use a tablet in a small group."
    atelier_en = publish(atelier_en).specific
    add_session(atelier, place, days=3)
    add_session(atelier, place, days=10)
    news = news_index_fr.add_child(
        instance=NewsPage(title="Des cafés des aidants tout l'été", slug="cafes-ete", summary="Chaque jeudi.")
    )
    page = home_fr.add_child(
        instance=StandardPage(title="Accès et horaires", slug="acces", intro="Bureaux ouverts du lundi au vendredi.")
    )
    return {"atelier": atelier, "atelier_en": atelier_en, "yoga": yoga, "news": news, "page": page}
