"""Series: sessions generated from a recurrence rule (every Tuesday for ten weeks, the first Monday
of each month), each then edited on its own."""

import calendar
import datetime

from django.db import transaction
from django.utils import timezone

from activities.models import Session
from core.audit import log_action


def _nth_weekday(year, month, weekday, nth):
    """Date of the nth (1-based; 5 = last) `weekday` of a month."""
    days = [d for d in calendar.Calendar().itermonthdates(year, month) if d.month == month and d.weekday() == weekday]
    return days[min(nth, len(days)) - 1]


def series_dates(first_date, *, count, frequency="weekly", interval=1, skip_dates=()):
    """The dates of a recurrence rule: `count` occurrences every `interval` weeks ("weekly") or on
    the same nth weekday every `interval` months ("monthly"); dates in `skip_dates` are dropped
    (a skipped holiday is not replaced)."""
    skip = set(skip_dates)
    dates = []
    if frequency == "weekly":
        candidates = [first_date + datetime.timedelta(weeks=interval * i) for i in range(count)]
    elif frequency == "monthly":
        nth = (first_date.day - 1) // 7 + 1
        candidates = []
        for i in range(count):
            month_index = first_date.month - 1 + interval * i
            year, month = first_date.year + month_index // 12, month_index % 12 + 1
            candidates.append(_nth_weekday(year, month, first_date.weekday(), nth))
    else:
        raise ValueError(f"Unknown frequency: {frequency}")
    dates = [d for d in candidates if d not in skip]
    return dates


def series_start_end(day, first_start, duration):
    """Start and end on `day` at the wall-clock time of `first_start` (Europe/Paris), so a
    10:00 session stays at 10:00 across daylight-saving changes."""
    wall_time = timezone.localtime(first_start).time().replace(tzinfo=None)
    start = timezone.make_aware(datetime.datetime.combine(day, wall_time), timezone.get_current_timezone())
    return start, start + duration


def generate_series(
    activity,
    *,
    first_start,
    duration,
    count,
    place,
    frequency="weekly",
    interval=1,
    skip_dates=(),
    capacity=None,
    min_participants=None,
    pickup_seats=0,
    by=None,
):
    """Create independent sessions from a rule (e.g. every Tuesday 10:00–11:30 for 10 weeks,
    skipping holidays); each is then edited on its own. Times keep the same wall-clock hour in
    Europe/Paris across daylight-saving changes. Returns the created sessions."""
    source = activity.source_page()
    local_start = timezone.localtime(first_start)
    sessions = []
    with transaction.atomic():
        for day in series_dates(
            local_start.date(), count=count, frequency=frequency, interval=interval, skip_dates=skip_dates
        ):
            start, end = series_start_end(day, first_start, duration)
            sessions.append(
                Session.objects.create(
                    activity=source,
                    start=start,
                    end=end,
                    place=place,
                    capacity=capacity if capacity is not None else source.default_capacity,
                    min_participants=min_participants if min_participants is not None else source.min_participants,
                    pickup_seats=pickup_seats,
                )
            )
        log_action(source, "escale.session.series_created", actor=by, data={"sessions": [s.pk for s in sessions]})
    return sessions
