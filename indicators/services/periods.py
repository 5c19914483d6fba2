"""Periods (month, year, the previous one of equal length) and the small helpers every figure uses."""

import calendar
import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import DecimalField, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from activities.models import SEAT_STATUSES, Booking
from core.exports import Percent
from core.money import ZERO

RENEWAL_HORIZON_DAYS = 30
ATTENDED = Booking.Status.ATTENDED
NO_SHOW = Booking.Status.NO_SHOW
WAITLISTED = Booking.Status.WAITLISTED
# A seat is held by a confirmed, offered (from the waitlist), attended or absent booking.
HELD_SEAT_STATUSES = SEAT_STATUSES


@dataclass(frozen=True)
class Period:
    """Dates from `start` to `end`, both included (local dates, Europe/Paris)."""

    start: datetime.date
    end: datetime.date

    @property
    def days(self):
        return (self.end - self.start).days + 1

    def is_whole_months(self):
        """True when the period runs from the first day of a month to the last day of a month."""
        after = self.end + datetime.timedelta(days=1)
        return self.start.day == 1 and after.day == 1

    def previous(self):
        """The period just before this one: the same number of calendar months for whole months (December
        is compared with November, a year with the year before), else the same number of days."""
        end = self.start - datetime.timedelta(days=1)
        if self.is_whole_months():
            months = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1
            index = self.start.year * 12 + self.start.month - 1 - months
            return Period(datetime.date(index // 12, index % 12 + 1, 1), end)
        return Period(end - datetime.timedelta(days=self.days - 1), end)

    def bounds(self):
        """Aware datetimes [from, to) covering the dates."""
        tz = timezone.get_current_timezone()
        start = datetime.datetime.combine(self.start, datetime.time.min, tzinfo=tz)
        end = datetime.datetime.combine(self.end + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz)
        return start, end


def this_month(today=None):
    today = today or timezone.localdate()
    last = calendar.monthrange(today.year, today.month)[1]
    return Period(today.replace(day=1), today.replace(day=last))


def this_year(today=None):
    today = today or timezone.localdate()
    return year_period(today.year)


def year_period(year):
    return Period(datetime.date(year, 1, 1), datetime.date(year, 12, 31))


def percent(part, whole):
    """part / whole in percent with one decimal (a Percent, so exports write it as one), None when whole is 0."""
    if not whole:
        return None
    return Percent((Decimal(100) * part / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _money_sum(field, **options):
    return Coalesce(Sum(field, **options), Value(ZERO), output_field=DecimalField(max_digits=12, decimal_places=2))
