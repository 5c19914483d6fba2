"""The members app's answers to what activities asks about people (activities.people), plugged in by
MembersConfig.ready."""

from members.services.credits import cancellation_money, credit_given_for, paid_cycle_item
from members.services.mandates import act_for
from members.services.pricing import cycle_price_for, price_for
from members.services.profiles import member_language, preferred_contact


def paid_for_cycle(cycle):
    """What was paid for `cycle` and not yet given back (Decimal), or None."""
    item = paid_cycle_item(cycle)
    return item.amount if item is not None else None


FOR_ACTIVITIES = {
    "price_for": price_for,
    "cycle_price_for": cycle_price_for,
    "language_of": member_language,
    "contact_of": preferred_contact,
    "act_for": act_for,
    "money_on_cancel": cancellation_money,
    "credit_given_for": credit_given_for,
    "paid_for_cycle": paid_for_cycle,
}
