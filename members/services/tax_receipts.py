"""Reçus fiscaux (Cerfa 11580) for membership fees, when the association is eligible (a site setting).

One receipt per confirmed payment that includes membership fees, numbered chronologically per year
without gaps (F2026-00001), issued in the payment's transaction; the PDF states the amount in words.
"""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from core.money import ZERO
from members.models import Payment, PaymentItem, TaxReceipt, TaxReceiptSequence

# A payment made with a credit (avoir) brings no new money: it was received (and receipted) before.
RECEIPTED_METHODS = (*Payment.ON_SITE_METHODS, Payment.Method.ONLINE)


def issue_tax_receipt(payment, *, member_settings=None):
    """The tax receipt of a confirmed payment's membership fees; None when the setting is off, nothing
    in the payment is a membership fee, or it was paid with a credit. Created once."""
    from members.services.profiles import _members_settings, profile_of

    existing = TaxReceipt.objects.filter(payment=payment).first()
    if existing:
        return existing
    member_settings = member_settings or _members_settings()
    if not member_settings.tax_receipts or payment.member is None or payment.method not in RECEIPTED_METHODS:
        return None
    amount = sum(
        # A fee turned into a credit (already paid or cancelled) is no gift: only the lines kept count.
        (item.amount for item in payment.items.filter(kind=PaymentItem.Kind.MEMBERSHIP, state=PaymentItem.State.PAID)),
        ZERO,
    )
    if amount <= ZERO:
        return None
    member = payment.member
    profile = profile_of(member)
    now = timezone.now()
    year = timezone.localtime(now).year
    with transaction.atomic():
        from members.services.receipts import next_number

        return TaxReceipt.objects.create(
            payment=payment,
            member=member,
            year=year,
            sequence=next_number(TaxReceiptSequence, year),
            issued_at=now,
            paid_on=timezone.localtime(payment.fulfilled_at or now).date(),
            amount=amount,
            donor_name=member.get_full_name() or member.email,
            donor_address=", ".join(
                part for part in (profile.address, f"{profile.postal_code} {profile.commune}".strip()) if part
            ),
            method=payment.method,
        )


def render_tax_receipt_pdf(tax_receipt):
    """The Cerfa 11580 receipt as PDF bytes."""
    from members.services.profiles import _members_settings
    from members.services.receipts import render_member_pdf

    return render_member_pdf(
        "members/pdf/tax_receipt.html",
        {
            "tax_receipt": tax_receipt,
            "amount_in_words": amount_in_words(tax_receipt.amount),
            "members_settings": _members_settings(),
        },
    )


# --- amounts in words (French), as the Cerfa asks -------------------------------------------------

UNITS = [
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
    "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize",
]  # fmt: skip
TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def _below_100(n, *, final=True):
    if n <= 16:
        return UNITS[n]
    if n < 20:
        return f"dix-{UNITS[n - 10]}"
    tens, unit = divmod(n, 10)
    if tens == 7:
        return "soixante et onze" if unit == 1 else f"soixante-{_below_100(10 + unit)}"
    if tens == 8:
        if unit == 0:
            return "quatre-vingts" if final else "quatre-vingt"
        return f"quatre-vingt-{UNITS[unit]}"
    if tens == 9:
        return f"quatre-vingt-{_below_100(10 + unit)}"
    if unit == 0:
        return TENS[tens]
    if unit == 1:
        return f"{TENS[tens]} et un"
    return f"{TENS[tens]}-{UNITS[unit]}"


def _below_1000(n, *, final=True):
    """`final` is False before "mille": "deux cent mille", "quatre-vingt mille" lose their s."""
    hundreds, rest = divmod(n, 100)
    if hundreds == 0:
        return _below_100(rest, final=final)
    head = "cent" if hundreds == 1 else f"{UNITS[hundreds]} cent"
    if rest == 0:
        return f"{head}s" if hundreds > 1 and final else head
    return f"{head} {_below_100(rest, final=final)}"


def number_in_words(n):
    """A whole number below a billion, in French words (traditional spelling)."""
    if not 0 <= n < 1_000_000_000:
        raise ValueError(n)
    millions, rest = divmod(n, 1_000_000)
    thousands, units = divmod(rest, 1000)
    parts = []
    if millions:
        parts.append(f"{_below_1000(millions)} million{'s' if millions > 1 else ''}")
    if thousands:
        parts.append("mille" if thousands == 1 else f"{_below_1000(thousands, final=False)} mille")
    if units or not parts:
        parts.append(_below_1000(units))
    return " ".join(parts)


def amount_in_words(amount):
    """Decimal euros in French words: "vingt-neuf euros", "douze euros et cinquante centimes"."""
    cents_total = int((Decimal(amount) * 100).quantize(Decimal("1")))
    euros, cents = divmod(cents_total, 100)
    text = f"{number_in_words(euros)} euro{'s' if euros > 1 else ''}"
    if euros >= 1_000_000 and euros % 1_000_000 == 0:
        text = text.replace(" euros", " d'euros")
    if cents:
        text += f" et {number_in_words(cents)} centime{'s' if cents > 1 else ''}"
    return text
