"""Membership types (managed by administrators) and the memberships members hold."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.translated import TranslatedField


class MembershipType(models.Model):
    class Kind(models.TextChoices):
        CALENDAR_YEAR = "calendar_year", _("Année civile (jusqu'au 31 décembre)")
        ROLLING_YEAR = "rolling_year", _("12 mois à partir de l'adhésion")

    name = models.CharField(_("Nom"), max_length=120)
    description = models.TextField(_("Description"), blank=True)
    price = models.DecimalField(_("Prix"), max_digits=10, decimal_places=2)
    kind = models.CharField(_("Durée"), max_length=16, choices=Kind.choices, default=Kind.CALENDAR_YEAR)
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
