"""StreamField blocks shared by every editorial page (one BaseStreamBlock, bakerydemo style)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Titre"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Niveau"),
        choices=[("h2", _("Titre de section (niveau 2)")), ("h3", _("Sous-titre (niveau 3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Titre")
        template = "home/blocks/heading_block.html"


class AccessibleImageBlock(blocks.StructBlock):
    """An image whose alternative text is mandatory, unless the editor says it is decorative."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Texte alternatif"),
        required=False,
        max_length=250,
        help_text=_("Décrivez ce que montre l'image pour une personne qui ne la voit pas."),
    )
    decorative = blocks.BooleanBlock(label=_("Image décorative (n'apporte aucune information)"), required=False)
    caption = blocks.CharBlock(label=_("Légende"), required=False, max_length=250)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _("Le texte alternatif est obligatoire, sauf pour une image décorative.")
                    )
                }
            )
        return value

    class Meta:
        icon = "image"
        label = _("Image")
        template = "home/blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Citation"))
    attribution = blocks.CharBlock(label=_("Auteur ou autrice"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Citation")
        template = "home/blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), max_length=120)
    text = blocks.TextBlock(label=_("Texte"), required=False)
    page = blocks.PageChooserBlock(label=_("Page du site"), required=False)
    url = blocks.URLBlock(label=_("ou adresse web"), required=False)
    button_label = blocks.CharBlock(label=_("Texte du bouton"), max_length=60)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choisissez une page ou saisissez une adresse web."))}
            )
        return value

    class Meta:
        icon = "pick"
        label = _("Appel à l'action")
        template = "home/blocks/call_to_action_block.html"


class VideoBlock(blocks.StructBlock):
    """A video embed always paired with its transcript (RGAA 4.1, criterion 4.1)."""

    title = blocks.CharBlock(label=_("Titre de la vidéo"), max_length=120)
    video = EmbedBlock(label=_("Adresse de la vidéo (YouTube, Vimeo…)"))
    transcript = blocks.RichTextBlock(
        label=_("Transcription"),
        features=["bold", "italic", "ol", "ul", "link"],
        help_text=_("Le texte de tout ce qui est dit et montré, pour les personnes qui ne peuvent pas l'écouter."),
    )

    class Meta:
        icon = "media"
        label = _("Vidéo avec transcription")
        template = "home/blocks/video_block.html"


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=250)
    answer = blocks.RichTextBlock(label=_("Réponse"), features=["bold", "italic", "ol", "ul", "link"])


class FAQBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), required=False, max_length=120)
    items = blocks.ListBlock(FAQItemBlock(), label=_("Questions"))

    class Meta:
        icon = "help"
        label = _("Questions fréquentes (accordéon)")
        template = "home/blocks/faq_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(label=_("Intitulé du lien"), required=False, max_length=120)

    class Meta:
        icon = "doc-full"
        label = _("Lien vers un document")
        template = "home/blocks/document_link_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Texte"),
        icon="pilcrow",
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"],
        template="home/blocks/paragraph_block.html",
    )
    image = AccessibleImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    video = VideoBlock()
    faq = FAQBlock()
    document = DocumentLinkBlock()
