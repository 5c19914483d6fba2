"""Receipts: a number per year without gaps or duplicates, and the PDF (WeasyPrint)."""

from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

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


def _organisation():
    from wagtail.models import Site

    from home.models import SiteSettings

    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site) if site else SiteSettings()


def render_pdf(template, context):
    from weasyprint import HTML

    html = render_to_string(template, {**context, "organisation": _organisation()})
    return HTML(string=html).write_pdf()


PAGE_SIZES = ("A4", "A5")


def render_receipt_pdf(receipt, *, size="A4"):
    """The receipt as PDF bytes on an A4 or A5 page, with the association's details from the site
    settings."""
    from members.services.payments import credit_used

    if size not in PAGE_SIZES:
        raise ValueError(size)
    context = {
        "receipt": receipt,
        "payment": receipt.payment,
        "page_size": size,
        "credit_used": credit_used(receipt.payment),
    }
    return render_pdf("members/pdf/receipt.html", context)
