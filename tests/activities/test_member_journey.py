"""Member journeys around bookings: past bookings in order with their year, cancelling with a
confirmation step that says what happens to the money, cancelled and past sessions without any
booking offer."""

import datetime
import html
from decimal import Decimal

from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from activities import services as activity_services
from activities.models import Booking, Session
from home.models import SiteSettings
from members.models import Credit
from tests.activities.factories import make_activity, make_session, make_user
from tests.members.factories import make_booking, make_paid_booking

pytestmark = pytest.mark.django_db

PHONE_INVITATION = "Vous pouvez aussi vous inscrire par téléphone"


def text_of(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def days_from_now(days, hour=14):
    local = timezone.localtime() + datetime.timedelta(days=days)
    return local.replace(hour=hour, minute=0, second=0, microsecond=0)


# --- 8: past bookings ---------------------------------------------------------------------------


def test_past_bookings_are_listed_most_recent_first_with_their_year(client):
    member = make_user()
    activity = make_activity(title="Sophrologie")
    old = make_session(activity, start=timezone.make_aware(datetime.datetime(2025, 12, 9, 14, 30)))
    recent = make_session(activity, start=days_from_now(-3))
    middle = make_session(activity, start=timezone.make_aware(datetime.datetime(2026, 1, 13, 10, 0)))
    for session in (old, recent, middle):
        Booking.objects.create(session=session, member=member, status=Booking.Status.ATTENDED, price=0)
    client.force_login(member)

    page = BeautifulSoup(client.get("/fr/agenda/mes-inscriptions/").content, "html.parser")

    past = [li.get_text(" ", strip=True) for li in page.find("h2", string="Passées").find_next("ul").find_all("li")]
    assert len(past) == 3
    assert str(timezone.localtime(recent.start).year) in past[0]
    assert "janvier 2026" in past[1]
    assert "décembre 2025" in past[2]


# --- 9: cancelling a booking --------------------------------------------------------------------


def test_cancelling_asks_for_confirmation_first_and_changes_nothing_until_confirmed(client):
    member = make_user()
    booking = make_booking(member, price="0.00")
    client.force_login(member)

    detail = client.get(f"/fr/agenda/inscriptions/{booking.pk}/").content.decode()
    assert f'href="/fr/agenda/inscriptions/{booking.pk}/annuler/"' in detail
    response = client.get(f"/fr/agenda/inscriptions/{booking.pk}/annuler/")

    assert response.status_code == 200
    text = text_of(response)
    assert "Oui, annuler mon inscription" in text
    assert "Non, garder mon inscription" in text
    assert "Cette séance est gratuite : il n'y a rien à payer ni à rembourser." in text
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED


def test_cancelling_a_paid_booking_says_before_and_after_that_the_amount_goes_to_the_credit(client, coordinator):
    member = make_user()
    booking = make_paid_booking(member, by=coordinator)
    client.force_login(member)

    before = text_of(client.get(f"/fr/agenda/inscriptions/{booking.pk}/annuler/"))
    assert "Vous avez payé 12,00 € : cette somme sera ajoutée à votre avoir." in before

    after = client.post(f"/fr/agenda/inscriptions/{booking.pk}/annuler/", follow=True)

    assert after.redirect_chain[-1][0] == "/fr/agenda/mes-inscriptions/"
    messages = html.unescape(after.content.decode())
    assert "Votre inscription est annulée." in messages
    assert "12,00 € ont été ajoutés à votre avoir" in messages
    assert Credit.objects.filter(member=member, booking=booking).get().amount == Decimal("12.00")
    assert Booking.objects.get(pk=booking.pk).status == Booking.Status.CANCELLED


def test_cancelling_an_unpaid_booking_says_there_is_nothing_to_pay(client):
    member = make_user()
    booking = make_booking(member, price="12.00")
    client.force_login(member)

    before = text_of(client.get(f"/fr/agenda/inscriptions/{booking.pk}/annuler/"))
    after = html.unescape(client.post(f"/fr/agenda/inscriptions/{booking.pk}/annuler/", follow=True).content.decode())

    assert "Vous n'avez pas encore payé cette inscription : vous n'aurez rien à payer." in before
    assert "Vous n'avez rien à payer pour cette séance." in after
    assert not Credit.objects.filter(member=member).exists()


def test_after_the_deadline_the_confirmation_page_sends_to_the_desk_without_a_cancel_button(client):
    member = make_user()
    session = make_session(cancellation_deadline=timezone.now() - datetime.timedelta(hours=1))
    booking = make_booking(member, session, price="0.00")
    client.force_login(member)

    text = text_of(client.get(f"/fr/agenda/inscriptions/{booking.pk}/annuler/"))

    assert "Merci d'appeler l'accueil" in text
    assert "Oui, annuler mon inscription" not in text


def test_nobody_sees_or_confirms_the_cancellation_of_another_members_booking(client):
    booking = make_booking(make_user(), price="0.00")
    client.force_login(make_user())

    assert client.get(f"/fr/agenda/inscriptions/{booking.pk}/annuler/").status_code == 404
    assert client.post(f"/fr/agenda/inscriptions/{booking.pk}/annuler/").status_code == 404
    assert Booking.objects.get(pk=booking.pk).status == Booking.Status.CONFIRMED


# --- 11: cancelled and past sessions -------------------------------------------------------------


@pytest.fixture
def desk_phone():
    from wagtail.models import Site

    make_activity()  # builds the site tree
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.phone = "05 56 11 22 33"
    settings.save()
    return settings.phone


def test_a_cancelled_session_stays_in_the_agenda_marked_cancelled_without_booking_offer(client, desk_phone):
    session = make_session(make_activity(title="Atelier mémoire"), start=days_from_now(5))
    activity_services.cancel_session(session, by=make_user())

    agenda = BeautifulSoup(client.get("/fr/agenda/").content, "html.parser")
    card = next(a for a in agenda.select("article.session-card") if "Atelier mémoire" in a.get_text())
    card_text = " ".join(card.get_text(" ").split())
    assert "Annulée" in card_text
    assert "places disponibles" not in card_text
    assert "Détails et inscription" not in card_text

    month = text_of(client.get(f"/fr/agenda/?vue=mois&mois={timezone.localtime(session.start):%Y-%m}"))
    assert "Atelier mémoire Annulée" in month

    detail = text_of(client.get(f"/fr/agenda/seance/{session.pk}/"))
    assert "Séance annulée" in detail
    assert "Cette séance est annulée" in detail
    assert "places disponibles" not in detail
    assert PHONE_INVITATION not in detail
    assert "M'inscrire" not in detail

    activity_page = text_of(client.get(session.activity.url))
    assert "Annulée" in activity_page
    assert "places disponibles" not in activity_page


def test_a_logged_in_member_gets_no_booking_form_on_a_cancelled_session(client, desk_phone):
    session = make_session(start=days_from_now(5))
    Session.objects.filter(pk=session.pk).update(status=Session.Status.CANCELLED)
    client.force_login(make_user())

    page = BeautifulSoup(client.get(f"/fr/agenda/seance/{session.pk}/").content, "html.parser")

    assert page.select(f"form[action='/fr/agenda/seance/{session.pk}/inscription/']") == []


def test_past_sessions_show_no_booking_offer_no_seats_and_no_phone_invitation(client, desk_phone):
    session = make_session(make_activity(title="Gym douce"), start=days_from_now(-20), capacity=3)
    client.force_login(make_user())

    month = BeautifulSoup(
        client.get(f"/fr/agenda/?vue=mois&mois={timezone.localtime(session.start):%Y-%m}").content, "html.parser"
    )
    card = next(a for a in month.select("article.session-card") if "Gym douce" in a.get_text())
    card_text = " ".join(card.get_text(" ").split())
    assert "Séance passée" in card_text
    assert "Plus que" not in card_text
    assert "Détails et inscription" not in card_text

    detail = text_of(client.get(f"/fr/agenda/seance/{session.pk}/"))
    assert "Cette séance a déjà eu lieu." in detail
    assert "Plus que 3 places" not in detail
    assert PHONE_INVITATION not in detail
    assert "M'inscrire" not in detail


def test_an_upcoming_session_still_offers_booking_seats_and_the_phone(client, desk_phone):
    session = make_session(start=days_from_now(5))

    detail = text_of(client.get(f"/fr/agenda/seance/{session.pk}/"))

    assert "12 places disponibles" in detail
    assert PHONE_INVITATION in detail
