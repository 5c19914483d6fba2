"""Site chrome shared by every page: main menu and practical info in the current language.

Both are cached under the page-cache generation (home/page_cache/), so they are rebuilt as soon as any
content changes; `chrome_cache_seconds` is 0 (no caching) when the page cache is off.
"""

from typing import NamedTuple

from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from wagtail.models import Locale, Site

from home.lookup_cache import request_generation
from home.page_cache.store import page_cache


class MenuItem(NamedTuple):
    pk: int
    title: str
    url: str


def _chrome_key(request):
    """Changes with the site (host), the language and any content change."""
    return f"{request.get_host()}:{get_language()}:{request_generation(request)}"


def _build_main_menu(request):
    site = Site.find_for_request(request)
    if site is None:
        return []
    root = site.root_page.localized
    pages = [root, *root.get_children().live().public().in_menu().specific(defer=True)]
    return [MenuItem(page.pk, page.title, page.get_url(request)) for page in pages]


def _main_menu(request):
    seconds = getattr(settings, "PAGE_CACHE_SECONDS", 0)
    if not seconds:
        return _build_main_menu(request)
    key = f"site-chrome:menu:{_chrome_key(request)}"
    items = page_cache().get(key)
    if items is None:
        items = _build_main_menu(request)
        page_cache().set(key, items, seconds)
    return items


def _practical_info(request):
    from home.models import PracticalInfo

    info = PracticalInfo.objects.filter(locale=Locale.get_active()).prefetch_related("footer_links__page").first()
    return info or PracticalInfo.objects.prefetch_related("footer_links__page").first()


def site_chrome(request):
    return {
        "main_menu": SimpleLazyObject(lambda: _main_menu(request)),
        "practical_info": SimpleLazyObject(lambda: _practical_info(request)),
        "chrome_cache_seconds": getattr(settings, "PAGE_CACHE_SECONDS", 0),
        "chrome_cache_key": SimpleLazyObject(lambda: _chrome_key(request)),
    }
