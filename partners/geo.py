"""Where a commune or a postcode is, and how far apart two points are, with no call to a geocoding service.

data/communes.csv.gz holds one point per French commune (INSEE's list of communes and postcodes, GeoNames
points; data/build_communes.py says how it is built). Distances are great-circle (haversine) distances.
"""

import csv
import gzip
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "communes.csv.gz"
EARTH_RADIUS_KM = 6371.0088
KM_PER_DEGREE_LATITUDE = 111.2
POSTCODE = re.compile(r"^\d[0-9AB]\d{3}$")


@dataclass(frozen=True)
class Commune:
    code: str
    name: str
    postcodes: tuple
    lat: float
    lon: float
    approximate: bool

    @property
    def label(self):
        return f"{self.name} ({self.postcodes[0]})" if self.postcodes else self.name


def normalise(text):
    """Lower case, no accents, hyphens and apostrophes as spaces, "saint" for "st": "St-Médard" = "saint medard"."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"\bste\b", "sainte", re.sub(r"\bst\b", "saint", text))


@cache
def _communes():
    by_name, by_postcode = {}, {}
    with gzip.open(DATA, "rt", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            commune = Commune(
                row["code"],
                row["name"],
                tuple(row["postcodes"].split()),
                float(row["lat"]),
                float(row["lon"]),
                row["approximate"] == "1",
            )
            by_name.setdefault(normalise(commune.name), []).append(commune)
            for postcode in commune.postcodes:
                by_postcode.setdefault(postcode, []).append(commune)
    return by_name, by_postcode


def find_communes(text):
    """The communes a visitor may mean by "Bègles", "33130" or "Bègles 33130", the most likely first."""
    by_name, by_postcode = _communes()
    text = (text or "").strip()[:100]
    postcode = next((part for part in text.split() if POSTCODE.match(part)), None)
    name = normalise(POSTCODE.sub("", " ".join(p for p in text.split() if p != postcode)))
    if postcode:
        found = by_postcode.get(postcode, [])
        if name:
            found = [c for c in found if normalise(c.name) == name] or found
        return sorted(found, key=lambda c: (c.approximate, c.name))
    return sorted(by_name.get(name, []), key=lambda c: (c.approximate, c.code))


def locate(text):
    """The best commune for a visitor's text, or None."""
    found = find_communes(text)
    return found[0] if found else None


def haversine_km(lat1, lon1, lat2, lon2):
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


def bounding_box(lat, lon, radius_km):
    """(min_lat, max_lat, min_lon, max_lon) around a point: a cheap SQL prefilter before haversine."""
    dlat = radius_km / KM_PER_DEGREE_LATITUDE
    dlon = radius_km / (KM_PER_DEGREE_LATITUDE * max(0.01, math.cos(math.radians(lat))))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon
