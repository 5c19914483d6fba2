"""Receipts: a number per year without gaps or duplicates, and the PDF (WeasyPrint)."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from activities.agenda import attach_localized_activities
from core.pdf import render_pdf
from core.site_settings import site_settings
from home.models import SiteSettings
from members.models import Receipt, ReceiptSequence


def next_number(sequence_model, year):
    """Take the next number of `year` from `sequence_model` (ReceiptSequence, TaxReceiptSequence);
    must run inside the transaction that creates the numbered document.

    The year's row is locked (`select_for_update`) until that transaction ends, so concurrent
    payments get consecutive numbers, and a rolled-back payment gives its number back.
    """
    try:
        with transaction.atomic():
            sequence_model.objects.get_or_create(year=year)
    except IntegrityError:  # another transaction created the row first
        pass
    sequence = sequence_model.objects.select_for_update().get(year=year)
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return sequence.last_number


def next_receipt_number(year):
    """The next receipt number of `year` (see `next_number`)."""
    return next_number(ReceiptSequence, year)


def issue_receipt(payment):
    """The receipt of a confirmed payment (created once; returns the existing one otherwise)."""
    existing = Receipt.objects.filter(payment=payment).first()
    if existing:
        return existing
    now = timezone.now()
    year = timezone.localtime(now).year
    with transaction.atomic():
        member = payment.member
        payer = (member.get_full_name() or member.email) if member else ""
        receipt = Receipt.objects.create(
            payment=payment,
            year=year,
            sequence=next_receipt_number(year),
            issued_at=now,
            amount=payment.total,
            payer_name=payer,
            lines=[{"label": item.label, "amount": str(item.amount)} for item in payment.items.all()],
        )
        from members.services.tax_receipts import issue_tax_receipt

        issue_tax_receipt(payment)
    return receipt


def member_language(user):
    """The language the member chose in their profile (French when they have no profile)."""
    profile = getattr(user, "member_profile", None) if user is not None else None
    return profile.language if profile is not None else settings.LANGUAGE_CODE


def render_member_pdf(template, context, *, language=None):
    """PDF bytes of a members document on the association's letterhead, in `language` (active one when None)."""
    return render_pdf(template, {**context, "organisation": site_settings(SiteSettings)}, language=language)


PAGE_SIZES = ("A4", "A5")


def render_receipt_pdf(receipt, *, size="A4"):
    """The receipt as PDF bytes on an A4 or A5 page, in the member's language, with the association's
    details from the site settings."""
    from members.services.payments import credit_used

    if size not in PAGE_SIZES:
        raise ValueError(size)
    context = {
        "receipt": receipt,
        "payment": receipt.payment,
        "page_size": size,
        "credit_used": credit_used(receipt.payment),
    }
    return render_member_pdf("members/pdf/receipt.html", context, language=member_language(receipt.payment.member))


def render_attestation_pdf(member, bookings, *, start, end):
    """The attestation of participation in the member's language (activity titles included)."""

    language = member_language(member)
    bookings = list(bookings)
    with translation.override(language):
        attach_localized_activities([booking.session for booking in bookings])
    context = {"member": member, "bookings": bookings, "start": start, "end": end, "today": timezone.localdate()}
    return render_member_pdf("members/pdf/attestation.html", context, language=language)
