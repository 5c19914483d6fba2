"""Serve public pages to anonymous visitors from the cache, and mark them cacheable for proxies.

Placed early in MIDDLEWARE (right after WhiteNoise, before sessions and authentication) so a cached page
costs one cache round trip and no database query. A page is stored only when it is the same for every
anonymous visitor: a GET of an allowed view (settings.PAGE_CACHE_VIEWS) by someone without a session or
pending messages, answered 200 without setting a cookie, without a CSRF token and not marked private.
The key holds the scheme, host, path and query string (the language is the /fr/ or /en/ prefix) and the
text size chosen by the visitor (it changes the <html> element).
"""

from django.conf import settings
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language_from_path

from home.page_cache import store
from home.templatetags.home_tags import text_size_from_request

# Browsers revalidate every time (max-age=0: someone who just logged in never sees an anonymous copy);
# a shared cache (proxy, CDN) may keep the page a few minutes.
DEFAULT_CACHE_CONTROL = "public, max-age=0, s-maxage=300"
MAX_QUERY_STRING = 512
UNSHAREABLE = ("private", "no-store", "no-cache")


def _is_candidate(request):
    """Could this request be answered by, or fill, the shared anonymous copy?"""
    return (
        getattr(settings, "PAGE_CACHE_SECONDS", 0) > 0
        and request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and "authorization" not in request.headers
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_STRING
        and get_language_from_path(request.path_info) is not None
    )


def _key(request):
    return store.page_key(
        scheme=request.scheme,
        host=request.get_host(),
        language=get_language_from_path(request.path_info),
        text_size=text_size_from_request(request),
        full_path=request.get_full_path(),
    )


def _is_public(request, response):
    """A 200 of an allowed view, the same for every anonymous visitor."""
    match = getattr(request, "resolver_match", None)
    user = getattr(request, "user", None)
    messages = getattr(request, "_messages", None)
    return (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and not response.streaming
        and match is not None
        and match.view_name in getattr(settings, "PAGE_CACHE_VIEWS", ())
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(request, "is_preview", False)
        and (user is None or not user.is_authenticated)
        and not (messages is not None and (messages.used or getattr(messages, "_queued_messages", None)))
    )


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = generation = None
        if _is_candidate(request):
            key = _key(request)
            generation, cached = store.lookup(key)
            request._escale_generation = generation  # read once per request (home/lookup_cache.py)
            if cached is not None:
                cached["X-Cache"] = "HIT"
                return cached
        response = self.get_response(request)
        if not _is_public(request, response):
            return response
        if not response.has_header("Cache-Control"):
            response["Cache-Control"] = getattr(settings, "PUBLIC_PAGE_CACHE_CONTROL", DEFAULT_CACHE_CONTROL)
        # Even when the view chose its own Cache-Control: a proxy must not give this copy to a member.
        patch_vary_headers(response, ("Cookie",))
        if key is not None and not any(word in response["Cache-Control"] for word in UNSHAREABLE):
            store.store(key, generation, response, settings.PAGE_CACHE_SECONDS)
            response["X-Cache"] = "MISS"
        return response
