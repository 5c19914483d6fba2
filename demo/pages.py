"""Demo texts of the home page and the editorial pages, in French and (where translated) in English.

Both languages share one structure, block for block and paragraph for paragraph: the English text
becomes the wagtail-localize translation of the French one (see demo/translation.py).
"""

from .streams import bullets, call_to_action, faq, heading, html, paragraph, quote

ORGANISATION = {
    "organisation_name": "La Maison Escale",
    "address": "12 rue des Tilleuls",
    "postal_code": "33130",
    "city": "Bègles",
    "phone": "05 56 00 00 00",
    "email": "contact@escale.example",
    "map_url": "https://www.openstreetmap.org/#map=17/44.8080/-0.5480",
}
SOCIAL_LINKS = [
    ("mastodon", "https://mastodon.example/@maisonescale"),
    ("facebook", "https://facebook.example/maisonescale"),
]

HOME = {
    "hero_image": "maison",
    "fr": {
        "title": "La Maison Escale",
        "slug": "accueil",
        "search_description": "Tiers-lieu à Bègles pour les seniors et les proches aidants : ateliers, café des aidants, "
        "accompagnement social et psychologique.",
        "intro": "<p>Bienvenue à <b>La Maison Escale</b>, un tiers-lieu de Bègles ouvert aux personnes âgées, "
        "à leurs proches aidants et à tous les habitants du quartier. On y vient pour un café, un atelier, "
        "une question sur ses droits ou simplement pour souffler un peu.</p>",
        "hero_alt_text": "Illustration : une maison aux murs clairs et au toit de tuiles, avec une rampe d'accès "
        "devant la porte, entre deux arbres.",
        "body": [
            heading("Ce que vous trouverez à la Maison"),
            paragraph(
                bullets(
                    "<b>Des ateliers</b> : numérique, mémoire, sophrologie, cuisine, marche douce.",
                    "<b>Le café des aidants</b>, un samedi par mois, pour échanger entre proches aidants.",
                    "<b>Un accompagnement</b> avec notre travailleuse sociale et notre psychologue, sur rendez-vous.",
                    "<b>Des moments conviviaux</b> : déjeuners partagés, fête de quartier, portes ouvertes.",
                )
            ),
            quote(
                "Ici, personne ne vous demande d'aller bien pour entrer. On vous ouvre la porte et on vous sert un café.",
                "Claire, coordinatrice de la Maison",
            ),
            call_to_action(
                "Venir à la Maison",
                "Horaires, accès en tram et en bus, accessibilité du bâtiment : tout ce qu'il faut savoir avant de venir.",
                "Voir les infos pratiques",
                page="infos-pratiques",
            ),
        ],
    },
    "en": {
        "title": "La Maison Escale",
        "slug": "home",
        "search_description": "A community space in Bègles for older people and family carers: workshops, carers' café, "
        "social and psychological support.",
        "intro": "<p>Welcome to <b>La Maison Escale</b>, a community space in Bègles open to older people, "
        "their family carers and everyone in the neighbourhood. Come for a coffee, a workshop, a question "
        "about your rights, or simply to catch your breath.</p>",
        "hero_alt_text": "Illustration: a light-coloured house with a tiled roof and a ramp leading to the door, "
        "between two trees.",
        "body": [
            heading("What you will find at the Maison"),
            paragraph(
                bullets(
                    "<b>Workshops</b>: digital skills, memory, relaxation therapy, cooking, gentle walks.",
                    "<b>The carers' café</b>, one Saturday a month, to share with other family carers.",
                    "<b>Support</b> from our social worker and our psychologist, by appointment.",
                    "<b>Friendly get-togethers</b>: shared lunches, neighbourhood party, open days.",
                )
            ),
            quote(
                "Here nobody asks you to be fine before you come in. We open the door and pour you a coffee.",
                "Claire, coordinator of the Maison",
            ),
            call_to_action(
                "Coming to the Maison",
                "Opening hours, getting here by tram and bus, accessibility of the building: all you need to know.",
                "See practical information",
                page="infos-pratiques",
            ),
        ],
    },
}

# Pages under the home page, in menu order. "menu": shown in the main menu; "en": translated.
PAGES = {
    "qui-sommes-nous": {
        "menu": True,
        "fr": {
            "title": "Qui sommes-nous",
            "slug": "qui-sommes-nous",
            "search_description": "La Maison Escale, son histoire, son équipe et ses valeurs : entraide et bienveillance.",
            "intro": "La Maison Escale est une association de Bègles qui fait vivre, depuis 2019, un lieu ouvert "
            "aux seniors et aux proches aidants : on s'y retrouve, on y apprend, on y est écouté.",
            "body": [
                heading("Un lieu, une maison"),
                paragraph(
                    "Installée dans une ancienne maison de maître rénovée, rue des Tilleuls, la Maison Escale "
                    "accueille chaque semaine près de deux cents personnes : des retraités du quartier, des "
                    "personnes qui accompagnent un parent malade ou un conjoint en perte d'autonomie, des "
                    "bénévoles, des partenaires.",
                    "Le rez-de-chaussée est entièrement accessible de plain-pied. On y trouve une grande salle "
                    "d'activités, une cuisine partagée, un salon calme et deux bureaux d'accueil confidentiel.",
                ),
                heading("L'équipe"),
                paragraph(
                    bullets(
                        "<b>Claire Dubois</b>, coordinatrice : elle organise les ateliers et le planning, "
                        "et accueille les nouveaux bénévoles.",
                        "<b>Inès Martin</b>, chargée de communication : elle fait vivre ce site, la lettre "
                        "d'information et l'affichage du quartier.",
                        "<b>Sophie Lambert</b>, travailleuse sociale : elle vous aide dans vos démarches "
                        "(aides à domicile, APA, droit au répit) et vous oriente vers les bons partenaires.",
                        "<b>Nadia Benali</b>, psychologue : elle propose des entretiens individuels et anime "
                        "les groupes de parole des aidants.",
                    )
                ),
                heading("Nos valeurs"),
                paragraph(
                    "<p><b>L'entraide</b> : chacun a quelque chose à apporter, une recette, un savoir-faire, "
                    "une oreille attentive. Les ateliers sont souvent animés par des habitants eux-mêmes.</p>",
                    "<p><b>La bienveillance</b> : on vient comme on est, sans justificatif ni jugement. "
                    "Ce qui se dit dans les entretiens et les groupes de parole reste confidentiel.</p>",
                ),
                quote(
                    "Quand ma mère est tombée malade, je ne savais pas à qui parler. Ici, j'ai trouvé des gens "
                    "qui vivaient la même chose que moi.",
                    "Martine, aidante depuis quatre ans",
                ),
                call_to_action(
                    "Rejoindre l'équipe des bénévoles",
                    "Une heure par semaine ou une fois par mois : toutes les bonnes volontés sont bienvenues.",
                    "Nous écrire",
                    url="mailto:contact@escale.example",
                ),
            ],
        },
        "en": {
            "title": "About us",
            "slug": "about-us",
            "search_description": "La Maison Escale, its story, its team and its values: mutual help and kindness.",
            "intro": "La Maison Escale is a non-profit association in Bègles which, since 2019, has run a place "
            "open to older people and family carers: somewhere to meet, to learn and to be listened to.",
            "body": [
                heading("A place, a home"),
                paragraph(
                    "Housed in a renovated old mansion on rue des Tilleuls, the Maison Escale welcomes nearly "
                    "two hundred people every week: retired neighbours, people caring for a sick parent or a "
                    "partner losing their independence, volunteers, partners.",
                    "The ground floor is fully step-free. It has a large activity room, a shared kitchen, "
                    "a quiet lounge and two private offices for confidential meetings.",
                ),
                heading("The team"),
                paragraph(
                    bullets(
                        "<b>Claire Dubois</b>, coordinator: she organises the workshops and the schedule, "
                        "and welcomes new volunteers.",
                        "<b>Inès Martin</b>, communication officer: she looks after this website, the "
                        "newsletter and the posters around the neighbourhood.",
                        "<b>Sophie Lambert</b>, social worker: she helps you with paperwork (home help, "
                        "APA allowance, respite care) and refers you to the right partners.",
                        "<b>Nadia Benali</b>, psychologist: she offers individual sessions and leads the "
                        "carers' support groups.",
                    )
                ),
                heading("Our values"),
                paragraph(
                    "<p><b>Mutual help</b>: everyone has something to bring, a recipe, a skill, "
                    "a listening ear. Workshops are often led by local residents themselves.</p>",
                    "<p><b>Kindness</b>: come as you are, no paperwork, no judgement. "
                    "What is said in meetings and support groups stays confidential.</p>",
                ),
                quote(
                    "When my mother fell ill, I didn't know who to talk to. Here I found people going through "
                    "the same thing as me.",
                    "Martine, a carer for four years",
                ),
                call_to_action(
                    "Join our volunteers",
                    "One hour a week or once a month: every helping hand is welcome.",
                    "Write to us",
                    url="mailto:contact@escale.example",
                ),
            ],
        },
    },
    "infos-pratiques": {
        "menu": True,
        "fr": {
            "title": "Infos pratiques",
            "slug": "infos-pratiques",
            "search_description": "Horaires, adresse, accès en tram et en bus et accessibilité de la Maison Escale à Bègles.",
            "intro": "La Maison Escale vous accueille du mardi au samedi, au 12 rue des Tilleuls à Bègles. "
            "Le bâtiment est accessible aux personnes en fauteuil roulant.",
            "body": [
                heading("Horaires d'ouverture"),
                paragraph(
                    bullets(
                        "Mardi, mercredi et jeudi : 9 h 30 – 17 h 30",
                        "Vendredi : 9 h 30 – 12 h 30",
                        "Samedi : 10 h – 13 h (café des aidants le premier samedi du mois)",
                    ),
                    "La Maison est fermée le lundi, le dimanche, les jours fériés et les deux premières semaines d'août.",
                ),
                heading("Adresse et contact"),
                paragraph(
                    "<p>La Maison Escale, 12 rue des Tilleuls, 33130 Bègles.<br>Téléphone : 05 56 00 00 00 "
                    "(du mardi au vendredi, 9 h 30 – 12 h 30).<br>E-mail : "
                    '<a href="mailto:contact@escale.example">contact@escale.example</a></p>'
                ),
                heading("Venir en transports en commun"),
                paragraph(
                    bullets(
                        "<b>Tram C</b> : arrêt « Terres Neuves », puis 6 minutes à pied par la rue Calixte-Camelle.",
                        "<b>Bus 11</b> : arrêt « Mairie de Bègles », à 200 mètres.",
                        "<b>Vélo</b> : arceaux devant l'entrée ; station de vélos en libre-service place du 14-Juillet.",
                    ),
                    "Deux places de stationnement réservées aux personnes handicapées se trouvent devant la Maison.",
                ),
                heading("Accessibilité du bâtiment"),
                faq(
                    "Questions fréquentes sur l'accessibilité",
                    (
                        "Peut-on entrer en fauteuil roulant ?",
                        "Oui. L'entrée se fait de plain-pied par une rampe en pente douce et une porte large de "
                        "90 cm. Tout le rez-de-chaussée, où ont lieu les activités, est sans marche.",
                    ),
                    (
                        "Y a-t-il des toilettes adaptées ?",
                        "Oui, des toilettes adaptées aux personnes à mobilité réduite se trouvent au "
                        "rez-de-chaussée, à côté de la grande salle, avec barre d'appui et espace de rotation.",
                    ),
                    (
                        "Je porte un appareil auditif : que proposez-vous ?",
                        "La grande salle et l'accueil sont équipés d'une boucle à induction magnétique. "
                        "Mettez votre appareil en position T. Demandez-nous aussi un casque amplificateur.",
                    ),
                    (
                        "Puis-je venir avec mon chien d'assistance ?",
                        "Bien sûr : les chiens guides et d'assistance sont les bienvenus dans tout le bâtiment.",
                    ),
                    (
                        "Et si je ne peux pas me déplacer ?",
                        "Appelez-nous : certaines activités se font au téléphone ou en visio, et notre "
                        "travailleuse sociale peut venir vous rencontrer à domicile.",
                    ),
                ),
                quote(
                    "Je viens avec mon déambulateur, sans me demander s'il y aura une marche : c'est reposant.",
                    "Raymond, 84 ans, fidèle de l'atelier mémoire",
                ),
                call_to_action(
                    "Une question avant de venir ?",
                    "Appelez-nous ou écrivez-nous : nous vous répondrons avec plaisir.",
                    "Nous écrire",
                    url="mailto:contact@escale.example",
                ),
            ],
        },
        "en": {
            "title": "Practical information",
            "slug": "practical-information",
            "search_description": "Opening hours, address, getting here by tram and bus, and accessibility of "
            "La Maison Escale in Bègles.",
            "intro": "La Maison Escale is open Tuesday to Saturday, at 12 rue des Tilleuls in Bègles. "
            "The building is wheelchair accessible.",
            "body": [
                heading("Opening hours"),
                paragraph(
                    bullets(
                        "Tuesday, Wednesday and Thursday: 9.30 am – 5.30 pm",
                        "Friday: 9.30 am – 12.30 pm",
                        "Saturday: 10 am – 1 pm (carers' café on the first Saturday of the month)",
                    ),
                    "The Maison is closed on Mondays, Sundays, public holidays and the first two weeks of August.",
                ),
                heading("Address and contact"),
                paragraph(
                    "<p>La Maison Escale, 12 rue des Tilleuls, 33130 Bègles, France.<br>Phone: +33 5 56 00 00 00 "
                    "(Tuesday to Friday, 9.30 am – 12.30 pm).<br>E-mail: "
                    '<a href="mailto:contact@escale.example">contact@escale.example</a></p>'
                ),
                heading("Getting here by public transport"),
                paragraph(
                    bullets(
                        "<b>Tram C</b>: “Terres Neuves” stop, then a 6-minute walk along rue Calixte-Camelle.",
                        "<b>Bus 11</b>: “Mairie de Bègles” stop, 200 metres away.",
                        "<b>Bicycle</b>: racks by the entrance; bike-share station on place du 14-Juillet.",
                    ),
                    "Two disabled parking spaces are available in front of the Maison.",
                ),
                heading("Accessibility of the building"),
                faq(
                    "Frequently asked questions about accessibility",
                    (
                        "Can I come in with a wheelchair?",
                        "Yes. The entrance is step-free, with a gentle ramp and a 90 cm wide door. "
                        "The whole ground floor, where activities take place, has no steps.",
                    ),
                    (
                        "Are there accessible toilets?",
                        "Yes, accessible toilets are on the ground floor, next to the large room, with a grab "
                        "bar and turning space.",
                    ),
                    (
                        "I wear a hearing aid: what do you offer?",
                        "The large room and the reception desk have a hearing loop. Switch your hearing aid "
                        "to the T setting. You can also ask us for an amplifying headset.",
                    ),
                    (
                        "Can I come with my assistance dog?",
                        "Of course: guide dogs and assistance dogs are welcome throughout the building.",
                    ),
                    (
                        "What if I cannot travel?",
                        "Call us: some activities take place by phone or video call, and our social worker "
                        "can visit you at home.",
                    ),
                ),
                quote(
                    "I come with my walking frame without wondering whether there will be a step: what a relief.",
                    "Raymond, 84, a regular at the memory workshop",
                ),
                call_to_action(
                    "A question before you come?",
                    "Call us or write to us: we will be happy to answer.",
                    "Write to us",
                    url="mailto:contact@escale.example",
                ),
            ],
        },
    },
}

PRACTICAL_INFO = {
    "fr": {
        "opening_hours": bullets(
            "Mardi au jeudi : 9 h 30 – 17 h 30", "Vendredi : 9 h 30 – 12 h 30", "Samedi : 10 h – 13 h"
        ),
        "access_info": bullets(
            "Tram C, arrêt « Terres Neuves » ; bus 11, arrêt « Mairie de Bègles »",
            "Entrée de plain-pied, toilettes adaptées, boucle à induction magnétique",
        ),
        "footer_text": "La Maison Escale est une association loi 1901, soutenue par la Ville de Bègles, "
        "le Département de la Gironde et la Conférence des financeurs.",
        "links": [
            ("mentions-legales", "Mentions légales"),
            ("donnees-personnelles", "Données personnelles"),
            ("declaration-accessibilite", "Accessibilité : partiellement conforme"),
        ],
    },
    "en": {
        "opening_hours": bullets(
            "Tuesday to Thursday: 9.30 am – 5.30 pm", "Friday: 9.30 am – 12.30 pm", "Saturday: 10 am – 1 pm"
        ),
        "access_info": bullets(
            "Tram C, “Terres Neuves” stop; bus 11, “Mairie de Bègles” stop",
            "Step-free entrance, accessible toilets, hearing loop",
        ),
        "footer_text": "La Maison Escale is a non-profit association supported by the City of Bègles, "
        "the Gironde département and the Conférence des financeurs.",
        "links": [
            ("mentions-legales", "Legal notice (in French)"),
            ("donnees-personnelles", "Personal data (in French)"),
            ("declaration-accessibilite", "Accessibility: partially compliant"),
        ],
    },
}

__all__ = ["HOME", "ORGANISATION", "PAGES", "PRACTICAL_INFO", "SOCIAL_LINKS", "html"]
