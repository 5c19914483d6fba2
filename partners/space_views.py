"""The partner space (convention signature, details, offers) and the correspondents' proposals."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from partners.forms import OfferForm, PartnerDetailsForm, ProposeForm, SignConventionForm
from partners.models import Offer
from partners.roles import COMMUNE_CORRESPONDENT
from partners.services import conventions

AUTH_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _my_partner(request):
    """The organisation whose space this account opens (role and object: it must be one of its accounts)."""
    partner = request.user.partner_organisations.filter(status="active").first()
    if partner is None:
        raise PermissionDenied
    return partner


@login_not_required
def sign_convention(request, token):
    try:
        partner = conventions.partner_from_token(token)
    except conventions.InvalidInvitation:
        return render(request, "partners/invitation_invalid.html", status=400)
    text = conventions.current_text()
    form = SignConventionForm(request.POST or None)
    needs_password = not request.user.is_authenticated
    if request.method == "POST" and form.is_valid():
        if needs_password and not form.cleaned_data["password"]:
            form.add_error("password", _("Choisissez un mot de passe pour ouvrir votre espace."))
        else:
            user = request.user if request.user.is_authenticated else None
            _acceptance, user = conventions.sign(
                partner, signed_name=form.cleaned_data["signed_name"], user=user, password=form.cleaned_data["password"]
            )
            if not request.user.is_authenticated:
                login(request, user, backend=AUTH_BACKEND)
            messages.success(request, _("Merci : la convention est signée. Votre espace partenaire est ouvert."))
            return redirect("partners:space")
    context = {"partner": partner, "text": text, "form": form, "needs_password": needs_password}
    return render(request, "partners/sign.html", context)


def space(request):
    partner = _my_partner(request)
    context = {"partner": partner, "offers": partner.offers.all(), "acceptance": partner.acceptances.first()}
    return render(request, "partners/space.html", context)


def edit_details(request):
    partner = _my_partner(request)
    form = PartnerDetailsForm(request.POST or None, instance=partner)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Votre fiche est à jour."))
        return redirect("partners:space")
    return render(request, "partners/edit.html", {"form": form, "title": _("Ma fiche"), "partner": partner})


def edit_offer(request, pk=None):
    partner = _my_partner(request)
    offer = get_object_or_404(Offer, pk=pk, partner=partner) if pk else Offer(partner=partner)
    form = OfferForm(request.POST or None, instance=offer)
    if request.method == "POST" and form.is_valid():
        conventions.submit_offer(form.save(commit=False), by=request.user)
        messages.success(request, _("Offre envoyée : l'équipe la relit avant de la publier."))
        return redirect("partners:space")
    title = _("Modifier l'offre") if pk else _("Nouvelle offre")
    return render(request, "partners/edit.html", {"form": form, "title": title, "partner": partner})


def propose(request):
    if not (request.user.is_staff or request.user.groups.filter(name=COMMUNE_CORRESPONDENT).exists()):
        raise PermissionDenied
    form = ProposeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        conventions.propose(form.cleaned_data, by=request.user)
        messages.success(request, _("Merci : l'équipe va prendre contact avec cette organisation."))
        return redirect("partners:propose")
    return render(request, "partners/edit.html", {"form": form, "title": _("Proposer un partenaire")})
