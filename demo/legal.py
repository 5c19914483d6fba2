"""Demo texts of the legal pages: legal notice, privacy policy and RGAA 4.1 accessibility statement."""

from .streams import bullets, call_to_action, heading, paragraph

CONTACT = '<a href="mailto:contact@escale.example">contact@escale.example</a>'
DDD_FORM = '<a href="https://formulaire.defenseurdesdroits.fr/">formulaire en ligne</a>'
DDD_DELEGATES = '<a href="https://www.defenseurdesdroits.fr/carte-des-delegues">délégué du Défenseur des droits</a>'
DDD_FORM_EN = '<a href="https://formulaire.defenseurdesdroits.fr/">online form</a>'
DDD_DELEGATES_EN = (
    '<a href="https://www.defenseurdesdroits.fr/carte-des-delegues">local delegate of the Défenseur des droits</a>'
)
STATEMENT_DATE_FR = "15 janvier 2026"
STATEMENT_DATE_EN = "15 January 2026"

LEGAL_PAGES = {
    "mentions-legales": {
        "fr": {
            "title": "Mentions légales",
            "slug": "mentions-legales",
            "search_description": "Éditeur, hébergeur et propriété intellectuelle du site de La Maison Escale.",
            "intro": "Informations prévues par la loi n° 2004-575 du 21 juin 2004 pour la confiance dans l'économie numérique.",
            "body": [
                heading("Éditeur du site"),
                paragraph(
                    "<p>Association La Maison Escale, association déclarée (loi du 1er juillet 1901), "
                    "12 rue des Tilleuls, 33130 Bègles.<br>RNA : W332000000 — SIRET : 000 000 000 00000.<br>"
                    f"Téléphone : 05 56 00 00 00 — E-mail : {CONTACT}</p>",
                    "Directrice de la publication : Hélène Roux, présidente de l'association.",
                ),
                heading("Hébergement"),
                paragraph("Hébergeur Exemple SAS, 1 rue de l'Exemple, 75000 Paris — téléphone : 01 00 00 00 00."),
                heading("Propriété intellectuelle"),
                paragraph(
                    "Les textes de ce site sont publiés sous licence Creative Commons Attribution – Partage dans "
                    "les mêmes conditions 4.0, sauf mention contraire. Les illustrations ont été créées pour "
                    "La Maison Escale.",
                    "Le logiciel du site, Escale, est un logiciel libre distribué sous licence AGPL.",
                ),
                heading("Responsabilité"),
                paragraph(
                    "L'association s'efforce de publier des informations exactes et à jour, mais ne peut garantir "
                    "l'absence d'erreur. Les horaires et les activités peuvent changer : en cas de doute, appelez-nous."
                ),
            ],
        },
    },
    "donnees-personnelles": {
        "fr": {
            "title": "Données personnelles",
            "slug": "donnees-personnelles",
            "search_description": "Comment La Maison Escale collecte, utilise et protège vos données personnelles.",
            "intro": "La Maison Escale respecte votre vie privée. Cette page explique quelles données nous "
            "collectons, pourquoi, combien de temps nous les gardons et comment exercer vos droits (RGPD).",
            "body": [
                heading("Responsable du traitement"),
                paragraph(
                    f"<p>Association La Maison Escale, 12 rue des Tilleuls, 33130 Bègles, représentée par sa "
                    f"présidente. Pour toute question sur vos données : {CONTACT}.</p>"
                ),
                heading("Données collectées et finalités"),
                paragraph(
                    bullets(
                        "<b>Compte et adhésion</b> : nom, prénom, e-mail, téléphone, adresse — pour gérer votre "
                        "adhésion et vos inscriptions (exécution du contrat d'adhésion).",
                        "<b>Inscriptions aux activités</b> : activités choisies, présence — pour organiser les "
                        "ateliers et vous prévenir en cas de changement.",
                        "<b>Paiements</b> : montant, date, moyen de paiement (jamais votre numéro de carte) — "
                        "pour la comptabilité (obligation légale).",
                        "<b>Accompagnement social et psychologique</b> : informations sur votre situation, "
                        "recueillies avec votre accord et consultées uniquement par les professionnelles "
                        "concernées, tenues au secret professionnel.",
                    )
                ),
                heading("Durées de conservation"),
                paragraph(
                    bullets(
                        "Compte : tant qu'il est actif, puis 3 ans après votre dernier contact.",
                        "Pièces comptables : 10 ans, comme l'exige la loi.",
                        "Dossier d'accompagnement : 5 ans après la fin de l'accompagnement.",
                    )
                ),
                heading("Destinataires"),
                paragraph(
                    "Vos données ne sont ni vendues ni cédées. Elles sont accessibles à l'équipe salariée, "
                    "selon ses missions, et à notre hébergeur, situé en France. Une orientation vers un "
                    "partenaire (CCAS, plateforme de répit…) ne se fait qu'avec votre accord."
                ),
                heading("Vos droits"),
                paragraph(
                    "Vous pouvez accéder à vos données, les rectifier, les effacer, en limiter l'usage, vous "
                    "opposer à leur traitement et les récupérer dans un format lisible (portabilité). "
                    "Depuis votre espace adhérent, vous pouvez télécharger vos données ou supprimer votre compte.",
                    f"<p>Écrivez-nous à {CONTACT} ou par courrier à l'adresse ci-dessus. Si vous estimez, après "
                    "nous avoir contactés, que vos droits ne sont pas respectés, vous pouvez adresser une "
                    'réclamation à la <a href="https://www.cnil.fr/fr/plaintes">CNIL</a>.</p>',
                ),
                heading("Cookies"),
                paragraph(
                    "Ce site n'utilise aucun cookie publicitaire ni de mesure d'audience. Seuls des cookies "
                    "techniques, indispensables à la connexion et à la sécurité des formulaires, sont déposés : "
                    "ils ne nécessitent pas votre consentement."
                ),
            ],
        },
    },
    "declaration-accessibilite": {
        "fr": {
            "title": "Déclaration d'accessibilité",
            "slug": "declaration-accessibilite",
            "search_description": "Déclaration d'accessibilité RGAA 4.1 du site de La Maison Escale : partiellement conforme.",
            "intro": "La Maison Escale s'engage à rendre son site internet accessible conformément à l'article 47 "
            "de la loi n° 2005-102 du 11 février 2005.",
            "body": [
                paragraph(
                    "Cette déclaration d'accessibilité s'applique au site internet de La Maison Escale (escale.example)."
                ),
                heading("État de conformité"),
                paragraph(
                    "<p>Le site de La Maison Escale est <b>partiellement conforme</b> avec le référentiel général "
                    "d'amélioration de l'accessibilité (RGAA), version 4.1, en raison des non-conformités "
                    "énumérées ci-dessous.</p>"
                ),
                heading("Résultats des tests", "h3"),
                paragraph(
                    "L'audit de conformité réalisé en interne en décembre 2025 révèle que 86 % des critères du "
                    "RGAA version 4.1 applicables sont respectés."
                ),
                heading("Contenus non accessibles"),
                heading("Non-conformités", "h3"),
                paragraph(
                    bullets(
                        "Certains comptes rendus d'assemblée générale au format PDF ne sont pas balisés "
                        "(critère 13.3).",
                        "Quelques vidéos anciennes n'ont pas encore de sous-titres (critère 4.3).",
                        "Dans l'espace adhérent, le message de confirmation d'inscription n'est pas toujours "
                        "annoncé par les lecteurs d'écran (critère 7.5).",
                    )
                ),
                heading("Contenus non soumis à l'obligation d'accessibilité", "h3"),
                paragraph(
                    bullets(
                        "Les documents bureautiques publiés avant le 23 septembre 2018.",
                        "La carte interactive de la page Infos pratiques : l'adresse et l'itinéraire sont "
                        "donnés en texte sur la même page.",
                    )
                ),
                heading("Établissement de cette déclaration d'accessibilité"),
                paragraph(f"Cette déclaration a été établie le {STATEMENT_DATE_FR}."),
                heading("Technologies utilisées pour la réalisation du site", "h3"),
                paragraph(bullets("HTML5", "CSS", "JavaScript (le site reste utilisable sans JavaScript)")),
                heading("Environnement de test", "h3"),
                paragraph(
                    "Les vérifications de restitution de contenus ont été réalisées avec les combinaisons suivantes :",
                    bullets(
                        "NVDA 2025.3 avec Firefox 140",
                        "JAWS 2025 avec Chrome 142",
                        "VoiceOver avec Safari sur macOS 15 et iOS 18",
                        "TalkBack avec Chrome sur Android 15",
                    ),
                ),
                heading("Outils pour évaluer l'accessibilité", "h3"),
                paragraph(bullets("axe-core", "WAVE", "Colour Contrast Analyser", "validateur HTML du W3C")),
                heading("Pages du site ayant fait l'objet de la vérification de conformité", "h3"),
                paragraph(
                    bullets(
                        "Accueil",
                        "Infos pratiques",
                        "Actualités et une actualité",
                        "Agenda des activités et fiche d'une activité",
                        "Connexion et création de compte",
                        "Espace adhérent : inscriptions, paiement, données personnelles",
                        "Mentions légales et présente déclaration",
                    )
                ),
                heading("Retour d'information et contact"),
                paragraph(
                    "Si vous n'arrivez pas à accéder à un contenu ou à un service, vous pouvez contacter "
                    "La Maison Escale pour être orienté vers une alternative accessible ou obtenir le contenu "
                    "sous une autre forme.",
                    bullets(
                        f"Par e-mail : {CONTACT}",
                        "Par téléphone : 05 56 00 00 00",
                        "Sur place ou par courrier : La Maison Escale, 12 rue des Tilleuls, 33130 Bègles",
                    ),
                ),
                heading("Voies de recours"),
                paragraph(
                    "Cette procédure est à utiliser dans le cas suivant : vous avez signalé au responsable du "
                    "site internet un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à un des "
                    "services du site et vous n'avez pas obtenu de réponse satisfaisante.",
                    bullets(
                        f"Écrire un message au Défenseur des droits ({DDD_FORM})",
                        f"Contacter le {DDD_DELEGATES} dans votre région",
                        "Envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des "
                        "droits, Libre réponse 71120, 75342 Paris CEDEX 07",
                    ),
                ),
                call_to_action(
                    "Signaler un problème d'accessibilité",
                    "Décrivez-nous la page et la difficulté rencontrée : nous vous répondrons sous 15 jours.",
                    "Nous écrire",
                    url="mailto:contact@escale.example?subject=Accessibilit%C3%A9",
                ),
            ],
        },
        "en": {
            "title": "Accessibility statement",
            "slug": "accessibility-statement",
            "search_description": "RGAA 4.1 accessibility statement of La Maison Escale's website: partially compliant.",
            "intro": "La Maison Escale is committed to making its website accessible in accordance with article 47 "
            "of French law no. 2005-102 of 11 February 2005.",
            "body": [
                paragraph("This accessibility statement applies to the website of La Maison Escale (escale.example)."),
                heading("Compliance status"),
                paragraph(
                    "<p>La Maison Escale's website is <b>partially compliant</b> with the French accessibility "
                    "framework RGAA (référentiel général d'amélioration de l'accessibilité), version 4.1, because "
                    "of the non-compliances listed below.</p>"
                ),
                heading("Test results", "h3"),
                paragraph(
                    "The compliance audit carried out internally in December 2025 shows that 86% of the "
                    "applicable RGAA 4.1 criteria are met."
                ),
                heading("Non-accessible content"),
                heading("Non-compliances", "h3"),
                paragraph(
                    bullets(
                        "Some minutes of general meetings in PDF format are not tagged (criterion 13.3).",
                        "A few older videos do not have subtitles yet (criterion 4.3).",
                        "In the members' area, the booking confirmation message is not always announced by "
                        "screen readers (criterion 7.5).",
                    )
                ),
                heading("Content not subject to the accessibility obligation", "h3"),
                paragraph(
                    bullets(
                        "Office documents published before 23 September 2018.",
                        "The interactive map on the Practical information page: the address and directions "
                        "are given as text on the same page.",
                    )
                ),
                heading("Preparation of this accessibility statement"),
                paragraph(f"This statement was prepared on {STATEMENT_DATE_EN}."),
                heading("Technologies used to build the website", "h3"),
                paragraph(bullets("HTML5", "CSS", "JavaScript (the website remains usable without JavaScript)")),
                heading("Test environment", "h3"),
                paragraph(
                    "Content rendering was checked with the following combinations:",
                    bullets(
                        "NVDA 2025.3 with Firefox 140",
                        "JAWS 2025 with Chrome 142",
                        "VoiceOver with Safari on macOS 15 and iOS 18",
                        "TalkBack with Chrome on Android 15",
                    ),
                ),
                heading("Tools used to assess accessibility", "h3"),
                paragraph(bullets("axe-core", "WAVE", "Colour Contrast Analyser", "W3C HTML validator")),
                heading("Pages checked for compliance", "h3"),
                paragraph(
                    bullets(
                        "Home",
                        "Practical information",
                        "News and one news item",
                        "Activity calendar and one activity",
                        "Log in and sign up",
                        "Members' area: bookings, payment, personal data",
                        "Legal notice and this statement",
                    )
                ),
                heading("Feedback and contact"),
                paragraph(
                    "If you cannot access a piece of content or a service, you can contact La Maison Escale "
                    "to be directed to an accessible alternative or to obtain the content in another form.",
                    bullets(
                        f"By e-mail: {CONTACT}",
                        "By phone: +33 5 56 00 00 00",
                        "In person or by post: La Maison Escale, 12 rue des Tilleuls, 33130 Bègles, France",
                    ),
                ),
                heading("Remedies"),
                paragraph(
                    "Use this procedure if you have reported an accessibility issue to the website manager that "
                    "prevents you from accessing content or a service, and you have not received a satisfactory "
                    "answer.",
                    bullets(
                        f"Write to the Défenseur des droits (the French Defender of Rights) using the {DDD_FORM_EN}",
                        f"Contact the {DDD_DELEGATES_EN} in your region",
                        "Send a letter by post (free of charge, no stamp needed): Défenseur des droits, "
                        "Libre réponse 71120, 75342 Paris CEDEX 07, France",
                    ),
                ),
                call_to_action(
                    "Report an accessibility problem",
                    "Tell us which page and what difficulty you met: we will answer within 15 days.",
                    "Write to us",
                    url="mailto:contact@escale.example?subject=Accessibilit%C3%A9",
                ),
            ],
        },
    },
}
