"""Domain errors of mutual help; each carries a translated message a person can read."""

from django.utils.translation import gettext_lazy as _

from core.errors import DomainError


class SolidarityError(DomainError):
    default_message = _("Cette opération n'est pas possible.")


class NotAllowed(SolidarityError):
    default_message = _("Vous ne pouvez pas faire cela sur cette demande.")


class NotAVolunteer(SolidarityError):
    default_message = _("Seuls les bénévoles validés par l'équipe peuvent proposer leur aide.")


class RequestNotOpen(SolidarityError):
    default_message = _("Cette demande n'attend plus de proposition.")


class TooEarly(SolidarityError):
    default_message = _("Vous pourrez le dire après la date prévue.")


class InvalidChange(SolidarityError):
    default_message = _("Ce changement d'état n'est pas possible.")


class BadAttestation(SolidarityError):
    default_message = _("L'attestation doit être un fichier PDF, JPEG ou PNG de 5 Mo au plus.")
