"""Booking rules (design.md "Booking rules"): one row lock per session, seats recounted from rows,
waitlist and promotion (a seat offered for a while, then passed on), cycles, pick-up quota,
attendance, series of sessions.

Every public function here is the only way views, admin views, tasks and tests change bookings. The
package is split by job; import from `activities.services`:

- locking: the session row lock and the counts read under it;
- booking: `book`, `book_cycle`, and `book_for` (either, for someone, with their request or mandate);
- cancellation: `cancel_booking`, `cancel_for`, `decline_offer`, `cancel_session`, erasure;
- cycles: cancelling a cycle and the prorata given back;
- waitlist: offers, expiry, promotion, moving in the queue;
- attendance, series, calls.

Prices, languages, contacts and mandates are the members app's: asked through `activities.people`.
What happens to money on a cancellation is announced through `activities.signals`.
"""

from activities.people import cycle_price_for, price_for
from activities.services.attendance import mark_attendance
from activities.services.booking import book, book_cycle, book_for
from activities.services.calls import handle_call
from activities.services.cancellation import (
    cancel_booking,
    cancel_for,
    cancel_session,
    decline_offer,
    release_future_bookings,
)
from activities.services.cycles import cancel_cycle, cycle_amount_to_return, cycle_return_preview
from activities.services.locking import promotion_hold
from activities.services.series import generate_series, series_dates, series_start_end
from activities.services.waitlist import (
    accept_offer,
    expire_offers,
    move_in_waitlist,
    promote_booking,
    promote_waitlist,
)

__all__ = [
    "accept_offer",
    "book",
    "book_cycle",
    "book_for",
    "cancel_booking",
    "cancel_cycle",
    "cancel_for",
    "cancel_session",
    "cycle_amount_to_return",
    "cycle_price_for",
    "cycle_return_preview",
    "decline_offer",
    "expire_offers",
    "generate_series",
    "handle_call",
    "mark_attendance",
    "move_in_waitlist",
    "price_for",
    "promote_booking",
    "promote_waitlist",
    "promotion_hold",
    "release_future_bookings",
    "series_dates",
    "series_start_end",
]
