"""Demo partners for `seed_demo`: 22 organisations in the seven categories
around Bègles and Bordeaux, at real-looking points, with their offers and a signed convention."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from partners.models import ConventionAcceptance, ConventionText, Offer, PartnerOrganisation

CONVENTION = (
    "Convention de partenariat avec La Maison Escale.\n\n"
    "1. Le partenaire propose aux membres les offres publiées dans l'annuaire.\n"
    "2. Il vérifie la carte de membre en scannant son QR code ; il ne garde aucune donnée personnelle.\n"
    "3. La convention vaut un an ; elle se renouvelle en ligne."
)
PARTNERS = [
    # name, category, address, postcode, commune, lat, lon, offer, audience
    (
        "Boulangerie du Marché",
        "food",
        "14 rue Calixte Camelle",
        "33130",
        "Bègles",
        44.80862,
        -0.54871,
        "10 % sur le pain du jour",
        "members",
    ),
    (
        "Restaurant Le Comptoir de Bègles",
        "food",
        "2 place du 14 Juillet",
        "33130",
        "Bègles",
        44.80452,
        -0.54661,
        "Menu senior à 12 €",
        "members",
    ),
    (
        "Épicerie solidaire La Fourmi",
        "food",
        "55 cours Victor Hugo",
        "33130",
        "Bègles",
        44.79981,
        -0.55290,
        "Panier de saison livré",
        "all",
    ),
    (
        "Marché des Capucins – Primeur Lacoste",
        "food",
        "Place des Capucins",
        "33800",
        "Bordeaux",
        44.83088,
        -0.56868,
        "Un fruit offert le mardi",
        "all",
    ),
    (
        "Mutuelle Solidaire Gironde",
        "money",
        "8 cours de la Somme",
        "33800",
        "Bordeaux",
        44.82588,
        -0.56949,
        "Bilan de couverture gratuit",
        "members",
    ),
    (
        "Point conseil budget de Talence",
        "money",
        "20 avenue de Thouars",
        "33400",
        "Talence",
        44.79650,
        -0.59360,
        "Rendez-vous budget offert",
        "all",
    ),
    (
        "Banque Coopérative – agence Bègles",
        "money",
        "90 route de Toulouse",
        "33130",
        "Bègles",
        44.81301,
        -0.56244,
        "Atelier « payer sans contact »",
        "members",
    ),
    (
        "Optique des Terres Neuves",
        "hearing_sight",
        "12 rue des Terres Neuves",
        "33130",
        "Bègles",
        44.81550,
        -0.55060,
        "Contrôle de la vue gratuit",
        "members",
    ),
    (
        "Audition Conseil Villenave",
        "hearing_sight",
        "3 avenue Mirieu de Labarre",
        "33140",
        "Villenave-d'Ornon",
        44.77942,
        -0.56231,
        "Test auditif et nettoyage offerts",
        "all",
    ),
    (
        "Opticien Mériadeck",
        "hearing_sight",
        "5 rue Claude Bonnier",
        "33000",
        "Bordeaux",
        44.83810,
        -0.58733,
        "15 % sur la deuxième paire",
        "members",
    ),
    (
        "Salon Coiffure & Vous",
        "wellbeing",
        "40 rue Pierre Curie",
        "33130",
        "Bègles",
        44.80271,
        -0.54457,
        "Coupe à domicile sans supplément",
        "members",
    ),
    (
        "Institut Bien-Être Floirac",
        "wellbeing",
        "1 avenue Pasteur",
        "33270",
        "Floirac",
        44.83560,
        -0.52780,
        "Modelage des mains offert",
        "members",
    ),
    (
        "Pédicure-podologue Gradignan",
        "wellbeing",
        "9 cours du Général de Gaulle",
        "33170",
        "Gradignan",
        44.77250,
        -0.61560,
        "Premier soin à 20 €",
        "members",
    ),
    (
        "Cinéma Le Festival",
        "culture",
        "151 rue des Trois Conils",
        "33130",
        "Bègles",
        44.80790,
        -0.54980,
        "Séance à 5 € le mardi après-midi",
        "members",
    ),
    (
        "Musée Mer Marine",
        "culture",
        "89 rue des Étrangers",
        "33300",
        "Bordeaux",
        44.86525,
        -0.55275,
        "Entrée à tarif réduit",
        "members",
    ),
    (
        "Médiathèque de Léognan",
        "culture",
        "Place Joane",
        "33850",
        "Léognan",
        44.72950,
        -0.59900,
        "Portage de livres à domicile",
        "all",
    ),
    (
        "Théâtre de Cenon",
        "culture",
        "1 rue Camille Pelletan",
        "33150",
        "Cenon",
        44.85750,
        -0.53190,
        "Deux places pour le prix d'une",
        "members",
    ),
    (
        "Taxi Solidaire Bègles",
        "services",
        "Rue Ferdinand Buisson",
        "33130",
        "Bègles",
        44.80100,
        -0.55800,
        "Trajet vers l'Escale à 3 €",
        "members",
    ),
    (
        "Réparation Informatique Pessac",
        "services",
        "25 avenue Jean Jaurès",
        "33600",
        "Pessac",
        44.80670,
        -0.63110,
        "Diagnostic d'ordinateur gratuit",
        "all",
    ),
    (
        "Piscine Les Bains",
        "sport",
        "Rue Robert Schuman",
        "33130",
        "Bègles",
        44.79602,
        -0.54211,
        "Aquagym douce à 3 €",
        "members",
    ),
    (
        "Club de marche nordique Mérignac",
        "sport",
        "Parc de Bourran",
        "33700",
        "Mérignac",
        44.83860,
        -0.64360,
        "Trois séances d'essai",
        "all",
    ),
    (
        "Gym Seniors Talence",
        "sport",
        "Avenue de l'Université",
        "33400",
        "Talence",
        44.80200,
        -0.58800,
        "Gym équilibre : premier mois offert",
        "members",
    ),
]


@transaction.atomic
def create_partners(today=None):
    """Create or update the demo partners (idempotent); returns them."""
    today = today or timezone.localdate()
    text, _created = ConventionText.objects.get_or_create(version=1, defaults={"body": CONVENTION})
    partners = []
    for name, category, address, postcode, commune, lat, lon, offer, audience in PARTNERS:
        partner, _created = PartnerOrganisation.objects.update_or_create(
            slug=slugify(name)[:160],
            defaults={
                "name": name,
                "category": category,
                "address": address,
                "postcode": postcode,
                "commune": commune,
                "latitude": lat,
                "longitude": lon,
                "description": f"{name}, partenaire de l'Escale à {commune}.",
                "accessibility": "Accès de plain-pied.",
                "opening_hours": "Du mardi au samedi, 9 h – 12 h et 14 h – 18 h.",
                "status": PartnerOrganisation.Status.ACTIVE,
                "convention_until": today + datetime.timedelta(days=300),
            },
        )
        Offer.objects.update_or_create(
            partner=partner,
            title=offer,
            defaults={
                "audience": audience,
                "status": Offer.Status.PUBLISHED,
                "conditions": "Sur présentation de la carte.",
            },
        )
        if not partner.acceptances.exists():
            ConventionAcceptance.objects.create(
                partner=partner, text=text, signed_name="Gérante ou gérant", valid_until=partner.convention_until
            )
        partners.append(partner)
    return partners


def seed(*, stdout):
    partners = create_partners()
    stdout.write(f"Partenaires : {len(partners)} (7 catégories), une offre chacun.")
