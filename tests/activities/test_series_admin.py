"""Generating a series of sessions from the admin: preview the dates, create, then edit each alone."""

import datetime

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

import pytest

from activities.models import Session
from core.formatting import when_in_words
from core.roles import COORDINATOR, EDITOR
from tests.activities.factories import make_activity, make_place, make_user

pytestmark = pytest.mark.django_db

URL = "/admin/activites/serie/"


def staff(role):
    user = make_user()
    user.groups.add(Group.objects.get(name=role))
    return user


def next_weekday(weekday, after_days=10):
    day = timezone.localdate() + datetime.timedelta(days=after_days)
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def rule(activity, place, **overrides):
    first_tuesday = next_weekday(1)
    data = {
        "activity": activity.pk,
        "weekday": "1",
        "starts_on": (first_tuesday - datetime.timedelta(days=1)).isoformat(),
        "start_time": "10:00",
        "end_time": "11:30",
        "frequency": "weekly",
        "interval": "1",
        "count": "4",
        "skip_dates": (first_tuesday + datetime.timedelta(weeks=1)).strftime("%d/%m/%Y"),
        "place": place.pk,
        "capacity": "",
        "min_participants": "",
        "pickup_seats": "0",
    }
    data.update(overrides)
    return data, first_tuesday


@pytest.mark.parametrize("role", [COORDINATOR, EDITOR])
def test_staff_preview_the_dates_then_create_the_series(client, role):
    activity = make_activity(default_capacity=8, min_participants=3)
    place = make_place()
    client.force_login(staff(role))
    assert client.get("/admin/sessions/").content.decode().count(URL) >= 1  # the button on the sessions list
    data, first_tuesday = rule(activity, place)

    preview = client.post(URL, {**data, "apercu": ""})
    tuesdays = [first_tuesday + datetime.timedelta(weeks=n) for n in (0, 2, 3)]  # the 2nd is skipped
    starts = [timezone.make_aware(datetime.datetime.combine(day, datetime.time(10))) for day in tuesdays]
    page = preview.content.decode()
    for start in starts:
        assert when_in_words(start, start + datetime.timedelta(minutes=90)) in page
    assert "3 séances seront créées" in page
    assert not Session.objects.exists()

    response = client.post(URL, {**data, "creer": "", "previewed": preview.context["signature"]})
    assert response.status_code == 302
    sessions = list(Session.objects.order_by("start"))
    assert [s.start for s in sessions] == starts
    assert all(s.end - s.start == datetime.timedelta(minutes=90) for s in sessions)
    assert {(s.capacity, s.min_participants, s.place_id) for s in sessions} == {(8, 3, place.pk)}


def test_a_changed_rule_is_previewed_again_instead_of_created(client):
    activity, place = make_activity(), make_place()
    client.force_login(staff(COORDINATOR))
    data, _first = rule(activity, place)
    preview = client.post(URL, {**data, "apercu": ""})
    response = client.post(URL, {**data, "count": "6", "creer": "", "previewed": preview.context["signature"]})
    assert response.status_code == 200
    assert "vérifiez les nouvelles dates" in response.content.decode()
    assert not Session.objects.exists()


def test_each_generated_session_is_then_edited_on_its_own(client):
    activity, place = make_activity(), make_place()
    client.force_login(staff(COORDINATOR))
    data, _first = rule(activity, place, count="3", skip_dates="")
    preview = client.post(URL, {**data, "apercu": ""})
    client.post(URL, {**data, "creer": "", "previewed": preview.context["signature"]})
    first, second, third = Session.objects.order_by("start")

    edit_url = reverse("sessions:edit", args=[second.pk])
    local = timezone.localtime(second.start)
    response = client.post(
        edit_url,
        {
            "activity": activity.pk,
            "start": f"{local:%Y-%m-%d} 14:00",
            "end": f"{local:%Y-%m-%d} 15:30",
            "place": place.pk,
            "capacity": "5",
            "min_participants": "0",
            "waitlist_enabled": "on",
            "pickup_seats": "0",
            "status": "scheduled",
            "notes": "",
        },
    )
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    third.refresh_from_db()
    assert (second.capacity, timezone.localtime(second.start).hour) == (5, 14)
    assert (first.capacity, timezone.localtime(first.start).hour) == (activity.default_capacity, 10)
    assert third.capacity == activity.default_capacity


def test_mistyped_skip_dates_are_explained_and_nothing_is_created(client):
    activity, place = make_activity(), make_place()
    client.force_login(staff(COORDINATOR))
    data, _first = rule(activity, place, skip_dates="Noël")
    response = client.post(URL, {**data, "apercu": ""})
    assert "Date non comprise : Noël" in response.content.decode()
    assert not Session.objects.exists()


def test_a_member_cannot_generate_a_series(client):
    activity, place = make_activity(), make_place()
    client.force_login(make_user())
    data, _first = rule(activity, place)
    response = client.post(URL, {**data, "creer": "", "previewed": "x"})
    assert response.status_code in (302, 403)
    assert not Session.objects.exists()
