"""Telling people about requests by their own channel: an e-mail in their language, or the desk's call list.

Called by solidarity.tasks after the change committed. Before acceptance no notice names the other side
beyond a first name, nor gives any phone or address; after acceptance each side gets the other's contact
through visibility.contact_details (the only door to it)."""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from activities.models import CallListEntry
from core.formatting import when_in_words
from members.services.profiles import member_language, preferred_contact
from solidarity.models import HelpRequest, Offer
from solidarity.services.visibility import contact_details, first_name_only
from solidarity.services.volunteers import matching_volunteers

CALL_REASON = "solidarity"


def _send(person, subject, text):
    """E-mail `person`, or put the notice on the call list when they have no e-mail. Returns the channel."""
    channel, address = preferred_contact(person)
    if channel == "email":
        send_mail(subject, text, None, [address])
        return "email"
    CallListEntry.objects.create(member=person, phone=address, reason=CALL_REASON, message=f"{subject} – {text}")
    return "call_list"


def _url(name, *args):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def _what(help_request, lang):
    when = when_in_words(timezone.localtime(help_request.starts_at), lang=lang)
    text = f"{help_request.get_kind_display()}, {when}, {help_request.commune}"
    if help_request.is_recurring:
        text += " " + _("(chaque semaine, %(weeks)s fois)") % {"weeks": help_request.weeks}
    return text


def notify_matching_volunteers(request_id):
    """Each matching volunteer hears of a new request (kind, when, commune, link): nothing about the person."""
    help_request = HelpRequest.objects.get(pk=request_id)
    sent = 0
    for profile in matching_volunteers(help_request):
        lang = member_language(profile.member)
        with translation.override(lang):
            text = _(
                "Une nouvelle demande d'entraide correspond à vos disponibilités : %(what)s. "
                "Pour proposer votre aide : %(url)s"
            ) % {"what": _what(help_request, lang), "url": _url("solidarity:request", help_request.pk)}
            _send(profile.member, _("Nouvelle demande d'entraide"), text)
        sent += 1
    return sent


def notify_offer(offer_id):
    """The requester hears that a volunteer offers (first name only); people without e-mail through the desk."""
    offer = Offer.objects.select_related("request__requester", "volunteer").get(pk=offer_id)
    help_request = offer.request
    lang = member_language(help_request.requester)
    with translation.override(lang):
        text = _(
            "%(name)s propose de vous aider pour : %(what)s. Vous pouvez accepter cette proposition "
            "dans « Mon espace » (%(url)s) ou en appelant l'accueil."
        ) % {
            "name": first_name_only(offer.volunteer),
            "what": _what(help_request, lang),
            "url": _url("solidarity:request", help_request.pk),
        }
        return _send(help_request.requester, _("Un·e bénévole propose son aide"), text)


def notify_accepted(request_id):
    """Both sides learn the match, each with the other's name and phone (now visible)."""
    help_request = HelpRequest.objects.select_related("requester", "accepted_offer__volunteer").get(pk=request_id)
    for person in (help_request.requester, help_request.accepted_offer.volunteer):
        contact = contact_details(help_request, person)
        if contact is None:
            continue
        lang = member_language(person)
        with translation.override(lang):
            text = _(
                "C'est entendu pour : %(what)s. Vous pouvez joindre %(name)s au %(phone)s. "
                "Vous pouvez aussi vous écrire par Escale : %(url)s"
            ) % {
                "what": _what(help_request, lang),
                "name": contact["name"],
                "phone": contact["phone"] or _("(pas de téléphone indiqué)"),
                "url": _url("solidarity:request", help_request.pk),
            }
            _send(person, _("Demande d'entraide acceptée"), text)


def notify_cancelled(request_id, by_id):
    """The other side (requester or the accepted volunteer) hears that the help will not happen."""
    help_request = HelpRequest.objects.select_related("requester", "accepted_offer__volunteer").get(pk=request_id)
    people = [help_request.requester]
    if help_request.accepted_offer is not None:
        people.append(help_request.accepted_offer.volunteer)
    for person in people:
        if person.pk == by_id:
            continue
        lang = member_language(person)
        with translation.override(lang):
            text = _("Cette aide est annulée : %(what)s.") % {"what": _what(help_request, lang)}
            _send(person, _("Demande d'entraide annulée"), text)
