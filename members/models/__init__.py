"""Members: profiles and consents, memberships, payments and receipts, credits, card refunds, mandates, alerts."""

from .alerts import SessionAlert
from .mandates import Mandate, PersonRequest
from .memberships import Membership, MembershipQuerySet, MembershipType
from .payments import Credit, Payment, PaymentItem, Receipt, ReceiptSequence, TaxReceipt, TaxReceiptSequence
from .profiles import Consent, MemberProfile, MembersSettings
from .refunds import Refund

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
    "PersonRequest",
    "PaymentItem",
    "Receipt",
    "ReceiptSequence",
    "Refund",
    "SessionAlert",
    "TaxReceipt",
    "TaxReceiptSequence",
]
