"""Payments (the django-payments model), what each one pays for, receipts and credits (avoirs)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from payments import PurchasedItem
from payments.models import BasePayment

from core.money import ReturnMode

CURRENCY = "EUR"


class Payment(BasePayment):
    """One payment: online (a django-payments variant) or recorded at the desk by a coordinator.

    `fulfilled_at` is set once, under a row lock, when the payment is confirmed: memberships are
    activated and the receipt is issued then, never twice however often the provider notifies.
    """

    class Method(models.TextChoices):
        ONLINE = "online", _("Carte bancaire en ligne")
        CASH = "cash", _("Espèces")
        CHEQUE = "cheque", _("Chèque")
        CARD_TERMINAL = "card_terminal", _("Carte bancaire (terminal sur place)")
        ANCV = "ancv", _("Chèques-vacances ANCV")
        CREDIT = "credit", _("Avoir")

    ON_SITE_METHODS = (Method.CASH, Method.CHEQUE, Method.CARD_TERMINAL, Method.ANCV)

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Adhérent"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="member_payments",
    )
    method = models.CharField(_("Moyen de paiement"), max_length=16, choices=Method.choices, default=Method.ONLINE)
    cheque_number = models.CharField(_("Numéro du chèque"), max_length=40, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Enregistré par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    fulfilled_at = models.DateTimeField(_("Confirmé le"), null=True, blank=True, db_index=True)
    refunded_amount = models.DecimalField(_("Montant remboursé"), max_digits=10, decimal_places=2, default=0)

    class Meta:
        verbose_name = _("Paiement")
        verbose_name_plural = _("Paiements")
        ordering = ["-created", "-pk"]

    def __str__(self):
        return f"{self.total} {self.currency} – {self.get_method_display()}"

    def _return_url(self, name):
        path = reverse(name, kwargs={"pk": self.pk})
        if self.variant == "dummy":  # the dummy form redirects within the same site
            return path
        from payments.core import get_base_url

        return get_base_url() + path  # Stripe Checkout needs absolute URLs (PAYMENT_HOST, PAYMENT_USES_SSL)

    def get_success_url(self):
        return self._return_url("members:payment_done")

    def get_failure_url(self):
        return self._return_url("members:payment_failed")

    def get_purchased_items(self):
        for item in self.items.all():
            yield PurchasedItem(
                name=item.label, sku=f"{item.kind}-{item.pk}", quantity=1, price=item.amount, currency=CURRENCY
            )

    def change_status(self, status, message=""):
        """Provider notifications land here: see members.services.payments.apply_status (idempotent)."""
        from members.services.payments import apply_status

        apply_status(self, status, message)

    def _change_status_unlocked(self, status, message=""):
        super().change_status(status, message)


LIVE_ITEM_STATES = ("pending", "paid")


class PaymentItem(models.Model):
    """What a payment pays for, with its amount: a membership, a booking or a whole cycle.

    `state` follows the thing paid, not only the payment: at most one *live* line (waiting for its
    payment, or paid) per membership, booking or cycle, enforced by the database. A line whose payment
    was abandoned or replaced is void; a line paid twice, or for something cancelled, is returned
    (credit or refund) — see members.services.fulfilment.
    """

    class Kind(models.TextChoices):
        MEMBERSHIP = "membership", _("Adhésion")
        BOOKING = "booking", _("Inscription")
        CYCLE = "cycle", _("Inscription à un cycle")

    class State(models.TextChoices):
        PENDING = "pending", _("En attente du paiement")
        PAID = "paid", _("Réglée")
        VOID = "void", _("Paiement abandonné ou remplacé")
        RETURNED = "returned", _("Rendue (avoir ou remboursement)")

    payment = models.ForeignKey(Payment, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    membership = models.ForeignKey(
        "members.Membership", null=True, blank=True, on_delete=models.PROTECT, related_name="payment_items"
    )
    booking = models.ForeignKey(
        "activities.Booking", null=True, blank=True, on_delete=models.PROTECT, related_name="payment_items"
    )
    cycle_booking = models.ForeignKey(
        "activities.CycleBooking", null=True, blank=True, on_delete=models.PROTECT, related_name="payment_items"
    )
    label = models.CharField(_("Libellé"), max_length=250)
    amount = models.DecimalField(_("Montant"), max_digits=10, decimal_places=2)
    returned_at = models.DateTimeField(_("Remboursé ou crédité le"), null=True, blank=True)
    returned_as = models.CharField(
        _("Rendu sous forme de"),
        max_length=8,
        blank=True,
        choices=ReturnMode.choices,
    )
    state = models.CharField(_("État"), max_length=8, choices=State.choices, default=State.PENDING)

    class Meta:
        verbose_name = _("Ligne de paiement")
        verbose_name_plural = _("Lignes de paiement")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(membership__isnull=False)
                | models.Q(booking__isnull=False)
                | models.Q(cycle_booking__isnull=False),
                name="payment_item_pays_for_something",
            ),
            *(
                models.UniqueConstraint(
                    fields=[field],
                    condition=models.Q(state__in=LIVE_ITEM_STATES),
                    name=f"one_live_payment_per_{field}",
                )
                for field in ("membership", "booking", "cycle_booking")
            ),
        ]

    def __str__(self):
        return f"{self.label} : {self.amount}"


class YearSequence(models.Model):
    """The last number given in a year; its row is locked while a number is taken
    (members.services.receipts.next_number)."""

    year = models.PositiveIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.year}: {self.last_number}"


class ReceiptSequence(YearSequence):
    """The last receipt number given in a year."""

    class Meta:
        verbose_name = _("Numérotation des reçus")
        verbose_name_plural = _("Numérotations des reçus")


class TaxReceiptSequence(YearSequence):
    """The last tax receipt (reçu fiscal) number given in a year."""

    class Meta:
        verbose_name = _("Numérotation des reçus fiscaux")
        verbose_name_plural = _("Numérotations des reçus fiscaux")


class Receipt(models.Model):
    """A receipt for a confirmed payment: numbered per year without gaps (YYYY-000001)."""

    payment = models.OneToOneField(Payment, on_delete=models.PROTECT, related_name="receipt")
    year = models.PositiveIntegerField()
    sequence = models.PositiveIntegerField()
    issued_at = models.DateTimeField(_("Émis le"))
    amount = models.DecimalField(_("Montant"), max_digits=10, decimal_places=2)
    payer_name = models.CharField(_("Payé par"), max_length=250, blank=True)
    lines = models.JSONField(_("Lignes"), default=list)

    class Meta:
        verbose_name = _("Reçu")
        verbose_name_plural = _("Reçus")
        ordering = ["-year", "-sequence"]
        constraints = [models.UniqueConstraint(fields=["year", "sequence"], name="one_receipt_number_per_year")]

    def __str__(self):
        return self.number

    @property
    def number(self):
        return f"{self.year}-{self.sequence:06d}"


class Credit(models.Model):
    """A movement on a member's credit (avoir): positive when given, negative when used."""

    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="credits")
    amount = models.DecimalField(_("Montant"), max_digits=10, decimal_places=2)
    reason = models.CharField(_("Motif"), max_length=250)
    booking = models.ForeignKey(
        "activities.Booking", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    payment = models.ForeignKey(Payment, null=True, blank=True, on_delete=models.SET_NULL, related_name="credits")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Avoir")
        verbose_name_plural = _("Avoirs")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.amount} – {self.reason}"


class TaxReceipt(models.Model):
    """A reçu fiscal (Cerfa 11580) for the membership fees of a confirmed payment, when the association
    is eligible (MembersSettings). Unique chronological number per year (F2026-00001), never deleted:
    kept at least 6 years, as the tax administration may ask for it."""

    payment = models.OneToOneField(Payment, on_delete=models.PROTECT, related_name="tax_receipt")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="tax_receipts"
    )
    year = models.PositiveIntegerField()
    sequence = models.PositiveIntegerField()
    issued_at = models.DateTimeField(_("Émis le"))
    paid_on = models.DateField(_("Date du versement"))
    amount = models.DecimalField(_("Montant"), max_digits=10, decimal_places=2)
    donor_name = models.CharField(_("Donateur"), max_length=250)
    donor_address = models.CharField(_("Adresse du donateur"), max_length=400, blank=True)
    method = models.CharField(_("Mode de versement"), max_length=16, choices=Payment.Method.choices)

    class Meta:
        verbose_name = _("Reçu fiscal")
        verbose_name_plural = _("Reçus fiscaux")
        ordering = ["-year", "-sequence"]
        constraints = [models.UniqueConstraint(fields=["year", "sequence"], name="one_tax_receipt_number_per_year")]

    def __str__(self):
        return self.number

    @property
    def number(self):
        return f"F{self.year}-{self.sequence:05d}"
