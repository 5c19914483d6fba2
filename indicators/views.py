"""Public pages of the satisfaction survey: one click records an answer, no login needed."""

from django.contrib.auth.decorators import login_not_required
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from indicators import surveys


def _no_index(response):
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@login_not_required
@never_cache
def survey_answer(request, token, question, choice):
    """Record the answer (once) and thank the person, with the questions still to answer as big buttons."""
    try:
        invitation = surveys.read_token(token)
        surveys.record_answer(invitation, question, choice)
    except surveys.InvalidSurveyLink:
        response = TemplateResponse(
            request, "indicators/survey/invalid.html", {"page_title": _("Ce lien ne fonctionne pas")}, status=404
        )
        return _no_index(response)
    remaining = surveys.question_blocks(token, exclude=surveys.answered_questions(invitation))
    response = TemplateResponse(
        request,
        "indicators/survey/thanks.html",
        {
            "page_title": _("Merci pour votre réponse"),
            "activity": invitation.session.activity.localized,
            "questions": remaining,
        },
    )
    return _no_index(response)
