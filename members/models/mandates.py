"""Acting for a member (the Aidants Connect model): a one-off request the person makes now (by phone,
at the desk, through a relative they named), or a standing mandate (which acts, how long, consent)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

ACT_CHOICES = [
    ("book", _("inscription")),
    ("cancel", _("annulation")),
    ("pay", _("paiement ou adhésion")),
    ("edit", _("modification du profil")),
]


class PersonRequest(models.Model):
    """One act the person asks staff to do for them now: no paperwork, but who, when, how and what
    are recorded and shown in the person's history ("à sa demande, par téléphone, par Claire M.")."""

    class Channel(models.TextChoices):
        PHONE = "phone", _("par téléphone")
        DESK = "desk", _("à l'accueil")
        RELATIVE = "relative", _("par un proche qu'elle a désigné")

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Adhérent"), on_delete=models.CASCADE, related_name="requests_made"
    )
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Reçue par"), on_delete=models.PROTECT, related_name="+"
    )
    channel = models.CharField(_("Demande faite"), max_length=10, choices=Channel.choices)
    relative_name = models.CharField(_("Nom du proche"), max_length=150, blank=True)
    act = models.CharField(_("Acte demandé"), max_length=10, choices=ACT_CHOICES)
    detail = models.CharField(_("Précisions"), max_length=250, blank=True)
    created_at = models.DateTimeField(_("Reçue le"), default=timezone.now)

    class Meta:
        verbose_name = _("Demande de la personne")
        verbose_name_plural = _("Demandes des personnes")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.member} – {self.get_act_display()} ({self.get_channel_display()})"

    def audit_data(self):
        """What the action log keeps about why staff could act (core.audit.log_action `authority`)."""
        return {"request": {"id": self.pk, "channel": self.channel, "relative": self.relative_name}}


class Mandate(models.Model):
    class Duration(models.TextChoices):
        DAY = "day", _("Une journée")
        MONTH = "month", _("Un mois")
        SIX_MONTHS = "six_months", _("Six mois")
        YEAR = "year", _("Un an")

    class ConsentGiven(models.TextChoices):
        DESK = "desk", _("oralement, à l'accueil")
        PHONE = "phone", _("oralement, par téléphone")
        WRITTEN = "written", _("par écrit (formulaire signé)")

    class Notice(models.TextChoices):
        EMAIL = "email", _("par e-mail")
        CALL_LIST = "call_list", _("par téléphone (liste d'appels)")

    SCOPES = ("book", "cancel", "pay", "edit")

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
    can_cancel = models.BooleanField(_("Annuler des inscriptions"), default=False)
    can_pay = models.BooleanField(_("Enregistrer des paiements"), default=False)
    can_edit = models.BooleanField(_("Modifier le profil"), default=False)
    duration = models.CharField(_("Durée"), max_length=12, choices=Duration.choices, default=Duration.MONTH)
    starts_at = models.DateTimeField(_("Début"))
    expires_at = models.DateTimeField(_("Fin"))
    revoked_at = models.DateTimeField(_("Révoqué le"), null=True, blank=True)
    consent_given = models.CharField(
        _("Accord donné"), max_length=10, choices=ConsentGiven.choices, default=ConsentGiven.DESK
    )
    consent_at = models.DateTimeField(_("Accord donné le"), default=timezone.now)
    notified_by = models.CharField(_("Personne prévenue"), max_length=10, choices=Notice.choices, blank=True)
    notified_at = models.DateTimeField(_("Prévenue le"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Mandat")
        verbose_name_plural = _("Mandats")
        ordering = ["-starts_at", "-pk"]

    def __str__(self):
        return f"{self.member} → {self.received_by} ({self.get_duration_display()})"

    def audit_data(self):
        """What the action log keeps about why staff could act (core.audit.log_action `authority`)."""
        return {"mandate": self.pk}

    def allows(self, scope):
        return getattr(self, f"can_{scope}")

    def scope_labels(self):
        return [self._meta.get_field(f"can_{s}").verbose_name for s in self.SCOPES if getattr(self, f"can_{s}")]
