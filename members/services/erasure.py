"""Account erasure: what a member's "supprimer mon compte" and an admin deletion do (members.personal_data)."""

import secrets

from django.db import transaction
from django.utils import timezone

from activities.models import Booking, CallListEntry
from activities.services import release_future_bookings
from care.models import AccessLogEntry, CaseFile
from core.audit import log_action
from members.models import MemberProfile
from members.signals import member_erased

from .profiles import profile_of

PAYMENT_PERSONAL_FIELDS = {
    "billing_first_name": "",
    "billing_last_name": "",
    "billing_address_1": "",
    "billing_address_2": "",
    "billing_city": "",
    "billing_postcode": "",
    "billing_country_code": "",
    "billing_country_area": "",
    "billing_email": "",
    "billing_phone": "",
    "customer_ip_address": None,
}


def _keep_identity_in_case_files(user, profile):
    """Care files keep the person's identity (encrypted) under their own legal basis and retention
    (docs/privacy.md § 5): copy it before the account is emptied, then unlink the account."""

    for case in CaseFile.objects.filter(person=user, anonymised_at__isnull=True):
        if not (case.first_name or case.last_name):
            case.first_name, case.last_name = user.first_name, user.last_name
        case.phone = case.phone or profile.phone
        case.commune = case.commune or profile.commune
        case.person = None
        case.save(update_fields=["first_name", "last_name", "phone", "commune", "person", "updated_at"])
        AccessLogEntry.objects.create(
            actor=None,
            case=case,
            object_type="casefile",
            object_id=case.pk,
            action=AccessLogEntry.Action.UPDATE,
            detail="account_erased",
        )


def erase_member(user, *, by=None):
    """Erase the member's personal data from every table of members.personal_data, in one transaction.

    Future bookings and cycles are cancelled and their seats go to the people waiting (no notice to
    the member: their contact details are gone). The user row is kept (bookings and payments point at
    it) but emptied and deactivated; pick-up addresses, call-list entries, alerts, consents, mandates,
    allauth addresses and MFA devices are erased; survey answers are detached (anonymous counts);
    payments lose their billing details. Receipts and tax receipts keep the payer's name as issued
    (accounting records the law requires). Raises TryAgain when a session stays locked.
    """
    with transaction.atomic(durable=True):
        return erase_within(user, by=by)


def erase_within(user, *, by=None):
    """`erase_member` inside the caller's own (outermost) transaction: account refusal uses it."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    actor = by if by is not None and by.pk != user.pk else None
    release_future_bookings(user, by=actor)
    profile = profile_of(user)
    _keep_identity_in_case_files(user, profile)
    user.first_name = ""
    user.last_name = ""
    user.email = ""
    user.username = f"efface-{user.pk}-{secrets.token_hex(4)}"
    user.is_active = False
    user.set_unusable_password()
    user.save()
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    user.consents.all().delete()
    user.mandates_given.all().delete()
    user.requests_made.update(relative_name="", detail="")
    user.session_alerts.all().delete()
    user.member_payments.update(**PAYMENT_PERSONAL_FIELDS)
    Booking.objects.filter(member=user).exclude(pickup_address="").update(pickup_address="")
    CallListEntry.objects.filter(member=user).delete()
    member_erased.send(sender=type(user), member=user)
    for field in ("phone", "phone_e164", "address", "commune", "postal_code"):
        setattr(profile, field, "")
    profile.birth_year = None
    profile.preferred_channel = MemberProfile.Channel.EMAIL
    profile.newsletter = False
    profile.session_alerts, profile.session_alerts_since = False, None
    profile.erased_at = timezone.now()
    profile.save()
    profile.interests.clear()
    log_action(user, "escale.member.erased", actor=actor)
    return user


def is_staff_account(user):
    return user.is_superuser or user.is_staff or user.groups.exists()


def erase_account(user, *, by):
    """What deleting an account from the admin does: a member's account is erased as by
    `erase_member` (never a database delete: bookings, payments and journals point at it); a staff
    account is deactivated and loses its login (e-mail, password, MFA) but keeps its name, because
    the staff-acts journal and the care access log must still say who did what."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    if not is_staff_account(user):
        return erase_member(user, by=by)
    with transaction.atomic():
        user.is_active = False
        user.email = ""
        user.set_unusable_password()
        user.save()
        EmailAddress.objects.filter(user=user).delete()
        Authenticator.objects.filter(user=user).delete()
        log_action(user, "escale.member.deactivated", actor=by)
    return user
