"""Staff tools in the Wagtail admin: a member's record, desk sign-up, on-site payments and receipts,
mandates, solidarity price. The lists (members, payments) are in members.viewsets, which registers these
views under /admin/adherents/."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from activities.forms import OnBehalfForm
from members import history, services
from members.exceptions import MembersError
from members.forms import (
    ActivationForm,
    DeskMemberForm,
    MandateForm,
    OnsitePaymentForm,
    StaffMemberForm,
    StaffMembershipForm,
)
from members.models import Mandate, Membership, Payment, Receipt
from members.services.receipts import PAGE_SIZES


def _perm(codename):
    return permission_required(f"members.{codename}", raise_exception=True)


def _member(pk):
    return get_object_or_404(get_user_model(), pk=pk, groups__isnull=True, is_superuser=False)


@never_cache
@_perm("view_memberprofile")
def member_detail(request, pk):
    member = _member(pk)
    today = timezone.localdate()
    context = {
        "member": member,
        "profile": services.profile_of(member),
        "membership": services.active_membership_on(member, today),
        "memberships": Membership.objects.filter(member=member).select_related("type"),
        "credit": services.credit_balance(member),
        "entries": history.timeline(member),
        "mandates": Mandate.objects.filter(member=member).select_related("received_by"),
        "my_mandate": {s: services.valid_mandate(request.user, member, s) for s in ("book", "pay", "edit")},
        "can_pay": request.user.has_perm("members.add_payment"),
    }
    return render(request, "members/admin/member_detail.html", context)


@never_cache
@_perm("add_memberprofile")
def desk_member(request):
    """Create a member at the desk, without e-mail (phone only)."""
    form = DeskMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        member = services.create_member_at_desk(by=request.user, **form.service_data())
        messages.success(request, _("Compte créé."))
        return redirect("members_staff:member_detail", pk=member.pk)
    context = {"form": form, "title": _("Nouvel adhérent à l'accueil"), "duplicates": form.duplicates}
    return render(request, "members/admin/form.html", context)


@never_cache
@_perm("change_memberprofile")
def member_edit(request, pk):
    """Staff correct a member's record, at the person's request (recorded) or under an "edit" mandate."""
    member = _member(pk)
    profile = services.profile_of(member)
    form = StaffMemberForm(request.POST or None, initial=StaffMemberForm.initial_for(member, profile))
    behalf = OnBehalfForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and behalf.is_valid():
        changes = form.changed_data_only()
        if not changes:
            messages.info(request, _("Rien n'a changé."))
            return redirect("members_staff:member_detail", pk=member.pk)
        try:
            authority = behalf.act_for(request.user, member, "edit", detail=", ".join(sorted(changes)))
            services.update_profile(member, changes, by=request.user, request=authority)
        except MembersError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Fiche modifiée."))
            return redirect("members_staff:member_detail", pk=member.pk)
    context = {"form": form, "behalf": behalf, "member": member, "title": _("Modifier la fiche")}
    return render(request, "members/admin/member_edit.html", context)


@never_cache
@_perm("change_memberprofile")
def activation_link(request, pk):
    """A member created at the desk now has an e-mail address: send them a link to set a password."""
    member = _member(pk)
    form = ActivationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.send_activation_link(member, form.cleaned_data["email"], by=request.user, request=request)
        messages.success(request, _("Lien d'activation envoyé."))
        return redirect("members_staff:member_detail", pk=member.pk)
    return render(request, "members/admin/form.html", {"form": form, "title": _("Envoyer un lien d'activation")})


@never_cache
@_perm("add_payment")
def onsite_payment(request, pk):
    """Record money received at the desk for memberships and/or bookings of this member."""
    member = _member(pk)
    memberships = Membership.objects.filter(member=member, status=Membership.Status.PENDING_PAYMENT)
    bookings = services.outstanding_bookings(member)
    cycles = services.outstanding_cycle_bookings(member)
    credit = services.credit_balance(member)
    form = OnsitePaymentForm(
        request.POST or None, memberships=memberships, bookings=bookings, cycle_bookings=cycles, credit=credit
    )
    behalf = OnBehalfForm(request.POST or None, channels=("desk", "relative", "mandate"))
    membership_form = StaffMembershipForm(prefix="adhesion", member=member)
    membership_behalf = OnBehalfForm(prefix="adhesion-demande", channels=("desk", "phone", "relative", "mandate"))
    if request.method == "POST" and form.is_valid() and behalf.is_valid():
        try:
            payment = services.record_onsite_payment(
                member,
                method=form.cleaned_data["method"],
                cheque_number=form.cleaned_data["cheque_number"],
                by=request.user,
                memberships=list(form.cleaned_data["memberships"]),
                bookings=list(form.cleaned_data["bookings"]),
                cycle_bookings=list(form.cleaned_data["cycle_bookings"]),
                credit=form.cleaned_data["credit"] or 0,
                # Money handed over at the desk: the service records the person's request there.
                request=None
                if behalf.cleaned_data.get("asked_by") in ("", "desk")
                else behalf.act_for(request.user, member, "pay"),
            )
            messages.success(request, _("Paiement enregistré, reçu émis."))
            return redirect("members_staff:payment_done", pk=member.pk, payment_pk=payment.pk)
        except MembersError as error:
            messages.error(request, error.message)
    context = {
        "form": form,
        "behalf": behalf,
        "member": member,
        "membership_form": membership_form,
        "membership_behalf": membership_behalf,
        "credit": credit,
        "title": _("Paiement sur place"),
    }
    return render(request, "members/admin/onsite_payment.html", context)


@never_cache
@_perm("view_payment")
def payment_done(request, pk, payment_pk):
    """After a desk payment: what was paid, the total, and the receipt to print (A4 or A5)."""
    member = _member(pk)
    payment = get_object_or_404(
        Payment.objects.select_related("receipt").prefetch_related("items"), pk=payment_pk, member=member
    )
    context = {
        "member": member,
        "payment": payment,
        "receipt": getattr(payment, "receipt", None),
        "credit_used": services.credit_used(payment),
        "sizes": PAGE_SIZES,
        "title": _("Paiement enregistré"),
    }
    return render(request, "members/admin/payment_done.html", context)


@never_cache
@_perm("view_payment")
def receipt_pdf(request, pk, receipt_pk):
    """A member's receipt as PDF, opened in the browser to print it (A4 or A5: ?format=A5)."""
    member = _member(pk)
    receipt = get_object_or_404(Receipt.objects.select_related("payment"), pk=receipt_pk, payment__member=member)
    size = request.GET.get("format", "A4")
    if size not in PAGE_SIZES:
        raise Http404
    response = HttpResponse(services.render_receipt_pdf(receipt, size=size), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="recu-{receipt.number}-{size}.pdf"'
    return response


@never_cache
@_perm("add_membership")
@require_POST
def new_membership(request, pk):
    """The member, at the desk, takes a membership; it then waits for the on-site payment."""
    member = _member(pk)
    form = StaffMembershipForm(request.POST, prefix="adhesion", member=member)
    behalf = OnBehalfForm(request.POST, prefix="adhesion-demande")
    if not behalf.is_valid():
        messages.error(request, _("Indiquez qui demande l'adhésion (et le nom du proche, le cas échéant)."))
    elif form.is_valid():
        try:
            authority = behalf.act_for(request.user, member, "pay", detail=str(form.cleaned_data["membership_type"]))
            services.start_membership(member, form.cleaned_data["membership_type"], by=request.user, request=authority)
            messages.success(request, _("Adhésion créée."))
        except MembersError as error:
            messages.error(request, error.message)
    return redirect("members_staff:onsite_payment", pk=member.pk)


@never_cache
@_perm("add_mandate")
def new_mandate(request, pk):
    member = _member(pk)
    form = MandateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.give_mandate(
            member,
            received_by=request.user,
            scopes=form.cleaned_data["scopes"],
            duration=form.cleaned_data["duration"],
            consent_given=form.cleaned_data["consent_given"],
        )
        messages.success(request, _("Mandat enregistré."))
        return redirect("members_staff:member_detail", pk=member.pk)
    return render(request, "members/admin/form.html", {"form": form, "title": _("Recueillir un mandat")})


@never_cache
@_perm("change_memberprofile")
@require_POST
def validate_member(request, pk):
    services.validate_account(_member(pk), by=request.user)
    messages.success(request, _("Compte validé."))
    return redirect("members_staff:member_detail", pk=pk)


@never_cache
@_perm("change_memberprofile")
@require_POST
def toggle_solidarity(request, pk):
    """Grant or withdraw the solidarity price: the form says which ("granted" = 1 or 0), so sending it
    twice does not flip the price back."""
    member = _member(pk)
    granted = request.POST.get("granted")
    if granted not in ("0", "1"):
        return HttpResponse(status=400)
    services.grant_solidarity_price(member, granted=granted == "1", by=request.user)
    return redirect("members_staff:member_detail", pk=pk)
