"""Telling members about their bookings: an e-mail in their language, or a call-list entry."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import models
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activities import people
from activities.models import Booking, CallListEntry, Session
from core.formatting import deadline_in_words, when_in_words
from core.roles import COORDINATOR


class Notice(models.TextChoices):
    """What a booking notice is about: picks its e-mail text; the call-list entry keeps it as its reason."""

    CONFIRMED = "confirmed", gettext_lazy("Inscription confirmée")
    WAITLISTED = "waitlisted", gettext_lazy("Liste d'attente")
    PROMOTED = "promoted", gettext_lazy("Place libérée, inscription confirmée")
    OFFERED = "offered", gettext_lazy("Place libérée, à confirmer")
    OFFER_EXPIRED = "offer_expired", gettext_lazy("Place non confirmée à temps")
    CANCELLED = "cancelled", gettext_lazy("Inscription annulée")
    SESSION_CANCELLED = "session_cancelled", gettext_lazy("Séance annulée")
    REMINDER = "reminder", gettext_lazy("Rappel")
    CYCLE_CONFIRMED = "cycle_confirmed", gettext_lazy("Inscription au cycle confirmée")
    CYCLE_CANCELLED = "cycle_cancelled", gettext_lazy("Inscription au cycle annulée")


KINDS = Notice.values


def member_language(user):
    """The member's language, from their profile (asked through activities.people). French by default."""
    return people.language_of(user)


def preferred_contact(user):
    """("email", address) or ("phone", number), honouring the profile's preferred channel
    (phone and post go to the call list); asked through activities.people."""
    return people.contact_of(user)


def _texts(kind, activity_title, when, deadline=""):
    subjects = {
        "confirmed": _("Inscription confirmée : %(activity)s"),
        "waitlisted": _("Liste d'attente : %(activity)s"),
        "promoted": _("Une place s'est libérée pour vous : %(activity)s"),
        "offered": _("Une place s'est libérée pour vous : %(activity)s"),
        "offer_expired": _("Place non confirmée : %(activity)s"),
        "cancelled": _("Inscription annulée : %(activity)s"),
        "session_cancelled": _("Séance annulée : %(activity)s"),
        "reminder": _("Rappel : %(activity)s dans deux jours"),
        "cycle_confirmed": _("Inscription au cycle confirmée : %(activity)s"),
        "cycle_cancelled": _("Inscription au cycle annulée : %(activity)s"),
    }
    leads = {
        "confirmed": _("Votre inscription à « %(activity)s » le %(when)s est confirmée."),
        "waitlisted": _(
            "La séance « %(activity)s » du %(when)s est complète. Vous êtes sur la liste d'attente : "
            "nous vous prévenons dès qu'une place se libère."
        ),
        "promoted": _("Une place s'est libérée : vous êtes inscrit ou inscrite à « %(activity)s » le %(when)s."),
        "offered": _(
            "Une place s'est libérée à « %(activity)s » le %(when)s. Nous vous la gardons jusqu'au "
            "%(deadline)s. Pour la garder, confirmez-la dans « Mes inscriptions » ou appelez l'accueil. "
            "Sans réponse, elle sera proposée à la personne suivante."
        ),
        "offer_expired": _(
            "Vous n'avez pas confirmé à temps la place proposée à « %(activity)s » le %(when)s : "
            "elle a été proposée à la personne suivante."
        ),
        "cancelled": _("Votre inscription à « %(activity)s » du %(when)s est annulée."),
        "session_cancelled": _(
            "Nous sommes désolés : la séance « %(activity)s » du %(when)s est annulée. "
            "Votre inscription est annulée elle aussi."
        ),
        "reminder": _("Nous vous attendons à « %(activity)s » le %(when)s."),
        "cycle_confirmed": _(
            "Votre inscription au cycle « %(activity)s » est confirmée, à partir du %(when)s, pour toutes les séances."
        ),
        "cycle_cancelled": _(
            "Votre inscription au cycle « %(activity)s » est annulée, à partir de la séance du %(when)s. "
            "Si vous aviez payé, l'argent des séances restantes vous est rendu (avoir ou remboursement)."
        ),
    }
    values = {"activity": activity_title, "when": when, "deadline": deadline}
    return subjects[kind] % values, leads[kind] % values


def notify_booking(booking, kind):
    """Send the notice of `kind` about `booking`: e-mail (text + HTML) or a call-list entry."""
    if kind not in KINDS:
        raise ValueError(kind)
    member = booking.member
    session = booking.session
    with translation.override(member_language(member)):
        activity = session.activity.localized
        when = when_in_words(session.start, session.end)
        deadline = deadline_in_words(booking.offer_expires_at) if booking.offer_expires_at else ""
        subject, lead = _texts(kind, activity.title, when, deadline)
        channel, address = preferred_contact(member)
        booking_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "activities:booking_detail", args=[booking.pk]
        )
        context = {
            "booking": booking,
            "session": session,
            "activity": activity,
            "place": session.place,
            "when": when,
            "lead": lead,
            "kind": kind,
            "booking_url": booking_url,
            "member": member,
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        if channel == "email":
            text = render_to_string("activities/email/booking_notice.txt", context)
            html = render_to_string("activities/email/booking_notice.html", context)
            message = EmailMultiAlternatives(subject, text, to=[address])
            message.attach_alternative(html, "text/html")
            message.send()
            return message
        message = f"{lead} {session.place.name}, {session.place.full_address}."
    if kind == Notice.OFFERED:
        # A hint for the coordinator, in the staff's language (the admin's default).
        message += " " + _(
            "Si la personne accepte : bouton « Confirmer pour la personne » dans la liste des inscrits "
            "de la séance (mandat nécessaire)."
        )
    return CallListEntry.objects.create(member=member, phone=address, reason=kind, message=message, booking=booking)


def notify_booking_id(booking_id, kind):
    booking = Booking.objects.select_related("member", "session__activity", "session__place").get(pk=booking_id)
    return notify_booking(booking, kind)


def coordinator_emails():
    """Addresses of the active coordinators (the people who decide to keep or cancel a session)."""
    users = get_user_model().objects.filter(groups__name=COORDINATOR, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def notify_sessions_under_minimum(session_ids):
    """One e-mail to the coordinators listing sessions under their minimum: activity, date, place,
    seats taken / minimum and a link to the session's bookings. No names of people."""
    recipients = coordinator_emails()
    if not recipients:
        return None
    sessions = (
        Session.objects.filter(pk__in=session_ids).select_related("activity", "place").with_counts().order_by("start")
    )
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    with translation.override(settings.LANGUAGE_CODE):
        lines = [
            _("%(activity)s – %(when)s – %(place)s : %(booked)d inscrits pour un minimum de %(minimum)d. %(url)s")
            % {
                "activity": session.activity.title,
                "when": when_in_words(session.start, session.end),
                "place": session.place.name,
                "booked": session.confirmed_count,
                "minimum": session.min_participants,
                "url": base_url + reverse("activities_staff:session_bookings", args=[session.pk]),
            }
            for session in sessions
        ]
        subject = _("Séances sans assez d'inscrits : à décider")
        body = "\n\n".join(
            [
                _("Bonjour,"),
                _("Ces séances n'ont pas encore le nombre minimum d'inscrits :"),
                "\n".join(f"- {line}" for line in lines),
                _("Décidez s'il faut les maintenir ou les annuler (les inscrits seront prévenus)."),
                settings.WAGTAIL_SITE_NAME,
            ]
        )
    message = EmailMultiAlternatives(subject, body, to=recipients)
    message.send()
    return message
