"""Membership types (managed by administrators) and the memberships members hold."""

import calendar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.translated import TranslatedField

MONTHS = [
    (1, _("janvier")),
    (2, _("février")),
    (3, _("mars")),
    (4, _("avril")),
    (5, _("mai")),
    (6, _("juin")),
    (7, _("juillet")),
    (8, _("août")),
    (9, _("septembre")),
    (10, _("octobre")),
    (11, _("novembre")),
    (12, _("décembre")),
]


class MembershipType(models.Model):
    class Kind(models.TextChoices):
        CALENDAR_YEAR = "calendar_year", _("Année civile (jusqu'au 31 décembre)")
        ROLLING_YEAR = "rolling_year", _("12 mois à partir de l'adhésion")

    name = models.CharField(_("Nom"), max_length=120)
    description = models.TextField(_("Description"), blank=True)
    price = models.DecimalField(_("Prix"), max_digits=10, decimal_places=2)
    kind = models.CharField(_("Durée"), max_length=16, choices=Kind.choices, default=Kind.CALENDAR_YEAR)
    # The usual rule of French associations: joining late in the year also covers the next year.
    carry_over_day = models.PositiveSmallIntegerField(
        _("Report : jour"), default=1, validators=[MinValueValidator(1), MaxValueValidator(31)]
    )
    carry_over_month = models.PositiveSmallIntegerField(
        _("Report : mois"),
        choices=MONTHS,
        null=True,
        blank=True,
        default=9,
        help_text=_(
            "Année civile seulement : une adhésion prise à partir de ce jour vaut aussi pour toute "
            "l'année suivante (par exemple à partir du 1er septembre). Vide : jamais de report."
        ),
    )
    is_free = models.BooleanField(_("Gratuite"), default=False, help_text=_("Par exemple pour les bénévoles."))
    is_solidarity = models.BooleanField(_("Solidaire"), default=False)
    active = models.BooleanField(_("Proposée"), default=True)
    sort_order = models.PositiveIntegerField(_("Ordre"), default=0)
    name_en = models.CharField(_("Nom en anglais"), max_length=120, blank=True)
    description_en = models.TextField(_("Description en anglais"), blank=True)

    display_name = TranslatedField("name")
    display_description = TranslatedField("description")

    class Meta:
        verbose_name = _("Type d'adhésion")
        verbose_name_plural = _("Types d'adhésion")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.display_name

    def clean(self):
        if self.carry_over_month and self.carry_over_day > calendar.monthrange(2000, self.carry_over_month)[1]:
            raise ValidationError({"carry_over_day": _("Ce jour n'existe pas dans le mois choisi.")})


class MembershipQuerySet(models.QuerySet):
    def active_on(self, date):
        return self.filter(status=Membership.Status.ACTIVE, valid_from__lte=date, valid_until__gte=date)


class Membership(models.Model):
    class Status(models.TextChoices):
        PENDING_PAYMENT = "pending_payment", _("En attente de paiement")
        ACTIVE = "active", _("Active")
        CANCELLED = "cancelled", _("Annulée")

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Adhérent"), on_delete=models.CASCADE, related_name="memberships"
    )
    type = models.ForeignKey(MembershipType, verbose_name=_("Type"), on_delete=models.PROTECT, related_name="+")
    valid_from = models.DateField(_("Valable du"))
    valid_until = models.DateField(_("Valable jusqu'au"))
    status = models.CharField(_("État"), max_length=16, choices=Status.choices, default=Status.PENDING_PAYMENT)
    price = models.DecimalField(_("Prix"), max_digits=10, decimal_places=2)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    renewal_reminder_sent_at = models.DateTimeField(null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("Adhésion")
        verbose_name_plural = _("Adhésions")
        ordering = ["-valid_until", "-pk"]

    def __str__(self):
        return f"{self.type} ({self.valid_from:%d/%m/%Y} – {self.valid_until:%d/%m/%Y})"
