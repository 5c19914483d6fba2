"""Sessions: one dated occurrence of an activity, with its own place and seats."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from .bookings import Booking

SEAT_STATUSES = Booking.SEAT_STATUSES  # kept importable from here; defined on Booking


class SessionQuerySet(models.QuerySet):
    def upcoming(self, now=None):
        return self.filter(start__gte=now or timezone.now())

    def scheduled(self):
        return self.filter(status=Session.Status.SCHEDULED)

    def for_activity(self, activity):
        return self.filter(activity=activity)

    def with_counts(self):
        """Annotate `confirmed_count`, `waitlist_count` and `pickup_count`, recounted from rows."""
        return self.annotate(
            confirmed_count=Count("bookings", filter=Q(bookings__status__in=SEAT_STATUSES), distinct=True),
            waitlist_count=Count("bookings", filter=Q(bookings__status="waitlisted"), distinct=True),
            pickup_count=Count(
                "bookings",
                filter=Q(bookings__status__in=SEAT_STATUSES, bookings__needs_pickup=True),
                distinct=True,
            ),
        )

    def with_free_seats(self):
        return self.with_counts().filter(confirmed_count__lt=models.F("capacity"))


class Session(models.Model):
    """A dated occurrence of an activity. Always attached to the default-language (French)
    activity page: the English calendar shows the same rows, so seats are never split."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Programmée")
        CANCELLED = "cancelled", _("Annulée")
        DONE = "done", _("Terminée")

    activity = models.ForeignKey(
        "activities.ActivityPage",
        verbose_name=_("Activité"),
        on_delete=models.PROTECT,
        related_name="sessions",
    )
    start = models.DateTimeField(_("Début"), db_index=True)
    end = models.DateTimeField(_("Fin"))
    place = models.ForeignKey(
        "activities.Place", verbose_name=_("Lieu"), on_delete=models.PROTECT, related_name="sessions"
    )
    capacity = models.PositiveIntegerField(_("Nombre de places"))
    # Seats held (SEAT_STATUSES), recounted on every booking change under the session lock
    # (activities/seats.py): listings read it instead of counting bookings.
    seats_taken = models.PositiveIntegerField(default=0, editable=False)
    min_participants = models.PositiveIntegerField(_("Nombre minimum de participants"), default=0)
    waitlist_enabled = models.BooleanField(_("Liste d'attente ouverte"), default=True)
    pickup_seats = models.PositiveIntegerField(
        _("Places de transport à domicile"),
        default=0,
        help_text=_("Nombre de personnes que le véhicule peut aller chercher chez elles (0 : pas de transport)."),
    )
    booking_opens_at = models.DateTimeField(
        _("Ouverture des inscriptions"),
        null=True,
        blank=True,
        help_text=_("Vide : inscriptions ouvertes dès maintenant."),
    )
    booking_closes_at = models.DateTimeField(
        _("Clôture des inscriptions"), null=True, blank=True, help_text=_("Vide : jusqu'au début de la séance.")
    )
    cancellation_deadline = models.DateTimeField(
        _("Date limite d'annulation"), null=True, blank=True, help_text=_("Vide : jusqu'au début de la séance.")
    )
    status = models.CharField(_("État"), max_length=12, choices=Status.choices, default=Status.SCHEDULED)
    notes = models.TextField(_("Remarques internes"), blank=True)
    minimum_warning_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SessionQuerySet.as_manager()

    panels = [
        FieldPanel("activity"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("Horaires")),
        FieldPanel("place"),
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldPanel("min_participants"),
                FieldPanel("waitlist_enabled"),
                FieldPanel("pickup_seats"),
            ],
            heading=_("Places"),
        ),
        MultiFieldPanel(
            [FieldPanel("booking_opens_at"), FieldPanel("booking_closes_at"), FieldPanel("cancellation_deadline")],
            heading=_("Inscriptions"),
        ),
        FieldPanel("status"),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("Séance")
        verbose_name_plural = _("Séances")
        ordering = ["start", "pk"]
        permissions = [("cancel_session", _("Peut annuler une séance et prévenir les inscrits"))]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="session_ends_after_start"),
        ]
        # Listings read scheduled sessions from now on, in start order (the home teaser takes 4).
        indexes = [models.Index(fields=["status", "start", "id"], name="session_status_start_idx")]

    def __str__(self):
        local = timezone.localtime(self.start)
        return f"{self.activity.title} – {local:%d/%m/%Y %H:%M}"

    def clean(self):
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("La fin doit être après le début.")})
        if self.activity_id and self.activity.locale_id != _default_locale_id():
            raise ValidationError({"activity": _("Choisissez la page de l'activité en français (langue d'origine).")})

    @property
    def closes_at(self):
        return self.booking_closes_at or self.start

    @property
    def cancellable_until(self):
        return self.cancellation_deadline or self.start

    def seats_left(self):
        """Seats left, from the `with_counts()` annotation when present, else from the `seats_taken`
        counter (activities/seats.py): no query."""
        confirmed = getattr(self, "confirmed_count", None)
        if confirmed is None:
            confirmed = self.seats_taken
        return max(self.capacity - confirmed, 0)

    def is_open_for_booking(self, now=None):
        now = now or timezone.now()
        return (
            self.status == self.Status.SCHEDULED
            and (self.booking_opens_at is None or now >= self.booking_opens_at)
            and now < self.closes_at
        )

    @property
    def below_minimum(self):
        confirmed = getattr(self, "confirmed_count", None)
        return confirmed is not None and self.min_participants and confirmed < self.min_participants


def _default_locale_id():
    from wagtail.models import Locale

    return Locale.get_default().pk


def default_timezone_name():
    return settings.TIME_ZONE
