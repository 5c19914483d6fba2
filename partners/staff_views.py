"""Staff tools in the admin: offers to review (approve or refuse) and the invitation of an organisation."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partners.models import Offer, PartnerOrganisation
from partners.services import conventions

PERMISSION = "partners.change_partnerorganisation"


def _check(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def offers_to_review(request):
    _check(request)
    offers = Offer.objects.filter(status=Offer.Status.SUBMITTED).select_related("partner").order_by("updated_at")
    to_invite = PartnerOrganisation.objects.exclude(status=PartnerOrganisation.Status.ACTIVE).order_by("name")
    return TemplateResponse(request, "partners/admin/offers_to_review.html", {"offers": offers, "to_invite": to_invite})


@require_POST
def review(request, pk):
    _check(request)
    offer = get_object_or_404(Offer, pk=pk, status=Offer.Status.SUBMITTED)
    approve = request.POST.get("decision") == "approve"
    conventions.review_offer(offer, by=request.user, approve=approve, note=request.POST.get("note", "")[:500])
    messages.success(request, _("Offre publiée.") if approve else _("Offre refusée."))
    return redirect("partners_staff:offers_to_review")


@require_POST
def invite(request, pk):
    _check(request)
    partner = get_object_or_404(PartnerOrganisation, pk=pk)
    if not partner.email:
        messages.error(request, _("Indiquez d'abord le courriel de l'organisation."))
    else:
        conventions.invite(partner, by=request.user, base_url=request.build_absolute_uri("/")[:-1])
        messages.success(request, _("Invitation envoyée à %(email)s.") % {"email": partner.email})
    return redirect("partners_staff:offers_to_review")
