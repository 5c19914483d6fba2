"""Domain errors of the members app; each carries a translated message for the person."""

from django.utils.translation import gettext_lazy as _

from core.errors import DomainError


class MembersError(DomainError):
    default_message = _("Cette opération n'est pas possible.")


class MandateRequired(MembersError):
    default_message = _(
        "Pour agir pour cette personne, indiquez qu'elle vous le demande (par téléphone, à l'accueil "
        "ou par un proche qu'elle a désigné), ou recueillez son mandat."
    )


class NothingToPay(MembersError):
    default_message = _("Il n'y a rien à payer.")


class AlreadyPaid(MembersError):
    default_message = _("Cet élément est déjà payé.")


class NotPayable(MembersError):
    default_message = _("Cet élément ne peut pas être payé ici.")


class InvalidPaymentMethod(MembersError):
    default_message = _("Moyen de paiement inconnu.")


class ChequeNumberRequired(MembersError):
    default_message = _("Indiquez le numéro du chèque.")


class MembershipTypeUnavailable(MembersError):
    default_message = _("Ce type d'adhésion n'est plus proposé.")


class InvalidRenewalLink(MembersError):
    default_message = _("Ce lien de renouvellement n'est plus valable. Connectez-vous pour renouveler votre adhésion.")


class InsufficientCredit(MembersError):
    default_message = _("Votre avoir ne suffit pas.")


class OnlinePaymentUnavailable(MembersError):
    default_message = _(
        "Le paiement en ligne n'est pas disponible pour le moment. Vous pouvez régler à l'accueil "
        "(espèces, chèque, carte ou chèques-vacances) : rien n'est perdu, votre demande est gardée."
    )


class RefundNotRetryable(MembersError):
    default_message = _("Ce remboursement n'est pas en échec : il n'y a rien à relancer.")
