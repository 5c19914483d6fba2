"""Phone numbers as people type them: one E.164 form for storage and search (django-phonenumber-field)."""

import re

from django.db.models import Q

import phonenumbers
from phonenumber_field.phonenumber import PhoneNumber

REGION = "FR"
PHONE_LIKE = re.compile(r"^[\d\s.\-+()/]+$")
MIN_DIGITS = 4


def normalise_phone(text):
    """ "05 56 11 22 33", "05.56.11.22.33", "0556112233", "+33 5 56 11 22 33" → "+33556112233";
    "" when the text is not a valid number (it is then kept as typed, but not searchable by number)."""
    text = (text or "").strip()
    if not text:
        return ""
    try:
        number = PhoneNumber.from_string(text, region=REGION)
    except phonenumbers.NumberParseException:
        return ""
    return number.as_e164 if number.is_valid() else ""


def looks_like_phone(text):
    text = (text or "").strip()
    return bool(text) and bool(PHONE_LIKE.match(text)) and sum(c.isdigit() for c in text) >= MIN_DIGITS


def phone_filter(text, field="member_profile__phone_e164"):
    """A Q matching profiles whose number is `text` in any common French spelling, or contains the
    digits typed (a partial number such as "22 33"); None when `text` is not a phone number."""
    if not looks_like_phone(text):
        return None
    full = normalise_phone(text)
    if full:
        return Q(**{field: full})
    digits = re.sub(r"\D", "", text)
    if digits.startswith("0"):
        digits = digits[1:]  # the national trunk 0 is not part of the E.164 form
    return Q(**{f"{field}__contains": digits})
