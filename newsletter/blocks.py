"""Blocks of a newsletter issue: text, image, and two blocks that pull live content (sessions, partner offers)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from activities.models import Session
from partners.models import Category, Offer


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(label=_("Texte alternatif"), required=False)
    caption = blocks.CharBlock(label=_("Légende"), required=False)

    class Meta:
        icon = "image"
        template = "newsletter/blocks/image.html"


class UpcomingSessionsBlock(blocks.StructBlock):
    """The next sessions of the programme, read when the issue is shown or sent."""

    title = blocks.CharBlock(label=_("Titre"), default=_("Prochaines séances"))
    count = blocks.IntegerBlock(label=_("Nombre de séances"), default=5, min_value=1, max_value=20)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["sessions"] = list(
            Session.objects.scheduled()
            .upcoming(timezone.now())
            .select_related("activity", "place")
            .order_by("start")[: value["count"]]
        )
        return context

    class Meta:
        icon = "date"
        template = "newsletter/blocks/sessions.html"


class PartnerOffersBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), default=_("Offres de nos partenaires"))
    category = blocks.ChoiceBlock(label=_("Catégorie"), choices=Category.choices, required=False)
    count = blocks.IntegerBlock(label=_("Nombre d'offres"), default=5, min_value=1, max_value=20)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        offers = Offer.objects.published().filter(partner__status="active").select_related("partner")
        if value.get("category"):
            offers = offers.filter(partner__category=value["category"])
        context["offers"] = list(offers.order_by("-updated_at")[: value["count"]])
        return context

    class Meta:
        icon = "pick"
        template = "newsletter/blocks/offers.html"


class IssueStreamBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(label=_("Texte"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])
    image = ImageBlock(label=_("Image"))
    sessions = UpcomingSessionsBlock(label=_("Prochaines séances"))
    offers = PartnerOffersBlock(label=_("Offres des partenaires"))
