"""Members: profiles and consents, memberships, payments and receipts, credits, mandates."""

from .mandates import Mandate
from .memberships import Membership, MembershipQuerySet, MembershipType
from .payments import Credit, Payment, PaymentItem, Receipt, ReceiptSequence
from .profiles import Consent, MemberProfile, MembersSettings

__all__ = [
    "Consent",
    "Credit",
    "Mandate",
    "MemberProfile",
    "MembersSettings",
    "Membership",
    "MembershipQuerySet",
    "MembershipType",
    "Payment",
    "PaymentItem",
    "Receipt",
    "ReceiptSequence",
]
