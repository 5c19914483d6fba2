from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Recherche")

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from search.services import forget_suggestions

        page_published.connect(forget_suggestions, dispatch_uid="search_forget_suggestions_published")
        page_unpublished.connect(forget_suggestions, dispatch_uid="search_forget_suggestions_unpublished")
