"""Revenue: money received, refunded and paid with credit."""

from django.utils.translation import gettext as _

from core.money import ZERO, round_money
from indicators.services.periods import _money_sum
from members.models import PaymentItem
from members.services.takings import NEW_MONEY, confirmed_between, takings


def revenue_figures(period):
    """Money received in the period (payments by the date they were confirmed): the takings as the staff
    payments list counts them (members.services.takings: total, refunded on those payments, by method,
    payments made with a credit apart), and by what it paid for (memberships, activities). Decimal euros.

    A payment made with a credit (avoir) brings no new money (it was counted when first paid): it is left
    out of these figures and given apart as `paid_with_credit`."""
    confirmed = confirmed_between(period.start, period.end)
    money = takings(confirmed)
    payments = confirmed.filter(NEW_MONEY)
    kinds = {PaymentItem.Kind.MEMBERSHIP: _("Adhésions"), PaymentItem.Kind.BOOKING: _("Activités")}
    amounts = dict.fromkeys(kinds, ZERO)
    rows = PaymentItem.objects.filter(payment__in=payments).values("kind").annotate(amount=_money_sum("amount"))
    for row in rows:
        # A whole cycle is an activity too: counted with single bookings.
        kind = PaymentItem.Kind.BOOKING if row["kind"] == PaymentItem.Kind.CYCLE else row["kind"]
        amounts[kind] += round_money(row["amount"])
    return {
        "total": money["received"],
        "refunded": money["refunded"],
        "net": money["net"],
        "paid_with_credit": money["paid_with_credit"],
        "by_method": [
            {"key": row["key"], "label": row["label"], "amount": row["amount"]}
            for row in money["by_method"]
            if row["counted"]
        ],
        "by_type": [
            {"key": kind, "label": label, "amount": round_money(amounts[kind])} for kind, label in kinds.items()
        ],
    }
