"""The member card: on screen and as a PDF in Mon espace, the public check page, the desk's print and reissue."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partners.services import cards

DESK_PERMISSION = "members.view_memberprofile"


def _card_context(request, card):
    url = request.build_absolute_uri(cards.check_path(card))
    return {"card": card, "check_url": url, "qr": cards.qr_svg(url), "valid_until": cards.valid_until(card.member)}


def _pdf_response(request, card):
    url = request.build_absolute_uri(cards.check_path(card))
    response = HttpResponse(cards.card_pdf(card, url), content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="carte-escale.pdf"'
    return response


def my_card(request):
    card = cards.current_card(request.user)
    if request.method == "POST" and request.POST.get("action") == "reissue":
        cards.reissue(request.user, by=request.user)
        messages.success(request, _("Nouvelle carte créée : l'ancienne n'est plus reconnue."))
        return redirect("partners:my_card")
    return render(request, "partners/my_card.html", _card_context(request, card))


def my_card_pdf(request):
    return _pdf_response(request, cards.current_card(request.user))


@login_not_required
def check_card(request, token):
    partner = None
    if request.user.is_authenticated:
        partner = request.user.partner_organisations.filter(status="active").first()
    outcome = cards.check(token, partner=partner)
    response = render(request, "partners/check.html", {"outcome": outcome}, status=200)
    response["X-Robots-Tag"] = "noindex"
    response["Cache-Control"] = "no-store"
    return response


def desk_card_pdf(request, member_pk):
    """Staff print a member's card at the desk (for people without a smartphone)."""
    if not request.user.has_perm(DESK_PERMISSION):
        raise PermissionDenied
    member = get_object_or_404(get_user_model(), pk=member_pk)
    return _pdf_response(request, cards.current_card(member))


@require_POST
def desk_reissue(request, member_pk):
    if not request.user.has_perm(DESK_PERMISSION):
        raise PermissionDenied
    member = get_object_or_404(get_user_model(), pk=member_pk)
    cards.reissue(member, by=request.user)
    return _pdf_response(request, cards.current_card(member))
