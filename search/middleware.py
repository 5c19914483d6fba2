"""Cache-Control for public Wagtail pages seen by anonymous visitors (see docs/deploy.md, "Caching")."""

from django.conf import settings
from django.utils.cache import patch_vary_headers

# Browsers revalidate every time (max-age=0: a visitor who just logged in never sees a stale anonymous
# page); a shared cache (proxy, CDN) may keep the page a few minutes. `Vary: Cookie` keeps each visitor
# with a cookie (session, csrftoken used by the text-size and logout forms) on their own copy.
DEFAULT_PUBLIC_PAGE_CACHE = "public, max-age=0, s-maxage=300"


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.header = getattr(settings, "PUBLIC_PAGE_CACHE_CONTROL", DEFAULT_PUBLIC_PAGE_CACHE)

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if (
            self.header
            and request.method in ("GET", "HEAD")
            and response.status_code == 200
            and match is not None
            and match.url_name == "wagtail_serve"
            and not response.has_header("Cache-Control")
            and not request.user.is_authenticated
            and not getattr(getattr(request, "_messages", None), "used", False)
        ):
            response["Cache-Control"] = self.header
            patch_vary_headers(response, ("Cookie",))
        return response
