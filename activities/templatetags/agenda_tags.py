"""Template helpers of the public calendar and the printable programme."""

import re

from django import template

from core.formatting import time_in_words

register = template.Library()


@register.filter
def session_hours(session):
    """ "10 h – 11 h 30" (the day is in the heading above)."""
    return unbroken_times(f"{time_in_words(session.start)} – {time_in_words(session.end)}")


NBSP = "\u00a0"
_SPLIT_TIMES = (
    (re.compile(r"(\d) h (\d\d)"), rf"\1{NBSP}h{NBSP}\2"),  # "11 h 30" never breaks after "11 h"
    (re.compile(r"(\d) h\b"), rf"\1{NBSP}h"),
    (re.compile(r"(\d) (am|pm)\b"), rf"\1{NBSP}\2"),
)


@register.filter
def unbroken_times(text):
    """Keep each time of "mardi 3 mars, 10 h – 11 h 30" on one line on narrow screens."""
    for pattern, replacement in _SPLIT_TIMES:
        text = pattern.sub(replacement, str(text))
    return text
