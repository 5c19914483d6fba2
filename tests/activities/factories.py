"""Builders for activities tests (plain functions: pages need the Wagtail tree)."""

import datetime
import itertools
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Locale, Page, Site

from activities.models import ActivityIndexPage, ActivityPage, Place, Session, Theme
from home.models import HomePage

_seq = itertools.count(1)


def make_user(email=None, **extra):
    n = next(_seq)
    email = f"membre{n}@example.org" if email is None else email
    return get_user_model().objects.create_user(username=f"user{n}", email=email, password="x", **extra)


def activity_index():
    index = ActivityIndexPage.objects.first()
    if index:
        return index
    root = Page.get_first_root_node()
    if root is None:  # transactional tests flush the tree that the migrations created
        Locale.objects.get_or_create(language_code="fr")
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    home = root.add_child(instance=HomePage(title="Accueil test", slug=f"accueil-test-{next(_seq)}"))
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
    return home.add_child(instance=ActivityIndexPage(title="Agenda", slug="agenda-test"))


def make_activity(title="Yoga doux", **fields):
    fields.setdefault("summary", "Une activité.")
    fields.setdefault("full_price", Decimal("12.00"))
    fields.setdefault("member_price", Decimal("8.00"))
    return activity_index().add_child(instance=ActivityPage(title=title, slug=f"act-{next(_seq)}", **fields))


def make_place(**fields):
    fields.setdefault("name", "Salle des fêtes")
    fields.setdefault("commune", "Cadaujac")
    return Place.objects.create(**fields)


def make_session(activity=None, *, start=None, capacity=12, place=None, **fields):
    activity = activity or make_activity()
    start = start or timezone.now() + datetime.timedelta(days=7)
    return Session.objects.create(
        activity=activity,
        start=start,
        end=start + datetime.timedelta(hours=1, minutes=30),
        place=place or make_place(),
        capacity=capacity,
        **fields,
    )


def make_theme(name="Numérique", slug="numerique"):
    return Theme.objects.create(name=name, slug=slug)
