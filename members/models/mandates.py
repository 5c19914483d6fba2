"""Mandates (the Aidants Connect model): what a member lets a staff member do for them, and how long."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Mandate(models.Model):
    class Duration(models.TextChoices):
        DAY = "day", _("Une journée")
        MONTH = "month", _("Un mois")
        SIX_MONTHS = "six_months", _("Six mois")
        YEAR = "year", _("Un an")

    SCOPES = ("book", "pay", "edit")

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Adhérent"), on_delete=models.CASCADE, related_name="mandates_given"
    )
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Reçu par"),
        on_delete=models.PROTECT,
        related_name="mandates_received",
    )
    can_book = models.BooleanField(_("Inscrire aux activités"), default=True)
    can_pay = models.BooleanField(_("Enregistrer des paiements"), default=False)
    can_edit = models.BooleanField(_("Modifier le profil"), default=False)
    duration = models.CharField(_("Durée"), max_length=12, choices=Duration.choices, default=Duration.MONTH)
    starts_at = models.DateTimeField(_("Début"))
    expires_at = models.DateTimeField(_("Fin"))
    revoked_at = models.DateTimeField(_("Révoqué le"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Mandat")
        verbose_name_plural = _("Mandats")
        ordering = ["-starts_at", "-pk"]

    def __str__(self):
        return f"{self.member} → {self.received_by} ({self.get_duration_display()})"

    def allows(self, scope):
        return {"book": self.can_book, "pay": self.can_pay, "edit": self.can_edit}[scope]

    def scope_labels(self):
        return [self._meta.get_field(f).verbose_name for f in ("can_book", "can_pay", "can_edit") if getattr(self, f)]
