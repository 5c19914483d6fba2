"""Dates in words for people ("mardi 3 mars, 10 h – 11 h 30"), in French or English."""

from django.utils import timezone, translation
from django.utils.translation import gettext as _

FR_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
FR_MONTHS = [
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
]  # fmt: skip
EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
EN_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip


def _lang(lang):
    return (lang or translation.get_language() or "fr")[:2]


def time_in_words(value, lang=None):
    """French "10 h", "11 h 30"; English "10:00 am", "2:30 pm"."""
    value = timezone.localtime(value) if timezone.is_aware(value) else value
    if _lang(lang) == "fr":
        return f"{value.hour} h" if value.minute == 0 else f"{value.hour} h {value.minute:02d}"
    hour12 = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour12}:{value.minute:02d} {suffix}"


def date_in_words(value, lang=None, *, with_year=False):
    """French "mardi 3 mars" ("1er" on the first); English "Tuesday 3 March"."""
    if hasattr(value, "hour") and timezone.is_aware(value):
        value = timezone.localtime(value)
    if _lang(lang) == "fr":
        day = "1er" if value.day == 1 else str(value.day)
        text = f"{FR_DAYS[value.weekday()]} {day} {FR_MONTHS[value.month - 1]}"
    else:
        text = f"{EN_DAYS[value.weekday()]} {value.day} {EN_MONTHS[value.month - 1]}"
    return f"{text} {value.year}" if with_year else text


def month_in_words(year, month, lang=None):
    names = FR_MONTHS if _lang(lang) == "fr" else EN_MONTHS
    return f"{names[month - 1]} {year}"


def when_in_words(start, end=None, lang=None, *, with_year=False):
    """ "mardi 3 mars, 10 h – 11 h 30" / "Tuesday 3 March, 10:00 am – 11:30 am".
    An end on another day is written in full."""
    text = f"{date_in_words(start, lang, with_year=with_year)}, {time_in_words(start, lang)}"
    if end is None:
        return text
    if timezone.localtime(end).date() != timezone.localtime(start).date():
        return f"{text} – {date_in_words(end, lang, with_year=with_year)}, {time_in_words(end, lang)}"
    return f"{text} – {time_in_words(end, lang)}"


def deadline_in_words(value, lang=None):
    """ "mardi 3 mars à 10 h" (e.g. until when an offered seat is kept)."""
    return _("%(date)s à %(time)s") % {"date": date_in_words(value, lang), "time": time_in_words(value, lang)}
