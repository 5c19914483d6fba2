"""What indicators does when the members app announces an erasure or a data download (members.signals)."""

from django.dispatch import receiver

from indicators.models import SurveyAnswer, SurveyInvitation
from members.signals import member_erased, personal_data_requested


@receiver(member_erased, dispatch_uid="indicators_unlink_erased_member")
def unlink_survey_invitations(sender, member, **kwargs):
    """Answers stay (anonymous satisfaction figures); the link to the person's booking goes."""
    SurveyInvitation.objects.filter(booking__member=member).update(booking=None)


@receiver(personal_data_requested, dispatch_uid="indicators_personal_data")
def survey_answers_file(sender, member, **kwargs):
    answers = SurveyAnswer.objects.filter(invitation__booking__member=member).select_related(
        "invitation__session__activity"
    )
    return [
        (
            "questionnaires.csv",
            ["activity", "session", "question", "answer", "answered_at"],
            [
                [
                    a.invitation.session.activity.title,
                    a.invitation.session.start.isoformat(),
                    a.question,
                    a.choice,
                    a.answered_at.isoformat(),
                ]
                for a in answers
            ],
        )
    ]
