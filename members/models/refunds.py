"""Card refunds: recorded with the cancellation, sent to the provider afterwards (a task), never under a lock."""

from django.conf import settings
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _


class Refund(models.Model):
    """Money to give back through the card provider for an online payment.

    Written in the transaction that decides it (a cancellation, staff's choice of a refund), then sent
    by `members.tasks.send_refund` once that transaction has committed: the provider's network call never
    runs while booking or payment rows are locked. `sending` is claimed before the call, so two workers
    never refund twice; a failure is kept (`failed`, with the provider's message) for staff to retry.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("À envoyer")
        SENDING = "sending", _("En cours d'envoi")
        DONE = "done", _("Remboursé")
        FAILED = "failed", _("Échec : à relancer")

    payment = models.ForeignKey(
        "members.Payment", verbose_name=_("Paiement"), on_delete=models.PROTECT, related_name="refunds"
    )
    amount = models.DecimalField(_("Montant"), max_digits=10, decimal_places=2)
    state = models.CharField(_("État"), max_length=10, choices=State.choices, default=State.PENDING, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("Tentatives"), default=0)
    error = models.CharField(_("Dernière erreur"), max_length=300, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Demandé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("Demandé le"), auto_now_add=True)
    done_at = models.DateTimeField(_("Remboursé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("Remboursement par carte")
        verbose_name_plural = _("Remboursements par carte")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.amount} € – {self.get_state_display()}"

    @admin.display(description=_("Adhérent"))
    def member(self):
        return self.payment.member
