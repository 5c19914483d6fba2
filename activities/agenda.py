"""Calendar building blocks: the session listing query, localisation of titles, grouping, iCal."""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Locale

import icalendar

from activities.models import ActivityPage, Session
from core import bounds
from core.formatting import date_in_words, time_in_words, when_in_words


def listing_queryset():
    """Sessions of live activities, with seat counts, place and activity in one query. Cancelled
    sessions stay listed (marked "Annulée", without booking offer): a session that silently vanishes
    leaves people wondering whether they misread the programme. Seats come from the `seats_taken`
    counter (activities/seats.py): no count of bookings."""
    return (
        Session.objects.filter(activity__live=True)
        .select_related("place", "activity")
        .defer("activity__body")
        .order_by("start", "pk")
    )


def attach_localized_activities(sessions):
    """Set `session.display_activity` to the activity page in the active language (one query for
    all sessions; falls back to the French source page when a translation is missing)."""
    sessions = list(sessions)
    locale = Locale.get_active()
    translations = {}
    if sessions and locale.pk != sessions[0].activity.locale_id:
        keys = {s.activity.translation_key for s in sessions}
        translations = {
            page.translation_key: page
            for page in ActivityPage.objects.live().filter(translation_key__in=keys, locale=locale).defer_streamfields()
        }
    for session in sessions:
        session.display_activity = translations.get(session.activity.translation_key, session.activity)
    return sessions


def week_start(day):
    return day - datetime.timedelta(days=day.weekday())


def group_by_week_and_day(sessions, today=None):
    """[(section label, [(day label, [sessions])])]: "Cette semaine", "Semaine prochaine", then by month."""
    today = today or timezone.localdate()
    this_week = week_start(today)
    next_week = this_week + datetime.timedelta(days=7)
    sections = []
    for session in sessions:
        day = timezone.localtime(session.start).date()
        if week_start(day) == this_week:
            label = _("Cette semaine")
        elif week_start(day) == next_week:
            label = _("Semaine prochaine")
        else:
            label = _("Plus tard")
        if not sections or sections[-1][0] != label:
            sections.append((label, []))
        days = sections[-1][1]
        day_label = date_in_words(day)
        if not days or days[-1][0] != day_label:
            days.append((day_label, []))
        days[-1][1].append(session)
    return sections


def group_by_day(sessions):
    days = []
    for session in sessions:
        label = date_in_words(timezone.localtime(session.start).date())
        if not days or days[-1][0] != label:
            days.append((label, []))
        days[-1][1].append(session)
    return days


def parse_month(value, today=None):
    """The month asked for in ?mois= as (first day, understood). "2026-12" → (date(2026, 12, 1), True);
    no value → (this month, True); anything else, or a year outside core.bounds → (this month, False)."""
    today = today or timezone.localdate()
    if not value:
        return today.replace(day=1), True
    first_day = bounds.parse_month(value)
    return (first_day, True) if first_day else (today.replace(day=1), False)


def month_bounds(first_day):
    next_month = (first_day + datetime.timedelta(days=32)).replace(day=1)
    tz = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.datetime.combine(first_day, datetime.time.min), tz)
    end = timezone.make_aware(datetime.datetime.combine(next_month, datetime.time.min), tz)
    return start, end, next_month


# --- iCal ---------------------------------------------------------------------------------------


def _uid(session):
    host = settings.WAGTAILADMIN_BASE_URL.split("://")[-1].split("/")[0].split(":")[0] or "escale"
    return f"session-{session.pk}@{host}"


def ical_event(session, request):
    activity = getattr(session, "display_activity", session.activity)
    place = session.place
    event = icalendar.Event()
    event.add("uid", _uid(session))
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    event.add("last-modified", session.updated_at.astimezone(datetime.UTC))
    event.add("dtstart", session.start.astimezone(datetime.UTC))
    event.add("dtend", session.end.astimezone(datetime.UTC))
    event.add("summary", activity.title)
    event.add("location", f"{place.name}, {place.full_address}")
    event.add("description", activity.summary)
    event.add("url", request.build_absolute_uri(session_url(session)))
    event.add("status", "CANCELLED" if session.status == Session.Status.CANCELLED else "CONFIRMED")
    if place.latitude is not None and place.longitude is not None:
        event.add("geo", (float(place.latitude), float(place.longitude)))
    return event


def ical_calendar(sessions, request, *, name):
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Escale//Agenda//FR")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    for session in sessions:
        cal.add_component(ical_event(session, request))
    return cal.to_ical()


def session_url(session):
    from django.urls import reverse

    return reverse("activities:session_detail", args=[session.pk])


__all__ = ["time_in_words", "when_in_words"]
