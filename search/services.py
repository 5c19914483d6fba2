"""Site search: which content is searchable, French-friendly queries, results with their next sessions."""

import logging
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, PlainText
from wagtail.search.utils import normalise_query_string

from activities.models import ActivityPage, Place, Session, Theme
from home.models import NewsPage, StandardPage
from partners.models import PartnerOrganisation
from search import caching
from search.tasks import record_search_hit

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
SESSIONS_PER_ACTIVITY = 3
PLACES_ON_FIRST_PAGE = 5
PARTNERS_ON_FIRST_PAGE = 5
CACHE_SECONDS = 60 * 60  # a safety net: changes bump the generation (search/caching.py)
SUGGESTIONS_LIMIT = 8
STOP_WORDS = frozenset(
    [
        "a",
        "au",
        "aux",
        "avec",
        "ce",
        "ces",
        "dans",
        "de",
        "des",
        "du",
        "en",
        "et",
        "la",
        "le",
        "les",
        "leur",
        "ou",
        "par",
        "pour",
        "sur",
        "un",
        "une",
        "and",
        "at",
        "for",
        "in",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
    ]
)

# The only content the search ever reads. care/ and members/ hold nothing here, on purpose:
# adding a type is a decision (and a test in tests/search/).
PAGE_KINDS = {
    "page": (StandardPage, _("Page")),
    "news": (NewsPage, _("Actualité")),
    "activity": (ActivityPage, _("Activité")),
}
PLACE_KIND = "place"
KIND_CHOICES = [
    ("page", _("Pages d'information")),
    ("news", _("Actualités")),
    ("activity", _("Activités")),
    (PLACE_KIND, _("Lieux")),
]


def strip_accents(text):
    """'Numérique' -> 'numerique' (case-folded, diacritics removed)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def word_forms(word):
    """The word with its French/English regular singular and plural: 'ateliers' -> {'ateliers', 'atelier'}.

    Used only on backends without a stemmer (SQLite FTS5, the fallback): PostgreSQL's `french_unaccent`
    configuration and the Elasticsearch `light_french` stemmer already conflate these forms.
    """
    forms = {word}
    if len(word) > 3 and word[-1] in "sx":
        forms.add(word[:-1])
    elif len(word) > 2:
        forms.add(word + "s")
    return forms


def backend_stems(backend):
    """True when the backend reduces words to their stem itself (PostgreSQL full text, Elasticsearch)."""
    module = type(backend).__module__
    return "postgres" in module or "elasticsearch" in module or "opensearch" in module


def build_query(query_string, *, backend, operator="and"):
    """A Wagtail query object for the visitor's words, or None when nothing searchable is left."""
    cleaned = "".join(ch if ch.isalnum() else " " for ch in strip_accents(query_string))
    words = cleaned.split()
    if not backend_stems(backend):
        # Without a stop list in the index (SQLite FTS5), "atelier de yoga" would demand the "de".
        words = [w for w in words if w not in STOP_WORDS] or words
    if not words:
        return None
    if backend_stems(backend):
        terms = [PlainText(w) for w in words]
    else:
        terms = []
        for word in words:
            forms = sorted(word_forms(word))
            terms.append(PlainText(forms[0]) if len(forms) == 1 else Or([PlainText(f) for f in forms]))
    if len(terms) == 1:
        return terms[0]
    return And(terms) if operator == "and" else Or(terms)


def searchable_pages(locale, *, kind=None, theme=None):
    """Live, public pages of `locale` of the searchable types (one type with `kind`, activities of a theme)."""
    models = [PAGE_KINDS[kind][0]] if kind in PAGE_KINDS else [m for m, _label in PAGE_KINDS.values()]
    pages = Page.objects.live().public().filter(locale=locale).type(*models)
    if theme:
        ids = list(
            ActivityPage.objects.live()
            .filter(locale=locale, themes__slug=theme)
            .values_list("pk", flat=True)
            .distinct()
        )
        pages = pages.type(ActivityPage).filter(id__in=ids)
    return pages


@dataclass
class SearchOutcome:
    results: object  # lazy search results (paginated by the view), or an empty list
    places: list = field(default_factory=list)
    relaxed: bool = False  # True when no page held every word and any word was accepted
    partners: list = field(default_factory=list)


def search_site(query_string, *, locale, kind=None, theme=None):
    """Search pages (or places with kind="place") of `locale`; every word must match, else any word."""
    backend = get_search_backend()
    query_string = query_string[:MAX_QUERY_LENGTH]
    query = build_query(query_string, backend=backend)
    if query is None:
        return SearchOutcome(results=[])
    if kind == PLACE_KIND:
        results = backend.search(query, Place.objects.all())
        relaxed = False
        if not results.count():
            results = backend.search(build_query(query_string, backend=backend, operator="or"), Place.objects.all())
            relaxed = True
        return SearchOutcome(results=results, relaxed=relaxed)

    pages = searchable_pages(locale, kind=kind, theme=theme)
    results = pages.search(query)
    relaxed = False
    if not results.count():
        results = pages.search(build_query(query_string, backend=backend, operator="or"))
        relaxed = True
    places, partners = [], []
    if kind is None and not theme:
        places = list(backend.search(query, Place.objects.all())[:PLACES_ON_FIRST_PAGE])
        partners = list(backend.search(query, PartnerOrganisation.objects.public())[:PARTNERS_ON_FIRST_PAGE])
    return SearchOutcome(results=results, places=places, relaxed=relaxed, partners=partners)


class _Counted:
    """Stands for `total` results in a Paginator: page numbers and links, without the rows."""

    def __init__(self, total):
        self.total = total

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, index):
        return []


@dataclass
class ResultsPage:
    page_obj: object  # a Paginator page; its object_list is `hits`
    hits: list  # specific pages (activities with `next_sessions`), or places with kind="place"
    places: list = field(default_factory=list)  # the first places found, on the first page of a site search
    relaxed: bool = False
    partners: list = field(default_factory=list)  # the first partners found (signed convention), first page


def results_page(query_string, *, locale, kind=None, theme=None, page_number=1, per_page=10):
    """One page of search results, ready to show.

    The ranking (which pages, how many) is kept a short while in the cache (SEARCH_RESULTS_CACHE_SECONDS,
    forgotten on every publish, search/caching.py): a popular search is not ranked again for each visitor.
    The pages themselves and their next sessions are always read fresh, in a constant number of queries.
    """
    words = " ".join(strip_accents(query_string[:MAX_QUERY_LENGTH]).split())
    key = f"ranking:{locale.language_code}:{kind or ''}:{theme or ''}:{per_page}:{page_number}:{words}"

    def rank():
        outcome = search_site(query_string, locale=locale, kind=kind, theme=theme)
        page_obj = Paginator(outcome.results, per_page).get_page(page_number)
        rows = [hit.pk if kind == PLACE_KIND else (hit.pk, hit.content_type_id) for hit in page_obj.object_list]
        places = [place.pk for place in outcome.places] if page_obj.number == 1 else []
        partners = [partner.pk for partner in outcome.partners] if page_obj.number == 1 else []
        return {
            "partners": partners,
            "total": page_obj.paginator.count,
            "number": page_obj.number,
            "rows": rows,
            "places": places,
            "relaxed": outcome.relaxed,
        }

    timeout = getattr(settings, "SEARCH_RESULTS_CACHE_SECONDS", 60)
    ranking = caching.remember(key, rank, timeout=timeout) if timeout else rank()
    page_obj = Paginator(_Counted(ranking["total"]), per_page).page(ranking["number"]) if ranking["total"] else None
    if kind == PLACE_KIND:
        hits = _in_order(Place.objects.filter(pk__in=ranking["rows"]), ranking["rows"])
    else:
        hits = with_details(ranking["rows"])
    places = _in_order(Place.objects.filter(pk__in=ranking["places"]), ranking["places"]) if ranking["places"] else []
    partner_pks = ranking.get("partners") or []
    partners = (
        _in_order(PartnerOrganisation.objects.public().filter(pk__in=partner_pks), partner_pks) if partner_pks else []
    )
    if page_obj is not None:
        page_obj.object_list = hits
    return ResultsPage(page_obj=page_obj, hits=hits, places=places, relaxed=ranking["relaxed"], partners=partners)


def _in_order(queryset, pks):
    found = {obj.pk: obj for obj in queryset}
    return [found[pk] for pk in pks if pk in found]


def with_details(rows):
    """The specific live pages for [(pk, content_type_id)], in the same order, activities carrying `next_sessions`.

    A constant number of queries whatever the number of results: one per page type present and one
    for the sessions of every activity.
    """
    ids_by_type = {}
    for pk, content_type_id in rows:
        ids_by_type.setdefault(content_type_id, []).append(pk)
    specific = {}
    for content_type_id, ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        specific.update((page.pk, page) for page in model.objects.live().filter(pk__in=ids).defer_streamfields())
    ordered = [specific[pk] for pk, _content_type_id in rows if pk in specific]
    for page in ordered:
        page.search_kind, page.search_kind_label = next(
            (kind, label) for kind, (model, label) in PAGE_KINDS.items() if isinstance(page, model)
        )
    activities = [page for page in ordered if isinstance(page, ActivityPage)]
    if activities:
        sessions = _next_sessions({page.translation_key for page in activities})
        for page in activities:
            page.next_sessions = sessions.get(page.translation_key, [])
    return ordered


def _next_sessions(translation_keys):
    """{translation_key: the next SESSIONS_PER_ACTIVITY scheduled sessions} in one query.

    Sessions hang on the default-language activity (see ActivityPage.source_page); matching on the
    translation key finds them for every translation of it without looking the source pages up.
    """
    sessions = (
        Session.objects.upcoming()
        .scheduled()
        .filter(activity__translation_key__in=translation_keys)
        .select_related("place")
        .annotate(
            activity_key=F("activity__translation_key"),
            rank=Window(
                RowNumber(), partition_by=[F("activity__translation_key")], order_by=[F("start").asc(), F("pk")]
            ),
        )
        .filter(rank__lte=SESSIONS_PER_ACTIVITY)
        .order_by("start", "pk")
    )
    by_key = {}
    for session in sessions:
        by_key.setdefault(session.activity_key, []).append(session)
    return by_key


def promotions(query_string, *, locale):
    """Editors' picks ("Recherches mises en avant") for this exact query: live public pages of `locale`, or links.

    Cached like the rankings: most searches have none, and saying so should cost no query.
    """
    normalised = normalise_query_string(query_string)
    if not normalised:
        return []

    def build():
        # Not `page__in=Page.objects.public()`: that subquery reads every page; the promotions are a handful.
        private = Q(pk__in=[])
        for path in PageViewRestriction.objects.values_list("page__path", flat=True):
            private |= Q(page__path__startswith=path)
        return list(
            SearchPromotion.objects.filter(query__query_string=normalised)
            .filter(Q(page__isnull=True) | (Q(page__live=True, page__locale=locale) & ~private))
            .select_related("page")
            .order_by("sort_order")
        )

    return caching.remember(f"promotions:{locale.language_code}:{normalised}", build, timeout=CACHE_SECONDS)


def record_hit(query_string):
    """Count the query for the admin's "popular searches" (which editors promote), off the request.

    The count is a write on one row per query and day: done in the request, every visitor searching the
    same words would queue on that row. A lost count never costs a visitor their results.
    """
    normalised = normalise_query_string(query_string)
    if not normalised:
        return
    try:
        record_search_hit.enqueue(normalised)
    except Exception:  # noqa: BLE001 - statistics must never break the search page
        logger.warning("search: could not enqueue the hit of a query", exc_info=True)


def themes_for(locale):
    """(slug, name) of the themes in `locale`, falling back to the default language (cached)."""

    def build():
        rows = list(Theme.objects.filter(locale=locale).values_list("slug", "name"))
        return rows or list(Theme.objects.filter(locale=Locale.get_default()).values_list("slug", "name"))

    return caching.remember(f"themes:{locale.language_code}", build, timeout=CACHE_SECONDS)


def suggestion_vocabulary(locale):
    """[(accent-free words, label)] of page titles, places and themes of `locale` (cached until a change)."""

    def build():
        labels = set(searchable_pages(locale).values_list("title", flat=True))
        labels.update(Place.objects.values_list("name", flat=True))
        labels.update(name for _slug, name in themes_for(locale))
        return sorted((strip_accents(label).split(), label) for label in labels if label)

    return caching.remember(f"vocabulary:{locale.language_code}", build, timeout=CACHE_SECONDS, in_memory=True)


def suggestions(prefix, *, locale, limit=SUGGESTIONS_LIMIT):
    """Titles whose words start with every word typed, accent-free: 'atel numer' -> 'Atelier numérique'."""
    typed = strip_accents(prefix[:MAX_QUERY_LENGTH]).split()
    if not typed or len("".join(typed)) < 2:
        return []

    def build():
        found = []
        for words, label in suggestion_vocabulary(locale):
            if all(any(word.startswith(t) for word in words) for t in typed):
                found.append(label)
                if len(found) >= limit:
                    break
        return found

    key = f"suggest:{locale.language_code}:{limit}:{' '.join(typed)}"
    return caching.remember(key, build, timeout=CACHE_SECONDS)


def popular_queries(limit=SUGGESTIONS_LIMIT):
    """Promoted queries, offered in the <datalist> before any typing (no JavaScript), cached."""

    def build():
        return list(
            Query.objects.filter(editors_picks__isnull=False)
            .order_by("query_string")
            .values_list("query_string", flat=True)
            .distinct()[:limit]
        )

    return caching.remember(f"popular:{limit}", build, timeout=CACHE_SECONDS)
