"""Volunteers: who they are, where and when they help, their charter, insurance, interview and training."""

from django.conf import settings
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


class HelpKind(models.TextChoices):
    OUTING = "outing", _("Sortie, accompagnement")
    SHOPPING = "shopping", _("Courses")
    DIGITAL = "digital", _("Aide numérique")
    SMALL_SERVICE = "small_service", _("Petit service")
    VISIT = "visit", _("Visite de courtoisie")


# Half-days a volunteer can give: "0am" is Monday morning, "6pm" Sunday afternoon.
WEEKDAYS = (_("lundi"), _("mardi"), _("mercredi"), _("jeudi"), _("vendredi"), _("samedi"), _("dimanche"))
HALVES = {"am": _("matin"), "pm": _("après-midi")}
SLOTS = [
    (f"{day}{half}", format_lazy("{} {}", WEEKDAYS[day], label)) for day in range(7) for half, label in HALVES.items()
]


def slot_of(moment):
    """The half-day slot ("3am") of an aware local datetime."""
    return f"{moment.weekday()}{'am' if moment.hour < 13 else 'pm'}"


class VolunteerProfile(models.Model):
    """One per member who offers to help. Only validated, unblocked volunteers see requests and offer."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Candidature reçue")
        INTERVIEW = "interview", _("Entretien prévu")
        VALIDATED = "validated", _("Validé·e")
        REFUSED = "refused", _("Non retenu·e")

    member = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="volunteer_profile")
    skills = models.TextField(_("Savoir-faire"), max_length=500, blank=True)
    communes = models.CharField(_("Communes où vous pouvez aider"), max_length=250)
    kinds = models.JSONField(_("Types d'aide"), default=list)
    availability = models.JSONField(_("Disponibilités"), default=list)
    charter_version = models.CharField(_("Version de la charte"), max_length=40)
    charter_accepted_at = models.DateTimeField(_("Charte acceptée le"))
    insurance_file = models.FileField(_("Attestation d'assurance"), upload_to="solidarity/insurance/", blank=True)
    insurance_expires_on = models.DateField(_("Assurance valable jusqu'au"), null=True, blank=True)
    status = models.CharField(_("État"), max_length=12, choices=Status.choices, default=Status.SUBMITTED)
    interview_at = models.DateTimeField(_("Entretien le"), null=True, blank=True)
    interviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    staff_reason = models.TextField(_("Motif (équipe seulement)"), blank=True)
    validated_at = models.DateTimeField(_("Validé·e le"), null=True, blank=True)
    blocked_at = models.DateTimeField(_("Bloqué·e le"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Bénévole")
        verbose_name_plural = _("Bénévoles")
        ordering = ["status", "-created_at"]

    def __str__(self):
        return self.member.get_full_name() or self.member.email

    @property
    def is_active(self):
        return self.status == self.Status.VALIDATED and self.blocked_at is None

    def commune_list(self):
        return [c.strip().casefold() for c in self.communes.split(",") if c.strip()]

    def kind_labels(self):
        return [HelpKind(k).label for k in self.kinds if k in HelpKind.values]


class TrainingRecord(models.Model):
    class Module(models.TextChoices):
        WELCOME = "welcome", _("Module 1 : rôle du bénévole et écoute")
        LIMITS = "limits", _("Module 2 : sécurité, limites et orientation")
        SUPERVISION = "supervision", _("Séance d'analyse de la pratique")

    volunteer = models.ForeignKey(VolunteerProfile, on_delete=models.CASCADE, related_name="trainings")
    module = models.CharField(_("Module"), max_length=12, choices=Module.choices)
    done_on = models.DateField(_("Suivi le"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("Formation suivie")
        verbose_name_plural = _("Formations suivies")
        ordering = ["-done_on"]

    def __str__(self):
        return f"{self.get_module_display()} ({self.done_on})"
