"""Demo case files (fictional people) for seed_demo; idempotent, written through care.services by the demo staff."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from care import services
from care.models import CaseFile, Intervention, Note, Orientation

Kind = Intervention.Kind
Partner = Orientation.PartnerType
Outcome = Orientation.Outcome
Level = Note.Visibility


def _days(n):
    return timezone.localdate() - datetime.timedelta(days=n)


def _demo_cases(social, psy):
    """(case fields, status steps, interventions, orientations, notes, next steps); dates relative to today."""
    member = get_user_model().objects.filter(email__iexact="aidant@escale.example").first()
    return [
        {
            "fields": {
                "person": member,
                "first_name": "" if member else "Paul",
                "last_name": "" if member else "Girard",
                "commune": "Saint-Julien",
                "identified_on": _days(120),
                "identified_via": CaseFile.IdentifiedVia.ACTIVITY,
                "identified_via_detail": "Café des aidants du mardi",
                "helped_relationship": CaseFile.Relationship.SPOUSE,
                "helped_lives_at_home": CaseFile.LivesAtHome.HOME,
                "helped_condition": "Épouse atteinte d'une maladie neuro-évolutive, diagnostic posé il y a deux ans.",
                "followup_consent_on": _days(110),
                "followup_consent_recorded_by": social,
                "followup_consent_scope": "Suivi par l'équipe sociale et la psychologue",
                "sharing_consent_on": _days(110),
                "sharing_consent_scope": "CLIC et plateforme de répit",
            },
            "referents": [social, psy],
            "status": [(CaseFile.Status.ACCOMPANIED, _days(110))],
            "interventions": [
                (
                    psy,
                    Kind.PSYCHOLOGICAL,
                    _days(30),
                    60,
                    "Épuisement exprimé ; travail sur la culpabilité de « confier » son épouse.",
                ),
                (
                    social,
                    Kind.HOME_VISIT,
                    _days(60),
                    90,
                    "Visite à domicile : logement adapté, besoin d'aide pour la toilette.",
                ),
                (social, Kind.INTERVIEW, _days(110), 45, "Premier entretien après le café des aidants."),
            ],
            "orientations": [
                (social, Partner.RESPITE, "Plateforme de répit du territoire", _days(55), Outcome.ACCEPTED),
                (social, Partner.CLIC, "CLIC du canton", _days(20), Outcome.PENDING),
            ],
            "notes": [
                (social, Level.TEAM, "Vient volontiers aux ateliers du mardi ; préfère être appelé le matin."),
                (social, Level.SOCIAL, "Dossier APA en cours : relancer le département si pas de réponse fin du mois."),
                (psy, Level.PSYCHOLOGIST, "Signes d'anxiété importants ; proposer un suivi mensuel."),
            ],
            "steps": [
                (social, "Appeler le CLIC pour l'évaluation à domicile", 3, social),
                (psy, "Proposer le prochain rendez-vous de suivi", 10, psy),
            ],
        },
        {
            "fields": {
                "first_name": "Monique",
                "last_name": "Roux",
                "phone": "06 00 00 00 01",
                "commune": "Les Granges",
                "identified_on": _days(15),
                "identified_via": CaseFile.IdentifiedVia.PARTNER,
                "identified_via_detail": "Signalée par le CCAS",
                "helped_relationship": CaseFile.Relationship.PARENT,
                "helped_lives_at_home": CaseFile.LivesAtHome.WITH_CAREGIVER,
                "helped_condition": "Mère de 91 ans, perte d'autonomie après une chute.",
            },
            "referents": [social],
            "status": [],
            "interventions": [(social, Kind.PHONE_CALL, _days(14), 20, "Premier appel, accepte une rencontre.")],
            "orientations": [],
            "notes": [(social, Level.TEAM, "Ne se reconnaît pas comme « aidante » : parler plutôt de sa mère.")],
            "steps": [(social, "Rencontre au tiers-lieu", 7, social)],
        },
        {
            "fields": {
                "first_name": "Gérard",
                "last_name": "Petit",
                "commune": "Saint-Julien",
                "identified_on": _days(400),
                "identified_via": CaseFile.IdentifiedVia.SELF,
                "helped_relationship": CaseFile.Relationship.SIBLING,
                "helped_lives_at_home": CaseFile.LivesAtHome.HOME,
            },
            "referents": [social],
            "status": [(CaseFile.Status.ACCOMPANIED, _days(390)), (CaseFile.Status.CLOSED, _days(200))],
            "interventions": [
                (social, Kind.INTERVIEW, _days(390), 60, "Entretien d'accueil."),
                (social, Kind.GROUP_SESSION, _days(300), 120, "Groupe de parole."),
            ],
            "orientations": [(social, Partner.SAAD, "Service d'aide à domicile", _days(380), Outcome.ACCEPTED)],
            "notes": [(social, Level.TEAM, "Accompagnement clos d'un commun accord : l'aide à domicile suffit.")],
            "steps": [],
        },
        {
            # Past the two-year retention period: `manage.py anonymise_care_files` will anonymise it.
            "fields": {
                "first_name": "Lucienne",
                "last_name": "Faure",
                "commune": "Les Granges",
                "identified_on": _days(1200),
                "identified_via": CaseFile.IdentifiedVia.ACTIVITY,
                "helped_relationship": CaseFile.Relationship.SPOUSE,
                "helped_lives_at_home": CaseFile.LivesAtHome.INSTITUTION,
            },
            "referents": [social],
            "status": [(CaseFile.Status.ACCOMPANIED, _days(1190)), (CaseFile.Status.CLOSED, _days(900))],
            "interventions": [(social, Kind.INTERVIEW, _days(1190), 45, "Entretien d'accueil.")],
            "orientations": [(social, Partner.CCAS, "CCAS", _days(1100), Outcome.ACCEPTED)],
            "notes": [],
            "steps": [],
        },
    ]


def _existing_names():
    # Names are encrypted (no SQL lookup): compare in Python, the demo has a handful of files.
    return {str(case.display_name) for case in CaseFile.objects.filter(anonymised_at__isnull=True)}


def seed(*, stdout):
    User = get_user_model()
    social = User.objects.filter(email__iexact="social@escale.example").first()
    psy = User.objects.filter(email__iexact="psy@escale.example").first()
    if not (social and psy and services.can_access_care(social) and services.can_access_care(psy)):
        stdout.write("  care: pas de comptes social@/psy@escale.example avec leur rôle, dossiers de démo non créés.")
        return []
    existing = _existing_names()
    created = []
    for spec in _demo_cases(social, psy):
        fields = spec["fields"]
        probe = CaseFile(**fields)
        if str(probe.display_name) in existing:
            continue
        case = services.create_case(social, referents=spec["referents"], **fields)
        for status, on in spec["status"]:
            services.change_status(social, case, status, on=on)
        for author, kind, date, minutes, summary in reversed(spec["interventions"]):
            services.add_intervention(author, case, kind=kind, date=date, duration_minutes=minutes, summary=summary)
        for author, partner_type, name, date, outcome in spec["orientations"]:
            services.add_orientation(
                author, case, partner_type=partner_type, partner_name=name, date=date, outcome=outcome
            )
        for author, level, body in spec["notes"]:
            services.add_note(author, case, visibility=level, body=body)
        for author, description, in_days, assignee in spec["steps"]:
            services.add_next_step(
                author,
                case,
                description=description,
                due_on=timezone.localdate() + datetime.timedelta(days=in_days),
                assigned_to=assignee,
            )
        created.append(case)
    stdout.write(f"  care: {len(created)} dossier(s) de démonstration créé(s).")
    return created
