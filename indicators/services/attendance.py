"""Sessions, bookings, attendance, waiting lists and participants."""

from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.models import Booking, Session
from indicators.services.periods import ATTENDED, HELD_SEAT_STATUSES, NO_SHOW, WAITLISTED, percent


def sessions_in(period):
    start, end = period.bounds()
    return Session.objects.filter(start__gte=start, start__lt=end)


def held_sessions(period, now=None):
    """Sessions of the period that took place: not cancelled, already started."""
    return sessions_in(period).exclude(status=Session.Status.CANCELLED).filter(start__lte=now or timezone.now())


def attendance_figures(period, now=None):
    """Held sessions, their capacity and seats; fill rate = held seats / capacity; no-show rate =
    absent / (present + absent)."""
    held = held_sessions(period, now)
    sessions = held.aggregate(count=Count("pk"), capacity=Coalesce(Sum("capacity"), 0))
    bookings = Booking.objects.filter(session__in=held).aggregate(
        seats=Count("pk", filter=Q(status__in=HELD_SEAT_STATUSES)),
        attended=Count("pk", filter=Q(status=ATTENDED)),
        no_show=Count("pk", filter=Q(status=NO_SHOW)),
    )
    return {
        "sessions": sessions["count"],
        "capacity": sessions["capacity"],
        "seats": bookings["seats"],
        "attended": bookings["attended"],
        "no_show": bookings["no_show"],
        "fill_rate": percent(bookings["seats"], sessions["capacity"]),
        "no_show_rate": percent(bookings["no_show"], bookings["attended"] + bookings["no_show"]),
    }


def _waitlist_requests(period):
    """Bookings of the period's sessions that went through the waitlist (still waiting, or promoted later)."""
    return Booking.objects.filter(session__in=sessions_in(period)).filter(
        Q(status=WAITLISTED) | Q(promoted_at__isnull=False)
    )


def waitlist_by_activity(period):
    """[{label, requests, promoted}] per activity, most requested first."""
    rows = (
        _waitlist_requests(period)
        .values("session__activity_id", "session__activity__title")
        .annotate(requests=Count("pk"), promoted=Count("pk", filter=Q(promoted_at__isnull=False)))
        .order_by("-requests", "session__activity__title")
    )
    return [
        {"label": row["session__activity__title"], "requests": row["requests"], "promoted": row["promoted"]}
        for row in rows
    ]


def waitlist_by_theme(period):
    """[{label, requests, promoted}] per theme (an activity with two themes counts in both)."""
    rows = (
        _waitlist_requests(period)
        .values("session__activity__themes__name")
        .annotate(
            requests=Count("pk", distinct=True),
            promoted=Count("pk", filter=Q(promoted_at__isnull=False), distinct=True),
        )
        .order_by("-requests", "session__activity__themes__name")
    )
    return [
        {
            "label": row["session__activity__themes__name"] or _("Sans thème"),
            "requests": row["requests"],
            "promoted": row["promoted"],
        }
        for row in rows
    ]


def participant_figures(period, now=None):
    """People present at least once in the period: first-timers (never present before the period)
    and returning people (present at least once before it)."""
    start, _end = period.bounds()
    came_before = Booking.objects.filter(member=OuterRef("member"), status=ATTENDED, session__start__lt=start)
    row = (
        Booking.objects.filter(status=ATTENDED, session__in=held_sessions(period, now))
        .annotate(came_before=Exists(came_before))
        .aggregate(
            people=Count("member", distinct=True),
            returning=Count("member", distinct=True, filter=Q(came_before=True)),
            visits=Count("pk"),
        )
    )
    return {
        "people": row["people"],
        "first_time": row["people"] - row["returning"],
        "returning": row["returning"],
        "visits": row["visits"],
        "returning_share": percent(row["returning"], row["people"]),
    }


def itinerant_by_commune(period, now=None):
    """[{label, sessions, participants}] for held sessions at a stop of the itinerant bus, per commune."""
    rows = (
        held_sessions(period, now)
        .filter(place__is_bus_stop=True)
        .values("place__commune")
        .annotate(
            sessions=Count("pk", distinct=True),
            participants=Count("bookings", filter=Q(bookings__status=ATTENDED)),
        )
        .order_by("place__commune")
    )
    return [
        {"label": row["place__commune"], "sessions": row["sessions"], "participants": row["participants"]}
        for row in rows
    ]
