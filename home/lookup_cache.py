"""Per-process memory of what every page asks the database for and almost never changes.

Every page used to look up the site (`wagtailcore_site`), the locale (2 to 5 times), the site settings, the
view restrictions (1 to 3 times) and route the URL through the page tree (one or two queries per level).
These answers are kept in each worker's memory under the page-cache generation (home/page_cache/store.py):
any change of a page, site, locale, view restriction or setting starts a new generation (invalidation.py),
and the first request of each worker that sees it starts an empty memory. Reading the generation is one
cache round trip per request, shared with the site chrome (menu and footer).

Active only while a request is served (LookupCacheMiddleware) and only with a shared cache
(PAGE_CACHE_SECONDS > 0, i.e. Redis, as the page cache): elsewhere everything asks the database as before.
"""

import contextvars
import copy

from django.conf import settings
from django.db.models import Q
from django.http import Http404
from django.http.request import split_domain_port

from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.models.i18n import LocaleManager
from wagtail.query import PageQuerySet

from home.page_cache.store import current_generation

MAX_ROUTES = 5000  # distinct URLs remembered per generation (404s are never remembered)

_active = contextvars.ContextVar("escale_lookups", default=None)
_memory = {"generation": None, "entries": {}}


def request_generation(request):
    """The page-cache generation, read once per request."""
    if not hasattr(request, "_escale_generation"):
        request._escale_generation = current_generation()
    return request._escale_generation


def _entries_for(generation):
    if _memory["generation"] != generation:
        _memory["generation"], _memory["entries"] = generation, {}
    return _memory["entries"]


def remembered(key, compute):
    """compute() once per generation and process while a request is served; every time otherwise."""
    entries = _active.get()
    if entries is None:
        return compute()
    if key not in entries:
        entries[key] = compute()
    return entries[key]


# --- What is remembered ------------------------------------------------------------------------------


def _site_for_request(request):
    hostname = split_domain_port(request._get_raw_host())[0]
    return remembered(("site", hostname, request.get_port()), lambda: Site._find_for_request(request))


_original_get_for_language = LocaleManager.get_for_language


def _get_for_language(manager, language_code):
    def compute():
        try:
            return _original_get_for_language(manager, language_code)
        except Locale.DoesNotExist:
            return None

    locale = remembered(("locale", language_code), compute)
    if locale is None:
        raise Locale.DoesNotExist(f"No locale for {language_code!r}")
    return locale


def locale_code(page):
    """The language code of `page`'s locale without a query once remembered."""
    return remembered(("locale-id", page.locale_id), lambda: page.locale.language_code)


def _restrictions():
    return list(PageViewRestriction.objects.select_related("page").all())


def _private_q(queryset):
    q = Q()
    for restriction in remembered(("restrictions",), _restrictions):
        q |= queryset.descendant_of_q(restriction.page, inclusive=True)
    return q if q else Q(pk__in=[])


_original_get_view_restrictions = Page.get_view_restrictions


def _get_view_restrictions(page):
    """The page's restrictions (its own and its ancestors'): no query at all for a public page once the ids
    are remembered (an empty queryset never asks the database), one query for a private one."""
    ids = remembered(
        ("page-restrictions", page.pk),
        lambda: list(_original_get_view_restrictions(page).values_list("pk", flat=True)),
    )
    if not ids:
        return PageViewRestriction.objects.none()
    return PageViewRestriction.objects.filter(pk__in=ids)


_original_for_site = BaseSiteSetting.for_site.__func__


def _setting_for_site(cls, site):
    """A copy per call: a settings form in the admin may change the instance before it is validated."""
    if site is None:
        return _original_for_site(cls, site)
    return copy.copy(remembered(("setting", cls._meta.label, site.pk), lambda: _original_for_site(cls, site)))


def _route(request, path):
    """Page.route_for_request: the page found for this site and path is remembered (model and id); a
    remembered route costs one query (the page) instead of two per level of the tree."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    key = ("route", site.pk, Locale.get_active().pk, tuple(components))
    entries = _active.get()
    found = entries.get(key) if entries is not None else None
    if found is not None:
        model, pk, consumed = found
        page = model.objects.filter(pk=pk).first()
        if page is not None:
            return page.route(request, components[consumed:])
    result = site.root_page.localized.specific.route(request, components)
    if entries is not None and len(entries) < MAX_ROUTES:
        root_path = site.root_page.localized.url_path
        page = result[0]
        if page.url_path.startswith(root_path):
            consumed = len([c for c in page.url_path[len(root_path) :].split("/") if c])
            entries[key] = (type(page), page.pk, consumed)
    return result


def _route_for_request(request, path):
    if not hasattr(request, "_wagtail_route_for_request"):
        try:
            request._wagtail_route_for_request = _route(request, path)
        except Http404:
            request._wagtail_route_for_request = None
    return request._wagtail_route_for_request


def install():
    """Wagtail's own lookups consult the memory (called once from HomeConfig.ready)."""
    LocaleManager.get_for_language = _get_for_language
    PageQuerySet.private_q = _private_q
    Page.get_view_restrictions = _get_view_restrictions
    Page.route_for_request = staticmethod(_route_for_request)
    BaseSiteSetting.for_site = classmethod(_setting_for_site)


class LookupCacheMiddleware:
    """Switches the memory on for the request, with the site ready where Wagtail looks for it. Placed right
    after the page cache (which already read the generation for an anonymous visitor)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(settings, "PAGE_CACHE_SECONDS", 0) <= 0:
            return self.get_response(request)
        token = _active.set(_entries_for(request_generation(request)))
        try:
            request._wagtail_site = _site_for_request(request)
            return self.get_response(request)
        finally:
            _active.reset(token)
