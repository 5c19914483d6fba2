"""The base of every app's domain errors: a rule was broken, with a message a person can read."""

from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    """`message` is translated and safe to show; subclasses set `default_message`."""

    default_message = _("Cette opération n'est pas possible.")

    def __init__(self, message=None):
        self.message = message or self.default_message
        super().__init__(str(self.message))
