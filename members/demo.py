"""Demo data for `seed_demo`: membership types, the demo members' profiles and memberships, and a
known TOTP secret for the demo staff who must use two-factor authentication (care roles, admin)."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP

from members import services
from members.models import MemberProfile, Membership, MembershipType
from members.roles import CARE_ROLES

# A published demo secret (never use it for a real account): add it to an authenticator app,
# or print the current code with `manage.py demo_totp_code`.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXP"  # noqa: S105

MEMBERSHIP_TYPES = [
    # name, price, kind, free, solidarity, order
    ("Adhésion annuelle", "29.00", MembershipType.Kind.CALENDAR_YEAR, False, False, 1),
    ("Adhésion solidaire", "5.00", MembershipType.Kind.CALENDAR_YEAR, False, True, 2),
    ("Adhésion bénévole", "0.00", MembershipType.Kind.ROLLING_YEAR, True, False, 3),
]
MEMBER_PROFILES = {
    "membre@escale.example": {"phone": "06 12 34 56 78", "commune": "Villenave-d'Ornon", "postal_code": "33140"},
    "aidant@escale.example": {"phone": "06 98 76 54 32", "commune": "Cadaujac", "postal_code": "33140"},
}


def seed(*, stdout):
    """Create the demo membership types, profiles, one paid membership and the staff TOTP; idempotent."""
    types = {}
    for name, price, kind, free, solidarity, order in MEMBERSHIP_TYPES:
        types[name], _created = MembershipType.objects.get_or_create(
            name=name,
            defaults={
                "price": Decimal(price),
                "kind": kind,
                "is_free": free,
                "is_solidarity": solidarity,
                "sort_order": order,
            },
        )
    User = get_user_model()
    for email, fields in MEMBER_PROFILES.items():
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            continue
        MemberProfile.objects.update_or_create(user=user, defaults=fields)

    josette = User.objects.filter(email__iexact="membre@escale.example").first()
    coordinator = User.objects.filter(email__iexact="coordination@escale.example").first()
    today = timezone.localdate()
    if josette and coordinator and not Membership.objects.filter(member=josette).exists():
        membership = services.start_membership(
            josette, types["Adhésion annuelle"], by=coordinator, in_person=True, start=today.replace(month=1, day=1)
        )
        services.record_onsite_payment(
            josette, method="cheque", cheque_number="0001234", by=coordinator, memberships=[membership]
        )
    paul = User.objects.filter(email__iexact="aidant@escale.example").first()
    if paul and not Membership.objects.filter(member=paul).exists():
        # Ends within 30 days: `manage.py send_renewal_reminders` shows the renewal e-mail.
        Membership.objects.create(
            member=paul,
            type=types["Adhésion annuelle"],
            valid_from=today - datetime.timedelta(days=340),
            valid_until=today + datetime.timedelta(days=25),
            status=Membership.Status.ACTIVE,
            price=Decimal("29.00"),
        )

    staff = User.objects.filter(groups__name__in=CARE_ROLES, email__iendswith="@escale.example").distinct()
    for user in staff:
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(user, DEMO_TOTP_SECRET)
    if staff:
        stdout.write(
            f"  Double authentification (TOTP) des comptes {', '.join(u.email for u in staff)} : "
            f"clé secrète {DEMO_TOTP_SECRET} (application d'authentification, ou `manage.py demo_totp_code`)."
        )
