"""The home page and the general-purpose editorial page."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BaseStreamBlock


class HomePage(Page):
    intro = RichTextField(_("Mot d'accueil"), blank=True, features=["bold", "italic", "link"])
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Image d'accueil"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt_text = models.CharField(_("Texte alternatif de l'image"), max_length=250, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("Contenu"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_alt_text")], heading=_("Image")),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Page d'accueil")
        verbose_name_plural = _("Pages d'accueil")

    def latest_news(self, count=3):
        from home.models.news import NewsPage

        return (
            NewsPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .defer_streamfields()
            .select_related("image")
            .prefetch_related("image__renditions")
            .order_by("-date", "-pk")[:count]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = self.latest_news()
        return context


class StandardPage(Page):
    intro = models.TextField(_("Chapô"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("Contenu"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("Page standard")
        verbose_name_plural = _("Pages standard")
