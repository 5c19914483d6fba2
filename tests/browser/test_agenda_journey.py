"""Browser journey: a member narrows the calendar to a theme, books a session, finds the booking from
Mon espace, cancels it, and sees the seat given back."""

import datetime
import re

from django.contrib.auth import get_user_model
from django.utils import timezone

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from activities.models import Booking, Session, Theme
from activities.templatetags.activities_tags import FEW_SEATS
from core.formatting import when_in_words
from demo.accounts import demo_password

pytestmark = pytest.mark.browser

THEME = "bien-etre"


def violations_of(page):
    return [
        f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']]}" for v in Axe().run(page).response["violations"]
    ]


def session_to_book(member):
    """A seeded well-being session, open for booking, with plenty of seats and no booking by `member`."""
    candidates = (
        Session.objects.scheduled()
        .upcoming()
        .with_counts()
        .filter(activity__themes__slug=THEME, activity__is_cycle=False, pickup_seats=0)
        .filter(start__gt=timezone.now() + datetime.timedelta(days=3))
        .exclude(bookings__member=member)
        .select_related("activity")
        .order_by("start")
    )
    # Enough seats that the label reads "N places disponibles" before and after booking one.
    return next(s for s in candidates if s.is_open_for_booking() and s.seats_left() > FEW_SEATS + 1)


def log_in(page, base, email, password):
    page.goto(base + "/fr/comptes/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("nav.account-links")).to_contain_text("Mon espace")


def test_member_finds_a_session_by_theme_books_it_sees_it_in_mon_espace_and_cancels_it(chromium, seeded, live_server):
    member = get_user_model().objects.get(email="membre@escale.example")
    session = session_to_book(member)
    seats = session.seats_left()
    title = session.activity.title
    when = when_in_words(session.start, session.end, "fr")
    theme_name = Theme.objects.get(slug=THEME, locale__language_code="fr").name
    base = live_server.url

    with chromium() as page:
        log_in(page, base, member.email, demo_password())

        # The calendar, from the main menu, narrowed like a person would: a theme, seats left.
        page.locator("nav.main-nav").get_by_role("link", name="Agenda", exact=True).click()
        expect(page).to_have_url(base + "/fr/agenda/")
        page.get_by_label("Thème").select_option(label=theme_name)
        page.get_by_label("Seulement les séances où il reste des places").check()
        page.get_by_role("button", name="Afficher les séances").click()
        expect(page).to_have_url(re.compile(rf"theme={THEME}"))
        expect(page.get_by_label("Thème")).to_have_value(THEME)
        card = page.locator("article.session-card").filter(has_text=title).filter(has_text=when)
        expect(card).to_have_count(1)
        expect(card).to_contain_text(f"{seats} places disponibles")
        card.get_by_role("link", name=re.compile("Détails et inscription")).click()

        # The session page, then the booking and its confirmation.
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        expect(page.locator("main")).to_contain_text(f"{seats} places disponibles")
        assert violations_of(page) == []
        page.get_by_role("button", name="M'inscrire", exact=True).click()
        expect(page.locator(".messages")).to_contain_text("Votre inscription est confirmée.")
        expect(page.get_by_role("heading", level=1)).to_have_text("Mon inscription")
        expect(page.locator("main")).to_contain_text("Confirmée")
        page.goto(base + f"/fr/agenda/seance/{session.pk}/")
        expect(page.locator("main")).to_contain_text(f"{seats - 1} places disponibles")

        # Mon espace lists it and leads to the page where it can be cancelled.
        page.locator("nav.account-links").get_by_role("link", name="Mon espace").click()
        upcoming = page.locator("section[aria-labelledby=a-venir]")
        expect(upcoming.locator("li").filter(has_text=title).filter(has_text=when)).to_have_count(1)
        upcoming.get_by_role("link", name="Voir ou annuler mes inscriptions").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Mes inscriptions")
        assert violations_of(page) == []
        row = page.locator("ul.booking-list > li").filter(has_text=when)
        row.get_by_role("link", name=title).click()
        page.get_by_role("link", name="Annuler mon inscription").click()
        page.get_by_role("button", name="Oui, annuler mon inscription").click()

        expect(page.locator(".messages")).to_contain_text("Votre inscription est annulée.")
        expect(page.locator("ul.booking-list > li").filter(has_text=when)).to_contain_text("Annulée")
        page.goto(base + f"/fr/agenda/seance/{session.pk}/")
        expect(page.locator("main")).to_contain_text(f"{seats} places disponibles")
        expect(page.get_by_role("button", name="M'inscrire", exact=True)).to_be_visible()

    booking = Booking.objects.get(member=member, session=session)
    assert booking.status == Booking.Status.CANCELLED
    assert Session.objects.with_counts().get(pk=session.pk).seats_left() == seats
