"""Admin registration for home: the translatable practical-info snippet."""

from wagtail.snippets.models import register_snippet

from home.models import PracticalInfo

register_snippet(PracticalInfo)
