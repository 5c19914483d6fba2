"""Partner accounts under a convention: invitation (signed link), online signature, yearly renewal, proposals."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from allauth.account.models import EmailAddress

from core.audit import log_action
from core.signing import make_token, read_token
from partners.models import ConventionAcceptance, ConventionText, Offer, PartnerOrganisation

INVITATION_SALT = "partners.invitation"
INVITATION_MAX_AGE = 60 * 60 * 24 * 30  # an invitation link works for 30 days
CONVENTION_DAYS = 365
REMINDER_DAYS = (30, 7)  # reminders this many days before the convention ends


class InvalidInvitation(Exception):
    pass


def current_text():
    return ConventionText.objects.order_by("-version").first()


def invitation_token(partner):
    return make_token(INVITATION_SALT, f"{partner.pk}:{partner.email.lower()}")


def partner_from_token(token):
    """The organisation an invitation link names, or InvalidInvitation (tampered, expired, e-mail changed)."""
    value = read_token(INVITATION_SALT, token, max_age=INVITATION_MAX_AGE)
    if value is None:
        raise InvalidInvitation
    pk, _sep, email = value.partition(":")
    partner = PartnerOrganisation.objects.filter(pk=pk).first()
    if partner is None or partner.email.lower() != email:
        raise InvalidInvitation
    return partner


def unique_slug(name):
    base = slugify(name)[:150] or "partenaire"
    slug, n = base, 1
    while PartnerOrganisation.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def propose(data, *, by):
    """A commune correspondent (or staff) proposes an organisation; staff decide whether to invite it."""
    partner = PartnerOrganisation(**data, slug=unique_slug(data["name"]), proposed_by=by)
    partner.status = PartnerOrganisation.Status.PROPOSED
    partner.save()
    log_action(partner, "partners.propose", actor=by)
    return partner


@transaction.atomic
def invite(partner, *, by, base_url=None):
    """Send the organisation's contact a signed link to read and sign the convention."""
    if not partner.email:
        raise ValueError("An invitation needs the organisation's e-mail address.")
    partner.status = PartnerOrganisation.Status.INVITED
    partner.save(update_fields=["status"])
    url = (base_url or settings.WAGTAILADMIN_BASE_URL) + reverse("partners:sign", args=[invitation_token(partner)])
    log_action(partner, "partners.invite", actor=by, data={"email": partner.email})
    body = _(
        "Bonjour,\n\nLa Maison Escale vous propose de devenir partenaire. Lisez et signez la convention en ligne : "
        "%(url)s\n\nCe lien est valable 30 jours."
    ) % {"url": url}
    transaction.on_commit(
        lambda: send_mail(_("Votre convention de partenariat"), body, None, [partner.email], fail_silently=False)
    )
    return url


@transaction.atomic
def sign(partner, *, signed_name, user=None, password="", today=None):
    """Record the signature of the current text (name, date, version) and open the partner space.

    Returns (acceptance, user): the account of the contact, created with `password` when it had none."""
    today = today or timezone.localdate()
    partner = PartnerOrganisation.objects.select_for_update().get(pk=partner.pk)
    if user is None:
        User = get_user_model()
        user = User.objects.filter(email__iexact=partner.email).first()
        if user is None:
            user = User.objects.create_user(
                username=partner.email.lower()[:150], email=partner.email.lower(), password=password or None
            )
            # The invitation reached this address: it is verified for logging in later (allauth).
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    start = max(today, partner.convention_until or today)
    acceptance = ConventionAcceptance.objects.create(
        partner=partner,
        text=current_text(),
        signed_name=signed_name.strip(),
        user=user,
        valid_until=start + datetime.timedelta(days=CONVENTION_DAYS),
    )
    partner.status = PartnerOrganisation.Status.ACTIVE
    partner.convention_until = acceptance.valid_until
    partner.save(update_fields=["status", "convention_until"])
    partner.users.add(user)
    log_action(partner, "partners.sign", actor=user, data={"version": acceptance.text.version, "name": signed_name})
    return acceptance, user


@transaction.atomic
def submit_offer(offer, *, by):
    """A partner's new or changed offer waits for staff review before it shows on the site."""
    offer.status = Offer.Status.SUBMITTED
    offer.save()
    log_action(offer, "partners.offer.submit", actor=by)
    return offer


@transaction.atomic
def review_offer(offer, *, by, approve, note=""):
    offer.status = Offer.Status.PUBLISHED if approve else Offer.Status.REJECTED
    offer.review_note = note
    offer.save(update_fields=["status", "review_note", "updated_at"])
    log_action(offer, "partners.offer.approve" if approve else "partners.offer.reject", actor=by)
    return offer


def conventions_to_remind(today=None):
    """(partner, days left) for conventions ending in exactly 30 or 7 days."""
    today = today or timezone.localdate()
    days = {today + datetime.timedelta(days=d): d for d in REMINDER_DAYS}
    partners = PartnerOrganisation.objects.filter(status=PartnerOrganisation.Status.ACTIVE, convention_until__in=days)
    return [(partner, days[partner.convention_until]) for partner in partners.exclude(email="")]


def end_lapsed_conventions(today=None):
    """Conventions past their date: the partner leaves the public directory until it signs again."""
    today = today or timezone.localdate()
    lapsed = PartnerOrganisation.objects.filter(status=PartnerOrganisation.Status.ACTIVE, convention_until__lt=today)
    count = 0
    for partner in lapsed:
        with transaction.atomic():
            partner.status = PartnerOrganisation.Status.ENDED
            partner.save(update_fields=["status"])
            log_action(partner, "partners.convention.ended")
            count += 1
    return count


def send_renewal_reminders(today=None, base_url=None):
    """E-mail each partner whose convention ends in 30 or 7 days a fresh signing link; returns how many."""
    count = 0
    for partner, days_left in conventions_to_remind(today):
        url = (base_url or settings.WAGTAILADMIN_BASE_URL) + reverse("partners:sign", args=[invitation_token(partner)])
        body = _(
            "Bonjour,\n\nVotre convention de partenariat avec La Maison Escale se termine dans %(days)s jours. "
            "Renouvelez-la en ligne : %(url)s"
        ) % {"days": days_left, "url": url}
        send_mail(_("Renouvelez votre convention de partenariat"), body, None, [partner.email])
        with transaction.atomic():
            log_action(partner, "partners.convention.reminder", data={"days_left": days_left})
        count += 1
    return count
