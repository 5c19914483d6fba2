"""Member cards: a QR code pointing to a signed URL that says only "valid until …" and the first name.

The URL names a card row, signed (core signing, a salt of its own): a tampered URL is "carte non reconnue";
a revoked card (lost, reissued) is "carte remplacée"; a card whose member has no membership running today is
"adhésion échue". Each check is logged with its result, the month and the partner if known, never the member.
"""

from dataclasses import dataclass

from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

import segno

from core.audit import log_action
from core.pdf import render_pdf
from members.models import Membership
from partners.models import CardCheck, MemberCard

CARD_SALT = "partners.member-card"


@dataclass(frozen=True)
class CheckResult:
    result: str
    first_name: str = ""
    valid_until: object = None


def valid_until(member, today=None):
    today = today or timezone.localdate()
    membership = Membership.objects.active_on(today).filter(member=member).order_by("-valid_until").first()
    return membership.valid_until if membership else None


@transaction.atomic
def current_card(member):
    """The member's live card, issued on first use."""
    card = MemberCard.objects.filter(member=member, revoked_at__isnull=True).first()
    if card is None:
        card = MemberCard.objects.create(member=member)
        log_action(card, "partners.card.issue", member=member)
    return card


@transaction.atomic
def reissue(member, *, by):
    """Revoke the live card (lost, stolen) and issue a new one: the old QR code then says "carte remplacée"."""
    MemberCard.objects.select_for_update().filter(member=member, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    card = MemberCard.objects.create(member=member)
    log_action(card, "partners.card.reissue", actor=by, member=member)
    return card


def card_token(card):
    return signing.Signer(salt=CARD_SALT).sign(str(card.pk))


def check_path(card):
    return reverse("partners:check", args=[card_token(card)])


def check(token, *, partner=None, today=None):
    """What a partner scanning the card may see; the check is logged without the member."""
    try:
        pk = int(signing.Signer(salt=CARD_SALT).unsign(token))
        card = MemberCard.objects.select_related("member").get(pk=pk)
    except (signing.BadSignature, ValueError, MemberCard.DoesNotExist):
        outcome = CheckResult(CardCheck.Result.UNKNOWN)
    else:
        until = valid_until(card.member, today)
        if card.revoked_at is not None:
            outcome = CheckResult(CardCheck.Result.REPLACED)
        elif until is None:
            outcome = CheckResult(CardCheck.Result.EXPIRED)
        else:
            outcome = CheckResult(CardCheck.Result.VALID, card.member.first_name, until)
    CardCheck.objects.create(partner=partner, result=outcome.result)
    return outcome


def qr_svg(url):
    """The QR code as inline SVG (a title for screen readers is set by the template around it)."""
    return segno.make(url, error="m").svg_inline(scale=4, border=2)


def card_pdf(card, url, language=None):
    """A credit-card size (85.6 × 54 mm) PDF of the card, to print at the desk or at home."""
    context = {
        "first_name": card.member.first_name,
        "valid_until": valid_until(card.member),
        "qr": qr_svg(url),
        "number": card.pk,
    }
    return render_pdf("partners/card_pdf.html", context, language=language)
