"""Background work (django-tasks): the satisfaction survey e-mails."""

from django_tasks import task


@task()
def send_satisfaction_surveys():
    """Invite everyone present at yesterday's sessions (once per booking); returns how many."""
    from indicators.surveys import invite_attendees

    return len(invite_attendees())


@task()
def send_survey_email(invitation_id):
    from indicators.models import SurveyInvitation
    from indicators.surveys import send_invitation

    invitation = (
        SurveyInvitation.objects.select_related("booking__member", "session__activity").filter(pk=invitation_id).first()
    )
    if invitation is not None:
        send_invitation(invitation)
