"""Template helpers for the calendar: dates in words, seats left, prices, the home-page teaser."""

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from activities import agenda
from activities.models import Session
from core.formatting import deadline_in_words, when_in_words
from core.money import ZERO, format_money

register = template.Library()

FEW_SEATS = 3


@register.filter
def session_when(session):
    """ "mardi 3 mars, 10 h – 11 h 30"."""
    return when_in_words(session.start, session.end)


@register.filter
def session_when_with_year(session):
    """ "mardi 3 mars 2026, 10 h – 11 h 30": for lists that span years (past bookings)."""
    return when_in_words(session.start, session.end, with_year=True)


@register.filter
def deadline_words(value):
    """ "mardi 3 mars à 10 h"."""
    return deadline_in_words(value) if value else ""


def booking_state(session, now=None):
    """ "cancelled", "past" or "upcoming": what a listing may offer (no booking, seats or phone
    invitation for a cancelled or past session)."""
    if session.status == Session.Status.CANCELLED:
        return "cancelled"
    if session.start <= (now or timezone.now()) or session.status == Session.Status.DONE:
        return "past"
    return "upcoming"


@register.filter
def session_state(session):
    return booking_state(session)


@register.filter
def seats_label(session):
    state = booking_state(session)
    if state == "cancelled":
        return _("Annulée")
    if state == "past":
        return _("Séance passée")
    left = session.seats_left()
    if left <= 0:
        return _("Complet – liste d'attente") if session.waitlist_enabled else _("Complet")
    if left <= FEW_SEATS:
        return ngettext("Plus qu'une place", "Plus que %(count)d places", left) % {"count": left}
    return ngettext("%(count)d place disponible", "%(count)d places disponibles", left) % {"count": left}


@register.filter
def money(value):
    if value is None:
        return ""
    if value == ZERO:
        return _("gratuit")
    return format_money(value)


def _session_prices(activity):
    if not activity.full_price and not activity.member_price:
        return _("Gratuit")
    if activity.member_price == activity.full_price:
        return money(activity.full_price)
    return _("Adhérents : %(member)s · Non-adhérents : %(full)s") % {
        "member": money(activity.member_price),
        "full": money(activity.full_price),
    }


@register.filter
def prices_label(session):
    """The tariff shown to everyone; what one person pays is members.services.pricing (`your_price`). A cycle
    without its own price costs one session's price, member or not, as `cycle_price_for` decides."""
    activity = session.activity
    if activity.is_cycle:
        prices = money(activity.cycle_price) if activity.cycle_price is not None else _session_prices(activity)
        return _("Cycle complet : %(price)s") % {"price": prices}
    return _session_prices(activity)


@register.inclusion_tag("activities/includes/session_teaser_list.html", takes_context=True)
def upcoming_sessions(context, count=4):
    """The next `count` sessions, for the home page."""
    sessions = agenda.attach_localized_activities(agenda.listing_queryset().scheduled().upcoming()[:count])
    return {"sessions": sessions, "request": context.get("request")}
