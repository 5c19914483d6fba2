"""Short operational texts (place names, membership types) kept with an English twin field on the same row."""

from django.conf import settings
from django.utils.translation import get_language


class TranslatedField:
    """Reads `<field>` or, when another site language is active, `<field>_<language>` if it is filled.

    Places and membership types are records that sessions, memberships and payments point at (one row per real
    place, one price per type), not editorial content: a twin field keeps one row, costs no query in a listing
    and falls back to French when nobody wrote the English text."""

    def __init__(self, field):
        self.field = field

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
        if language != settings.LANGUAGE_CODE:
            translated = getattr(instance, f"{self.field}_{language}", "")
            if translated:
                return translated
        return getattr(instance, self.field)
