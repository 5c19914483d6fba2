from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site et actualités")

    def ready(self):
        from home import lookup_cache
        from home.page_cache import invalidation

        invalidation.connect()
        lookup_cache.install()
