"""Staff: the issues with their statistics, a test send to oneself, then the sending to subscribers."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from newsletter.models import NewsletterIssuePage
from newsletter.services import sending

PERMISSION = "wagtailadmin.access_admin"


def _check(request, issue=None):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    if issue is not None and not issue.permissions_for_user(request.user).can_publish():
        raise PermissionDenied


def issues(request):
    _check(request)
    rows = [(issue, sending.statistics(issue)) for issue in NewsletterIssuePage.objects.order_by("-first_published_at")]
    return TemplateResponse(request, "newsletter/admin/issues.html", {"rows": rows})


@require_POST
def send_test(request, pk):
    issue = get_object_or_404(NewsletterIssuePage, pk=pk)
    _check(request, issue)
    sending.send_test(issue, request.user, base_url=request.build_absolute_uri("/")[:-1])
    messages.success(request, _("Lettre de test envoyée à %(email)s.") % {"email": request.user.email})
    return redirect("newsletter_admin:issues")


@require_POST
def send(request, pk):
    issue = get_object_or_404(NewsletterIssuePage, pk=pk, live=True)
    _check(request, issue)
    added = sending.start(issue, by=request.user)
    messages.success(request, _("Envoi lancé : %(count)s destinataires ajoutés.") % {"count": added})
    return redirect("newsletter_admin:issues")
