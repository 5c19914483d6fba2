"""Accounts created online while "Valider les nouveaux comptes" is on: the list staff work from,
validation and refusal, each told to the person by e-mail in their language."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.audit import log_action


def accounts_to_validate():
    """Accounts waiting for the team's decision, oldest first (not erased, not staff)."""
    return (
        get_user_model()
        .objects.filter(
            is_active=False,
            member_profile__is_validated=False,
            member_profile__erased_at__isnull=True,
            groups__isnull=True,
            is_superuser=False,
        )
        .select_related("member_profile")
        .order_by("date_joined", "pk")
    )


def _send(user, subject, template):
    """E-mail `user` in their language after commit (nothing to send without an address)."""
    from members.services.profiles import member_language

    if not user.email:
        return
    with translation.override(member_language(user)):
        context = {
            "user": user,
            "site_name": settings.WAGTAIL_SITE_NAME,
            "login_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("account_login"),
        }
        message = render_to_string(template, context)
        subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + str(subject)
    address = user.email
    transaction.on_commit(lambda: send_mail(subject, message, None, [address]))


def validate_account(user, *, by):
    """Staff accept an account created online while validation was required; the person is told
    by e-mail that they can log in."""
    from members.services.profiles import profile_of

    with transaction.atomic():
        user.is_active = True
        user.save(update_fields=["is_active"])
        profile = profile_of(user)
        profile.is_validated = True
        profile.save(update_fields=["is_validated", "updated_at"])
        log_action(user, "escale.member.validated", actor=by, on_behalf_of=user)
        _send(user, _("Votre compte est ouvert"), "members/email/account_validated.txt")
    return user


def refuse_account(user, *, by):
    """Staff refuse an account created online: the person is told by e-mail (before their data is
    erased), then the account is erased as `erase_member` does (nothing personal is kept)."""
    from members.services.erasure import erase_within

    with transaction.atomic(durable=True):
        log_action(user, "escale.member.refused", actor=by, on_behalf_of=user)
        _send(user, _("Votre demande de compte"), "members/email/account_refused.txt")
        erase_within(user, by=by)
    return user
