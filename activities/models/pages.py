"""Activity pages: what a workshop is (its sessions say when and where it happens)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from modelcluster.fields import ParentalManyToManyField

from activities.page_forms import ActivityPageForm
from core.keyset import keyset_page
from home.blocks import BaseStreamBlock

ACTIVITIES_PER_PAGE = 30
# The order the team gives the activities in the admin (the page tree): read along the tree's path index and
# stopped after a page. A–Z by title sorted all 1,500 activities on every page (13 ms on PostgreSQL; 0.3 ms).
ACTIVITIES_ORDER = ("path", "pk")


def _money_field(verbose_name, **kwargs):
    return models.DecimalField(verbose_name, max_digits=10, decimal_places=2, **kwargs)


class ActivityIndexPage(Page):
    intro = models.TextField(_("Introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["activities.ActivityPage"]

    class Meta:
        verbose_name = _("Liste des activités")
        verbose_name_plural = _("Listes des activités")

    def activities(self):
        return (
            ActivityPage.objects.child_of(self)
            .live()
            .public()
            .defer_streamfields()
            .select_related("image")
            .order_by(*ACTIVITIES_ORDER)
        )

    def get_context(self, request, *args, **kwargs):
        """Thirty activities a page (1,500 on one page weighed 539 KB): one index-backed query, no count."""
        context = super().get_context(request, *args, **kwargs)
        pagination = keyset_page(
            self.activities(), order=ACTIVITIES_ORDER, per_page=ACTIVITIES_PER_PAGE, params=request.GET
        )
        context["activities"] = pagination.items
        context["pagination"] = pagination
        return context


class ActivityPage(Page):
    """A workshop or outing. Sessions belong to the page in the default language (French):
    a translated page shows the sessions of its source through `source_page()`."""

    summary = models.TextField(_("Résumé"), max_length=400, help_text=_("Deux ou trois phrases, lues dans l'agenda."))
    body = StreamField(BaseStreamBlock(), verbose_name=_("Description"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    themes = ParentalManyToManyField("activities.Theme", verbose_name=_("Thèmes"), blank=True)
    audiences = ParentalManyToManyField("activities.Audience", verbose_name=_("Publics"), blank=True)
    facilitator = models.CharField(_("Animé par"), max_length=150, blank=True)
    accessibility_notes = models.TextField(_("Accessibilité"), blank=True)
    default_capacity = models.PositiveIntegerField(_("Nombre de places par défaut"), default=12)
    min_participants = models.PositiveIntegerField(_("Nombre minimum de participants"), default=0)
    full_price = _money_field(_("Tarif plein"), default=0)
    member_price = _money_field(_("Tarif adhérent"), default=0)
    solidarity_price = _money_field(_("Tarif solidaire"), default=0)
    is_cycle = models.BooleanField(
        _("Cycle"),
        default=False,
        help_text=_("On s'inscrit à toutes les séances à la fois, pour un prix unique."),
    )
    cycle_price = _money_field(_("Prix du cycle"), null=True, blank=True)

    base_form_class = ActivityPageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("themes"),
                FieldPanel("audiences"),
                FieldPanel("facilitator"),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("Pour qui, avec qui"),
        ),
        MultiFieldPanel(
            [FieldPanel("default_capacity"), FieldPanel("min_participants")],
            heading=_("Places"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("full_price"),
                FieldPanel("member_price"),
                FieldPanel("solidarity_price"),
                FieldPanel("is_cycle"),
                FieldPanel("cycle_price"),
            ],
            heading=_("Tarifs"),
        ),
        HelpPanel(
            content=_(
                "Les séances (dates, lieux, places) se gèrent dans le menu « Activités › Séances », "
                "sur la page en français."
            ),
            heading=_("Séances"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("facilitator"),
    ]

    parent_page_types = ["activities.ActivityIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Activité")
        verbose_name_plural = _("Activités")

    def source_page(self):
        """The default-language page the sessions are attached to (self when already French)."""
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return self
        return ActivityPage.objects.filter(translation_key=self.translation_key, locale=default).first() or self

    def upcoming_sessions(self):
        from activities.models.sessions import Session

        # Cancelled sessions stay listed, marked "Annulée" (never a booking offer on them).
        return Session.objects.upcoming().exclude(status=Session.Status.DONE).for_activity(self.source_page())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sessions"] = self.upcoming_sessions().select_related("place", "activity")
        return context
