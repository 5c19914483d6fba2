"""`manage.py create_random_data N [--sessions M]`: N published pages and M sessions in bulk, for `make bench`.

Run after `seed_demo` (it needs the demo site: home page, news index, activity index, places). Pages are
written with bulk inserts (treebeard paths computed here), then indexed in one pass by the search backend:
10,000 pages take seconds, not the minutes `add_child` would need.
"""

import datetime
import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from activities.models import ActivityIndexPage, ActivityPage, Place, Session
from home.models import HomePage, NewsIndexPage, NewsPage, StandardPage
from search.caching import forget_everything

WORDS = [
    "atelier",
    "numérique",
    "jardin",
    "cuisine",
    "mémoire",
    "marche",
    "yoga",
    "chant",
    "théâtre",
    "peinture",
    "lecture",
    "tablette",
    "aidants",
    "répit",
    "café",
    "rencontre",
    "sortie",
    "musée",
    "balade",
    "équilibre",
    "gymnastique",
    "couture",
    "informatique",
    "photographie",
    "conversation",
    "santé",
    "sommeil",
    "nutrition",
    "prévention",
    "droits",
    "démarches",
    "transport",
    "bus",
    "village",
    "commune",
    "médiathèque",
    "printemps",
    "été",
    "automne",
    "hiver",
    "famille",
    "voisins",
    "entraide",
    "bénévoles",
]
BATCH = 1000


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize()


class Command(BaseCommand):
    help = "Crée N pages publiées et des séances en masse (données de test de charge). À lancer après seed_demo."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="Nombre de pages à créer")
        parser.add_argument("--sessions", type=int, default=0, help="Nombre de séances à créer")
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, count, sessions, seed, **options):
        rng = random.Random(seed)  # noqa: S311 - test data, not security
        home = HomePage.objects.filter(locale__language_code="fr").first()
        news_index = NewsIndexPage.objects.filter(locale__language_code="fr").first()
        activity_index = ActivityIndexPage.objects.filter(locale__language_code="fr").first()
        if not (home and news_index and activity_index):
            raise CommandError("Lancez d'abord `manage.py seed_demo`.")
        share = {StandardPage: (home, 0.5), NewsPage: (news_index, 0.35), ActivityPage: (activity_index, 0.15)}
        created = {}
        with transaction.atomic():
            for model, (parent, ratio) in share.items():
                n = round(count * ratio) if model is not ActivityPage else count - sum(created.values())
                created[model] = self.create_pages(model, parent, n, rng)
            made_sessions = self.create_sessions(sessions, rng)
        backend = get_search_backend()
        for model in share:
            pages = model.objects.filter(slug__startswith="bench-").order_by("pk")
            for start in range(0, pages.count(), BATCH):
                backend.add_bulk(model, list(pages[start : start + BATCH]))
        forget_everything()  # bulk inserts send no publish signal: cached searches must not miss these pages
        summary = ", ".join(f"{n} {model._meta.verbose_name_plural}" for model, n in created.items())
        self.stdout.write(self.style.SUCCESS(f"Créé : {summary}, {made_sessions} séances."))

    def create_pages(self, model, parent, n, rng):
        if n <= 0:
            return 0
        parent = Page.objects.get(pk=parent.pk)
        last = parent.get_last_child()
        start = last._get_lastpos_in_path() + 1 if last else 1  # treebeard: next free step under parent
        content_type = ContentType.objects.get_for_model(model)
        now = timezone.now()
        today = timezone.localdate()
        made = 0
        for batch_start in range(0, n, BATCH):
            pages = []
            for i in range(batch_start, min(n, batch_start + BATCH)):
                title = sentence(rng, 3)
                slug = f"bench-{slugify(title)}-{start + i}"
                fields = {
                    "title": title,
                    "draft_title": title,
                    "slug": slug,
                    "path": Page._get_path(parent.path, parent.depth + 1, start + i),
                    "depth": parent.depth + 1,
                    "numchild": 0,
                    "url_path": f"{parent.url_path}{slug}/",
                    "content_type": content_type,
                    "locale_id": parent.locale_id,
                    "translation_key": uuid.uuid4(),
                    "live": True,
                    "has_unpublished_changes": False,
                    "first_published_at": now,
                    "last_published_at": now,
                }
                if model is StandardPage:
                    fields.update(intro=sentence(rng, 25))
                elif model is NewsPage:
                    fields.update(date=today - datetime.timedelta(days=i % 700), summary=sentence(rng, 25))
                else:
                    fields.update(summary=sentence(rng, 25), facilitator=sentence(rng, 2))
                pages.append(model(**fields))
            # Multi-table inheritance: Django's bulk_create refuses it, so insert the Page rows, then the
            # child rows, as Model.save() would (one INSERT per table, but for a whole batch).
            Page.objects.bulk_create(pages)  # sets pk on PostgreSQL and SQLite
            for page in pages:
                page.page_ptr_id = page.id
            model._base_manager._insert(  # noqa: SLF001 - the same call Model.save() makes per row
                pages, fields=model._meta.local_concrete_fields, using="default"
            )
            made += len(pages)
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + made)
        return made

    def create_sessions(self, n, rng):
        if n <= 0:
            return 0
        activities = list(ActivityPage.objects.live().filter(locale__language_code="fr").order_by("pk")[:40])
        places = list(Place.objects.all())
        if not activities or not places:
            raise CommandError("Il faut des activités et des lieux (seed_demo).")
        tz = timezone.get_current_timezone()
        today = timezone.localdate()
        rows = []
        for i in range(n):
            day = today + datetime.timedelta(days=1 + i % 90)
            start = datetime.datetime.combine(day, datetime.time(9 + (i % 8), 0), tzinfo=tz)
            rows.append(
                Session(
                    activity=activities[i % len(activities)],
                    place=rng.choice(places),
                    start=start,
                    end=start + datetime.timedelta(hours=1, minutes=30),
                    capacity=12,
                )
            )
        Session.objects.bulk_create(rows, batch_size=BATCH)
        return n
