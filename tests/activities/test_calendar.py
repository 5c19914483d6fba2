"""The public calendar: dates in words, constant query count, iCal feeds, printable programme."""

import datetime
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

import icalendar
import pytest

from activities.models import Booking, Session
from core.formatting import date_in_words, when_in_words
from tests.activities.factories import make_activity, make_place, make_session, make_theme, make_user

pytestmark = pytest.mark.django_db


def paris(*args):
    return timezone.make_aware(datetime.datetime(*args))


def test_french_date_in_words_writes_hours_the_french_way():
    assert when_in_words(paris(2026, 3, 3, 10, 0), paris(2026, 3, 3, 11, 30), "fr") == "mardi 3 mars, 10 h – 11 h 30"


def test_french_first_of_the_month_is_written_1er():
    assert date_in_words(paris(2026, 4, 1, 14, 5), "fr") == "mercredi 1er avril"


def test_english_date_in_words():
    assert when_in_words(paris(2026, 3, 3, 14, 0), paris(2026, 3, 3, 15, 30), "en") == (
        "Tuesday 3 March, 2:00 pm – 3:30 pm"
    )


def test_date_in_words_follows_the_active_language():
    with translation.override("en"):
        assert date_in_words(paris(2026, 12, 25, 9, 0)) == "Friday 25 December"


def _bulk_sessions(activity, place, count):
    now = timezone.now()
    Session.objects.bulk_create(
        Session(
            activity=activity,
            place=place,
            capacity=12,
            start=now + datetime.timedelta(hours=3 * i + 5),
            end=now + datetime.timedelta(hours=3 * i + 6),
        )
        for i in range(count)
    )


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url", ["/fr/agenda/", "/en/agenda/", "/fr/agenda/?places_disponibles=on&theme=numerique"])
def test_calendar_query_count_is_the_same_for_10_and_1000_sessions(client, url):
    activity = make_activity(title="Atelier numérique")
    activity.themes.add(make_theme())
    activity.save()
    place = make_place()
    _bulk_sessions(activity, place, 10)
    client.get(url)  # warm caches (site root paths, locales)
    with_ten = _count_queries(client, url)
    _bulk_sessions(make_activity(title="Yoga"), make_place(name="Autre", commune="Léognan"), 990)
    with_thousand = _count_queries(client, url)
    assert with_ten == with_thousand


def test_month_view_query_count_does_not_grow_with_sessions(client):
    activity = make_activity()
    place = make_place()
    month = (timezone.localdate() + datetime.timedelta(days=40)).strftime("%Y-%m")
    _bulk_sessions(activity, place, 5)
    url = f"/fr/agenda/?vue=mois&mois={month}"
    client.get(url)
    before = _count_queries(client, url)
    _bulk_sessions(make_activity(title="Autre"), place, 400)
    assert _count_queries(client, url) == before


def test_calendar_shows_date_place_prices_and_seats_left(client):
    session = make_session(capacity=4, start=timezone.now() + datetime.timedelta(days=2))
    for _ in range(2):
        Booking.objects.create(session=session, member=make_user(), status="confirmed", price=Decimal("12.00"))
    html = client.get("/fr/agenda/").content.decode()
    assert when_in_words(session.start, session.end, "fr") in html
    assert "Salle des fêtes" in html
    assert "Plus que 2 places" in html
    assert "Adhérents : 8,00 €" in html


def test_a_full_session_says_complet_liste_d_attente(client):
    session = make_session(capacity=1)
    Booking.objects.create(session=session, member=make_user(), status="confirmed", price=Decimal("12.00"))
    assert "Complet – liste d&#x27;attente" in client.get("/fr/agenda/").content.decode()


def test_places_disponibles_hides_full_sessions(client):
    full = make_session(make_activity(title="Yoga complet"), capacity=1)
    Booking.objects.create(session=full, member=make_user(), status="confirmed", price=Decimal("0.00"))
    make_session(make_activity(title="Sophrologie libre"), capacity=5)
    html = client.get("/fr/agenda/?places_disponibles=on").content.decode()
    assert "Sophrologie libre" in html
    assert "Yoga complet" not in html


def test_theme_filter_keeps_only_that_theme(client):
    digital = make_activity(title="Atelier tablette")
    digital.themes.add(make_theme())
    digital.save()
    make_session(digital)
    make_session(make_activity(title="Yoga doux"))
    html = client.get("/fr/agenda/?theme=numerique").content.decode()
    assert "Atelier tablette" in html
    assert "Yoga doux" not in html


def test_calendar_groups_this_week_and_next_week(client):
    today = timezone.localdate()
    next_week_day = today + datetime.timedelta(days=7 - today.weekday() + 1)
    start = timezone.make_aware(datetime.datetime.combine(next_week_day, datetime.time(10)))
    make_session(start=start)
    html = client.get("/fr/agenda/").content.decode()
    assert "Semaine prochaine" in html


def test_agenda_ics_parses_and_contains_the_upcoming_sessions(client):
    upcoming = make_session()
    past = make_session(start=timezone.now() - datetime.timedelta(days=2))
    response = client.get("/fr/agenda.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    uids = [str(event["uid"]) for event in calendar.walk("VEVENT")]
    assert f"session-{upcoming.pk}@127.0.0.1" in uids
    assert f"session-{past.pk}@127.0.0.1" not in uids
    event = calendar.walk("VEVENT")[0]
    assert event.decoded("dtstart") == upcoming.start.replace(microsecond=0)
    assert str(event["summary"]) == upcoming.activity.title


def test_agenda_ics_can_be_filtered_by_theme(client):
    digital = make_activity(title="Atelier tablette")
    digital.themes.add(make_theme())
    digital.save()
    kept = make_session(digital)
    dropped = make_session(make_activity(title="Yoga"))
    calendar = icalendar.Calendar.from_ical(client.get("/fr/agenda.ics?theme=numerique").content)
    uids = {str(event["uid"]) for event in calendar.walk("VEVENT")}
    assert uids == {f"session-{kept.pk}@127.0.0.1"}
    assert dropped.pk != kept.pk


def test_session_ics_has_a_stable_uid(client):
    session = make_session()
    first = icalendar.Calendar.from_ical(client.get(f"/fr/agenda/seance/{session.pk}.ics").content)
    second = icalendar.Calendar.from_ical(client.get(f"/en/agenda/seance/{session.pk}.ics").content)
    assert str(first.walk("VEVENT")[0]["uid"]) == str(second.walk("VEVENT")[0]["uid"])


def test_printable_programme_lists_the_month(client):
    session = make_session()
    month = timezone.localtime(session.start).strftime("%Y-%m")
    html = client.get(f"/fr/agenda/programme/?mois={month}").content.decode()
    assert session.activity.title in html


def test_activity_page_lists_its_upcoming_sessions(client):
    session = make_session()
    html = client.get(session.activity.url).content.decode()
    assert f"/fr/agenda/seance/{session.pk}/" in html


def test_home_page_teaser_tag_shows_the_next_sessions(rf):
    from django.template import Context, Template

    session = make_session()
    request = rf.get("/fr/")
    html = Template("{% load activities_tags %}{% upcoming_sessions 4 %}").render(Context({"request": request}))
    assert session.activity.title in html
