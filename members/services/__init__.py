"""Business rules of the members app (profiles, memberships and prices, payments, receipts, mandates).

Views, admin, tasks and tests call these functions. The activities app asks its questions about
people (price, language, contact, mandates, money on cancellation) through `activities.people`,
answered from here (members.apps); booking, payment and display use one price (`pricing`).
"""

from members.exceptions import RefundNotRetryable

from .credits import cancellation_money, credit_balance, credit_cancelled_booking, credit_given_for, refund_booking
from .erasure import erase_account, erase_member
from .mandates import (
    act_for,
    authority_data,
    give_mandate,
    notify_mandate,
    record_request,
    require_authority,
    require_mandate,
    revoke_mandate,
    valid_mandate,
)
from .memberships import (
    active_membership_on,
    make_renewal_token,
    membership_period,
    period_for,
    period_rule,
    read_renewal_token,
    send_renewal_reminders,
    start_membership,
)
from .payments import (
    apply_status,
    create_online_payment,
    credit_used,
    outstanding_bookings,
    outstanding_cycle_bookings,
    pay_with_credit,
    record_onsite_payment,
)
from .pricing import cycle_price_for, price_for
from .profiles import (
    create_member_at_desk,
    member_language,
    possible_duplicates,
    preferred_contact,
    profile_of,
    record_signup,
    send_activation_link,
    update_profile,
)
from .receipts import issue_receipt, next_receipt_number, render_receipt_pdf
from .refunds import record_refund, retry_refund, send_refund
from .renewal import Renewal, renew_membership
from .solidarity import grant_solidarity_price
from .validation import accounts_to_validate, refuse_account, validate_account

__all__ = [
    "accounts_to_validate",
    "act_for",
    "active_membership_on",
    "authority_data",
    "credit_used",
    "notify_mandate",
    "possible_duplicates",
    "record_request",
    "require_authority",
    "apply_status",
    "cancellation_money",
    "create_member_at_desk",
    "create_online_payment",
    "credit_balance",
    "credit_cancelled_booking",
    "credit_given_for",
    "cycle_price_for",
    "erase_account",
    "erase_member",
    "give_mandate",
    "grant_solidarity_price",
    "issue_receipt",
    "make_renewal_token",
    "member_language",
    "membership_period",
    "period_for",
    "period_rule",
    "next_receipt_number",
    "outstanding_bookings",
    "outstanding_cycle_bookings",
    "pay_with_credit",
    "preferred_contact",
    "price_for",
    "profile_of",
    "read_renewal_token",
    "record_onsite_payment",
    "record_signup",
    "refund_booking",
    "Renewal",
    "renew_membership",
    "record_refund",
    "retry_refund",
    "send_refund",
    "RefundNotRetryable",
    "refuse_account",
    "render_receipt_pdf",
    "require_mandate",
    "revoke_mandate",
    "send_activation_link",
    "send_renewal_reminders",
    "start_membership",
    "update_profile",
    "valid_mandate",
    "validate_account",
]
