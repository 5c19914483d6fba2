"""Who sees what of a request: contact details are given only after acceptance, to the two people concerned.

Every template, export and e-mail that could show a phone or an address asks `contact_details` (which asks
`contact_details_visible`): there is no other way to a person's contact from this app."""

from django.utils.translation import gettext as _

from members.models import MemberProfile
from solidarity.models import HelpRequest, Offer
from solidarity.services.roles import is_team

SHARING = {HelpRequest.Status.ACCEPTED, HelpRequest.Status.CLOSED}


def accepted_volunteer_id(help_request):
    offer = help_request.accepted_offer
    return offer.volunteer_id if offer is not None else None


def contact_details_visible(help_request, viewer):
    """True only when an offer was accepted, the request is not cancelled, and `viewer` is the requester or
    the accepted volunteer. The team never reads contacts here (they have the member file)."""
    if help_request.status not in SHARING or help_request.accepted_offer_id is None or viewer is None:
        return False
    return viewer.pk in (help_request.requester_id, accepted_volunteer_id(help_request))


def other_side(help_request, viewer):
    """The person on the other side of the request for `viewer` (None when there is none yet)."""
    if viewer.pk == help_request.requester_id:
        offer = help_request.accepted_offer
        return offer.volunteer if offer is not None else None
    return help_request.requester


def contact_details(help_request, viewer):
    """{"name", "phone", "email"} of the other side, or None whenever `contact_details_visible` says no."""
    if not contact_details_visible(help_request, viewer):
        return None
    person = other_side(help_request, viewer)
    profile = MemberProfile.objects.filter(user=person).only("phone").first()
    return {
        "name": person.get_full_name() or person.email,
        "phone": profile.phone if profile else "",
        "email": person.email,
    }


def can_see_request(help_request, viewer, *, volunteer=None):
    """The requester, the team, volunteers who offered, and active volunteers while the request is open."""
    if viewer.pk == help_request.requester_id or is_team(viewer):
        return True
    if Offer.objects.filter(request=help_request, volunteer=viewer).exists():
        return True
    return volunteer is not None and help_request.status == HelpRequest.Status.OPEN


def first_name_only(user):
    """How a person is named to the other side before acceptance: first name, nothing that reaches them."""
    return user.first_name or _("Une personne")
