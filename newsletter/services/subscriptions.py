"""Subscribing (double opt-in, members or not) and one-click unsubscribing (RFC 8058), recorded as consent changes."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.audit import log_action
from core.signing import make_token, read_token
from members.models import Consent, MemberProfile
from newsletter.models import Delivery, Subscriber

CONFIRM_SALT = "newsletter.confirm"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"
CONFIRM_MAX_AGE = 60 * 60 * 24 * 7


class InvalidLink(Exception):
    pass


def unsubscribe_token(email, issue_id=0):
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(f"{issue_id}:{email.lower()}")


def unsubscribe_url(email, issue_id=0, base_url=None):
    path = reverse("newsletter:unsubscribe", args=[unsubscribe_token(email, issue_id)])
    return (base_url or settings.WAGTAILADMIN_BASE_URL) + path


@transaction.atomic
def request_subscription(email, *, language="fr", base_url=None):
    """Record the address unconfirmed and send the confirmation link (nothing is sent before it is followed)."""
    email = email.strip().lower()
    subscriber, _created = Subscriber.objects.get_or_create(email=email, defaults={"language": language})
    token = make_token(CONFIRM_SALT, email)
    url = (base_url or settings.WAGTAILADMIN_BASE_URL) + reverse("newsletter:confirm", args=[token])
    with translation.override(language):
        subject = _("Confirmez votre abonnement à la lettre de l'Escale")
        body = _("Bonjour,\n\nPour recevoir la lettre d'information, confirmez votre adresse : %(url)s") % {"url": url}
    transaction.on_commit(lambda: send_mail(subject, body, None, [email]))
    return subscriber


@transaction.atomic
def confirm(token):
    email = read_token(CONFIRM_SALT, token, max_age=CONFIRM_MAX_AGE)
    if email is None:
        raise InvalidLink
    subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
    if subscriber is None:
        raise InvalidLink
    subscriber.confirmed_at = timezone.now()
    subscriber.unsubscribed_at = None
    subscriber.save(update_fields=["confirmed_at", "unsubscribed_at"])
    log_action(subscriber, "newsletter.subscribe")
    return subscriber


def email_from_token(token):
    try:
        issue_id, _sep, email = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token).partition(":")
    except signing.BadSignature as exc:
        raise InvalidLink from exc
    return int(issue_id or 0), email


@transaction.atomic
def unsubscribe(token):
    """Stop every future issue to the token's address: the member's consent is withdrawn, the subscriber ends."""
    issue_id, email = email_from_token(token)
    now = timezone.now()
    for user in get_user_model().objects.filter(email__iexact=email):
        profile = MemberProfile.objects.select_for_update().filter(user=user).first()
        if profile and profile.newsletter:
            profile.newsletter = False
            profile.save(update_fields=["newsletter", "updated_at"])
            Consent.objects.filter(user=user, kind=Consent.Kind.NEWSLETTER, withdrawn_at__isnull=True).update(
                withdrawn_at=now
            )
            log_action(user, "newsletter.unsubscribe", member=user, data={"issue": issue_id, "one_click": True})
    for subscriber in Subscriber.objects.filter(email__iexact=email, unsubscribed_at__isnull=True):
        subscriber.unsubscribed_at = now
        subscriber.save(update_fields=["unsubscribed_at"])
        log_action(subscriber, "newsletter.unsubscribe", data={"issue": issue_id, "one_click": True})
    if issue_id:
        Delivery.objects.filter(issue_id=issue_id, email__iexact=email, unsubscribed_at__isnull=True).update(
            unsubscribed_at=now
        )
    return email
