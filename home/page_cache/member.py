"""Public pages for logged-in members: the shared body from the cache, the personal parts per request.

A member's page differs from everyone else's only by its personal fragments (account links with their
CSRF token, pending messages: home/page_cache/personal.py). So the body is stored once per page, text
size and language (the key of the anonymous cache, under its own prefix) and content version (the
generation of home/page_cache/store.py, which moves on every publish, booking, session or settings
change: home/page_cache/invalidation.py), and each request renders only its fragments into it.

Placed after authentication, messages and the staff MFA check. Only for plain members (no access to
the admin: the Wagtail user bar is not a fragment), GET, and the views of MEMBER_PAGE_CACHE_VIEWS.
The booking page (activities:session_detail) is not among them: all of it is personal (your booking,
your price, your form) and it shows the seats left of that session live. A Wagtail page is stored only
when it has no view restriction (a hit skips Wagtail's checks). The page served is private.
"""

from django.conf import settings
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils.translation import get_language_from_path

from home.page_cache import personal, store
from home.templatetags.home_tags import text_size_from_request

MAX_QUERY_STRING = 512
PRIVATE_CACHE_CONTROL = "private, no-cache"


def is_plain_member(user):
    """Logged in, active, and without access to the admin (whose user bar is in the shared body)."""
    return (
        user.is_authenticated
        and user.is_active
        and not user.is_staff
        and not user.is_superuser
        and not user.has_perm("wagtailadmin.access_admin")
    )


def _view_name(request):
    try:
        return resolve(request.path_info).view_name
    except Resolver404:
        return None


def _is_candidate(request):
    return (
        getattr(settings, "PAGE_CACHE_SECONDS", 0) > 0
        and request.method == "GET"
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_STRING
        and get_language_from_path(request.path_info) is not None
        and is_plain_member(request.user)
        and _view_name(request) in getattr(settings, "MEMBER_PAGE_CACHE_VIEWS", ())
    )


def _key(request):
    return "member-" + store.page_key(
        scheme=request.scheme,
        host=request.get_host(),
        language=get_language_from_path(request.path_info),
        text_size=text_size_from_request(request),
        full_path=request.get_full_path(),
    )


def _is_unrestricted(request, response):
    """A Django view of MEMBER_PAGE_CACHE_VIEWS, or a Wagtail page without view restriction."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.view_name != "wagtail_serve":
        return match is not None
    page = (getattr(response, "context_data", None) or {}).get("page")
    return page is not None and not page.get_view_restrictions().exists()


def _is_shareable(request, response, view_cache_control):
    return (
        response.status_code == 200
        and response.get("Content-Type", "").startswith("text/html")
        and not response.cookies
        and not getattr(request, "is_preview", False)
        and not any(word in view_cache_control for word in ("private", "no-store"))
        and _is_unrestricted(request, response)
    )


class MemberPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_candidate(request):
            return self.get_response(request)
        key = _key(request)
        generation, entry = store.lookup_entry(key)
        if entry is not None:
            status, headers, segments = entry
            response = HttpResponse(personal.fill(segments, request), status=status)
            for name, value in headers:
                response[name] = value
            response["X-Cache"] = "HIT"
            return response
        marks = request.personal_marks = personal.Marks()
        response = self.get_response(request)
        if response.streaming or not marks.names:
            return response
        segments, served = personal.split(response.content.decode(response.charset), marks)
        response.content = served
        view_cache_control = response.get("Cache-Control", "")
        if not view_cache_control:
            response["Cache-Control"] = PRIVATE_CACHE_CONTROL
        if _is_shareable(request, response, view_cache_control):
            headers = [(name, value) for name, value in response.items() if name.lower() != "content-length"]
            store.store_entry(key, generation, (response.status_code, headers, segments), settings.PAGE_CACHE_SECONDS)
            response["X-Cache"] = "MISS"
        return response
