"""Indicators for a period and the previous one of equal length: anonymous aggregates computed in SQL.

Every function runs a fixed number of queries whatever the number of bookings, members or payments
(one `aggregate()` or one grouped `values().annotate()` each). Nothing here returns a name or an id
of a person: only counts, rates and sums.

Split by subject: periods, people (members), attendance, revenue, satisfaction, care_counts, and
comparison (everything side by side, the headline). `from indicators.services import X` stays the way in.
"""

from .attendance import (
    attendance_figures,
    held_sessions,
    itinerant_by_commune,
    participant_figures,
    sessions_in,
    waitlist_by_activity,
    waitlist_by_theme,
)
from .care_counts import (
    CARE_STEP_LABELS,
    care_figures,
    shows_care,
)
from .comparison import (
    compare,
    figures,
    headline,
    key_figures,
    paired,
)
from .people import (
    member_figures,
)
from .periods import (
    ATTENDED,
    HELD_SEAT_STATUSES,
    NO_SHOW,
    RENEWAL_HORIZON_DAYS,
    WAITLISTED,
    Period,
    percent,
    this_month,
    this_year,
    year_period,
)
from .revenue import (
    revenue_figures,
)
from .satisfaction import (
    satisfaction_by_activity,
    satisfaction_totals,
)
from .solidarity_counts import (
    solidarity_figures,
)

__all__ = [
    "ATTENDED",
    "CARE_STEP_LABELS",
    "HELD_SEAT_STATUSES",
    "NO_SHOW",
    "Period",
    "RENEWAL_HORIZON_DAYS",
    "WAITLISTED",
    "attendance_figures",
    "care_figures",
    "compare",
    "figures",
    "headline",
    "held_sessions",
    "itinerant_by_commune",
    "key_figures",
    "member_figures",
    "paired",
    "participant_figures",
    "percent",
    "revenue_figures",
    "satisfaction_by_activity",
    "satisfaction_totals",
    "solidarity_figures",
    "sessions_in",
    "shows_care",
    "this_month",
    "this_year",
    "waitlist_by_activity",
    "waitlist_by_theme",
    "year_period",
]
