"""Care's domain errors: translated messages, safe to show, never quoting care content."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy

from core.errors import DomainError


class CareError(DomainError):
    """A care rule was broken; the message is translated and safe to show (it never quotes care content)."""

    default_message = gettext_lazy("Opération impossible.")


class CaseAnonymised(CareError):
    default_message = gettext_lazy("Ce dossier est anonymisé : il ne peut plus être complété.")


class InvalidStatusChange(CareError):
    default_message = gettext_lazy("Ce changement de statut n'est pas possible.")


class NoteLevelNotAllowed(CareError, PermissionDenied):
    default_message = gettext_lazy("Vous ne pouvez pas écrire une note à ce niveau de visibilité.")


class NotACareProfessional(CareError):
    default_message = gettext_lazy("Cette personne ne fait pas partie de l'équipe d'accompagnement.")
