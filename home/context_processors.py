"""Site chrome shared by every page: main menu and practical info in the current language."""

from django.utils.functional import SimpleLazyObject

from wagtail.models import Locale, Site


def _main_menu(request):
    site = Site.find_for_request(request)
    if site is None:
        return []
    root = site.root_page.localized
    return [root, *root.get_children().live().public().in_menu().specific(defer=True)]


def _practical_info(request):
    from home.models import PracticalInfo

    info = PracticalInfo.objects.filter(locale=Locale.get_active()).prefetch_related("footer_links__page").first()
    return info or PracticalInfo.objects.prefetch_related("footer_links__page").first()


def site_chrome(request):
    return {
        "main_menu": SimpleLazyObject(lambda: _main_menu(request)),
        "practical_info": SimpleLazyObject(lambda: _practical_info(request)),
    }
