"""News: a paginated, tag-filterable index with RSS/Atom feeds, and news items."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase

from core.keyset import keyset_page
from home.blocks import BaseStreamBlock

NEWS_PER_PAGE = 10
NEWS_ORDER = ("-date", "-pk")  # backed by the (date, page_ptr) index: the newest ten without sorting them all


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("home.NewsPage", related_name="tagged_items", on_delete=models.CASCADE)


class NewsIndexPage(RoutablePageMixin, Page):
    intro = models.TextField(_("Introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["home.NewsPage"]

    class Meta:
        verbose_name = _("Liste des actualités")
        verbose_name_plural = _("Listes des actualités")

    def news(self, tag=None):
        items = (
            NewsPage.objects.live()
            .public()
            .child_of(self)
            .defer_streamfields()
            .select_related("image")
            .prefetch_related("image__renditions")
            .order_by(*NEWS_ORDER)
        )
        if tag:
            items = items.filter(tagged_items__tag__slug=tag)
        return items

    def tags(self):
        from taggit.models import Tag

        return Tag.objects.filter(home_newspagetag_items__content_object__in=self.news()).distinct().order_by("name")

    @path("")
    def index_view(self, request):
        tag = request.GET.get("tag") or None
        pagination = keyset_page(self.news(tag=tag), order=NEWS_ORDER, per_page=NEWS_PER_PAGE, params=request.GET)
        return self.render(
            request,
            context_overrides={
                "pagination": pagination,
                "news_items": pagination.items,
                "current_tag": tag,
                "tags": self.tags(),
            },
        )

    @path("flux/rss/", name="rss")
    def rss_view(self, request):
        from home.feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("flux/atom/", name="atom")
    def atom_view(self, request):
        from home.feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)


class NewsPage(Page):
    date = models.DateField(_("Date de publication"), default=timezone.localdate)
    summary = models.TextField(_("Résumé"), max_length=400)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt_text = models.CharField(
        _("Texte alternatif de l'image"),
        max_length=250,
        blank=True,
        help_text=_("Laissez vide pour utiliser la description de l'image."),
    )
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("Mots-clés"))
    body = StreamField(BaseStreamBlock(), verbose_name=_("Contenu"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt_text")], heading=_("Image")),
        FieldPanel("tags"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Actualité")
        verbose_name_plural = _("Actualités")
        indexes = [models.Index(fields=["date", "page_ptr"], name="home_news_date_idx")]

    @property
    def alt_text(self):
        if self.image_alt_text:
            return self.image_alt_text
        return self.image.default_alt_text if self.image else ""
