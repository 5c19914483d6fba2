"""Themes, audiences and places: the vocabulary editors use to describe activities."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from core.translated import TranslatedField


class Theme(TranslatableMixin, models.Model):
    """A theme ("Bien-être", "Numérique"…). The slug is shared by every translation so that
    a filter or feed URL (?theme=numerique) means the same thing in French and English."""

    name = models.CharField(_("Nom"), max_length=80)
    slug = models.SlugField(_("Identifiant dans l'adresse"), max_length=80)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Thème")
        verbose_name_plural = _("Thèmes")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Audience(TranslatableMixin, models.Model):
    """Who an activity is for ("Aidants", "Seniors", "Tout public")."""

    name = models.CharField(_("Nom"), max_length=80)
    slug = models.SlugField(_("Identifiant dans l'adresse"), max_length=80)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Public")
        verbose_name_plural = _("Publics")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Place(index.Indexed, models.Model):
    """Where a session happens: a room, a partner's hall, or a stop of the itinerant bus."""

    name = models.CharField(_("Nom"), max_length=120)
    address = models.CharField(_("Adresse"), max_length=250, blank=True)
    postal_code = models.CharField(_("Code postal"), max_length=10, blank=True)
    commune = models.CharField(_("Commune"), max_length=100)
    latitude = models.DecimalField(_("Latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("Longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    access_info = models.TextField(
        _("Accès et accessibilité"),
        blank=True,
        help_text=_("Transports, stationnement, accès en fauteuil roulant, étage, boucle magnétique…"),
    )
    is_bus_stop = models.BooleanField(_("Arrêt du bus itinérant"), default=False)
    name_en = models.CharField(
        _("Nom en anglais"), max_length=120, blank=True, help_text=_("Laisser vide s'il ne change pas.")
    )
    access_info_en = models.TextField(_("Accès et accessibilité, en anglais"), blank=True)

    display_name = TranslatedField("name")
    display_access_info = TranslatedField("access_info")

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("postal_code"), FieldPanel("commune")],
            heading=_("Adresse"),
        ),
        MultiFieldPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Coordonnées")),
        FieldPanel("access_info"),
        FieldPanel("access_info_en"),
        FieldPanel("is_bus_stop"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("commune"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("Lieu")
        verbose_name_plural = _("Lieux")
        ordering = ["commune", "name"]

    def __str__(self):
        return f"{self.display_name} ({self.commune})"

    @property
    def full_address(self):
        return ", ".join(part for part in (self.address, f"{self.postal_code} {self.commune}".strip()) if part)
