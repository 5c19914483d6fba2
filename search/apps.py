from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Recherche")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from wagtail.contrib.search_promotions.models import SearchPromotion
        from wagtail.models import PageViewRestriction
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from activities.models import Place, Theme
        from search.caching import forget_everything

        # Deleting a live page unpublishes it first (Wagtail's pre_delete handler): covered below.
        page_published.connect(forget_everything, dispatch_uid="search_forget_published")
        page_unpublished.connect(forget_everything, dispatch_uid="search_forget_unpublished")
        post_page_move.connect(forget_everything, dispatch_uid="search_forget_moved")  # may enter a private section
        for model in (Place, Theme, SearchPromotion, PageViewRestriction):
            for signal in (post_save, post_delete):
                signal.connect(forget_everything, sender=model, dispatch_uid=f"search_forget_{model.__name__}")
