"""The partners directory: search by distance from a commune or a postcode, by category and commune, public pages."""

from django.urls import reverse

import pytest

from demo.partners import create_partners
from partners import geo
from partners.models import Offer, PartnerOrganisation
from partners.services import directory

pytestmark = pytest.mark.django_db

WITHIN_5_KM_OF_BEGLES = [
    "Cinéma Le Festival",
    "Boulangerie du Marché",
    "Restaurant Le Comptoir de Bègles",
    "Salon Coiffure & Vous",
    "Épicerie solidaire La Fourmi",
    "Optique des Terres Neuves",
    "Taxi Solidaire Bègles",
    "Banque Coopérative – agence Bègles",
    "Piscine Les Bains",
    "Mutuelle Solidaire Gironde",
    "Marché des Capucins – Primeur Lacoste",
    "Gym Seniors Talence",
    "Audition Conseil Villenave",
    "Point conseil budget de Talence",
    "Institut Bien-Être Floirac",
    "Opticien Mériadeck",
]


def test_within_5_km_of_begles_returns_the_demo_partners_in_the_radius_nearest_first():
    create_partners()
    results, origin = directory.search(near="Bègles", radius_km=5)
    assert origin.code == "33039"
    assert [found.partner.name for found in results] == WITHIN_5_KM_OF_BEGLES
    distances = [found.distance_km for found in results]
    assert distances == sorted(distances) and distances[-1] <= 5


def test_a_postcode_or_an_unaccented_name_finds_the_same_commune():
    assert geo.locate("33130").code == geo.locate("begles").code == geo.locate("BÈGLES 33130").code == "33039"
    assert geo.locate("Bordeaux 33800").code == "33063"
    assert geo.locate("St Médard en Jalles").name == "Saint-Médard-en-Jalles"
    assert geo.locate("Nulle-Part-sur-Rien") is None


def test_every_commune_of_gironde_has_a_point():
    _by_name, by_postcode = geo._communes()
    gironde = {c.code for communes in by_postcode.values() for c in communes if c.code.startswith("33")}
    assert len(gironde) >= 530


def test_distance_search_filters_by_category_and_hides_partners_without_a_signed_convention():
    partners = create_partners()
    PartnerOrganisation.objects.filter(pk=partners[0].pk).update(status=PartnerOrganisation.Status.INVITED)
    results, _origin = directory.search(near="33130", radius_km=5, category="food")
    names = [found.partner.name for found in results]
    assert partners[0].name not in names
    assert names and all(found.partner.category == "food" for found in results)


def test_directory_page_lists_by_category_and_commune_and_by_distance_without_login(client):
    create_partners()
    url = reverse("partners:directory")
    page = client.get(url, {"pres_de": "Bègles", "rayon": 5})
    assert page.status_code == 200
    text = page.content.decode()
    assert "Cinéma Le Festival" in text and "Théâtre de Cenon" not in text and "à 0,1 km" in text
    by_commune = client.get(url, {"commune": "Léognan"}).content.decode()
    assert "Médiathèque de Léognan" in by_commune and "Cinéma Le Festival" not in by_commune
    by_category = client.get(url, {"categorie": "sport"}).content.decode()
    assert "Piscine Les Bains" in by_category and "Cinéma Le Festival" not in by_category
    unknown = client.get(url, {"pres_de": "Atlantide"}).content.decode()
    assert "Nous ne trouvons pas la commune" in unknown


def test_partner_page_shows_published_offers_only(client):
    partner = create_partners()[0]
    Offer.objects.create(partner=partner, title="Brouillon secret", status=Offer.Status.SUBMITTED)
    page = client.get(reverse("partners:partner", args=[partner.slug]))
    assert page.status_code == 200
    assert "10 % sur le pain du jour" in page.content.decode()
    assert "Brouillon secret" not in page.content.decode()
    english = client.get(f"/en/partenaires/{partner.slug}/")
    assert english.status_code == 200


def test_the_site_search_finds_partners_with_a_signed_convention_only(client, home_fr):
    partners = create_partners()
    PartnerOrganisation.objects.filter(name="Piscine Les Bains").update(status=PartnerOrganisation.Status.ENDED)
    page = client.get("/fr/recherche/", {"q": "piscine"}).content.decode()
    assert "Piscine Les Bains" not in page
    page = client.get("/fr/recherche/", {"q": "boulangerie"}).content.decode()
    assert "Boulangerie du Marché" in page and f"/fr/partenaires/{partners[0].slug}/" in page
