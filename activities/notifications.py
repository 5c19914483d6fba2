"""Telling members about their bookings: an e-mail in their language, or a call-list entry."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from activities.formatting import when_in_words
from activities.models import Booking, CallListEntry

KINDS = ("confirmed", "waitlisted", "promoted", "cancelled", "session_cancelled", "reminder", "cycle_confirmed")


def member_language(user):
    """The member's language, from their profile (members.services). French by default."""
    from members.services import member_language as profile_language

    return profile_language(user)


def preferred_contact(user):
    """("email", address) or ("phone", number), honouring the profile's preferred channel
    (phone and post go to the call list); see members.services.preferred_contact."""
    from members.services import preferred_contact as profile_contact

    return profile_contact(user)


def _texts(kind, activity_title, when):
    subjects = {
        "confirmed": _("Inscription confirmée : %(activity)s"),
        "waitlisted": _("Liste d'attente : %(activity)s"),
        "promoted": _("Une place s'est libérée pour vous : %(activity)s"),
        "cancelled": _("Inscription annulée : %(activity)s"),
        "session_cancelled": _("Séance annulée : %(activity)s"),
        "reminder": _("Rappel : %(activity)s dans deux jours"),
        "cycle_confirmed": _("Inscription au cycle confirmée : %(activity)s"),
    }
    leads = {
        "confirmed": _("Votre inscription à « %(activity)s » le %(when)s est confirmée."),
        "waitlisted": _(
            "La séance « %(activity)s » du %(when)s est complète. Vous êtes sur la liste d'attente : "
            "nous vous prévenons dès qu'une place se libère."
        ),
        "promoted": _("Une place s'est libérée : vous êtes inscrit ou inscrite à « %(activity)s » le %(when)s."),
        "cancelled": _("Votre inscription à « %(activity)s » du %(when)s est annulée."),
        "session_cancelled": _(
            "Nous sommes désolés : la séance « %(activity)s » du %(when)s est annulée. "
            "Votre inscription est annulée elle aussi."
        ),
        "reminder": _("Nous vous attendons à « %(activity)s » le %(when)s."),
        "cycle_confirmed": _(
            "Votre inscription au cycle « %(activity)s » est confirmée, à partir du %(when)s, pour toutes les séances."
        ),
    }
    values = {"activity": activity_title, "when": when}
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
        subject, lead = _texts(kind, activity.title, when)
        channel, address = preferred_contact(member)
        context = {
            "booking": booking,
            "session": session,
            "activity": activity,
            "place": session.place,
            "when": when,
            "lead": lead,
            "kind": kind,
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
        return CallListEntry.objects.create(
            member=member,
            phone=address,
            reason=kind,
            message=f"{lead} {session.place.name}, {session.place.full_address}.",
            booking=booking,
        )


def notify_booking_id(booking_id, kind):
    booking = Booking.objects.select_related("member", "session__activity", "session__place").get(pk=booking_id)
    return notify_booking(booking, kind)
