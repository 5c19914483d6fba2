"""Demo content for `seed_demo`: themes, places (bus stops included), activities, 8 weeks of sessions,
and the English translation of the activity pages, themes and audiences (through wagtail-localize)."""

import copy
import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Locale, Page, Site

from activities.exceptions import BookingError
from activities.models import ActivityIndexPage, ActivityPage, Audience, Booking, Place, Session, Theme
from activities.services import book
from demo.translation import sync_translation

THEMES = [
    ("bien-etre", "Bien-être"),
    ("numerique", "Numérique"),
    ("aidants", "Aidants"),
    ("convivialite", "Convivialité"),
    ("culture", "Culture"),
]
AUDIENCES = [("seniors", "Seniors"), ("aidants", "Aidants familiaux"), ("tout-public", "Tout public")]
PLACES = [
    # name, address, postal code, commune, lat, lon, bus stop, access
    ("Tiers-lieu L'Escale", "12 avenue des Pyrénées", "33140", "Villenave-d'Ornon", "44.7800", "-0.5580", False,
     "Plain-pied, toilettes accessibles, boucle magnétique. Tram C arrêt Villenave Pyrénées."),
    ("Salle des associations", "3 place de la Mairie", "33850", "Léognan", "44.7290", "-0.5990", False,
     "Rez-de-chaussée, parking devant la salle."),
    ("Bus numérique – place de l'Église", "Place de l'Église", "33140", "Cadaujac", "44.7540", "-0.5320", True,
     "Le bus dispose d'une rampe pour fauteuil roulant."),
    ("Bus numérique – parking du marché", "Rue du Marché", "33140", "Villenave-d'Ornon", "44.7760", "-0.5650", True,
     "Le bus dispose d'une rampe pour fauteuil roulant."),
    ("Bus numérique – halle", "Place Joane", "33850", "Léognan", "44.7300", "-0.6000", True,
     "Le bus dispose d'une rampe pour fauteuil roulant."),
]  # fmt: skip
# French name → (English name, English access notes), shown on the /en/ pages.
PLACES_EN = {
    "Tiers-lieu L'Escale": (
        "L'Escale community space",
        "Step-free, accessible toilets, hearing loop. Tram C, Villenave Pyrénées stop.",
    ),
    "Salle des associations": ("Community hall", "Ground floor, parking in front of the hall."),
    "Bus numérique – place de l'Église": ("Digital bus – church square", "The bus has a wheelchair ramp."),
    "Bus numérique – parking du marché": ("Digital bus – market car park", "The bus has a wheelchair ramp."),
    "Bus numérique – halle": ("Digital bus – market hall", "The bus has a wheelchair ramp."),
}

# slug, title, summary, themes, audiences, facilitator, capacity, min, full, member, solidarity,
# weekday, hour, minute, duration (min), place index, cycle price
ACTIVITIES = [
    ("yoga-doux", "Yoga doux sur chaise", "Des mouvements lents, assis ou debout, pour garder souplesse et équilibre.",
     ["bien-etre"], ["seniors"], "Claire, professeure de yoga adapté", 12, 4, "12.00", "8.00", "3.00", 1, 10, 0, 90, 0, None),
    ("sophrologie", "Sophrologie", "Respiration et détente pour mieux dormir et apaiser le stress.",
     ["bien-etre"], ["seniors", "aidants"], "Marc, sophrologue", 10, 3, "12.00", "8.00", "3.00", 3, 14, 30, 60, 0, None),
    ("atelier-numerique", "Atelier numérique : la tablette pas à pas",
     "Dix ateliers mensuels pour apprivoiser tablette, courriels et démarches en ligne.",
     ["numerique"], ["seniors"], "Sofiane, conseiller numérique", 8, 4, "10.00", "6.00", "2.00", 1, 14, 0, 120, 1, "60.00"),
    ("cafe-des-aidants", "Café des aidants", "Un temps d'échange entre proches aidants, animé par une psychologue.",
     ["aidants"], ["aidants"], "Nathalie, psychologue", 15, 3, "0.00", "0.00", "0.00", 5, 10, 0, 90, 0, None),
    ("dejeuner-partage", "Déjeuner partagé", "Chacun apporte un plat ; on cuisine et on mange ensemble.",
     ["convivialite"], ["tout-public"], "L'équipe de L'Escale", 20, 6, "5.00", "3.00", "1.00", 4, 12, 0, 120, 0, None),
    ("visite-culturelle", "Visite culturelle", "Une sortie accompagnée au musée ou au patrimoine, transport compris.",
     ["culture"], ["seniors", "tout-public"], "Hélène, médiatrice culturelle", 12, 5, "15.00", "10.00", "4.00", 2, 14, 0, 180, 0, None),
]  # fmt: skip

# English translations, keyed by the French slug. Theme and audience slugs stay the same in both
# languages (filter and feed URLs such as ?theme=numerique mean the same thing everywhere).
THEMES_EN = {
    "bien-etre": "Well-being",
    "numerique": "Digital skills",
    "aidants": "Family carers",
    "convivialite": "Getting together",
    "culture": "Culture",
}
AUDIENCES_EN = {"seniors": "Older people", "aidants": "Family carers", "tout-public": "Open to all"}
INDEX_EN = {
    "slug": "activities",
    "title": "Activities",
    "intro": "Workshops, outings and time to talk, run by L'Escale and its partners.",
}
ACCESSIBILITY_EN = "Step-free room. Let us know about any particular need."
ACTIVITIES_EN = {
    "yoga-doux": {
        "slug": "chair-yoga",
        "title": "Gentle chair yoga",
        "summary": "Slow movements, seated or standing, to keep supple and steady on your feet.",
        "facilitator": "Claire, adapted yoga teacher",
    },
    "sophrologie": {
        "slug": "sophrology",
        "title": "Sophrology (relaxation)",
        "summary": "Breathing and relaxation to sleep better and ease stress.",
        "facilitator": "Marc, sophrologist",
    },
    "atelier-numerique": {
        "slug": "tablet-workshop",
        "title": "Digital workshop: the tablet step by step",
        "summary": "Ten monthly workshops to get to grips with a tablet, e-mail and online forms.",
        "facilitator": "Sofiane, digital adviser",
    },
    "cafe-des-aidants": {
        "slug": "carers-cafe",
        "title": "Carers' café",
        "summary": "Time to talk with other family carers, led by a psychologist.",
        "facilitator": "Nathalie, psychologist",
    },
    "dejeuner-partage": {
        "slug": "shared-lunch",
        "title": "Shared lunch",
        "summary": "Everyone brings a dish; we cook and eat together.",
        "facilitator": "The L'Escale team",
    },
    "visite-culturelle": {
        "slug": "cultural-outing",
        "title": "Cultural outing",
        "summary": "A guided trip to a museum or a heritage site, transport included.",
        "facilitator": "Hélène, cultural guide",
    },
    "bus-numerique": {
        "slug": "digital-bus",
        "title": "Travelling digital bus",
        "summary": "The digital bus comes near your home: 12 seats, an adviser and tablets to borrow.",
        "facilitator": "Sofiane, digital adviser",
        "accessibility_notes": "Wheelchair ramp. Door-to-door transport possible (5 seats).",
    },
}


PARTICIPANTS = 14


def _index_page(stdout):
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        stdout.write("demo.activities: no default site, skipped.")
        return None
    home = site.root_page
    index = ActivityIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=ActivityIndexPage(
                title="Agenda des activités",
                slug="activites",
                intro="Ateliers, sorties et moments d'échange proposés par L'Escale et ses partenaires.",
            )
        )
    return index


def _demo_people(count):
    User = get_user_model()
    people = []
    for n in range(1, count + 1):
        email = f"participant{n}@escale.example"
        user, created = User.objects.get_or_create(
            username=f"participant{n}", defaults={"email": email, "first_name": "Participant", "last_name": str(n)}
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        people.append(user)
    return people


def _next_weekday(day, weekday):
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def seed(*, stdout):
    """Create the demo activities; safe to run again (existing rows are left alone)."""
    index = _index_page(stdout)
    if index is None:
        return
    themes = {slug: Theme.objects.get_or_create(slug=slug, locale=index.locale, defaults={"name": name})[0]
              for slug, name in THEMES}  # fmt: skip
    audiences = {
        slug: Audience.objects.get_or_create(slug=slug, locale=index.locale, defaults={"name": name})[0]
        for slug, name in AUDIENCES
    }
    places = []
    for name, address, postal, commune, lat, lon, bus, access in PLACES:
        place, _created = Place.objects.get_or_create(
            name=name,
            commune=commune,
            defaults={
                "address": address,
                "postal_code": postal,
                "latitude": Decimal(lat),
                "longitude": Decimal(lon),
                "is_bus_stop": bus,
                "access_info": access,
            },
        )
        name_en, access_en = PLACES_EN[name]
        if (place.name_en, place.access_info_en) != (name_en, access_en):
            place.name_en, place.access_info_en = name_en, access_en
            place.save(update_fields=["name_en", "access_info_en"])
        places.append(place)

    _demo_people(PARTICIPANTS)
    today = timezone.localdate()
    tz = timezone.get_current_timezone()
    created_sessions = 0

    def add_sessions(activity, dates, hour, minute, duration, place_for, capacity, pickup_seats=0):
        nonlocal created_sessions
        sessions = []
        for i, day in enumerate(dates):
            start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)), tz)
            sessions.append(
                Session.objects.create(
                    activity=activity,
                    start=start,
                    end=start + datetime.timedelta(minutes=duration),
                    place=place_for(i),
                    capacity=capacity,
                    min_participants=activity.min_participants,
                    pickup_seats=pickup_seats,
                    cancellation_deadline=start - datetime.timedelta(days=1),
                )
            )
        created_sessions += len(sessions)
        return sessions

    for row in ACTIVITIES:
        (slug, title, summary, theme_slugs, audience_slugs, facilitator, capacity, minimum, full, member_price,
         solidarity, weekday, hour, minute, duration, place_index, cycle_price) = row  # fmt: skip
        activity = ActivityPage.objects.child_of(index).filter(slug=slug).first()
        if activity is None:
            activity = ActivityPage(
                title=title,
                slug=slug,
                summary=summary,
                facilitator=facilitator,
                default_capacity=capacity,
                min_participants=minimum,
                full_price=Decimal(full),
                member_price=Decimal(member_price),
                solidarity_price=Decimal(solidarity),
                is_cycle=cycle_price is not None,
                cycle_price=Decimal(cycle_price) if cycle_price else None,
                accessibility_notes="Salle de plain-pied. Prévenez-nous de tout besoin particulier.",
            )
            activity.themes.set([themes[s] for s in theme_slugs])
            activity.audiences.set([audiences[s] for s in audience_slugs])
            index.add_child(instance=activity)
        if Session.objects.filter(activity=activity).exists():
            continue
        first = _next_weekday(today + datetime.timedelta(days=1), weekday)
        if cycle_price is not None:
            dates = [first + datetime.timedelta(weeks=4 * i) for i in range(10)]  # monthly cycle
        else:
            dates = [first + datetime.timedelta(weeks=i) for i in range(8)]
        add_sessions(activity, dates, hour, minute, duration, lambda i, p=place_index: places[p], capacity)

    bus = ActivityPage.objects.child_of(index).filter(slug="bus-numerique").first()
    if bus is None:
        bus = ActivityPage(
            title="Bus numérique itinérant",
            slug="bus-numerique",
            summary="Le bus numérique vient près de chez vous : 12 places, un conseiller, des tablettes prêtées.",
            facilitator="Sofiane, conseiller numérique",
            default_capacity=12,
            min_participants=3,
            full_price=Decimal("0.00"),
            member_price=Decimal("0.00"),
            accessibility_notes="Rampe d'accès pour fauteuil roulant. Transport à domicile possible (5 places).",
        )
        bus.themes.set([themes["numerique"]])
        bus.audiences.set([audiences["seniors"], audiences["tout-public"]])
        index.add_child(instance=bus)
    if not Session.objects.filter(activity=bus).exists():
        stops = [p for p in places if p.is_bus_stop]
        first = _next_weekday(today + datetime.timedelta(days=1), 0)
        dates = [first + datetime.timedelta(weeks=i) for i in range(8)]
        add_sessions(bus, dates, 9, 30, 180, lambda i: stops[i % len(stops)], 12, pickup_seats=5)

    translated = translate_to_english(index, themes, audiences)
    stdout.write(f"demo.activities: {ActivityPage.objects.child_of(index).count()} activities, "
                 f"{created_sessions} new sessions, {translated} English translations.")  # fmt: skip


def _twin(instance, values):
    """An unsaved copy of `instance` carrying the English `values`, matched segment by segment."""
    twin = instance.__class__.from_json(instance.to_json()) if isinstance(instance, Page) else copy.copy(instance)
    for name, value in values.items():
        setattr(twin, name, value)
    return twin


def translate_to_english(index, themes, audiences):
    """English versions of the themes, audiences, activity index and activity pages; unchanged ones are
    left alone (no new revision). Returns how many objects have an English version."""
    english = Locale.objects.filter(language_code="en").first()
    if english is None or english.pk == index.locale_id:
        return 0
    done = 0
    for vocabulary, names in ((themes, THEMES_EN), (audiences, AUDIENCES_EN)):
        for slug, item in vocabulary.items():
            sync_translation(item, _twin(item, {"name": names[slug]}), english)
            done += 1
    sync_translation(index, _twin(index, INDEX_EN), english)
    done += 1
    for activity in ActivityPage.objects.child_of(index).filter(locale=index.locale).order_by("path"):
        values = ACTIVITIES_EN.get(activity.slug)
        if values is None:
            continue  # an activity added by an editor: translated in the admin, not by the demo
        values = {"accessibility_notes": ACCESSIBILITY_EN, **values}
        sync_translation(activity, _twin(activity, values), english)
        done += 1
    return done


# Upcoming demo bookings, made through `activities.services.book` (seats, waitlist and prices by the rules):
# activity slug → [(index of its upcoming session, how many demo participants book it)].
FILLS = {
    "yoga-doux": [(0, -2), (1, +2)],  # capacity - 2: nearly full; capacity + 2: full with a waitlist
    "sophrologie": [(0, -1)],
    "visite-culturelle": [(1, 3)],  # under its minimum: a warning for coordinators
    "bus-numerique": [(0, 10)],
}
RELATIVE = ("yoga-doux", "sophrologie")  # counts relative to the session's capacity
MEMBER_BOOKINGS = ("yoga-doux", "cafe-des-aidants")  # the demo member's upcoming bookings (third session)


def seed_bookings(*, stdout):
    """Book the demo participants and the demo member through the booking service, once per activity.

    Runs outside any transaction: `book` opens its own (durable) one per booking, locks the session and
    decides confirmed or waitlisted and the price (member price for a member) exactly as for a visitor.
    """
    people = _demo_people(PARTICIPANTS)
    member = get_user_model().objects.filter(email="membre@escale.example").first()
    now = timezone.now()
    made = 0
    for activity in ActivityPage.objects.filter(slug__in={*FILLS, *MEMBER_BOOKINGS}, locale__language_code="fr"):
        upcoming = list(
            Session.objects.filter(activity=activity, start__gt=now).select_related("activity").order_by("start")
        )
        if not Booking.objects.filter(session__activity=activity, member__in=people).exists():
            for index, count in FILLS.get(activity.slug, []):
                if index < len(upcoming):
                    session = upcoming[index]
                    wanted = session.capacity + count if activity.slug in RELATIVE else count
                    made += _fill(session, people[:wanted])
        wants_member = member and activity.slug in MEMBER_BOOKINGS and len(upcoming) > 2
        if wants_member and not Booking.objects.filter(session__activity=activity, member=member).exists():
            made += _fill(upcoming[2], [member])
    stdout.write(f"demo.activities: {made} new bookings.")


def _fill(session, people):
    """Book `people` on `session` through the service; returns how many bookings it made."""
    made = 0
    for person in people:
        try:
            book(session, person)
        except BookingError:
            continue  # already booked, or closed since: the demo leaves it as it is
        made += 1
    return made
