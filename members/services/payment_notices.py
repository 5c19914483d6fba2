"""Telling the member and the coordinators when a confirmed payment became a credit (avoir)."""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from activities.models import CallListEntry
from activities.notifications import coordinator_emails
from core.money import ZERO, format_money
from members.models import Payment
from members.services.fulfilment import credited_lines
from members.services.profiles import member_language, preferred_contact


def _member_notice(payment, lines, total):
    member = payment.member
    with translation.override(member_language(member)):
        subject = _("Votre paiement : %(amount)s mis sur votre avoir") % {"amount": format_money(total)}
        lead = _(
            "Nous avons bien reçu votre paiement de %(paid)s. Une partie concernait ce qui était déjà payé "
            "ou annulé : %(amount)s sont mis sur votre avoir. Vous pouvez l'utiliser pour une prochaine "
            "inscription, ou demander un remboursement à l'accueil."
        ) % {"paid": format_money(payment.total), "amount": format_money(total)}
        channel, address = preferred_contact(member)
        if channel == "email" and address:
            details = "\n".join(f"- {line.label} : {format_money(line.amount)}" for line in lines)
            greeting = _("Bonjour %(name)s,") % {"name": member.first_name or member.get_full_name()}
            body = "\n\n".join([greeting, lead, details, settings.WAGTAIL_SITE_NAME])
            send_mail(subject, body, None, [address])
        else:
            CallListEntry.objects.create(member=member, phone=address, reason="payment_credited", message=lead)


def _staff_notice(payment, lines, total):
    recipients = coordinator_emails()
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Paiement transformé en avoir : %(amount)s") % {"amount": format_money(total)}
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "members_staff:member_detail", args=[payment.member_id]
        )
        body = "\n\n".join(
            [
                _(
                    "Le paiement n° %(payment)s de %(name)s (%(paid)s) réglait en partie ce qui était déjà payé "
                    "ou annulé. %(amount)s sont mis sur son avoir ; la personne est prévenue."
                )
                % {
                    "payment": payment.pk,
                    "name": payment.member.get_full_name() or payment.member.email,
                    "paid": format_money(payment.total),
                    "amount": format_money(total),
                },
                "\n".join(f"- {line.label} : {format_money(line.amount)}" for line in lines),
                url,
            ]
        )
    send_mail(subject, body, None, recipients)


def notify_payment_credited(payment_id):
    """E-mail (or call list) to the member, e-mail to the coordinators; returns the credited amount."""
    payment = Payment.objects.select_related("member").get(pk=payment_id)
    lines = list(credited_lines(payment))
    if not lines or payment.member is None:
        return ZERO
    total = sum((line.amount for line in lines), ZERO)
    _member_notice(payment, lines, total)
    _staff_notice(payment, lines, total)
    return total
