"""Bookings, cycle bookings and the coordinators' call list."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CycleBooking(models.Model):
    """One booking for a whole cycle: it holds a seat in every session of the activity, for one price."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmée")
        CANCELLED = "cancelled", _("Annulée")

    activity = models.ForeignKey("activities.ActivityPage", on_delete=models.PROTECT, related_name="cycle_bookings")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cycle_bookings")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.CONFIRMED)
    price = models.DecimalField(_("Prix"), max_digits=10, decimal_places=2)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Inscription à un cycle")
        verbose_name_plural = _("Inscriptions à des cycles")

    def __str__(self):
        return f"{self.member} – {self.activity}"


class Booking(models.Model):
    """A member's place on a session. A waitlisted person promoted to a free seat gets it *offered*
    (held for them until `offer_expires_at`, counted as taken) and keeps it by accepting; an offer
    declined or left to expire passes to the next person waiting (activities.services)."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmée")
        OFFERED = "offered", _("Place proposée, à confirmer")
        WAITLISTED = "waitlisted", _("Sur liste d'attente")
        CANCELLED = "cancelled", _("Annulée")
        ATTENDED = "attended", _("Présent")
        NO_SHOW = "no_show", _("Absent")

    ACTIVE = (Status.CONFIRMED, Status.OFFERED, Status.WAITLISTED)
    # The one definition of the statuses that hold a seat: attendance is marked on confirmed
    # bookings; an offered seat is held for a promoted person until they accept or it expires.
    SEAT_STATUSES = (Status.CONFIRMED, Status.OFFERED, Status.ATTENDED, Status.NO_SHOW)
    # On the attendance sheet (and payable): the person has a seat that is not merely offered.
    ATTENDANCE_STATUSES = (Status.CONFIRMED, Status.ATTENDED, Status.NO_SHOW)

    session = models.ForeignKey(
        "activities.Session", verbose_name=_("Séance"), on_delete=models.PROTECT, related_name="bookings"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Personne inscrite"), on_delete=models.CASCADE, related_name="bookings"
    )
    status = models.CharField(_("État"), max_length=12, choices=Status.choices, db_index=True)
    price = models.DecimalField(_("Prix"), max_digits=10, decimal_places=2)
    needs_pickup = models.BooleanField(_("Transport à domicile"), default=False)
    pickup_address = models.CharField(_("Adresse de prise en charge"), max_length=250, blank=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Inscrit par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cycle_booking = models.ForeignKey(
        CycleBooking, null=True, blank=True, on_delete=models.SET_NULL, related_name="bookings"
    )
    created_at = models.DateTimeField(_("Date d'inscription"), auto_now_add=True, db_index=True)
    # Waitlist order: the booking time, unless a coordinator moved the person up or down
    # (services.move_in_waitlist swaps it with the neighbour's; created_at stays the true booking date).
    queued_at = models.DateTimeField(_("Rang sur la liste d'attente"), default=timezone.now, db_index=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    promoted_at = models.DateTimeField(null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("Place gardée jusqu'au"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Inscription")
        verbose_name_plural = _("Inscriptions")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "member"],
                condition=Q(status__in=["confirmed", "offered", "waitlisted"]),
                name="one_active_booking_per_member_and_session",
            ),
        ]

    def __str__(self):
        return f"{self.member} – {self.session}"

    @property
    def is_active(self):
        return self.status in self.ACTIVE

    @property
    def made_by_staff(self):
        return self.made_by_id is not None and self.made_by_id != self.member_id

    def waitlist_position(self):
        """1 for the first person waiting (ordered by queue rank), None when not waitlisted."""
        if self.status != self.Status.WAITLISTED:
            return None
        earlier = Booking.objects.filter(session_id=self.session_id, status=self.Status.WAITLISTED).filter(
            Q(queued_at__lt=self.queued_at) | Q(queued_at=self.queued_at, pk__lt=self.pk)
        )
        return earlier.count() + 1


class CallListEntry(models.Model):
    """Something to tell a member by phone ("à appeler"): people without e-mail are never forgotten."""

    class Status(models.TextChoices):
        TO_CALL = "to_call", _("À appeler")
        DONE = "done", _("Fait")
        NOT_REACHED = "not_reached", _("Injoignable")

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Personne"), on_delete=models.CASCADE, related_name="+"
    )
    phone = models.CharField(_("Téléphone"), max_length=40, blank=True)
    reason = models.CharField(_("Motif"), max_length=40)
    message = models.TextField(_("À dire"))
    booking = models.ForeignKey(Booking, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(_("État"), max_length=12, choices=Status.choices, default=Status.TO_CALL)
    created_at = models.DateTimeField(auto_now_add=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Appel à passer")
        verbose_name_plural = _("Liste d'appels")
        ordering = ["status", "created_at"]

    def __str__(self):
        return f"{self.member} – {self.reason}"
