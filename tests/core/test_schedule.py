"""The periodic jobs: every one is in the schedule, the scheduler runs them, and never twice for one due time."""

import datetime

from django.conf import settings
from django.core.management import call_command, get_commands
from django.utils import timezone

import pytest

from activities import services
from activities.models import Booking
from core import scheduler
from core.models import ScheduledRun
from core.schedule import ONE_OFF_COMMANDS, SCHEDULE
from tests.activities.factories import make_session, make_user

OUR_APPS = {"core", "home", "activities", "members", "care", "indicators", "search"}


def test_every_periodic_command_of_ours_is_in_the_schedule():
    ours = {name for name, app in get_commands().items() if app in OUR_APPS}
    scheduled = {job.command for job in SCHEDULE}
    missing = ours - ONE_OFF_COMMANDS - scheduled
    assert not missing, f"periodic commands missing from core/schedule.py: {sorted(missing)}"
    # The eight jobs the README promises, Wagtail's scheduled publishing included.
    assert {
        "publish_scheduled",
        "expire_seat_offers",
        "send_session_alerts",
        "send_session_reminders",
        "warn_sessions_under_minimum",
        "send_renewal_reminders",
        "anonymise_care_files",
        "send_satisfaction_surveys",
    } <= scheduled
    assert scheduled <= set(get_commands()), "the schedule names a command that does not exist"


def test_e_mails_leave_in_the_french_daytime_and_offers_are_checked_every_few_minutes():
    monday = timezone.make_aware(datetime.datetime(2026, 12, 7, 0, 0), timezone.get_fixed_timezone(60))
    for job in SCHEDULE:
        first = scheduler.trigger_for(job).get_next_fire_time(None, monday)
        local = timezone.localtime(first, timezone.get_default_timezone())
        if job.command.startswith(("send_", "warn_")):
            assert 8 <= local.hour <= 20, job
    offers = scheduler.trigger_for(next(j for j in SCHEDULE if j.command == "expire_seat_offers"))
    first = offers.get_next_fire_time(None, monday)
    assert offers.get_next_fire_time(first, first) - first == datetime.timedelta(minutes=5)
    assert settings.TIME_ZONE == "Europe/Paris"


def expired_offer():
    """A one-seat session whose seat was offered to the first waiting person, the hold time now past."""
    session = make_session(capacity=1)
    holder = services.book(session, make_user())
    first, second = services.book(session, make_user()), services.book(session, make_user())
    services.cancel_booking(holder, by=holder.member)
    Booking.objects.filter(pk=first.pk).update(offer_expires_at=timezone.now() - datetime.timedelta(minutes=1))
    return first, second


@pytest.mark.django_db
def test_one_scheduler_tick_runs_the_job_on_the_worker():
    first, second = expired_offer()
    call_command("run_scheduler", "--run-now", "expire_seat_offers", "--exit-after-run-now")
    run = ScheduledRun.objects.get(job="expire_seat_offers")
    assert run.finished_at is not None and not run.failed
    assert "Expired seat offers: 1." in run.output
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Booking.Status.CANCELLED
    assert second.status == Booking.Status.OFFERED


@pytest.mark.django_db
def test_two_schedulers_firing_in_the_same_minute_run_the_job_once():
    now = timezone.now().replace(second=0, microsecond=0)
    assert scheduler.fire("send_session_reminders", now=now) is not None
    # The second scheduler's clock is 20 seconds behind: same due minute, nothing enqueued.
    assert scheduler.fire("send_session_reminders", now=now - datetime.timedelta(seconds=20)) is None
    assert ScheduledRun.objects.filter(job="send_session_reminders").count() == 1
    # The next minute is a new due time.
    assert scheduler.fire("send_session_reminders", now=now + datetime.timedelta(minutes=1)) is not None


@pytest.mark.django_db
def test_a_failing_job_is_recorded_as_failed():
    run = ScheduledRun.objects.create(job="no_such_command", due_at=timezone.now())
    from core.tasks import run_scheduled_job

    with pytest.raises(RuntimeError):
        run_scheduled_job.call(run.pk)
    run.refresh_from_db()
    assert run.failed and run.finished_at is not None


def test_the_scheduler_refuses_an_unknown_job():
    with pytest.raises(Exception, match="Unknown command"):
        call_command("run_scheduler", "--run-now", "no_such_command", "--exit-after-run-now")


@pytest.mark.django_db
def test_administrators_see_the_jobs_and_a_failed_run_coordinators_do_not(client, make_user):
    from core.roles import ADMINISTRATOR, COORDINATOR

    ScheduledRun.objects.create(job="send_renewal_reminders", due_at=timezone.now(), failed=True, output="boom")
    client.force_login(make_user("admin@escale.example", role=ADMINISTRATOR))
    page = client.get("/admin/taches-planifiees/").content.decode()
    for job in SCHEDULE:
        assert job.command in page
    assert "1 exécution en échec ci-dessous." in page and "boom" in page
    client.force_login(make_user("coordination@escale.example", role=COORDINATOR))
    refused = client.get("/admin/taches-planifiees/")
    assert refused.status_code in (302, 403)  # Wagtail sends a refused admin URL back to the dashboard
    assert "boom" not in refused.content.decode()
