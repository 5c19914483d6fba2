"""Help requests posted by caregivers (or by staff at their request), volunteers' offers, messages, reports."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from solidarity.models.volunteers import HelpKind


class HelpRequestQuerySet(models.QuerySet):
    def for_list(self):
        """What a list of requests shows, in a constant number of queries."""
        return self.select_related("requester", "posted_by").annotate(
            offer_count=Count("offers", filter=Q(offers__status="pending") | Q(offers__status="accepted"))
        )

    def open(self):
        return self.filter(status=HelpRequest.Status.OPEN)


class HelpRequest(models.Model):
    """What a caregiver needs, when and where. Only the kind, time and commune are required: no obligation
    to describe the person helped."""

    class Status(models.TextChoices):
        OPEN = "open", _("En attente d'une proposition")
        ACCEPTED = "accepted", _("Bénévole trouvé·e")
        CANCELLED = "cancelled", _("Annulée")
        CLOSED = "closed", _("Terminée")

    class Outcome(models.TextChoices):
        UNKNOWN = "", _("Pas encore dit")
        HONOURED = "honoured", _("A eu lieu")
        NOT_HONOURED = "not_honoured", _("N'a pas eu lieu")

    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Aidant·e"), on_delete=models.CASCADE, related_name="help_requests"
    )
    posted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(_("Type d'aide"), max_length=16, choices=HelpKind.choices)
    starts_at = models.DateTimeField(_("Date et heure"))
    weeks = models.PositiveSmallIntegerField(_("Nombre de semaines"), default=1)
    commune = models.CharField(_("Commune"), max_length=120)
    accessibility = models.CharField(_("Besoins d'accessibilité"), max_length=250, blank=True)
    note = models.TextField(_("Précisions (facultatif)"), max_length=500, blank=True)
    status = models.CharField(_("État"), max_length=10, choices=Status.choices, default=Status.OPEN)
    accepted_offer = models.OneToOneField(
        "solidarity.Offer", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    requester_outcome = models.CharField(max_length=12, choices=Outcome.choices, blank=True)
    volunteer_outcome = models.CharField(max_length=12, choices=Outcome.choices, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)
    flagged_at = models.DateTimeField(_("Signalée sans réponse le"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = HelpRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("Demande d'entraide")
        verbose_name_plural = _("Demandes d'entraide")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.commune}"

    @property
    def is_recurring(self):
        return self.weeks > 1

    @property
    def last_at(self):
        return self.starts_at + datetime.timedelta(days=7 * (self.weeks - 1))

    @property
    def honoured(self):
        return self.requester_outcome == self.volunteer_outcome == self.Outcome.HONOURED


class Offer(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Proposée")
        ACCEPTED = "accepted", _("Acceptée")
        DECLINED = "declined", _("Non retenue")
        WITHDRAWN = "withdrawn", _("Retirée")

    request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, related_name="offers")
    volunteer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="help_offers")
    status = models.CharField(_("État"), max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Proposition d'aide")
        verbose_name_plural = _("Propositions d'aide")
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["request", "volunteer"], name="one_offer_per_volunteer")]

    def __str__(self):
        return f"{self.volunteer} → {self.request}"


class Message(models.Model):
    """A message between the caregiver and a volunteer, through Escale: no address is ever shown in it."""

    request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, related_name="messages")
    volunteer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    body = models.TextField(_("Message"), max_length=1000)
    hidden_at = models.DateTimeField(_("Masqué par l'équipe le"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Message")
        verbose_name_plural = _("Messages")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return _("Message n° %(pk)s") % {"pk": self.pk}


class Report(models.Model):
    """Someone reports a message or a request to the team (moderation queue)."""

    class Status(models.TextChoices):
        OPEN = "open", _("À traiter")
        HANDLED = "handled", _("Traité")

    request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, related_name="reports")
    message = models.ForeignKey(Message, null=True, blank=True, on_delete=models.CASCADE, related_name="reports")
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.TextField(_("Ce qui pose problème"), max_length=1000)
    status = models.CharField(_("État"), max_length=8, choices=Status.choices, default=Status.OPEN)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Signalement")
        verbose_name_plural = _("Signalements")
        ordering = ["status", "-created_at"]

    def __str__(self):
        return _("Signalement n° %(pk)s") % {"pk": self.pk}
