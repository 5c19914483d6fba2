"""Which tables hold a member's personal data, and what erasure and the data export do with each.

One declaration per model of Escale's own apps. `tests/members/test_personal_data.py` walks every
model and fails when one with personal-looking fields (names, phone, address, e-mail, message,
notes, a link to an account or to a booking) is in neither list; docs/privacy.md § 9 lists the same
tables. `members.services.erasure.erase_member` runs the erasers, `members.history.export_zip` writes
the export files named here.
"""

from dataclasses import dataclass

PROJECT_APPS = ("core", "home", "activities", "members", "care", "solidarity", "indicators", "search")


@dataclass(frozen=True)
class PersonalTable:
    model: str  # "app_label.ModelName"
    on_erasure: str  # what happens when the member deletes their account
    export: str  # the file of the Mon espace export where the member finds it ("" for none, with a reason)


PERSONAL_TABLES = [
    PersonalTable("auth.User", "vidé : nom, e-mail, identifiant remplacé ; compte désactivé", "profil.json"),
    PersonalTable("members.MemberProfile", "téléphone, adresse, commune, centres d'intérêt effacés", "profil.json"),
    PersonalTable("members.Consent", "supprimés", "profil.json"),
    PersonalTable("members.Mandate", "supprimés", "profil.json"),
    PersonalTable(
        "members.PersonRequest", "nom du proche et précisions effacés ; la trace de la demande reste", "profil.json"
    ),
    PersonalTable("members.SessionAlert", "supprimées", "alertes.csv"),
    PersonalTable(
        "activities.Booking",
        "séances à venir annulées (places libérées, liste d'attente servie) ; adresse de prise en charge effacée",
        "inscriptions.csv",
    ),
    PersonalTable("activities.CycleBooking", "cycles à venir annulés (places libérées)", "cycles.csv"),
    PersonalTable("activities.CallListEntry", "supprimés (téléphone et message)", "appels.csv"),
    PersonalTable(
        "indicators.SurveyInvitation",
        "détachées de l'inscription : les réponses restent anonymes",
        "questionnaires.csv",
    ),
    PersonalTable("indicators.SurveyAnswer", "gardées, anonymes (l'invitation est détachée)", "questionnaires.csv"),
    PersonalTable(
        "members.Payment", "coordonnées de facturation et adresse IP effacées ; montants gardés", "paiements.csv"
    ),
    PersonalTable("members.PaymentItem", "gardées (comptabilité), sans donnée nominative", "paiements.csv"),
    PersonalTable("members.Refund", "gardés (comptabilité), sans donnée nominative", "paiements.csv"),
    PersonalTable("members.Receipt", "gardés tels qu'émis (pièce comptable)", "paiements.csv"),
    PersonalTable("members.TaxReceipt", "gardés tels qu'émis (6 ans, administration fiscale)", "recus-fiscaux.csv"),
    PersonalTable("members.Membership", "gardées (comptabilité), rattachées au compte vidé", "adhesions.csv"),
    PersonalTable("members.Credit", "gardés (comptabilité), rattachés au compte vidé", "avoirs.csv"),
    PersonalTable(
        "core.ActionLog",
        "gardé (journal en ajout seul, identifiants seulement, aucun nom)",
        "actions-equipe.csv",
    ),
    PersonalTable(
        "care.CaseFile",
        "le dossier garde l'identité (chiffrée) : il relève de sa propre base légale et de son anonymisation à 2 ans",
        "",  # communicated by a professional (art. 15), see § 7
    ),
    PersonalTable("care.Intervention", "relève du dossier d'accompagnement (anonymisation à 2 ans)", ""),
    PersonalTable("care.NextStep", "relève du dossier d'accompagnement (anonymisation à 2 ans)", ""),
    PersonalTable("care.Note", "relève du dossier d'accompagnement (anonymisation à 2 ans)", ""),
    PersonalTable("care.AccessLogEntry", "gardé (journal en ajout seul, identifiants seulement)", ""),
    PersonalTable(
        "solidarity.VolunteerProfile",
        "savoir-faire, attestation d'assurance et motif effacés ; la trace de la candidature reste",
        "entraide_benevole.csv",
    ),
    PersonalTable("solidarity.TrainingRecord", "gardées (modules et dates, rien d'autre)", "entraide_benevole.csv"),
    PersonalTable(
        "solidarity.HelpRequest",
        "précisions et besoins d'accessibilité effacés ; type, date et commune gardés (chiffres)",
        "entraide_demandes.csv",
    ),
    PersonalTable(
        "solidarity.Offer", "gardées (qui a proposé, état), rattachées au compte vidé", "entraide_propositions.csv"
    ),
    PersonalTable("solidarity.Message", "texte des messages écrits effacé", "entraide_messages.csv"),
    PersonalTable("solidarity.Report", "gardés (modération), rattachés au compte vidé", "entraide_signalements.csv"),
    PersonalTable("solidarity.IsolationInfo", "supprimée", "veille.csv"),
    PersonalTable("solidarity.CallAssignment", "supprimés (avec les appels notés)", "veille.csv"),
    PersonalTable("solidarity.CallRecord", "supprimés avec l'appel à passer", "veille.csv"),
]

# Models whose personal-looking fields hold no member data, with the reason.
NOT_PERSONAL = {
    "activities.Place": "un lieu (nom, adresse d'une salle), pas une personne",
    "activities.Theme": "un thème d'activité",
    "activities.Audience": "un public d'activité",
    "activities.Session": "remarques internes sur la séance, rédigées par l'équipe (pas de donnée d'adhérent)",
    "members.MembershipType": "un type d'adhésion",
    "activities.ActivityPage": "informations d'accès d'une activité, rédigées par l'équipe",
    "care.Orientation": "nom d'une structure partenaire ; relève du dossier d'accompagnement",
    "home.SiteSettings": "coordonnées de l'association",
    "solidarity.Campaign": "une campagne d'appels (nom, critères), créée par l'équipe",
}


def personal_table(label):
    """The declaration for a model label ("activities.Booking"), or None."""
    for table in PERSONAL_TABLES:
        if table.model.lower() == label.lower():
            return table
    return None
