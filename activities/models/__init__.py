"""Activities: pages, places, sessions, bookings and the call list."""

from .bookings import Booking, CallListEntry, CycleBooking
from .pages import ActivityIndexPage, ActivityPage
from .places import Audience, Place, Theme
from .sessions import SEAT_STATUSES, Session, SessionQuerySet

__all__ = [
    "SEAT_STATUSES",
    "ActivityIndexPage",
    "ActivityPage",
    "Audience",
    "Booking",
    "CallListEntry",
    "CycleBooking",
    "Place",
    "Session",
    "SessionQuerySet",
    "Theme",
]
