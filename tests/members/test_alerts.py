"""Alerts: one e-mail per member listing the new sessions on their interests, only if they asked, never twice."""

import datetime

from django.core.management import call_command
from django.utils import timezone

import pytest

from members import services
from members.models import MemberProfile, SessionAlert
from members.services.alerts import send_session_alerts
from tests.activities.factories import make_activity, make_place, make_theme
from tests.members.factories import make_session, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def themes():
    return make_theme("Numérique", "numerique"), make_theme("Cuisine", "cuisine")


def _activity(title, theme):
    activity = make_activity(title)
    activity.themes.set([theme])
    activity.save()
    return activity


def _opted_in(interests, *, channel="email", language="fr", **user_fields):
    member = make_user(**user_fields)
    services.update_profile(
        member,
        {"preferred_channel": channel, "language": language, "session_alerts": True, "interests": list(interests)},
    )
    return member


def _sessions(activity, *weeks):
    place = make_place()
    return [
        make_session(activity, place=place, start=timezone.now() + datetime.timedelta(days=7 * week)) for week in weeks
    ]


def _run(capture):
    with capture(execute=True):
        return send_session_alerts()


def test_one_email_lists_every_new_session_on_the_members_interests(
    themes, django_capture_on_commit_callbacks, mailoutbox
):
    numerique, cuisine = themes
    member = _opted_in([numerique], first_name="Josette")
    _sessions(_activity("Tablette pas à pas", numerique), 1, 2)
    _sessions(_activity("Cuisine de saison", cuisine), 1)

    assert _run(django_capture_on_commit_callbacks) == 1
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [member.email]
    assert message.subject == "2 nouvelles séances pour vous"
    assert message.body.count("Tablette pas à pas") == 2
    assert "Cuisine de saison" not in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert html.count("Tablette pas à pas") >= 2 and 'lang="fr"' in html
    assert "/fr/mon-espace/profil/" in message.body  # how to stop the alerts


def test_a_session_is_never_announced_twice_and_a_later_one_comes_alone(
    themes, django_capture_on_commit_callbacks, mailoutbox
):
    numerique, _cuisine = themes
    _opted_in([numerique])
    activity = _activity("Tablette pas à pas", numerique)
    _sessions(activity, 1)
    _run(django_capture_on_commit_callbacks)
    assert _run(django_capture_on_commit_callbacks) == 0
    assert len(mailoutbox) == 1

    (later,) = _sessions(activity, 5)
    _run(django_capture_on_commit_callbacks)
    assert len(mailoutbox) == 2
    assert mailoutbox[1].subject == "Nouvelle séance : Tablette pas à pas"
    assert SessionAlert.objects.filter(session=later).count() == 1


def test_nobody_who_did_not_ask_or_prefers_phone_or_post_gets_an_alert(
    themes, django_capture_on_commit_callbacks, mailoutbox
):
    numerique, _cuisine = themes
    silent = make_user()
    services.update_profile(silent, {"interests": [numerique]})  # interests but no alerts asked
    _opted_in([numerique], channel="phone")
    _opted_in([numerique], channel="post")
    _sessions(_activity("Tablette pas à pas", numerique), 1)
    assert _run(django_capture_on_commit_callbacks) == 0
    assert mailoutbox == []
    assert not SessionAlert.objects.exists()


def test_sessions_programmed_before_the_member_asked_are_not_announced(
    themes, django_capture_on_commit_callbacks, mailoutbox
):
    numerique, _cuisine = themes
    activity = _activity("Tablette pas à pas", numerique)
    _sessions(activity, 1)
    _opted_in([numerique])
    assert _run(django_capture_on_commit_callbacks) == 0
    _sessions(activity, 2)
    assert _run(django_capture_on_commit_callbacks) == 1
    assert len(mailoutbox) == 1


def test_the_alert_is_written_in_the_members_language(themes, django_capture_on_commit_callbacks, mailoutbox):
    numerique, _cuisine = themes
    _opted_in([numerique], language="en")
    (session,) = _sessions(_activity("Tablette pas à pas", numerique), 1)
    _run(django_capture_on_commit_callbacks)
    weekday = timezone.localtime(session.start).strftime("%A")  # English day name, as written for English readers
    html, _mimetype = mailoutbox[0].alternatives[0]
    assert weekday in mailoutbox[0].body
    assert 'lang="en"' in html
    assert f"/en/agenda/seance/{session.pk}/" in mailoutbox[0].body


def test_a_member_who_opts_out_before_the_email_leaves_gets_nothing(
    themes, django_capture_on_commit_callbacks, mailoutbox
):
    numerique, _cuisine = themes
    member = _opted_in([numerique])
    _sessions(_activity("Tablette pas à pas", numerique), 1)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send_session_alerts()
    services.update_profile(member, {"session_alerts": False})
    for callback in callbacks:
        callback()
    assert mailoutbox == []


def test_members_opt_in_and_out_on_their_profile_page(themes, client):
    numerique, _cuisine = themes
    member = make_user(first_name="Josette", last_name="Garnier")
    client.force_login(member)
    form = {"first_name": "Josette", "last_name": "Garnier", "preferred_channel": "email", "language": "fr"}
    page = client.get("/fr/mon-espace/profil/").content.decode()
    assert 'name="session_alerts"' in page

    refused = client.post("/fr/mon-espace/profil/", {**form, "session_alerts": "on"})
    assert refused.status_code == 200  # alerts need at least one interest
    assert not MemberProfile.objects.get(user=member).session_alerts

    client.post("/fr/mon-espace/profil/", {**form, "session_alerts": "on", "interests": [numerique.pk]})
    profile = MemberProfile.objects.get(user=member)
    assert profile.session_alerts and profile.session_alerts_since is not None

    client.post("/fr/mon-espace/profil/", {**form, "interests": [numerique.pk]})
    profile.refresh_from_db()
    assert not profile.session_alerts and profile.session_alerts_since is None


def test_the_scheduled_command_sends_the_alerts(themes, django_capture_on_commit_callbacks, mailoutbox):
    import io

    numerique, _cuisine = themes
    _opted_in([numerique])
    _sessions(_activity("Tablette pas à pas", numerique), 1)
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_session_alerts", stdout=out)
    assert "1 adhérent(s) prévenu(s)." in out.getvalue()
    assert len(mailoutbox) == 1
