"""What activities announces to the apps above it (pretix's `base/signals.py` style).

Each signal is sent inside the transaction that made the change, while the session rows are locked:
receivers must only write rows (a credit, a pending refund) — never call a network service; schedule
that with `transaction.on_commit`. Receivers are connected in their app's `AppConfig.ready`.
"""

from django.dispatch import Signal

booking_cancelled = Signal()
"""A booking was cancelled (by the member, by staff, by a session cancellation, an expired offer or an
account erasure). Sent with `sender=Booking` and:

- `booking`: the Booking, already saved with status "cancelled";
- `by`: the user who cancelled, or None (the system: expiry, scheduler);
- `freed_seat`: True when the booking held a seat (confirmed or offered), False for a waitlist place.

Listener: members gives what was paid for the booking back as a credit (avoir), once.
"""

cycle_cancelled = Signal()
"""A cycle booking was cancelled. Sent with `sender=CycleBooking` and:

- `cycle`: the CycleBooking, saved with status "cancelled";
- `sessions`: every Session of the cycle (locked), to work out how many were held;
- `by`: the user who cancelled;
- `mode`: "credit" (avoir) or "refund", staff's choice for what was paid;
- `now`: the moment of cancellation.

A receiver that gave money back returns the Decimal amount (None otherwise); `cancel_cycle` reports the
sum. Listener: members (a prorata of what was paid, as a credit or a refund recorded now and sent to the
card provider after commit).
"""

seat_freed = Signal()
"""A seat of a session was released (before it is offered to the first person waiting). Sent with
`sender=Session` and `session` (locked), `booking` (the cancelled booking that held it).
"""
