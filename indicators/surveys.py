"""The satisfaction survey: one e-mail the day after a session, three questions with a link per answer.

The links carry a signed token (the invitation id), so answering needs no login; the question and the
answer are in the address and checked against the known choices. Opening a link records nothing: it shows
the question with that answer pre-selected and a button, and only the button's POST records it (mail
scanners that follow every link must not answer for the person). One answer per question: sending again
(or another answer to the same question) changes nothing.
"""

import datetime

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from activities.models import Booking
from core import signing
from core.formatting import when_in_words
from core.site_settings import site_settings
from indicators.models import SurveyAnswer, SurveyInvitation, SurveySettings
from members.services import member_language, preferred_contact

SALT = "indicators.survey"
LINK_MAX_AGE = datetime.timedelta(days=60)
# Sessions that ended up to this many days ago still get their survey (if the daily job missed a day).
CATCH_UP_DAYS = 3
QUESTIONS = SurveyAnswer.Question
CHOICES = SurveyAnswer.Choice


class InvalidSurveyLink(Exception):
    """The link was altered, is too old, or points to nothing."""


def surveys_enabled():
    return site_settings(SurveySettings).send_surveys


def choices_for(question):
    """The three buttons of a question, as (value, emoji, label); emoji are decoration, the label says it."""
    if question == QUESTIONS.GOOD_TIME:
        return [
            (CHOICES.YES, "😀", _("Oui, très bien")),
            (CHOICES.MAYBE, "😐", pgettext("survey answer", "Moyen")),
            (CHOICES.NO, "🙁", _("Non, pas vraiment")),
        ]
    return [
        (CHOICES.YES, "😀", _("Oui")),
        (CHOICES.MAYBE, "😐", _("Peut-être")),
        (CHOICES.NO, "🙁", _("Non")),
    ]


# --- Links -----------------------------------------------------------------------------------------------------


def make_token(invitation):
    return signing.make_token(SALT, invitation.pk)


def read_token(token):
    """The invitation a link is for; raises InvalidSurveyLink when altered, older than 60 days or unknown."""
    pk = signing.read_token(SALT, token, max_age=LINK_MAX_AGE)
    invitation = pk and SurveyInvitation.objects.select_related("session__activity").filter(pk=pk).first()
    if not invitation:
        raise InvalidSurveyLink()
    return invitation


def answer_path(token, question, choice):
    """The e-mailed link of one answer: it opens the page where that answer is pre-selected."""
    return reverse("indicators:survey_answer", kwargs={"token": token, "question": question, "choice": choice})


def send_path(token, question):
    """Where the answer to `question` is sent (POST)."""
    return reverse("indicators:survey_send", kwargs={"token": token, "question": question})


def question_blocks(token, *, exclude=(), absolute=False):
    """[{key, label, action, buttons: [{value, url, emoji, label}]}] for the questions not in `exclude`."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/") if absolute else ""
    return [
        {
            "key": question,
            "label": label,
            "action": send_path(token, question),
            "buttons": [
                {"value": value, "url": base + answer_path(token, question, value), "emoji": emoji, "label": text}
                for value, emoji, text in choices_for(question)
            ],
        }
        for question, label in QUESTIONS.choices
        if question not in exclude
    ]


def check_answer(question, choice=None):
    """Raises InvalidSurveyLink for an unknown question, or an unknown choice when one is given."""
    if question not in QUESTIONS.values or (choice is not None and choice not in CHOICES.values):
        raise InvalidSurveyLink()


# --- Answers ---------------------------------------------------------------------------------------------------


def record_answer(invitation, question, choice):
    """Record `choice` for `question` once. Returns (answer, created); a second click returns the first answer.

    Raises InvalidSurveyLink for an unknown question or choice.
    """
    check_answer(question, choice or "")
    existing = SurveyAnswer.objects.filter(invitation=invitation, question=question).first()
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            return SurveyAnswer.objects.create(invitation=invitation, question=question, choice=choice), True
    except IntegrityError:  # two clicks at the same moment: the unique constraint keeps the first
        return SurveyAnswer.objects.get(invitation=invitation, question=question), False


def answered_questions(invitation):
    return set(invitation.answers.values_list("question", flat=True))


# --- Sending ---------------------------------------------------------------------------------------------------


def bookings_to_survey(now=None):
    """Attended bookings of sessions that ended before today (local) and at most CATCH_UP_DAYS ago,
    without an invitation yet."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    tz = timezone.get_current_timezone()
    midnight = datetime.datetime.combine(today, datetime.time.min, tzinfo=tz)
    return Booking.objects.filter(
        status=Booking.Status.ATTENDED,
        session__end__lt=midnight,
        session__end__gte=midnight - datetime.timedelta(days=CATCH_UP_DAYS),
        survey_invitation__isnull=True,
    )


def invite_attendees(now=None):
    """Create one invitation per attended booking due (see bookings_to_survey); the caller sends them
    (indicators.tasks.send_satisfaction_surveys queues one e-mail each after commit). Does nothing when the
    survey is switched off. Idempotent: a booking is invited once, even when two jobs run at the same time
    (unique booking on the invitation). Returns the invitations created."""
    if not surveys_enabled():
        return []
    created = []
    for booking_id, session_id in bookings_to_survey(now).values_list("pk", "session_id"):
        try:
            with transaction.atomic():
                invitation = SurveyInvitation.objects.create(booking_id=booking_id, session_id=session_id)
        except IntegrityError:
            continue
        created.append(invitation)
    return created


def send_invitation(invitation):
    """E-mail the survey (text + HTML) in the member's language; only to members reached by e-mail
    (a survey is not worth a phone call). Marks it sent; returns the message or None."""
    if invitation.sent_at or invitation.booking is None:
        return None
    member = invitation.booking.member
    channel, address = preferred_contact(member)
    if channel != "email" or not member.is_active:
        return None
    session = invitation.session
    with translation.override(member_language(member)):
        activity = session.activity.localized
        token = make_token(invitation)
        context = {
            "activity": activity,
            "when": when_in_words(session.start, session.end),
            "questions": question_blocks(token, absolute=True),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        subject = _("Votre avis sur « %(activity)s »") % {"activity": activity.title}
        message = EmailMultiAlternatives(
            subject, render_to_string("indicators/email/survey.txt", context), to=[address]
        )
        message.attach_alternative(render_to_string("indicators/email/survey.html", context), "text/html")
        message.send()
    SurveyInvitation.objects.filter(pk=invitation.pk).update(sent_at=timezone.now())
    return message
