"""Check-in calls ("veille téléphonique"): campaigns, who calls whom, what each call found."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class IsolationInfo(models.Model):
    """What the team knows of a member's isolation, for check-in campaigns (not kept on the profile)."""

    member = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="isolation_info")
    lives_alone = models.BooleanField(_("Vit seul·e"), default=False)
    heatwave_register = models.BooleanField(_("Inscrit·e au registre canicule"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Situation d'isolement")
        verbose_name_plural = _("Situations d'isolement")

    def __str__(self):
        return str(self.member)


class Campaign(models.Model):
    name = models.CharField(_("Nom"), max_length=120)
    lives_alone = models.BooleanField(_("Vit seul·e"), default=False)
    over_75 = models.BooleanField(_("Plus de 75 ans"), default=False)
    no_booking_days = models.PositiveSmallIntegerField(_("Sans inscription depuis (jours)"), null=True, blank=True)
    heatwave_register = models.BooleanField(_("Registre canicule"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Campagne d'appels")
        verbose_name_plural = _("Campagnes d'appels")
        ordering = ["-created_at"]

    def __str__(self):
        return self.name


class CallAssignment(models.Model):
    """One person to call in a campaign, and the caller it was given to."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="assignments")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    caller = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="calls_to_make"
    )

    class Meta:
        verbose_name = _("Appel à passer (veille)")
        verbose_name_plural = _("Appels à passer (veille)")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["campaign", "person"], name="one_call_per_person")]

    def __str__(self):
        return f"{self.campaign} – {self.person}"


class CallRecord(models.Model):
    class Outcome(models.TextChoices):
        REACHED = "reached", _("Joint·e")
        NOT_REACHED = "not_reached", _("Pas joint·e")
        CALL_BACK = "call_back", _("À rappeler")

    class Need(models.TextChoices):
        SHOPPING = "shopping", _("Courses, repas")
        HEALTH = "health", _("Santé, médicaments")
        ISOLATION = "isolation", _("Solitude, moral")
        ADMIN = "admin", _("Démarches")
        HOUSING = "housing", _("Logement, chaleur")

    assignment = models.ForeignKey(CallAssignment, on_delete=models.CASCADE, related_name="records")
    caller = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    outcome = models.CharField(_("Résultat"), max_length=12, choices=Outcome.choices)
    needs = models.JSONField(_("Besoins repérés"), default=list, blank=True)
    staff_note = models.TextField(_("Note (équipe seulement)"), max_length=1000, blank=True)
    concern_raised = models.BooleanField(_("Inquiétude transmise"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Appel de veille")
        verbose_name_plural = _("Appels de veille")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.assignment} ({self.get_outcome_display()})"
