"""Image renditions made ahead of time, so the first visitor after a deploy or an import does not pay for
image resizing (`seed_demo` calls it; call it too after importing images)."""

from wagtail.images import get_image_model

# Every filter spec the public templates ask for (home, news, activity pages, StreamField images).
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
