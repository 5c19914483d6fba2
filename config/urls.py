"""URL configuration: language-prefixed public site (/fr/, /en/), admin and accounts."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponseRedirect
from django.urls import include, path, re_path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.i18n import JavaScriptCatalog

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views


@login_not_required
def admin_login_via_allauth(request):
    """Send the Wagtail admin login to allauth, so its rate limits and MFA apply there too."""
    target = reverse("account_login")
    next_url = request.GET.get("next", "/admin/")
    return HttpResponseRedirect(f"{target}?{urlencode({'next': next_url})}")


urlpatterns = [
    path("healthz", home_views.healthz, name="healthz"),
    path("taille-du-texte/", home_views.set_text_size, name="set_text_size"),
    path("admin/login/", admin_login_via_allauth, name="wagtailadmin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("payments/", include("payments.urls")),
]

urlpatterns += i18n_patterns(
    path(_("comptes/"), include("allauth.urls")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("", include("activities.urls")),
    path("", include("members.urls")),
    path("", include("partners.urls")),
    path("", include("newsletter.urls")),
    path("", include("solidarity.urls")),
    path("", include("indicators.urls")),
    path("", include("search.urls")),
    # French prefixes under another language (old links): redirect to the translated prefix.
    re_path(r"^(?P<prefix>comptes|mon-espace)/(?P<rest>.*)$", home_views.old_prefix_redirect),
    path("", include(wagtail_urls)),
)

if settings.BENCHMARK_VIEWS:
    from core.bench_views import bench_page
    from search.views import bench_ping

    urlpatterns.insert(0, path("bench/", bench_ping, name="bench_ping"))
    urlpatterns.insert(0, path("bench/page/", bench_page, name="bench_page"))

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns = (
        staticfiles_urlpatterns() + static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
    )
