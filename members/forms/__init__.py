"""Members' forms, by job: the person's own account (account), choosing and paying (payments), the desk
and staff tools (staff). Every name stays importable from members.forms."""

from .account import AttestationForm, DeleteAccountForm, ProfileForm, SignupForm
from .payments import (
    DUMMY_FIELDS,
    BookingChoiceField,
    CycleBookingChoiceField,
    MembershipChoiceForm,
    MembershipTypeField,
    PayBookingsForm,
    PricedBookingField,
    PricedMembershipField,
    localise_dummy_form,
)
from .staff import (
    ActivationForm,
    DeskMemberForm,
    MandateForm,
    OnsitePaymentForm,
    StaffMemberForm,
    StaffMembershipForm,
)

__all__ = [
    "DUMMY_FIELDS",
    "ActivationForm",
    "AttestationForm",
    "BookingChoiceField",
    "CycleBookingChoiceField",
    "DeleteAccountForm",
    "DeskMemberForm",
    "MandateForm",
    "MembershipChoiceForm",
    "MembershipTypeField",
    "OnsitePaymentForm",
    "PayBookingsForm",
    "PricedBookingField",
    "PricedMembershipField",
    "ProfileForm",
    "SignupForm",
    "StaffMemberForm",
    "StaffMembershipForm",
    "localise_dummy_form",
]
