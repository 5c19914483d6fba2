"""Coordinators' tools in the Wagtail admin: sessions and fill rates, bookings and waitlist,
assisted booking, attendance sheet, CSV export, session cancellation. The call list is in
activities.viewsets, which registers these views under /admin/activites/."""

import datetime

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import permission_required
from django.db import models
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from activities import services
from activities.forms import BookingForm, MemberSearchForm, OnBehalfForm
from activities.models import SEAT_STATUSES, Booking, CycleBooking, Session
from core.errors import DomainError
from core.exports import table_response
from core.formatting import when_in_words
from core.money import ReturnMode

staff_view = never_cache


def _perm(codename):
    return permission_required(f"activities.{codename}", raise_exception=True)


def _session(pk):
    return get_object_or_404(Session.objects.select_related("activity", "place").with_counts(), pk=pk)


@staff_view
@_perm("view_session")
def session_list(request):
    """Upcoming sessions with fill rate; those under their minimum are flagged."""
    days = 60 if request.GET.get("periode") != "tout" else 3650
    now = timezone.now()
    sessions = list(
        Session.objects.filter(
            start__gte=now - datetime.timedelta(hours=12), start__lte=now + datetime.timedelta(days=days)
        )
        .select_related("activity", "place")
        .defer("activity__body")
        .with_counts()
        .order_by("start")
    )
    for session in sessions:
        session.fill_rate = round(100 * session.confirmed_count / session.capacity) if session.capacity else 0
        session.when = when_in_words(session.start, session.end)
    return render(request, "activities/admin/session_list.html", {"sessions": sessions})


@staff_view
@_perm("view_booking")
def session_bookings(request, pk):
    session = _session(pk)
    bookings = list(
        Booking.objects.filter(session=session)
        .select_related("member__member_profile", "made_by")
        .order_by("queued_at", "pk")
    )
    context = {
        "session": session,
        "when": when_in_words(session.start, session.end),
        "confirmed": [b for b in bookings if b.status in SEAT_STATUSES],
        "waitlisted": [b for b in bookings if b.status == Booking.Status.WAITLISTED],
        "cancelled": [b for b in bookings if b.status == Booking.Status.CANCELLED],
        "can_change": request.user.has_perm("activities.change_booking"),
        "can_add": request.user.has_perm("activities.add_booking"),
        "can_cancel_session": request.user.has_perm("activities.cancel_session"),
    }
    return render(request, "activities/admin/session_bookings.html", context)


def _booking_of_session(session_pk, booking_pk):
    return get_object_or_404(Booking.objects.select_related("member"), pk=booking_pk, session_id=session_pk)


class BookingAction(models.TextChoices):
    """What staff can do to one booking of a session (the code is the last part of the URL)."""

    CANCEL = "cancel", _("Annuler l'inscription")
    ACCEPT = "accept", _("Confirmer la place proposée")
    PROMOTE = "promote", _("Donner la place")
    UP = "up", _("Monter d'un rang")
    DOWN = "down", _("Descendre d'un rang")
    PRESENT = "present", _("Présent")
    ABSENT = "absent", _("Absent")


# Cancelling a booking or keeping an offered seat are the person's own decisions: staff act at
# their request or under their mandate, asked on a confirmation page first.
ON_BEHALF = (BookingAction.CANCEL, BookingAction.ACCEPT)


@staff_view
@_perm("change_booking")
def booking_action(request, pk, booking_pk, action):
    """Staff actions on one booking of this session, dispatched on `BookingAction` codes."""
    booking = _booking_of_session(pk, booking_pk)
    if action not in BookingAction.values:
        return HttpResponse(status=400)
    if request.method == "GET" and action in ON_BEHALF:
        context = {
            "session": booking.session,
            "when": when_in_words(booking.session.start, booking.session.end),
            "booking": booking,
            "action": action,
            "behalf": OnBehalfForm(),
        }
        return render(request, "activities/admin/booking_on_behalf.html", context)
    if request.method != "POST":
        return HttpResponse(status=405)
    try:
        if action == BookingAction.CANCEL:
            services.cancel_for(booking, by=request.user, **OnBehalfForm(request.POST).asked())
            messages.success(request, _("Inscription annulée."))
        elif action == BookingAction.ACCEPT:
            authority = OnBehalfForm(request.POST).act_for(
                request.user, booking.member, "book", detail=str(booking.session)
            )
            services.accept_offer(booking, by=request.user, authority=authority)
            messages.success(request, _("Place confirmée pour la personne."))
        elif action == BookingAction.PROMOTE:
            services.promote_booking(booking, by=request.user)
            messages.success(request, _("La place est proposée à la personne."))
        elif action in (BookingAction.UP, BookingAction.DOWN):
            services.move_in_waitlist(booking, up=action == BookingAction.UP, by=request.user)
        else:
            services.mark_attendance(booking, action == BookingAction.PRESENT, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    attendance_sheet = action in (BookingAction.PRESENT, BookingAction.ABSENT)
    target = "activities_staff:attendance" if attendance_sheet else "activities_staff:session_bookings"
    return redirect(target, pk=pk)


@staff_view
@_perm("change_booking")
def cancel_cycle(request, pk, booking_pk):
    """Cancel a member's whole cycle from one of its session bookings (a confirmation page, then
    POST). Like any cancellation made for a member, it needs their request or "book" mandate; staff
    choose whether a paid cycle is given back as a credit (avoir) or a refund."""
    booking = get_object_or_404(
        Booking.objects.select_related("member", "cycle_booking__activity"),
        pk=booking_pk,
        session_id=pk,
        cycle_booking__isnull=False,
    )
    cycle = booking.cycle_booking
    if request.method == "POST":
        mode = request.POST.get("mode")
        if mode not in ReturnMode.values:
            return HttpResponse(status=400)
        try:
            services.cancel_for(booking, by=request.user, mode=mode, **OnBehalfForm(request.POST).asked())
        except DomainError as error:
            messages.error(request, error.message)
            return redirect("activities_staff:cancel_cycle", pk=pk, booking_pk=booking_pk)
        messages.success(request, _("Inscription au cycle annulée ; la personne est prévenue."))
        return redirect("activities_staff:session_bookings", pk=pk)
    now = timezone.now()
    sessions = list(Session.objects.filter(bookings__cycle_booking=cycle).distinct().order_by("start", "pk"))
    context = {
        "session": booking.session,
        "cycle": cycle,
        "member": cycle.member,
        "cancelled": cycle.status == CycleBooking.Status.CANCELLED,
        "to_cancel": [when_in_words(s.start, s.end) for s in sessions if s.start > now],
        "kept": [when_in_words(s.start, s.end) for s in sessions if s.start <= now],
        "amount": services.cycle_return_preview(cycle, now=now),
        "behalf": OnBehalfForm(),
    }
    return render(request, "activities/admin/cancel_cycle.html", context)


@staff_view
@_perm("add_booking")
def assisted_booking(request, pk):
    """Find a member by name, e-mail or phone (any French spelling) and book for them, at their
    request (by phone, at the desk, through a relative they named) or under their mandate; the
    booking records the staff user and the journal how the person asked."""
    session = _session(pk)
    search = MemberSearchForm(request.GET or None)
    results = search.results() if search.is_valid() else []
    form = BookingForm(session=session)
    behalf = OnBehalfForm()
    if request.method == "POST":
        member = get_object_or_404(get_user_model(), pk=request.POST.get("member"), is_active=True)
        form = BookingForm(request.POST, session=session)
        behalf = OnBehalfForm(request.POST)
        if not behalf.is_valid():
            messages.error(request, _("Indiquez qui demande l'inscription (et le nom du proche, le cas échéant)."))
        elif form.is_valid():
            try:
                booked = services.book_for(
                    session,
                    member,
                    by=request.user,
                    needs_pickup=form.cleaned_data.get("needs_pickup", False),
                    pickup_address=form.cleaned_data.get("pickup_address", ""),
                    **behalf.asked(),
                )
                if isinstance(booked, CycleBooking):
                    messages.success(request, _("Inscription au cycle enregistrée."))
                else:
                    messages.success(
                        request,
                        _("%(name)s : %(status)s.")
                        % {"name": member.get_full_name() or member.email, "status": booked.get_status_display()},
                    )
                return redirect("activities_staff:session_bookings", pk=pk)
            except DomainError as error:
                messages.error(request, error.message)
    context = {
        "session": session,
        "when": when_in_words(session.start, session.end),
        "member_search": search,  # not "search": Wagtail's header would show it a second time
        "results": results,
        "form": form,
        "behalf": behalf,
    }
    return render(request, "activities/admin/assisted_booking.html", context)


@staff_view
@_perm("change_booking")
def attendance(request, pk):
    """The feuille d'émargement: present/absent buttons on screen, a signature column on paper."""
    session = _session(pk)
    bookings = (
        Booking.objects.filter(session=session, status__in=Booking.ATTENDANCE_STATUSES)
        .select_related("member__member_profile")
        .order_by("member__last_name", "member__first_name", "member__email")
    )
    return render(
        request,
        "activities/admin/attendance.html",
        {"session": session, "when": when_in_words(session.start, session.end), "bookings": bookings},
    )


@staff_view
@_perm("view_booking")
def export_bookings(request, pk):
    """The session's bookings as CSV (default) or XLSX (?format=xlsx)."""
    session = _session(pk)
    header = [
        _("Nom"),
        _("Prénom"),
        _("E-mail"),
        _("Téléphone"),
        _("État"),
        _("Prix"),
        _("Transport"),
        _("Adresse"),
        _("Inscrit le"),
        _("Inscrit par"),
        _("Comment la joindre"),
    ]
    bookings = (
        Booking.objects.filter(session=session)
        .select_related("member__member_profile", "made_by")
        .order_by("created_at")
    )
    rows = [
        [
            b.member.last_name,
            b.member.first_name,
            b.member.email,
            getattr(getattr(b.member, "member_profile", None), "phone", ""),
            b.get_status_display(),
            b.price,
            _("oui") if b.needs_pickup else "",
            b.pickup_address,
            b.created_at,
            b.made_by.email if b.made_by else "",
            b.member.member_profile.get_preferred_channel_display() if hasattr(b.member, "member_profile") else "",
        ]
        for b in bookings
    ]
    return table_response(
        f"seance-{session.pk}-inscriptions", header, rows, fmt=request.GET.get("format"), title=_("Inscriptions")
    )


@staff_view
@_perm("cancel_session")
def cancel_session(request, pk):
    session = _session(pk)
    if request.method == "POST":
        count = services.cancel_session(session, by=request.user, reason=request.POST.get("reason", ""))
        messages.success(request, _("Séance annulée ; %(count)d personne(s) prévenue(s).") % {"count": count})
        return redirect("activities_staff:session_bookings", pk=pk)
    return render(
        request,
        "activities/admin/cancel_session.html",
        {"session": session, "when": when_in_words(session.start, session.end)},
    )
