"""Bounds for what people (and robots) type in URLs and forms: dates, months, periods, text.

Outside them a page answers with a clear message (a form error, or a 400 page), never a 500:
date arithmetic overflows at years 1 and 9999, PostgreSQL refuses NUL characters, and an
unbounded period makes the indicators count row by row for centuries.
"""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

EARLIEST_YEAR = 2000
LATEST_YEAR = 2100
MAX_PERIOD_DAYS = 366 * 5
MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{1,2})$")


def year_in_range(year):
    return EARLIEST_YEAR <= year <= LATEST_YEAR


def validate_date_in_range(value):
    if not year_in_range(value.year):
        raise ValidationError(
            _("Choisissez une date entre l'an %(earliest)s et l'an %(latest)s."),
            code="out_of_range",
            params={"earliest": EARLIEST_YEAR, "latest": LATEST_YEAR},
        )


class BoundedDateField(forms.DateField):
    """A date between EARLIEST_YEAR and LATEST_YEAR (years 1 or 9999 break date arithmetic)."""

    default_validators = [validate_date_in_range]


def validate_period(start, end, *, max_days=MAX_PERIOD_DAYS):
    """A period that runs forward and lasts at most five years (the indicators count every day of it)."""
    if end < start:
        raise ValidationError(_("La date de fin doit être après la date de début."), code="reversed")
    if (end - start).days > max_days:
        raise ValidationError(_("Choisissez une période de cinq ans au plus."), code="too_long")


def parse_month(value):
    """ "2026-12" → date(2026, 12, 1); None for anything else or a year out of bounds."""
    match = MONTH_PATTERN.match(value or "")
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not year_in_range(year) or not 1 <= month <= 12:
        return None
    return datetime.date(year, month, 1)


def parse_date(value):
    """An ISO date within bounds, or None."""
    try:
        day = datetime.date.fromisoformat(value or "")
    except ValueError:
        return None
    return day if year_in_range(day.year) else None
