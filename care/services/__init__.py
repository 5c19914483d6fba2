"""The only door to care data: role and object checks, audit of every read and write, retention, indicators.

Views, commands, tasks and tests call these functions; none of them reads care models directly.
Rules: every read writes an access-log entry, every write happens in a transaction that also writes one;
note bodies and case details never go to logs, e-mails or the search index.

Split by job: access (roles, access log entries), errors, reading, case_files (writing), retention,
figures (anonymous indicators), access_journal (the administrators' journal), concerns (raised from a
check-in call by someone outside care).
`from care.services import X` stays the way in.
"""

from django.core.exceptions import PermissionDenied

from .access import (
    Action,
    Visibility,
    can_access_care,
    can_read_intervention_summary,
    care_roles,
    care_staff,
    is_care_admin,
    log_access,
    require_care,
    require_care_admin,
    visible_note_levels,
)
from .access_journal import (
    access_log,
    access_log_for_case,
)
from .case_files import (
    ALLOWED_TRANSITIONS,
    CASE_FIELDS,
    add_intervention,
    add_next_step,
    add_note,
    add_orientation,
    change_status,
    complete_next_step,
    create_case,
    get_next_step,
    get_orientation,
    set_orientation_outcome,
    update_case,
)
from .concerns import (
    raise_concern,
)
from .errors import (
    CareError,
    CaseAnonymised,
    InvalidStatusChange,
    NotACareProfessional,
    NoteLevelNotAllowed,
)
from .figures import (
    indicator_rows,
    indicators,
    read_indicators,
)
from .reading import (
    TimelineItem,
    cases_for,
    get_case,
    get_note,
    my_next_steps,
    open_next_steps,
    timeline,
    visible_notes,
)
from .retention import (
    anonymise_case,
    anonymise_expired,
    expired_cases,
)

__all__ = [
    "ALLOWED_TRANSITIONS",
    "raise_concern",
    "Action",
    "CASE_FIELDS",
    "CareError",
    "CaseAnonymised",
    "InvalidStatusChange",
    "NotACareProfessional",
    "NoteLevelNotAllowed",
    "PermissionDenied",
    "TimelineItem",
    "Visibility",
    "access_log",
    "access_log_for_case",
    "add_intervention",
    "add_next_step",
    "add_note",
    "add_orientation",
    "anonymise_case",
    "anonymise_expired",
    "can_access_care",
    "can_read_intervention_summary",
    "care_roles",
    "care_staff",
    "cases_for",
    "change_status",
    "complete_next_step",
    "create_case",
    "expired_cases",
    "get_case",
    "get_next_step",
    "get_note",
    "get_orientation",
    "indicator_rows",
    "indicators",
    "is_care_admin",
    "log_access",
    "my_next_steps",
    "open_next_steps",
    "read_indicators",
    "require_care",
    "require_care_admin",
    "set_orientation_outcome",
    "timeline",
    "update_case",
    "visible_note_levels",
    "visible_notes",
]
