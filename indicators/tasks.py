"""Background work (django-tasks): the satisfaction survey e-mails.

Imports go one way: this module calls indicators.surveys, which never imports tasks.
"""

from django.db import transaction

from django_tasks import task

from indicators.models import SurveyInvitation
from indicators.surveys import invite_attendees, send_invitation


@task()
def send_satisfaction_surveys():
    """Invite everyone present at yesterday's sessions (once per booking) and queue each e-mail after
    commit; returns how many."""
    invitations = invite_attendees()
    for invitation in invitations:
        transaction.on_commit(lambda pk=invitation.pk: send_survey_email.enqueue(pk))
    return len(invitations)


@task()
def send_survey_email(invitation_id):
    invitation = (
        SurveyInvitation.objects.select_related("booking__member", "session__activity").filter(pk=invitation_id).first()
    )
    if invitation is not None:
        send_invitation(invitation)
