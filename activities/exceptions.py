"""Domain errors raised by activities.services; each carries a message a member can read."""

from django.utils.translation import gettext_lazy as _

from core.errors import DomainError


class BookingError(DomainError):
    """Base class: `message` is translated and safe to show to the member."""

    default_message = _("L'inscription n'a pas pu être enregistrée.")


class TryAgain(BookingError):
    default_message = _(
        "Beaucoup de personnes s'inscrivent en même temps. Rien n'a été enregistré : "
        "veuillez réessayer dans quelques secondes."
    )


class BookingNotOpenYet(BookingError):
    default_message = _("Les inscriptions à cette séance ne sont pas encore ouvertes.")


class BookingClosed(BookingError):
    default_message = _("Les inscriptions à cette séance sont closes.")


class SessionCancelled(BookingError):
    default_message = _("Cette séance a été annulée.")


class SessionFull(BookingError):
    default_message = _("Cette séance est complète.")


class AlreadyBooked(BookingError):
    default_message = _("Vous êtes déjà inscrit ou inscrite à cette séance.")


class PickupFull(BookingError):
    default_message = _(
        "Il n'y a plus de place dans le transport à domicile pour cette séance. "
        "Vous pouvez vous inscrire sans transport ou appeler l'accueil."
    )


class CancellationDeadlinePassed(BookingError):
    default_message = _("La date limite d'annulation est passée : merci d'appeler l'accueil.")


class CycleBookingRequired(BookingError):
    default_message = _("Cette activité est un cycle : l'inscription vaut pour toutes les séances.")


class NotACycle(BookingError):
    default_message = _("Cette activité ne se réserve pas en cycle complet.")


class InvalidBookingState(BookingError):
    default_message = _("Cette inscription ne peut pas être modifiée.")


class OfferExpired(BookingError):
    default_message = _(
        "Le délai pour confirmer cette place est passé : elle a été proposée à la personne suivante. "
        "Appelez l'accueil si vous souhaitez toujours venir."
    )
