"""Site-wide settings: contact details (language-neutral) and practical info (translatable)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting, ClusterableModel):
    organisation_name = models.CharField(_("Nom de la structure"), max_length=120, default="Escale")
    address = models.CharField(_("Adresse"), max_length=250, blank=True)
    postal_code = models.CharField(_("Code postal"), max_length=10, blank=True)
    city = models.CharField(_("Commune"), max_length=120, blank=True)
    phone = models.CharField(_("Téléphone"), max_length=30, blank=True)
    email = models.EmailField(_("Adresse e-mail"), blank=True)
    map_url = models.URLField(_("Lien vers un plan"), blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("address"),
                FieldPanel("postal_code"),
                FieldPanel("city"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("map_url"),
            ],
            heading=_("Coordonnées"),
        ),
        InlinePanel("social_links", label=_("Réseaux sociaux")),
    ]

    class Meta:
        verbose_name = _("Coordonnées et réseaux sociaux")

    @property
    def phone_link(self):
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")


class SocialLink(Orderable):
    NETWORKS = [
        ("facebook", "Facebook"),
        ("instagram", "Instagram"),
        ("linkedin", "LinkedIn"),
        ("mastodon", "Mastodon"),
        ("youtube", "YouTube"),
        ("other", _("Autre")),
    ]
    settings = ParentalKey(SiteSettings, related_name="social_links", on_delete=models.CASCADE)
    network = models.CharField(_("Réseau"), max_length=20, choices=NETWORKS)
    url = models.URLField(_("Adresse"))

    panels = [FieldPanel("network"), FieldPanel("url")]


class PracticalInfo(TranslatableMixin, ClusterableModel):
    """Opening hours, access and footer text, one per language (translated with wagtail-localize)."""

    opening_hours = RichTextField(_("Horaires d'ouverture"), features=["bold", "ul", "link"])
    access_info = RichTextField(_("Accès et accessibilité"), blank=True, features=["bold", "ul", "link"])
    footer_text = models.TextField(_("Texte du pied de page"), blank=True)

    panels = [
        FieldPanel("opening_hours"),
        FieldPanel("access_info"),
        FieldPanel("footer_text"),
        InlinePanel("footer_links", label=_("Liens du pied de page")),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Infos pratiques et pied de page")
        verbose_name_plural = _("Infos pratiques et pied de page")

    def __str__(self):
        return str(_("Infos pratiques (%(locale)s)") % {"locale": self.locale.language_code})


class FooterLink(TranslatableMixin, Orderable):
    info = ParentalKey(PracticalInfo, related_name="footer_links", on_delete=models.CASCADE)
    label = models.CharField(_("Intitulé"), max_length=80)
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("Page"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    url = models.URLField(_("ou adresse web"), blank=True)

    panels = [FieldPanel("label"), FieldPanel("page"), FieldPanel("url")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass

    @property
    def href(self):
        return self.page.localized.url if self.page else self.url
