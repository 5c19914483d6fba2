"""The public directory: partners by category and commune, and by distance from a commune or a postcode."""

from dataclasses import dataclass

from django.db.models import Prefetch

from partners import geo
from partners.models import Offer, PartnerOrganisation

RADIUS_CHOICES = (2, 5, 10, 20, 50)
DEFAULT_RADIUS_KM = 10


@dataclass
class Found:
    partner: PartnerOrganisation
    distance_km: float | None = None


def public_partners():
    return PartnerOrganisation.objects.public().prefetch_related(
        Prefetch("offers", queryset=Offer.objects.published(), to_attr="live_offers")
    )


def within(queryset, lat, lon, radius_km):
    """Partners of `queryset` within radius_km of a point, nearest first: a bounding box in SQL (the partner_point
    index), then the exact great-circle distance in Python. Works the same on SQLite and PostgreSQL."""
    min_lat, max_lat, min_lon, max_lon = geo.bounding_box(lat, lon, radius_km)
    candidates = queryset.filter(
        latitude__gte=min_lat, latitude__lte=max_lat, longitude__gte=min_lon, longitude__lte=max_lon
    )
    found = []
    for partner in candidates:
        distance = geo.haversine_km(lat, lon, partner.latitude, partner.longitude)
        if distance <= radius_km:
            found.append((distance, partner.name, Found(partner, round(distance, 1))))
    found.sort(key=lambda item: item[:2])
    return [item[2] for item in found]


def search(*, category="", commune="", near="", radius_km=DEFAULT_RADIUS_KM):
    """(results, origin commune or None). `near` is a commune name or a postcode; without it, by name."""
    queryset = public_partners()
    if category:
        queryset = queryset.filter(category=category)
    if commune:
        queryset = queryset.filter(commune__iexact=commune)
    if near:
        origin = geo.locate(near)
        if origin is None:
            return [], None
        return within(queryset, origin.lat, origin.lon, radius_km), origin
    return [Found(partner) for partner in queryset.order_by("commune", "name")], None


def communes_with_partners():
    return list(PartnerOrganisation.objects.public().order_by("commune").values_list("commune", flat=True).distinct())
