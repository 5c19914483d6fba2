"""Public calendar, iCal feeds and the member's booking screens (thin: services do the work)."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from activities import agenda, people, services
from activities.exceptions import BookingError
from activities.filters import SessionFilter
from activities.forms import BookingForm
from activities.models import Booking, CycleBooking, Session
from activities.templatetags.activities_tags import booking_state, money
from core.formatting import month_in_words

PER_PAGE = 40
PUBLIC_CACHE = "public, max-age=300, s-maxage=300"  # the iCal feed: no personal content
MONTH_ERROR = _lazy("Ce mois n'est pas dans l'agenda (exemple de mois valide : 2026-12). Voici le mois en cours.")


def _filter_query(request):
    """The active filters as a query string prefix ("theme=x&"), kept in pagination links."""
    keep = {k: v for k, v in request.GET.items() if k in SessionFilter.base_filters and v}
    return urlencode(keep) + "&" if keep else ""


@login_not_required
def agenda_view(request):
    """/agenda/: a list by day ("Cette semaine", "Semaine prochaine"…) or ?vue=mois&mois=2026-12."""
    view_mode = "mois" if request.GET.get("vue") == "mois" else "liste"
    queryset = agenda.listing_queryset()
    context = {"view_mode": view_mode}
    understood = True
    if view_mode == "mois":
        first_day, understood = agenda.parse_month(request.GET.get("mois"))
        if not understood:
            context["month_error"] = MONTH_ERROR
        start, end, next_month = agenda.month_bounds(first_day)
        filterset = SessionFilter(request.GET, queryset=queryset.filter(start__gte=start, start__lt=end))
        sessions = agenda.attach_localized_activities(filterset.qs)
        previous_month = (first_day - datetime.timedelta(days=1)).replace(day=1)
        context.update(
            days=agenda.group_by_day(sessions),
            month_label=month_in_words(first_day.year, first_day.month),
            month_value=f"{first_day:%Y-%m}",
            previous_month=f"{previous_month:%Y-%m}",
            next_month=f"{next_month:%Y-%m}",
        )
    else:
        filterset = SessionFilter(request.GET, queryset=queryset.upcoming())
        page_obj = Paginator(filterset.qs, PER_PAGE).get_page(request.GET.get("page"))
        sessions = agenda.attach_localized_activities(page_obj.object_list)
        context.update(sections=agenda.group_by_week_and_day(sessions), page_obj=page_obj)
        context["month_value"] = f"{timezone.localdate():%Y-%m}"
    context.update(filter=filterset, sessions=sessions, extra_query=_filter_query(request))
    # Cache-Control comes from the page-cache middleware (max-age=0: a visitor who has just logged in
    # never sees the anonymous copy from their browser cache).
    return render(request, "activities/agenda.html", context, status=200 if understood else 400)


@login_not_required
def programme_view(request):
    """A printable monthly programme (A4, large type) for town-hall notice boards."""
    first_day, understood = agenda.parse_month(request.GET.get("mois"))
    start, end, _next = agenda.month_bounds(first_day)
    filterset = SessionFilter(request.GET, queryset=agenda.listing_queryset().filter(start__gte=start, start__lt=end))
    sessions = agenda.attach_localized_activities(filterset.qs)
    context = {"days": agenda.group_by_day(sessions), "month_label": month_in_words(first_day.year, first_day.month)}
    if not understood:
        context["month_error"] = MONTH_ERROR
    return render(request, "activities/programme.html", context, status=200 if understood else 400)


def _session_or_404(pk):
    return get_object_or_404(
        Session.objects.select_related("place", "activity").with_counts().exclude(activity__live=False), pk=pk
    )


@login_not_required
def session_detail(request, pk, form=None):
    session = agenda.attach_localized_activities([_session_or_404(pk)])[0]
    my_booking = None
    if request.user.is_authenticated:
        my_booking = (
            Booking.objects.filter(session=session, member=request.user)
            .exclude(status=Booking.Status.CANCELLED)
            .first()
        )
    context = {
        "session": session,
        "activity": session.display_activity,
        "form": form or BookingForm(session=session),
        "my_booking": my_booking,
        "is_open": session.is_open_for_booking(),
        "state": booking_state(session),
    }
    return render(request, "activities/session_detail.html", context)


@login_not_required
def session_ics(request, pk):
    session = agenda.attach_localized_activities([_session_or_404(pk)])[0]
    body = agenda.ical_calendar([session], request, name=session.display_activity.title)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="seance-{session.pk}.ics"'
    return response


@login_not_required
def agenda_ics(request):
    """The public feed of upcoming sessions; ?theme=<slug> keeps one theme."""
    filterset = SessionFilter(request.GET, queryset=agenda.listing_queryset().upcoming())
    sessions = agenda.attach_localized_activities(filterset.qs[:1000])
    body = agenda.ical_calendar(sessions, request, name=_("Agenda des activités"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="agenda.ics"'
    response["Cache-Control"] = PUBLIC_CACHE
    return response


@never_cache
@login_required
@require_POST
def book_view(request, pk):
    session = _session_or_404(pk)
    form = BookingForm(request.POST, session=session)
    if not form.is_valid():
        return session_detail(request, pk, form=form)
    try:
        booked = services.book_for(
            session,
            request.user,
            by=request.user,
            needs_pickup=form.cleaned_data.get("needs_pickup", False),
            pickup_address=form.cleaned_data.get("pickup_address", ""),
        )
    except BookingError as error:
        # Re-show the same form with what the person typed: nothing is lost.
        messages.error(request, error.message)
        return session_detail(request, pk, form=form)
    booking = booked
    if isinstance(booked, CycleBooking):  # show this session's booking of the cycle, else its first one
        booking = booked.bookings.filter(session=session).first() or booked.bookings.order_by("session__start").first()
    if booking.status == Booking.Status.WAITLISTED:
        messages.warning(request, _("La séance est complète : vous êtes sur la liste d'attente."))
    else:
        messages.success(request, _("Votre inscription est confirmée."))
    return redirect("activities:booking_detail", pk=booking.pk)


def _own_booking_or_404(request, pk):
    """Object check: a member only ever sees or changes their own bookings."""
    return get_object_or_404(
        Booking.objects.select_related("session__place", "session__activity", "cycle_booking"),
        pk=pk,
        member=request.user,
    )


@never_cache
@login_required
def booking_detail(request, pk):
    booking = _own_booking_or_404(request, pk)
    session = agenda.attach_localized_activities([booking.session])[0]
    return render(request, "activities/booking_detail.html", {"booking": booking, "session": session})


@never_cache
@login_required
def my_bookings(request):
    now = timezone.now()
    bookings = list(
        Booking.objects.filter(member=request.user)
        .exclude(status=Booking.Status.CANCELLED, session__start__lt=now)
        .select_related("session__place", "session__activity", "made_by")
        .order_by("session__start")
    )
    sessions = agenda.attach_localized_activities([b.session for b in bookings])
    for booking, session in zip(bookings, sessions, strict=True):
        booking.session = session
    upcoming = [b for b in bookings if b.session.start >= now]
    # Most recent first, whatever the order above (the list spans years: each line shows its year).
    past = sorted((b for b in bookings if b.session.start < now), key=lambda b: (b.session.start, b.pk), reverse=True)
    # Cycles still to come, titled in the active language like their sessions (no query per cycle).
    cycles = list(
        CycleBooking.objects.filter(
            member=request.user, status=CycleBooking.Status.CONFIRMED, bookings__session__start__gt=now
        )
        .select_related("activity")
        .distinct()
        .order_by("created_at", "pk")
    )
    titles = {b.cycle_booking_id: b.session.display_activity for b in bookings if b.cycle_booking_id}
    for cycle in cycles:
        cycle.display_activity = titles.get(cycle.pk, cycle.activity)
    return render(request, "activities/my_bookings.html", {"upcoming": upcoming, "past": past, "cycles": cycles})


def _act_on_own_booking(request, pk, action, success, then):
    """Run a member's own booking action; a refusal comes back as a message on the booking page."""
    booking = _own_booking_or_404(request, pk)
    try:
        action(booking, by=request.user)
    except BookingError as error:
        messages.error(request, error.message)
        return redirect("activities:booking_detail", pk=booking.pk)
    messages.success(request, success)
    return redirect(then, pk=booking.pk) if then == "activities:booking_detail" else redirect(then)


@never_cache
@login_required
def cancel_view(request, pk):
    """Cancel one's booking: a page that says what will happen to the seat and the money, then a
    button (works without JavaScript); afterwards the message says what happened to the money."""
    booking = _own_booking_or_404(request, pk)
    if booking.cycle_booking_id and booking.cycle_booking.status == CycleBooking.Status.CONFIRMED:
        return redirect("activities:cancel_cycle", pk=booking.cycle_booking_id)
    if request.method == "POST":
        try:
            booking = services.cancel_booking(booking, by=request.user)
        except BookingError as error:
            messages.error(request, error.message)
            return redirect("activities:booking_detail", pk=booking.pk)
        messages.success(request, _("Votre inscription est annulée."))
        credit = people.credit_given_for(booking)
        if credit:
            messages.info(
                request,
                _("%(amount)s ont été ajoutés à votre avoir : ils serviront à payer une prochaine inscription.")
                % {"amount": money(credit)},
            )
        elif booking.price:
            messages.info(request, _("Vous n'avez rien à payer pour cette séance."))
        return redirect("activities:my_bookings")
    session = agenda.attach_localized_activities([booking.session])[0]
    context = {
        "booking": booking,
        "session": session,
        "cancellable": booking.is_active,
        "too_late": booking.status != Booking.Status.OFFERED and timezone.now() >= session.cancellable_until,
        "money": people.money_on_cancel(booking),
    }
    return render(request, "activities/cancel_booking.html", context)


@never_cache
@login_required
@require_POST
def accept_offer_view(request, pk):
    """One click keeps the seat offered after a promotion from the waitlist."""
    return _act_on_own_booking(
        request, pk, services.accept_offer, _("Votre place est confirmée. À bientôt !"), "activities:booking_detail"
    )


@never_cache
@login_required
@require_POST
def decline_offer_view(request, pk):
    """Free the offered seat at once for the next person waiting."""
    return _act_on_own_booking(
        request,
        pk,
        services.decline_offer,
        _("Merci : la place est proposée à la personne suivante."),
        "activities:my_bookings",
    )


@never_cache
@login_required
def cancel_cycle_view(request, pk):
    """Cancel one's whole cycle: a page that says what will happen (sessions, money), then a button."""
    cycle = get_object_or_404(CycleBooking.objects.select_related("activity"), pk=pk, member=request.user)
    if request.method == "POST":
        try:
            cycle = services.cancel_cycle(cycle, by=request.user)
        except BookingError as error:
            messages.error(request, error.message)
            return redirect("activities:cancel_cycle", pk=cycle.pk)
        messages.success(request, _("Votre inscription au cycle est annulée."))
        if cycle.amount_returned:
            messages.info(
                request,
                _("%(amount)s ont été ajoutés à votre avoir : ils serviront à payer une prochaine inscription.")
                % {"amount": money(cycle.amount_returned)},
            )
        return redirect("activities:my_bookings")
    now = timezone.now()
    bookings = list(
        cycle.bookings.select_related("session__place", "session__activity").order_by("session__start", "pk")
    )
    sessions = agenda.attach_localized_activities([b.session for b in bookings])
    for booking, session in zip(bookings, sessions, strict=True):
        booking.session = session
    first = sessions[0] if sessions else None
    context = {
        "cycle": cycle,
        "activity": first.display_activity if first else cycle.activity,
        "to_cancel": [b.session for b in bookings if b.is_active and b.session.start > now],
        "kept": [b for b in bookings if b.session.start <= now],
        "cancelled": cycle.status == CycleBooking.Status.CANCELLED,
        "too_late": first is not None and now >= first.cancellable_until,
        "amount": services.cycle_return_preview(cycle, now=now),
    }
    return render(request, "activities/cancel_cycle.html", context)
