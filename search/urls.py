"""Search URLs, included inside i18n_patterns: /fr/recherche/, /en/search/."""

from django.urls import path
from django.utils.functional import lazy
from django.utils.translation import get_language

from search import views

app_name = "search"

# The address is part of the printed material ("tapez escale.fr/fr/recherche/"): fixed per language here
# rather than left to a translation catalogue. Django re-reads a lazy route for each active language.
SEARCH_ROUTES = {"fr": "recherche/", "en": "search/"}


def _route(suffix=""):
    return lazy(lambda: SEARCH_ROUTES.get((get_language() or "fr")[:2], SEARCH_ROUTES["fr"]) + suffix, str)()


urlpatterns = [
    path(_route(), views.search_view, name="search"),
    path(_route("suggestions/"), views.suggestions_view, name="suggestions"),
]
