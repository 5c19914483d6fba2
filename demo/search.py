"""Demo data for search and performance: a promoted search, and image renditions made ahead of time."""

from django.utils.translation import gettext as _

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from activities.models import ActivityPage
from search.renditions import pregenerate_renditions


def seed(*, stdout):
    """Promote the first activity on the search "atelier" and pre-generate the renditions; safe to run again."""
    activity = ActivityPage.objects.live().filter(locale__language_code="fr").order_by("path").first()
    if activity is not None:
        query = Query.get("atelier")
        SearchPromotion.objects.get_or_create(
            query=query, page=activity, defaults={"description": _("Notre atelier le plus demandé."), "sort_order": 0}
        )
    stdout.write(f"  {pregenerate_renditions()} déclinaisons d'images prêtes.")
