"""Demo images and news items of the tiers-lieu (French, four of them also in English)."""

from .streams import bullets, call_to_action, heading, paragraph, quote

# key: (composition, seed, title, French description = alt text, English alt text)
IMAGES = {
    "maison": (
        "house",
        1,
        "La Maison Escale",
        "Illustration : une maison aux murs clairs et au toit de tuiles, avec une rampe d'accès devant la porte, "
        "entre deux arbres.",
        "Illustration: a light-coloured house with a tiled roof and a ramp leading to the door, between two trees.",
    ),
    "cafe": (
        "table",
        2,
        "Café des aidants",
        "Illustration : quatre personnes attablées autour de tasses de café, devant une fenêtre lumineuse.",
        "Illustration: four people sitting at a table with cups of coffee, in front of a bright window.",
    ),
    "numerique": (
        "screens",
        3,
        "Ateliers numériques",
        "Illustration : un ordinateur portable, une tablette et un téléphone posés sur une table, à côté d'une tasse.",
        "Illustration: a laptop, a tablet and a phone on a table, next to a cup.",
    ),
    "bus": (
        "bus",
        4,
        "Bus numérique",
        "Illustration : un bus orange décoré d'un écran, garé au bord d'une route de campagne bordée d'arbres.",
        "Illustration: an orange bus with a screen painted on its side, parked on a tree-lined country road.",
    ),
    "portes-ouvertes": (
        "house",
        5,
        "Portes ouvertes",
        "Illustration : la façade de la Maison Escale, porte ouverte, sous un soleil d'après-midi.",
        "Illustration: the front of the Maison Escale with its door open, under the afternoon sun.",
    ),
    "dejeuner": (
        "table",
        6,
        "Déjeuner partagé",
        "Illustration : des convives autour d'une grande table garnie, dans une salle aux couleurs chaudes.",
        "Illustration: guests around a large laid table, in a warmly coloured room.",
    ),
    "sophrologie": (
        "calm",
        7,
        "Sophrologie",
        "Illustration : une silhouette assise face à un soleil couchant au-dessus de vagues paisibles.",
        "Illustration: a figure sitting in front of a setting sun above calm waves.",
    ),
    "ccas": (
        "circle",
        8,
        "Partenariat avec le CCAS",
        "Illustration : un cercle de personnes réunies autour d'une feuille rouge posée au centre.",
        "Illustration: a circle of people gathered around a red leaf in the middle.",
    ),
    "fete": (
        "garland",
        9,
        "Fête de quartier",
        "Illustration : des habitants sous des guirlandes de fanions colorés et des ballons, un jour d'été.",
        "Illustration: neighbours under strings of colourful bunting and balloons on a summer day.",
    ),
    "bilan": (
        "growth",
        10,
        "Bilan annuel",
        "Illustration : un histogramme aux barres colorées qui montent, à côté d'un jeune arbre.",
        "Illustration: a bar chart with rising colourful bars, next to a young tree.",
    ),
    "automne": (
        "leaves",
        11,
        "Feuilles d'automne",
        "Illustration : des feuilles vertes, ocre et rouges dispersées autour d'une clairière claire.",
        "Illustration: green, ochre and red leaves scattered around a pale clearing.",
    ),
    "paysage": (
        "landscape",
        12,
        "Coteaux girondins",
        "Illustration : des collines verdoyantes et des rangs de vigne sous un soleil doux.",
        "Illustration: green hills and rows of vines under a soft sun.",
    ),
}

# Newest first. "date" is (year offset, month, day) within the last season, from late August to January
# (see build.news_date: the season ends in the last January); "en" items are translated.
NEWS = [
    {
        "key": "bilan-annuel",
        "date": (1, 1, 26),
        "image": "bilan",
        "tags": ["vie du lieu"],
        "fr": {
            "title": "Bilan de l'année : l'entraide en chiffres",
            "slug": "bilan-annuel",
            "summary": "412 adhérents, 38 ateliers différents, 96 aidants accompagnés : l'assemblée générale a "
            "présenté le bilan d'une année riche, et les projets pour la suivante.",
            "body": [
                paragraph(
                    "Mi-janvier, près de quatre-vingts personnes ont assisté à l'assemblée générale de "
                    "l'association. L'occasion de regarder le chemin parcouru et de remercier les bénévoles."
                ),
                heading("L'année en quelques chiffres"),
                paragraph(
                    bullets(
                        "412 adhérents, dont 140 nouveaux ;",
                        "38 ateliers différents et 1 250 participations ;",
                        "96 proches aidants accompagnés par l'équipe sociale ;",
                        "11 communes visitées par le bus numérique.",
                    )
                ),
                heading("Et l'an prochain ?"),
                paragraph(
                    "Un atelier de cuisine adaptée, un groupe de parole pour les jeunes aidants et, nous "
                    "l'espérons, un deuxième bus pour les communes du sud de la Gironde."
                ),
            ],
        },
        "en": {
            "tags": ["community life"],
            "title": "The year in review: mutual help in figures",
            "slug": "annual-review",
            "summary": "412 members, 38 different workshops, 96 carers supported: the general meeting presented "
            "the results of a busy year, and the plans for the next one.",
            "body": [
                paragraph(
                    "In mid-January, nearly eighty people attended the association's general meeting. A chance "
                    "to look back on the year and to thank our volunteers."
                ),
                heading("The year in a few figures"),
                paragraph(
                    bullets(
                        "412 members, 140 of them new;",
                        "38 different workshops and 1,250 attendances;",
                        "96 family carers supported by the social team;",
                        "11 towns and villages visited by the digital bus.",
                    )
                ),
                heading("What about next year?"),
                paragraph(
                    "An adapted cooking workshop, a support group for young carers and, we hope, a second bus "
                    "for the towns in the south of the Gironde."
                ),
            ],
        },
    },
    {
        "key": "partenariat-ccas",
        "date": (1, 1, 12),
        "image": "ccas",
        "tags": ["aidants", "vie du lieu"],
        "fr": {
            "title": "Un partenariat renforcé avec le CCAS de Bègles",
            "slug": "partenariat-ccas",
            "summary": "La Maison Escale et le centre communal d'action sociale signent une convention : "
            "une permanence commune chaque jeudi matin et des orientations plus rapides.",
            "body": [
                paragraph(
                    "Depuis janvier, une conseillère du CCAS tient une permanence à la Maison chaque jeudi, "
                    "de 9 h 30 à 12 h. Sans rendez-vous, vous pouvez y poser vos questions sur l'aide à "
                    "domicile, le portage de repas ou la téléassistance."
                ),
                quote(
                    "Les aidants viennent déjà ici pour les ateliers : autant leur éviter un déplacement de plus.",
                    "Sophie Lambert, travailleuse sociale",
                ),
                paragraph(
                    "La convention prévoit aussi une fiche de liaison commune, remplie avec votre accord, pour "
                    "ne pas avoir à raconter votre situation deux fois."
                ),
            ],
        },
        "en": {
            "tags": ["carers", "community life"],
            "title": "A stronger partnership with the Bègles social services (CCAS)",
            "slug": "ccas-partnership",
            "summary": "La Maison Escale and the municipal social action centre sign an agreement: a joint "
            "drop-in every Thursday morning and faster referrals.",
            "body": [
                paragraph(
                    "Since January, an adviser from the CCAS holds a drop-in session at the Maison every "
                    "Thursday from 9.30 am to noon. No appointment needed: ask your questions about home help, "
                    "meal delivery or personal alarms."
                ),
                quote(
                    "Carers already come here for the workshops: we might as well save them one more trip.",
                    "Sophie Lambert, social worker",
                ),
                paragraph(
                    "The agreement also provides a shared referral form, filled in with your consent, so you do "
                    "not have to explain your situation twice."
                ),
            ],
        },
    },
    {
        "key": "fete-de-quartier",
        "date": (0, 12, 15),
        "image": "fete",
        "tags": ["vie du lieu"],
        "fr": {
            "title": "Retour sur la fête de quartier de la Maison",
            "slug": "fete-de-quartier",
            "summary": "Guinguette, chorale des Tilleuls et grand goûter : plus de trois cents voisins sont venus "
            "fêter la fin d'année dans le jardin de la Maison.",
            "body": [
                paragraph(
                    "Malgré la fraîcheur, le jardin ne désemplissait pas. La chorale des Tilleuls a ouvert le "
                    "bal, suivie d'un orchestre de guinguette qui a fait danser toutes les générations."
                ),
                paragraph(
                    "Merci aux vingt-deux bénévoles qui ont préparé crêpes, vin chaud et jus de pomme, et aux "
                    "commerçants de la rue qui ont offert les lots de la tombola."
                ),
            ],
        },
    },
    {
        "key": "atelier-sophrologie",
        "date": (0, 10, 15),
        "image": "sophrologie",
        "tags": ["bien-être", "aidants"],
        "fr": {
            "title": "Nouvel atelier de sophrologie pour les aidants",
            "slug": "atelier-sophrologie",
            "summary": "Six séances pour apprendre à relâcher les tensions et mieux dormir, animées par une "
            "sophrologue diplômée, le mardi après-midi.",
            "body": [
                paragraph(
                    "S'occuper d'un proche fatigue le corps autant que l'esprit. Cet atelier propose des "
                    "exercices simples de respiration et de relaxation, à refaire chez soi en quelques minutes."
                ),
                heading("En pratique"),
                paragraph(
                    bullets(
                        "Le mardi de 14 h 30 à 15 h 30, six séances à partir de début novembre ;",
                        "Assis sur une chaise : aucune aisance physique n'est nécessaire ;",
                        "Gratuit pour les adhérents, groupe limité à dix personnes.",
                    )
                ),
                call_to_action(
                    "S'inscrire à l'atelier",
                    "Inscription à l'accueil ou par téléphone au 05 56 00 00 00.",
                    "Nous appeler",
                    url="tel:+33556000000",
                ),
            ],
        },
    },
    {
        "key": "dejeuner-partage",
        "date": (0, 11, 10),
        "image": "dejeuner",
        "tags": ["vie du lieu", "bien-être"],
        "fr": {
            "title": "Le déjeuner partagé revient chaque mois",
            "slug": "dejeuner-partage",
            "summary": "Chacun apporte un plat, la Maison offre le café : le déjeuner partagé a lieu désormais "
            "le dernier vendredi de chaque mois.",
            "body": [
                paragraph(
                    "Lancé l'an dernier à l'initiative de quelques adhérentes, le déjeuner partagé est devenu "
                    "un rendez-vous attendu. On y goûte les recettes des uns et des autres et on y fait "
                    "connaissance, loin des écrans."
                ),
                quote("On vient pour manger, on reste pour discuter jusqu'à quatre heures.", "Josette, adhérente"),
                paragraph(
                    "Pas de plat à apporter ? Venez quand même : il y a toujours assez pour tout le monde. "
                    "Pensez à nous signaler vos allergies et régimes particuliers."
                ),
            ],
        },
    },
    {
        "key": "portes-ouvertes",
        "date": (0, 10, 1),
        "image": "portes-ouvertes",
        "tags": ["vie du lieu"],
        "fr": {
            "title": "Portes ouvertes : venez découvrir la Maison",
            "slug": "portes-ouvertes",
            "summary": "Le deuxième samedi d'octobre, de 10 h à 17 h, visitez les lieux, rencontrez l'équipe et "
            "essayez un atelier.",
            "body": [
                paragraph(
                    "Vous vous demandez ce qui se passe derrière les grandes fenêtres de la rue des Tilleuls ? "
                    "C'est le moment de pousser la porte."
                ),
                paragraph(
                    bullets(
                        "Visites guidées toutes les heures ;",
                        "Démonstrations : atelier mémoire, initiation à la tablette, marche douce ;",
                        "Stand d'information sur le droit au répit des aidants.",
                    )
                ),
                paragraph("Entrée libre, le bâtiment est entièrement accessible de plain-pied."),
            ],
        },
    },
    {
        "key": "bus-numerique-cadaujac",
        "date": (0, 9, 24),
        "image": "bus",
        "tags": ["numérique"],
        "fr": {
            "title": "Le bus numérique passe par Cadaujac",
            "slug": "bus-numerique-cadaujac",
            "summary": "Créer sa boîte e-mail, déclarer ses impôts, faire une visio avec ses petits-enfants : "
            "le bus numérique s'arrête place de la Mairie de Cadaujac tous les quinze jours.",
            "body": [
                paragraph(
                    "Notre bus aménagé, équipé de six postes et d'une connexion internet, sillonne les communes "
                    "voisines pour aller au-devant de celles et ceux qui ne peuvent pas venir jusqu'à Bègles."
                ),
                heading("Prochains passages"),
                paragraph(
                    "Un mercredi sur deux, de 9 h 30 à 12 h 30, place de la Mairie à Cadaujac. Sans "
                    "rendez-vous ; venez avec votre téléphone ou votre tablette si vous en avez."
                ),
                quote(
                    "J'ai enfin pu voir mon arrière-petite-fille qui vit à Montréal. J'en ai pleuré.",
                    "Georgette, 91 ans",
                ),
            ],
        },
        "en": {
            "tags": ["digital"],
            "title": "The digital bus stops in Cadaujac",
            "slug": "digital-bus-cadaujac",
            "summary": "Setting up an e-mail account, filing a tax return, a video call with the grandchildren: "
            "the digital bus stops on the Cadaujac town hall square every other week.",
            "body": [
                paragraph(
                    "Our converted bus, with six workstations and an internet connection, travels around the "
                    "neighbouring towns to meet the people who cannot come all the way to Bègles."
                ),
                heading("Next visits"),
                paragraph(
                    "Every other Wednesday, 9.30 am to 12.30 pm, on the town hall square in Cadaujac. No "
                    "appointment needed; bring your phone or tablet if you have one."
                ),
                quote(
                    "At last I could see my great-granddaughter who lives in Montreal. It brought tears to my eyes.",
                    "Georgette, 91",
                ),
            ],
        },
    },
    {
        "key": "ateliers-numeriques",
        "date": (0, 9, 8),
        "image": "numerique",
        "tags": ["numérique"],
        "fr": {
            "title": "Un nouveau cycle d'ateliers numériques",
            "slug": "ateliers-numeriques",
            "summary": "Dix séances en petit groupe pour prendre en main sa tablette, naviguer sur internet en "
            "sécurité et faire ses démarches en ligne.",
            "body": [
                paragraph(
                    "Le nouveau cycle commence le troisième jeudi de septembre. Chaque séance dure une heure et demie, "
                    "avec un animateur et un bénévole pour six participants : on avance à son rythme."
                ),
                heading("Au programme"),
                paragraph(
                    bullets(
                        "Prendre en main sa tablette ou son téléphone ;",
                        "Envoyer des photos et faire une visio ;",
                        "Reconnaître les arnaques et les faux messages ;",
                        "Utiliser les sites de l'Assurance maladie et des impôts.",
                    )
                ),
                paragraph("Des tablettes peuvent être prêtées pendant les séances."),
            ],
        },
        "en": {
            "tags": ["digital"],
            "title": "A new series of digital skills workshops",
            "slug": "digital-skills-workshops",
            "summary": "Ten small-group sessions to get to grips with your tablet, browse the internet safely "
            "and do your paperwork online.",
            "body": [
                paragraph(
                    "The new series starts on the third Thursday of September. Each session lasts an hour and a half, "
                    "with a facilitator and a volunteer for six participants: everyone goes at their own pace."
                ),
                heading("What we will cover"),
                paragraph(
                    bullets(
                        "Getting started with your tablet or phone;",
                        "Sending photos and making video calls;",
                        "Spotting scams and fake messages;",
                        "Using the health insurance and tax websites.",
                    )
                ),
                paragraph("Tablets can be lent during the sessions."),
            ],
        },
    },
    {
        "key": "cafe-des-aidants-rentree",
        "date": (0, 8, 29),
        "image": "cafe",
        "tags": ["aidants"],
        "fr": {
            "title": "Le café des aidants fait sa rentrée",
            "slug": "cafe-des-aidants-rentree",
            "summary": "Premier rendez-vous le premier samedi de septembre, à 10 h : un temps d'échange convivial entre "
            "proches aidants, accompagné par notre psychologue.",
            "body": [
                paragraph(
                    "Vous accompagnez un parent, un conjoint ou un enfant malade ou en situation de handicap ? "
                    "Le café des aidants est un lieu pour en parler librement, autour d'un café, avec d'autres "
                    "personnes qui vivent la même chose."
                ),
                paragraph(
                    "Chaque séance a un thème : la culpabilité, le sommeil, demander de l'aide, les relations "
                    "avec les soignants… Nadia Benali, psychologue, anime les échanges."
                ),
                quote(
                    "Ici, on peut dire qu'on est fatigué sans avoir l'impression de trahir ceux qu'on aime.",
                    "Un participant du café des aidants",
                ),
                paragraph(
                    "Gratuit, sans inscription. Si vous ne pouvez pas laisser votre proche seul, parlez-en à "
                    "l'accueil : un bénévole peut lui tenir compagnie dans le salon pendant ce temps."
                ),
            ],
        },
        "en": {
            "tags": ["carers"],
            "title": "The carers' café is back after the summer",
            "slug": "carers-cafe-back",
            "summary": "First meeting on the first Saturday of September, at 10 am: a friendly time for family carers to talk, "
            "with our psychologist.",
            "body": [
                paragraph(
                    "Do you care for a parent, a partner or a child who is ill or disabled? The carers' café is "
                    "a place to talk about it freely, over a coffee, with other people going through the same "
                    "thing."
                ),
                paragraph(
                    "Each session has a theme: guilt, sleep, asking for help, relationships with care "
                    "professionals… Nadia Benali, psychologist, leads the discussion."
                ),
                quote(
                    "Here you can say you are tired without feeling you are betraying the people you love.",
                    "A carers' café participant",
                ),
                paragraph(
                    "Free, no booking needed. If you cannot leave your relative alone, talk to us at reception: "
                    "a volunteer can keep them company in the lounge in the meantime."
                ),
            ],
        },
    },
]

NEWS_INDEX = {
    "fr": {
        "title": "Actualités",
        "slug": "actualites",
        "search_description": "Les nouvelles de La Maison Escale : ateliers, vie du lieu, aidants, numérique.",
        "intro": "Les nouvelles de la Maison : nouveaux ateliers, rendez-vous, partenariats et moments forts.",
    },
    "en": {
        "title": "News",
        "slug": "news",
        "search_description": "News from La Maison Escale: workshops, community life, carers, digital skills.",
        "intro": "News from the Maison: new workshops, events, partnerships and highlights.",
    },
}

__all__ = ["IMAGES", "NEWS", "NEWS_INDEX", "call_to_action"]
