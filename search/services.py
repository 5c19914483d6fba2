"""Site search: which content is searchable, French-friendly queries, results with their next sessions."""

import unicodedata
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, PlainText
from wagtail.search.utils import normalise_query_string

from activities.models import ActivityPage, Place, Session, Theme
from home.models import NewsPage, StandardPage

MAX_QUERY_LENGTH = 200
SESSIONS_PER_ACTIVITY = 3
PLACES_ON_FIRST_PAGE = 5
SUGGESTIONS_CACHE_SECONDS = 300
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
    places = []
    if kind is None and not theme:
        places = list(backend.search(query, Place.objects.all())[:PLACES_ON_FIRST_PAGE])
    return SearchOutcome(results=results, places=places, relaxed=relaxed)


def with_details(pages, *, locale):
    """The specific pages for one page of results, in the same order, activities carrying `next_sessions`.

    A constant number of queries whatever the number of results: one per page type, one for the
    source (French) activities of translated pages, one for the sessions.
    """
    ids = [page.pk for page in pages]
    specific = {page.pk: page for page in Page.objects.filter(pk__in=ids).defer_streamfields().specific()}
    ordered = [specific[pk] for pk in ids if pk in specific]
    activities = [page for page in ordered if isinstance(page, ActivityPage)]
    for page in ordered:
        page.search_kind, page.search_kind_label = next(
            (kind, label) for kind, (model, label) in PAGE_KINDS.items() if isinstance(page, model)
        )
    if not activities:
        return ordered

    default_locale = Locale.get_default()
    source_ids = {page.pk: page.pk for page in activities if page.locale_id == default_locale.pk}
    translated = {page.translation_key: page.pk for page in activities if page.locale_id != default_locale.pk}
    if translated:
        for key, source_pk in ActivityPage.objects.filter(
            translation_key__in=translated, locale=default_locale
        ).values_list("translation_key", "pk"):
            source_ids[translated[key]] = source_pk

    sessions_by_source = {}
    sessions = (
        Session.objects.upcoming()
        .scheduled()
        .filter(activity_id__in=set(source_ids.values()))
        .select_related("place")
        .annotate(rank=Window(RowNumber(), partition_by=[F("activity_id")], order_by=[F("start").asc(), F("pk")]))
        .filter(rank__lte=SESSIONS_PER_ACTIVITY)
        .order_by("start", "pk")
    )
    for session in sessions:
        sessions_by_source.setdefault(session.activity_id, []).append(session)
    for page in activities:
        page.next_sessions = sessions_by_source.get(source_ids.get(page.pk), [])
    return ordered


def promotions(query_string, *, locale):
    """Editors' picks ("Recherches mises en avant") for this exact query: live pages of `locale`, or links."""
    normalised = normalise_query_string(query_string)
    if not normalised:
        return []
    return list(
        SearchPromotion.objects.filter(query__query_string=normalised)
        .filter(Q(page__isnull=True) | Q(page__live=True, page__locale=locale))
        .select_related("page")
        .order_by("sort_order")
    )


def record_hit(query_string):
    """Count the query for the admin's "popular searches" (which editors promote)."""
    normalised = normalise_query_string(query_string)
    if normalised:
        Query.get(normalised).add_hit()


def themes_for(locale):
    """(slug, name) of the themes in `locale`, falling back to the default language."""
    rows = list(Theme.objects.filter(locale=locale).values_list("slug", "name"))
    return rows or list(Theme.objects.filter(locale=Locale.get_default()).values_list("slug", "name"))


def _suggestions_cache_key(locale):
    return f"search:suggestions:{locale.language_code}"


def suggestion_vocabulary(locale):
    """[(accent-free words, label)] of page titles, places and themes, cached a few minutes per language."""
    key = _suggestions_cache_key(locale)
    vocabulary = cache.get(key)
    if vocabulary is None:
        labels = set(searchable_pages(locale).values_list("title", flat=True))
        labels.update(Place.objects.values_list("name", flat=True))
        labels.update(name for _slug, name in themes_for(locale))
        vocabulary = sorted((strip_accents(label).split(), label) for label in labels if label)
        cache.set(key, vocabulary, SUGGESTIONS_CACHE_SECONDS)
    return vocabulary


def forget_suggestions(**kwargs):
    """Signal receiver: a page was published or unpublished, suggestions are rebuilt on the next request."""
    for locale in Locale.objects.all():
        cache.delete(_suggestions_cache_key(locale))


def suggestions(prefix, *, locale, limit=SUGGESTIONS_LIMIT):
    """Titles whose words start with every word typed, accent-free: 'atel numer' -> 'Atelier numérique'."""
    typed = strip_accents(prefix[:MAX_QUERY_LENGTH]).split()
    if not typed or len("".join(typed)) < 2:
        return []
    found = []
    for words, label in suggestion_vocabulary(locale):
        if all(any(word.startswith(t) for word in words) for t in typed):
            found.append(label)
            if len(found) >= limit:
                break
    return found


def popular_queries(limit=SUGGESTIONS_LIMIT):
    """Promoted and most searched queries, offered in the <datalist> before any typing (no JavaScript)."""
    return list(
        Query.objects.filter(editors_picks__isnull=False)
        .order_by("query_string")
        .values_list("query_string", flat=True)
        .distinct()[:limit]
    )
