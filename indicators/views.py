"""Public pages of the satisfaction survey: the e-mailed link opens the question with its answer pre-selected;
only the button (a POST) records it, so mail scanners that follow links answer for nobody. No login needed."""

from django.contrib.auth.decorators import login_not_required
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from indicators import surveys


def _no_index(response):
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _invalid(request):
    response = TemplateResponse(
        request, "indicators/survey/invalid.html", {"page_title": _("Ce lien ne fonctionne pas")}, status=404
    )
    return _no_index(response)


def _thanks(request, token, invitation, *, recorded):
    remaining = surveys.question_blocks(token, exclude=surveys.answered_questions(invitation))
    context = {
        "page_title": _("Merci pour votre réponse") if recorded else _("Vous avez déjà répondu à cette question"),
        "recorded": recorded,
        "activity": invitation.session.activity.localized,
        "questions": remaining,
    }
    return _no_index(TemplateResponse(request, "indicators/survey/thanks.html", context))


@login_not_required
@never_cache
@require_http_methods(["GET", "HEAD"])
def survey_answer(request, token, question, choice):
    """The e-mailed link: the question with `choice` pre-selected and a send button. Records nothing."""
    try:
        invitation = surveys.read_token(token)
        surveys.check_answer(question, choice)
    except surveys.InvalidSurveyLink:
        return _invalid(request)
    if question in surveys.answered_questions(invitation):
        return _thanks(request, token, invitation, recorded=False)
    block = next(b for b in surveys.question_blocks(token) if b["key"] == question)
    context = {
        "page_title": _("Votre avis"),
        "activity": invitation.session.activity.localized,
        "question": block,
        "selected": choice,
    }
    return _no_index(TemplateResponse(request, "indicators/survey/answer.html", context))


@login_not_required
@never_cache
@require_POST
def survey_send(request, token, question):
    """Record the answer sent (once) and thank the person, with the questions still to answer."""
    try:
        invitation = surveys.read_token(token)
        surveys.record_answer(invitation, question, request.POST.get("choice", ""))
    except surveys.InvalidSurveyLink:
        return _invalid(request)
    return _thanks(request, token, invitation, recorded=True)
