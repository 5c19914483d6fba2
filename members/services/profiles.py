"""Profiles: sign-up data and consents, accounts created at the desk, validation, erasure."""

import secrets
from typing import NamedTuple

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from core.audit import log_action
from core.phones import normalise_phone
from core.site_settings import site_settings
from members.models import Consent, MemberProfile, MembersSettings


def profile_of(user):
    """The member's profile, created empty on first use (staff accounts and old accounts have none)."""
    profile, _created = MemberProfile.objects.get_or_create(user=user)
    return profile


def _members_settings(request=None):
    return site_settings(MembersSettings, request)


class ConsentText(NamedTuple):
    url: str
    version: str


def _consent_text(page, version, fallback_url, request=None):
    """The link to a text and the version stored with its acceptance.

    A site page is preferred: in the visitor's language when translated, and the version then
    ends with the page's live revision ("2026-01-r42") so the exact text accepted can be found
    again in the page's history even if an editor forgot to change the version number.
    """
    page = page.specific_deferred.localized if page is not None else None
    if page is not None and page.live and page.live_revision_id:
        return ConsentText(page.get_url(request) or "", f"{version}-r{page.live_revision_id}")
    return ConsentText(fallback_url, version)


def consent_texts(request=None):
    """{"terms": ConsentText, "charter": ConsentText} for the sign-up form and the consents it stores."""
    member_settings = _members_settings(request)
    return {
        Consent.Kind.TERMS: _consent_text(
            member_settings.terms_page, member_settings.terms_version, member_settings.terms_url, request
        ),
        Consent.Kind.CHARTER: _consent_text(
            member_settings.charter_page, member_settings.charter_version, member_settings.charter_url, request
        ),
    }


def record_signup(user, data, *, request=None):
    """Store the sign-up form's profile and consents (terms, charter, newsletter) for a new account.

    Each consent records the version of the text accepted and the moment. When the site setting
    "valider les nouveaux comptes" is on, the account stays inactive until staff validate it.
    """
    member_settings = _members_settings(request)
    texts = consent_texts(request)
    now = timezone.now()
    with transaction.atomic():
        user.first_name = data["first_name"]
        user.last_name = data["last_name"]
        update_fields = ["first_name", "last_name"]
        if member_settings.validate_new_accounts:
            user.is_active = False
            update_fields.append("is_active")
        user.save(update_fields=update_fields)
        profile = profile_of(user)
        for field in ("phone", "commune", "postal_code", "preferred_channel", "language", "newsletter"):
            if field in data:
                setattr(profile, field, data[field])
        profile.is_validated = not member_settings.validate_new_accounts
        profile.save()
        if data.get("interests") is not None:
            profile.interests.set(data["interests"])
        record_consent(user, Consent.Kind.TERMS, texts[Consent.Kind.TERMS].version, at=now)
        record_consent(user, Consent.Kind.CHARTER, texts[Consent.Kind.CHARTER].version, at=now)
        if data.get("newsletter"):
            record_consent(user, Consent.Kind.NEWSLETTER, member_settings.terms_version, at=now)
        log_action(user, "escale.member.signed_up", actor=user, data={"validated": profile.is_validated})
    return profile


def record_consent(user, kind, version, *, at=None, given=Consent.Given.ONLINE, recorded_by=None):
    return Consent.objects.create(
        user=user, kind=kind, version=version, accepted_at=at or timezone.now(), given=given, recorded_by=recorded_by
    )


def possible_duplicates(*, first_name, last_name, phone="", birth_year=None, exclude=None):
    """Members who may be the same person as a new desk record: same phone number (any spelling),
    or same first and last name (case ignored) and same birth year. Staff are warned,
    never blocked: two people may share a name, and a couple a landline."""

    User = get_user_model()
    members = User.objects.filter(groups__isnull=True, is_superuser=False).exclude(
        member_profile__erased_at__isnull=False
    )
    if exclude is not None:
        members = members.exclude(pk=exclude.pk)
    query = Q(pk__in=[])
    number = normalise_phone(phone)
    if number:
        query |= Q(member_profile__phone_e164=number)
    if birth_year and first_name and last_name:
        query |= Q(
            first_name__iexact=first_name.strip(),
            last_name__iexact=last_name.strip(),
            member_profile__birth_year=birth_year,
        )
    return members.filter(query).select_related("member_profile").order_by("last_name", "first_name", "pk")


def create_member_at_desk(
    *,
    first_name,
    last_name,
    phone,
    by,
    consent_given,
    commune="",
    postal_code="",
    email="",
    birth_year=None,
    request=None,
):
    """An account for someone without e-mail, created at the desk by staff (phone only).

    The person gives their consent to the terms of use and accepts the place's charter orally
    (`consent_given`: "desk" or "phone"); both are recorded with the version of the text, the
    moment and the staff member who heard it. The account has no usable password: staff never
    see or set it. When the person later has an e-mail address, staff add it and the person sets a
    password through "mot de passe oublié".
    """
    if consent_given not in (Consent.Given.DESK, Consent.Given.PHONE):
        raise ValueError(consent_given)
    User = get_user_model()
    texts = consent_texts()
    now = timezone.now()
    with transaction.atomic():
        username = f"accueil-{secrets.token_hex(6)}"
        user = User(username=username, email=email or "", first_name=first_name, last_name=last_name)
        user.set_unusable_password()
        user.save()
        profile = profile_of(user)
        profile.phone = phone
        profile.commune = commune
        profile.postal_code = postal_code
        profile.birth_year = birth_year
        profile.preferred_channel = MemberProfile.Channel.EMAIL if email else MemberProfile.Channel.PHONE
        profile.created_at_desk_by = by
        profile.save()
        for kind in (Consent.Kind.TERMS, Consent.Kind.CHARTER):
            record_consent(user, kind, texts[kind].version, at=now, given=consent_given, recorded_by=by)
        if email:
            from allauth.account.models import EmailAddress

            EmailAddress.objects.create(user=user, email=email, primary=True, verified=False)
        log_action(user, "escale.member.created_at_desk", actor=by, on_behalf_of=user, data={"consent": consent_given})
    return user


def send_activation_link(user, email, *, by, request):
    """Give a desk-created member an e-mail address and send them a link to choose their password
    (allauth's password reset e-mail): staff never see or set the password."""
    from allauth.account.forms import ResetPasswordForm
    from allauth.account.models import EmailAddress

    with transaction.atomic():
        user.email = email
        user.save(update_fields=["email"])
        EmailAddress.objects.filter(user=user).delete()
        EmailAddress.objects.create(user=user, email=email, primary=True, verified=False)
        profile = profile_of(user)
        profile.preferred_channel = MemberProfile.Channel.EMAIL
        profile.save(update_fields=["preferred_channel", "updated_at"])
        log_action(user, "escale.member.activation_sent", actor=by, on_behalf_of=user)
    form = ResetPasswordForm(data={"email": email})
    if form.is_valid():
        form.save(request)
    return user


def update_profile(user, data, *, by=None, request=None):
    """Change profile and preferences. Staff editing for a member need the person's `request` for
    this change (act "edit") or an "edit" mandate. Raises MandateRequired."""
    from members.services.mandates import authority_data, require_authority

    by = by or user
    authority = require_authority(by, user, "edit", request=request)
    with transaction.atomic():
        for field in ("first_name", "last_name"):
            if field in data:
                setattr(user, field, data[field])
        user.save(update_fields=["first_name", "last_name"])
        profile = profile_of(user)
        had_newsletter = profile.newsletter
        for field in (
            "phone",
            "birth_year",
            "address",
            "commune",
            "postal_code",
            "preferred_channel",
            "language",
            "newsletter",
            "session_alerts",
        ):
            if field in data:
                setattr(profile, field, data[field])
        if profile.session_alerts and profile.session_alerts_since is None:
            profile.session_alerts_since = timezone.now()  # only sessions programmed from now on
        elif not profile.session_alerts:
            profile.session_alerts_since = None
        profile.save()
        if "interests" in data:
            profile.interests.set(data["interests"])
        if profile.newsletter and not had_newsletter:
            record_consent(user, Consent.Kind.NEWSLETTER, _members_settings().terms_version)
        elif had_newsletter and not profile.newsletter:
            Consent.objects.filter(user=user, kind=Consent.Kind.NEWSLETTER, withdrawn_at__isnull=True).update(
                withdrawn_at=timezone.now()
            )
        log_action(
            user,
            "escale.member.profile_changed",
            actor=by,
            on_behalf_of=user if by != user else None,
            data={"fields": sorted(data), **authority_data(authority)},
        )
    return profile


def member_language(user):
    """The language to write to this member in (the profile's, else the site default)."""
    profile = MemberProfile.objects.filter(user=user).only("language").first() if user.pk else None
    language = profile.language if profile else ""
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def preferred_contact(user):
    """("email", address) or ("phone", number) following the profile's preferred channel.

    Post and phone go to the coordinators' call list (they phone or post the notice); e-mail is
    used only when the member has an address and did not ask for another channel.
    """
    profile = MemberProfile.objects.filter(user=user).first() if user.pk else None
    phone = profile.phone if profile else ""
    channel = profile.preferred_channel if profile else MemberProfile.Channel.EMAIL
    if user.email and channel == MemberProfile.Channel.EMAIL:
        return "email", user.email
    return "phone", phone
