"""The one schedule of Escale's periodic jobs, defined in code.

Each job is a management command run by the task worker at the times of a crontab expression
(Europe/Paris). `manage.py run_scheduler` (started by `make run`, a systemd unit in production)
reads this list; a test fails when a periodic command of ours is missing from it. E-mails to people
leave on French mornings; seat offers and scheduled pages are looked at every five minutes.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class PeriodicJob:
    command: str
    crontab: str  # minute hour day month day-of-week, in settings.TIME_ZONE
    why: str  # what people get from it, shown to administrators


SCHEDULE = (
    PeriodicJob("publish_scheduled", "*/5 * * * *", _("les pages et actualités programmées sont publiées à l'heure")),
    PeriodicJob("expire_seat_offers", "*/5 * * * *", _("une place proposée sans réponse passe à la personne suivante")),
    PeriodicJob(
        "send_session_alerts", "0 8-20 * * *", _("les nouvelles séances sur les centres d'intérêt, en journée")
    ),
    PeriodicJob("send_session_reminders", "0 9 * * *", _("le rappel deux jours avant une séance")),
    PeriodicJob(
        "warn_sessions_under_minimum", "30 8 * * *", _("l'alerte aux coordinateurs sur les séances sous le minimum")
    ),
    PeriodicJob(
        "send_renewal_reminders", "0 10 * * *", _("le rappel de renouvellement 30 jours avant la fin de l'adhésion")
    ),
    PeriodicJob(
        "send_convention_reminders", "15 10 * * *", _("le rappel aux partenaires avant la fin de leur convention")
    ),
    PeriodicJob("send_satisfaction_surveys", "30 10 * * *", _("le questionnaire aux participants de la veille")),
    PeriodicJob("anonymise_care_files", "15 3 * * *", _("l'anonymisation des dossiers d'accompagnement échus")),
    PeriodicJob("recount_seats", "0 4 * * *", _("le contrôle des places restantes affichées (écarts corrigés)")),
    PeriodicJob(
        "flag_unanswered_requests", "0 9 * * *", _("les demandes d'entraide restées sans réponse signalées à l'équipe")
    ),
    PeriodicJob("prune_scheduled_runs", "45 3 * * *", _("le ménage du journal des tâches (30 jours)")),
)

# Commands that are run by hand, never on a schedule (the schedule test reads this list).
ONE_OFF_COMMANDS = frozenset({"seed_demo", "demo_totp_code", "create_random_data", "run_scheduler"})


def job(command):
    return next(j for j in SCHEDULE if j.command == command)
