"""Mon espace: dashboard, history, profile, memberships and payments, receipts, attestation, export,
account deletion, mandates — every view for the logged-in member's own objects only (404 otherwise)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required, login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from payments import PaymentStatus, RedirectNeeded

from activities.agenda import attach_localized_activities
from activities.exceptions import TryAgain
from activities.models import Booking
from core.money import ZERO
from members import history, services, space
from members.exceptions import MembersError
from members.forms import (
    AttestationForm,
    DeleteAccountForm,
    MembershipChoiceForm,
    PayBookingsForm,
    ProfileForm,
    localise_dummy_form,
)
from members.models import Mandate, Membership, MembershipType, Payment, PaymentItem, Receipt, TaxReceipt
from members.services.fulfilment import credited_lines

RENEWAL_SESSION_KEY = "members_renewal_payments"


def member_view(view):
    return never_cache(login_required(view))


def _pdf_response(content, filename):
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@member_view
def dashboard(request):
    user = request.user
    today = timezone.localdate()
    membership, pending_memberships = space.memberships_on(user, today)
    profile, credit = space.profile_and_credit(user)
    next_bookings = list(
        Booking.objects.filter(member=user, status__in=Booking.ACTIVE, session__start__gte=timezone.now())
        .select_related("session__activity", "session__place")
        .order_by("session__start")[:5]
    )
    outstanding = list(services.outstanding_bookings(user))
    attach_localized_activities([booking.session for booking in next_bookings + outstanding])
    context = {
        "profile": profile,
        "membership": membership,
        "pending_memberships": pending_memberships,
        "next_bookings": next_bookings,
        "outstanding": outstanding,
        "outstanding_cycles": services.outstanding_cycle_bookings(user),
        "credit": credit,
        "mandates": Mandate.objects.filter(
            member=user, revoked_at__isnull=True, expires_at__gt=timezone.now()
        ).select_related("received_by"),
    }
    return render(request, "members/dashboard.html", context)


HISTORY_PER_PAGE = 30
HISTORY_MAX_PAGE = 200


def _page_number(request):
    try:
        number = int(request.GET.get("page", "1"))
    except ValueError:
        return 1
    return min(max(number, 1), HISTORY_MAX_PAGE)


@member_view
def history_view(request):
    """Newest first, HISTORY_PER_PAGE entries a page (the same queries whatever the member's past)."""
    number = _page_number(request)
    entries, has_older = history.timeline_page(request.user, number, HISTORY_PER_PAGE)
    context = {
        "entries": entries,
        "page_number": number,
        "newer_page": number - 1 if number > 1 else None,
        "older_page": number + 1 if has_older else None,
    }
    return render(request, "members/history.html", context)


@member_view
def profile_edit(request):
    profile = services.profile_of(request.user)
    form = ProfileForm(request.POST or None, initial=ProfileForm.initial_for(request.user, profile))
    if request.method == "POST" and form.is_valid():
        services.update_profile(request.user, form.cleaned_data)
        messages.success(request, _("Vos informations sont enregistrées."))
        return redirect("members:dashboard")
    return render(request, "members/profile_form.html", {"form": form})


@member_view
def join(request):
    """Choose a membership type; free ones are active at once, others go to payment."""
    form = MembershipChoiceForm(request.POST or None, member=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.start_membership(request.user, form.cleaned_data["membership_type"])
            if membership.status == Membership.Status.ACTIVE:
                messages.success(request, _("Votre adhésion est enregistrée. Merci !"))
                return redirect("members:dashboard")
            payment = services.create_online_payment(request.user, memberships=[membership])
            return redirect("members:pay", token=payment.token)
        except MembersError as error:
            messages.error(request, error.message)
    types = list(MembershipType.objects.filter(active=True))
    for membership_type in types:
        membership_type.rule = services.period_rule(membership_type)
        membership_type.period = services.period_for(request.user, membership_type)
    return render(request, "members/join.html", {"form": form, "types": types})


@member_view
def pay_membership(request, pk):
    membership = get_object_or_404(Membership, pk=pk, member=request.user, status=Membership.Status.PENDING_PAYMENT)
    if request.method != "POST":
        return redirect("members:dashboard")
    try:
        payment = services.create_online_payment(request.user, memberships=[membership])
    except MembersError as error:
        messages.error(request, error.message)
        return redirect("members:dashboard")
    return redirect("members:pay", token=payment.token)


@member_view
def pay_bookings(request):
    outstanding = services.outstanding_bookings(request.user)
    cycles = services.outstanding_cycle_bookings(request.user)
    form = PayBookingsForm(request.POST or None, bookings=outstanding, cycle_bookings=cycles)
    if request.method == "POST" and form.is_valid():
        chosen = {
            "bookings": list(form.cleaned_data["bookings"]),
            "cycle_bookings": list(form.cleaned_data["cycle_bookings"]),
        }
        try:
            if request.POST.get("with_credit"):
                services.pay_with_credit(request.user, **chosen)
                messages.success(request, _("Payé avec votre avoir. Merci !"))
                return redirect("members:history")
            payment = services.create_online_payment(request.user, **chosen)
            return redirect("members:pay", token=payment.token)
        except MembersError as error:
            messages.error(request, error.message)
    context = {
        "form": form,
        "outstanding": outstanding.exists() or cycles.exists(),
        "credit": services.credit_balance(request.user),
    }
    return render(request, "members/pay_bookings.html", context)


@never_cache
@login_not_required
def pay(request, token):
    """The provider's form (dummy form in dev; Stripe redirects). Open to the payment's owner, or to
    whoever followed a valid renewal link in this browser session."""
    payment = get_object_or_404(Payment, token=token, method=Payment.Method.ONLINE)
    owner = request.user.is_authenticated and payment.member_id == request.user.pk
    if not owner and str(payment.token) not in request.session.get(RENEWAL_SESSION_KEY, []):
        raise Http404
    if payment.status == PaymentStatus.CONFIRMED:
        return redirect(payment.get_success_url())
    if not payment.items.filter(state=PaymentItem.State.PENDING).exists():
        # Replaced by a newer payment, or abandoned: it takes no more money.
        messages.info(
            request, _("Ce paiement n'est plus en cours : rien n'a été prélevé. Reprenez depuis votre espace.")
        )
        return redirect("members:dashboard" if owner else "/")
    try:
        form = localise_dummy_form(payment.get_form(data=request.POST or None))
    except RedirectNeeded as redirect_to:
        return redirect(str(redirect_to))
    return render(request, "members/pay.html", {"payment": payment, "form": form})


def _own_payment(request, pk):
    payment = Payment.objects.filter(pk=pk).first()
    if payment is None:
        raise Http404
    owner = request.user.is_authenticated and payment.member_id == request.user.pk
    if not owner and str(payment.token) not in request.session.get(RENEWAL_SESSION_KEY, []):
        raise Http404
    return payment


@never_cache
@login_not_required
def payment_done(request, pk):
    payment = _own_payment(request, pk)
    credited = list(credited_lines(payment))
    context = {
        "payment": payment,
        "success": payment.fulfilled_at is not None,
        "credited": credited,
        "credited_total": sum((line.amount for line in credited), ZERO),
    }
    return render(request, "members/payment_result.html", context)


@never_cache
@login_not_required
def payment_failed(request, pk):
    payment = _own_payment(request, pk)
    return render(request, "members/payment_result.html", {"payment": payment, "success": False})


@member_view
def receipt_pdf(request, pk):
    receipt = get_object_or_404(Receipt.objects.select_related("payment"), pk=pk, payment__member=request.user)
    return _pdf_response(services.render_receipt_pdf(receipt), f"recu-{receipt.number}.pdf")


@member_view
def tax_receipt_pdf(request, pk):
    from members.services.tax_receipts import render_tax_receipt_pdf

    tax_receipt = get_object_or_404(TaxReceipt, pk=pk, member=request.user)
    return _pdf_response(render_tax_receipt_pdf(tax_receipt), f"recu-fiscal-{tax_receipt.number}.pdf")


@member_view
def attestation(request):
    """Attestation of participation: the sessions attended in a period, as PDF."""
    form = AttestationForm(request.GET or None)
    if request.GET and form.is_valid():
        from members.services.receipts import render_attestation_pdf

        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        bookings = history.attended_sessions(request.user, start, end)
        pdf = render_attestation_pdf(request.user, bookings, start=start, end=end)
        return _pdf_response(pdf, f"attestation-{start:%Y%m%d}-{end:%Y%m%d}.pdf")
    return render(request, "members/attestation_form.html", {"form": form})


@member_view
def export_data(request):
    response = HttpResponse(history.export_zip(request.user), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="mes-donnees-escale.zip"'
    return response


@member_view
def delete_account(request):
    form = DeleteAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.erase_member(request.user)
        except TryAgain as error:
            messages.error(request, str(error))
            return redirect("members:delete_account")
        logout(request)
        messages.success(request, _("Votre compte est supprimé et vos données personnelles effacées."))
        return redirect("/")
    return render(request, "members/delete_account.html", {"form": form})


@member_view
@require_POST
def revoke_mandate(request, pk):
    mandate = get_object_or_404(Mandate, pk=pk, member=request.user)
    services.revoke_mandate(mandate, by=request.user)
    messages.success(request, _("Le mandat est révoqué."))
    return redirect("members:dashboard")


@never_cache
@login_not_required
def renew(request, token):
    """The renewal link from the reminder e-mail: works without logging in, for 7 days."""
    try:
        membership = services.read_renewal_token(token)
    except MembersError as error:
        return render(request, "members/renew.html", {"error": error.message}, status=400)
    membership_type = membership.type if membership.type.active else None
    online = bool(settings.MEMBERS_ONLINE_PAYMENT_VARIANT)
    if request.method == "POST" and membership_type:
        try:
            renewal = services.renew_membership(token)
        except MembersError as error:
            return render(request, "members/renew.html", {"error": error.message}, status=400)
        if renewal.membership.status == Membership.Status.ACTIVE:
            return render(request, "members/renew.html", {"done": True, "membership": renewal.membership})
        if renewal.payment is None:
            return render(request, "members/renew.html", {"at_desk": True, "membership": renewal.membership})
        allowed = request.session.get(RENEWAL_SESSION_KEY, [])
        request.session[RENEWAL_SESSION_KEY] = [*allowed[-9:], str(renewal.payment.token)]
        return redirect("members:pay", token=renewal.payment.token)
    context = {"membership": membership, "membership_type": membership_type, "online": online}
    return render(request, "members/renew.html", context)
