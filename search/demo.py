"""Demo data for search and performance: a promoted search, and image renditions made ahead of time.

Called by `seed_demo` when "search" is in its DEMO_APPS; safe to run again.
"""

from django.utils.translation import gettext as _

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.images import get_image_model

from activities.models import ActivityPage

# Every filter spec the public templates ask for (home, news, activity pages, StreamField images).
# Generating them now means the first visitor after a deploy does not pay for image resizing.
RENDITION_SPECS = [
    "width-800",
    *(
        f"format-{fmt}|{size}"  # the order {% picture %} writes them in (Filter.expand_spec)
        for fmt in ("webp", "jpeg")
        for size in ("fill-480x320", "fill-960x640", "fill-1440x960", "width-480", "width-960", "width-1440")
    ),
]


def pregenerate_renditions(images=None):
    """Create the renditions of every image (or of `images`) for all RENDITION_SPECS; returns how many exist."""
    images = images if images is not None else get_image_model().objects.all()
    count = 0
    for image in images:
        count += len(image.get_renditions(*RENDITION_SPECS))
    return count


def seed(*, stdout):
    activity = ActivityPage.objects.live().filter(locale__language_code="fr").order_by("path").first()
    if activity is not None:
        query = Query.get("atelier")
        SearchPromotion.objects.get_or_create(
            query=query, page=activity, defaults={"description": _("Notre atelier le plus demandé."), "sort_order": 0}
        )
    stdout.write(f"  {pregenerate_renditions()} déclinaisons d'images prêtes.")
