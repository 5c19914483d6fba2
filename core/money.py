"""Money: one zero, one rounding rule and one display format for every app.

Amounts are `Decimal` with two places. Database aggregates do not keep the scale everywhere
(SQLite's `SUM` gives back `Decimal("12")` for 12.00), so every amount that leaves the database
(exports, PDFs, indicators, totals) goes through `round_money` first and reads the same on
SQLite and PostgreSQL.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _

ZERO = Decimal("0.00")
CENT = Decimal("0.01")


def round_money(value):
    """`value` (Decimal, int, str or None) as a Decimal rounded half-up to the cent; None counts as zero."""
    if value is None or value == "":
        return ZERO
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def format_money(value):
    """`12,00 €` in French, `12.00 €` in English: the active language's number format, always two decimals."""
    return f"{formats.number_format(round_money(value), 2, use_l10n=True)} €"


class ReturnMode(models.TextChoices):
    """How money paid for something cancelled goes back: a credit (avoir) to spend later, or a refund
    (to the card for online payments, by hand for cash and cheques)."""

    REFUND = "refund", _("Remboursement")
    CREDIT = "credit", _("Avoir")
