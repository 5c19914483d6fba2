"""Takings (encaissements): the one definition of money received, shared by the staff payments list
and the indicators dashboard (indicators.services.revenue_figures)."""

import datetime

from django.db.models import Count, DecimalField, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from core.money import ZERO, round_money
from members.models import Payment

# A payment made with a credit (avoir) brings no new money: it was received once already.
NEW_MONEY = ~Q(method=Payment.Method.CREDIT)


def _money_sum(field, **options):
    return Coalesce(Sum(field, **options), Value(ZERO), output_field=DecimalField(max_digits=12, decimal_places=2))


def confirmed_between(start, end):
    """Payments confirmed from `start` to `end` (local dates, both included)."""
    tz = timezone.get_current_timezone()
    since = datetime.datetime.combine(start, datetime.time.min, tzinfo=tz)
    until = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz)
    return Payment.objects.filter(fulfilled_at__gte=since, fulfilled_at__lt=until)


def takings(payments):
    """The takings of `payments` (confirmed ones): `received` (new money, credit payments left out),
    `refunded` (given back on them since), `net`, `paid_with_credit` (apart, never added) and
    `by_method` rows {key, label, count, amount, counted} — `counted` is False for the credit row.
    Decimal euros, rounded to the cent on every database."""
    totals = payments.aggregate(
        received=_money_sum("total", filter=NEW_MONEY),
        refunded=_money_sum("refunded_amount", filter=NEW_MONEY),
        with_credit=_money_sum("total", filter=~NEW_MONEY),
    )
    labels = dict(Payment.Method.choices)
    rows = payments.order_by().values("method").annotate(amount=_money_sum("total"), count=Count("pk"))
    by_method = [
        {
            "key": row["method"],
            "label": labels.get(row["method"], row["method"]),
            "count": row["count"],
            "amount": round_money(row["amount"]),
            "counted": row["method"] != Payment.Method.CREDIT,
        }
        for row in rows.order_by("method")
    ]
    received, refunded = round_money(totals["received"]), round_money(totals["refunded"])
    return {
        "received": received,
        "refunded": refunded,
        "net": received - refunded,
        "paid_with_credit": round_money(totals["with_credit"]),
        "by_method": by_method,
    }
