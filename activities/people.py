"""The questions activities asks about a person, answered by the members app.

activities sits below members: members pays for bookings, lists them in the history, erases them with
an account. So activities never imports members. The few things a booking needs to know about a
person — the price they pay, their language, how to reach them, whether staff may act for them, what
cancelling does with their money — are asked through this module, and members plugs its answers in
at start-up (`members.apps.MembersConfig.ready` calls `provide`). Asking before that raises
ImproperlyConfigured rather than silently charging the full price.
"""

from django.core.exceptions import ImproperlyConfigured

_ANSWERS = {}

QUESTIONS = (
    # price_for(member, session) -> Decimal: what this person pays for one session (member price
    # with a membership valid on the session date, solidarity price, else the full price).
    "price_for",
    # cycle_price_for(member, activity) -> Decimal: the single price of a whole cycle.
    "cycle_price_for",
    # language_of(member) -> "fr" | "en": the language of the notices sent to them.
    "language_of",
    # contact_of(member) -> ("email", address) | ("phone", number): where notices go (phone and post
    # go to the call list).
    "contact_of",
    # act_for(staff, member, act, *, asked_by, relative_name, detail) -> authority | None: why staff may
    # act for the person now (their request, recorded, or a standing mandate); raises a DomainError
    # (MandateRequired) otherwise. `authority.audit_data()` goes into the action log.
    "act_for",
    # money_on_cancel(booking) -> (outcome, amount): what cancelling does with the money, told before
    # the person confirms ("credit", "unpaid" or "free").
    "money_on_cancel",
    # credit_given_for(booking) -> Decimal: the credit (avoir) given when the booking was cancelled.
    "credit_given_for",
    # paid_for_cycle(cycle) -> Decimal | None: what was paid for a cycle and not yet given back.
    "paid_for_cycle",
)


def provide(**answers):
    """Plug in the answers (called once, by the members app at start-up)."""
    unknown = set(answers) - set(QUESTIONS)
    if unknown:
        raise ImproperlyConfigured(f"activities.people has no question {sorted(unknown)}")
    _ANSWERS.update(answers)


def _ask(question, *args, **kwargs):
    try:
        answer = _ANSWERS[question]
    except KeyError:
        raise ImproperlyConfigured(
            f"activities.people.{question} has no answer: is the members app installed?"
        ) from None
    return answer(*args, **kwargs)


def price_for(member, session):
    return _ask("price_for", member, session)


def cycle_price_for(member, activity):
    return _ask("cycle_price_for", member, activity)


def language_of(member):
    return _ask("language_of", member)


def contact_of(member):
    return _ask("contact_of", member)


def act_for(staff, member, act, *, asked_by, relative_name="", detail=""):
    return _ask("act_for", staff, member, act, asked_by=asked_by, relative_name=relative_name, detail=detail)


def money_on_cancel(booking):
    return _ask("money_on_cancel", booking)


def credit_given_for(booking):
    return _ask("credit_given_for", booking)


def paid_for_cycle(cycle):
    return _ask("paid_for_cycle", cycle)
