"""The satisfaction survey: one e-mail per attended booking the day after, one-click answers recorded once,
links that cannot be forged."""

import datetime
from decimal import Decimal

from django.core.management import call_command
from django.utils import timezone

import pytest

from activities.models import Booking
from indicators import surveys
from indicators.models import SurveyAnswer, SurveyInvitation, SurveySettings
from members.models import MemberProfile
from tests.activities.factories import make_session, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def surveys_on(home_fr):
    settings = SurveySettings.for_site(home_fr.get_site())
    settings.send_surveys = True
    settings.save()
    return settings


@pytest.fixture
def yesterday_session(home_fr):
    yesterday = timezone.localtime() - datetime.timedelta(days=1)
    return make_session(start=yesterday.replace(hour=10, minute=0))


def attend(session, email, *, language="fr", status=Booking.Status.ATTENDED):
    user = make_user(email)
    MemberProfile.objects.update_or_create(user=user, defaults={"language": language})
    return Booking.objects.create(session=session, member=user, status=status, price=Decimal("8.00"))


def test_nothing_is_sent_while_the_survey_is_switched_off(home_fr, yesterday_session, mailoutbox):
    attend(yesterday_session, "odette@example.org")
    assert surveys.invite_attendees() == []
    assert mailoutbox == []


def test_each_person_present_yesterday_gets_one_email_in_their_language_even_if_the_job_runs_twice(
    surveys_on, yesterday_session, mailoutbox, django_capture_on_commit_callbacks
):
    attend(yesterday_session, "odette@example.org")
    attend(yesterday_session, "john@example.org", language="en")
    attend(yesterday_session, "absent@example.org", status=Booking.Status.NO_SHOW)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_satisfaction_surveys")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_satisfaction_surveys")

    assert sorted(m.to[0] for m in mailoutbox) == ["john@example.org", "odette@example.org"]
    assert SurveyInvitation.objects.filter(sent_at__isnull=False).count() == 2
    french = next(m for m in mailoutbox if m.to == ["odette@example.org"])
    english = next(m for m in mailoutbox if m.to == ["john@example.org"])
    assert "/fr/avis/" in french.body and "Avez-vous passé un bon moment ?" in french.body
    assert "/en/avis/" in english.body
    html = french.alternatives[0][0]
    assert "😀" in html and "Reviendrez-vous ?" in html


def test_people_who_asked_to_be_phoned_get_no_survey_email(
    surveys_on, yesterday_session, mailoutbox, django_capture_on_commit_callbacks
):
    booking = attend(yesterday_session, "phone@example.org")
    MemberProfile.objects.filter(user=booking.member).update(preferred_channel="phone", phone="05 56 00 00 00")
    with django_capture_on_commit_callbacks(execute=True):
        surveys.invite_attendees()
    assert mailoutbox == []


def test_sessions_of_today_or_long_ago_get_no_survey(surveys_on, mailoutbox):
    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    attend(make_session(start=midnight + datetime.timedelta(minutes=1)), "today@example.org")
    attend(make_session(start=timezone.now() - datetime.timedelta(days=10)), "old@example.org")
    assert surveys.invite_attendees() == []


@pytest.fixture
def invitation(home_fr, yesterday_session):
    booking = attend(yesterday_session, "odette@example.org")
    return SurveyInvitation.objects.create(booking=booking, session=yesterday_session)


def test_opening_the_emailed_link_records_nothing_and_shows_the_answer_preselected(client, invitation):
    # Mail scanners follow every link of a message: opening one must not answer for the person.
    token = surveys.make_token(invitation)
    response = client.get(f"/fr/avis/{token}/good_time/yes/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Avez-vous passé un bon moment ?" in page and "Envoyer ma réponse" in page
    assert 'method="post"' in page and f'action="/fr/avis/{token}/good_time/"' in page
    assert 'value="yes" checked' in page and 'value="no" required' in page
    assert client.head(f"/fr/avis/{token}/good_time/no/").status_code == 200
    assert not SurveyAnswer.objects.exists()


def test_the_button_records_the_answer_and_offers_the_other_questions(client, invitation):
    token = surveys.make_token(invitation)
    response = client.post(f"/fr/avis/{token}/good_time/", {"choice": "yes"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Merci pour votre réponse" in page
    assert "Reviendrez-vous ?" in page and "Recommanderiez-vous" in page
    assert "Avez-vous passé un bon moment ?" not in page
    assert f'action="/fr/avis/{token}/come_back/"' in page  # the other questions are sent by POST too
    assert SurveyAnswer.objects.get(invitation=invitation).choice == "yes"
    # Opening the link of an answered question again shows no form for it.
    again = client.get(f"/fr/avis/{token}/good_time/no/").content.decode()
    assert "Vous avez déjà répondu à cette question" in again and "Envoyer ma réponse" not in again


def test_a_second_answer_records_nothing_more(client, invitation):
    token = surveys.make_token(invitation)
    client.post(f"/fr/avis/{token}/come_back/", {"choice": "yes"})
    second = client.post(f"/fr/avis/{token}/come_back/", {"choice": "no"})
    assert second.status_code == 200
    assert list(SurveyAnswer.objects.values_list("question", "choice")) == [("come_back", "yes")]


def test_the_answer_is_not_recorded_by_a_get_on_the_sending_address(client, invitation):
    token = surveys.make_token(invitation)
    assert client.get(f"/fr/avis/{token}/come_back/", {"choice": "yes"}).status_code == 405
    assert client.post(f"/fr/avis/{token}/come_back/yes/").status_code == 405
    assert not SurveyAnswer.objects.exists()


def test_altered_links_are_refused_and_record_nothing(client, invitation):
    token = surveys.make_token(invitation)
    _pk, rest = token.split(":", 1)
    forged = f"{invitation.pk + 1}:{rest}"
    assert client.get(f"/fr/avis/{forged}/good_time/yes/").status_code == 404
    assert client.get(f"/fr/avis/{token}x/good_time/yes/").status_code == 404
    assert client.get(f"/fr/avis/{token}/good_time/excellent/").status_code == 404
    assert client.get(f"/fr/avis/{token}/salary/yes/").status_code == 404
    assert client.post(f"/fr/avis/{forged}/good_time/", {"choice": "yes"}).status_code == 404
    assert client.post(f"/fr/avis/{token}/good_time/", {"choice": "excellent"}).status_code == 404
    assert client.post(f"/fr/avis/{token}/good_time/", {}).status_code == 404
    assert not SurveyAnswer.objects.exists()


def test_links_older_than_sixty_days_are_refused(client, invitation, monkeypatch):
    token = surveys.make_token(invitation)
    monkeypatch.setattr(surveys, "LINK_MAX_AGE", datetime.timedelta(seconds=-1))
    assert client.get(f"/fr/avis/{token}/good_time/yes/").status_code == 404
    assert client.post(f"/fr/avis/{token}/good_time/", {"choice": "yes"}).status_code == 404
    assert not SurveyAnswer.objects.exists()
