"""The one schedule of Escale's periodic jobs, defined in code.

Each job is a management command run by the task worker at the times of a crontab expression
(Europe/Paris). `manage.py run_scheduler` (started by `make run`, a systemd unit in production)
reads this list; a test fails when a periodic command of ours is missing from it. E-mails to people
leave on French mornings; seat offers and scheduled pages are looked at every five minutes.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class PeriodicJob:
    command: str
    crontab: str  # minute hour day month day-of-week, in settings.TIME_ZONE
    why: str


SCHEDULE = (
    PeriodicJob("publish_scheduled", "*/5 * * * *", "pages and news scheduled by editors go live on time"),
    PeriodicJob("expire_seat_offers", "*/5 * * * *", "an unanswered seat offer passes to the next person waiting"),
    PeriodicJob("send_session_alerts", "0 8-20 * * *", "new sessions on a member's interests, hourly in the daytime"),
    PeriodicJob("send_session_reminders", "0 9 * * *", "reminder two days before a session"),
    PeriodicJob("warn_sessions_under_minimum", "30 8 * * *", "coordinators hear of sessions under their minimum"),
    PeriodicJob("send_renewal_reminders", "0 10 * * *", "membership renewal reminder 30 days before the end"),
    PeriodicJob("send_satisfaction_surveys", "30 10 * * *", "yesterday's participants get the short survey"),
    PeriodicJob("anonymise_care_files", "15 3 * * *", "care files past their retention period are anonymised"),
    PeriodicJob("prune_scheduled_runs", "45 3 * * *", "the scheduler's own journal and finished task results"),
)

# Commands that are run by hand, never on a schedule (the schedule test reads this list).
ONE_OFF_COMMANDS = frozenset({"seed_demo", "demo_totp_code", "create_random_data", "run_scheduler"})


def job(command):
    return next(j for j in SCHEDULE if j.command == command)
