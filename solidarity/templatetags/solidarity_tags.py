"""How a request's time and the people in it are written on a page."""

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _

from core.formatting import when_in_words
from solidarity.services.visibility import first_name_only

register = template.Library()


@register.filter
def help_when(help_request):
    """ "jeudi 4 décembre, 14 h 30 (chaque semaine, 6 fois)"."""
    text = when_in_words(timezone.localtime(help_request.starts_at))
    if help_request.is_recurring:
        text += " " + _("(chaque semaine, %(weeks)s fois)") % {"weeks": help_request.weeks}
    return text


@register.filter
def first_name(user):
    """A person's first name only: what the other side sees before acceptance."""
    return first_name_only(user) if user is not None else _("Une personne")
