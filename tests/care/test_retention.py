"""Retention: files past CARE_RETENTION_DAYS after the last contact are anonymised; the aggregates do not move."""

import datetime
import io

from django.core.management import call_command
from django.utils import timezone

import pytest

from care import services, tasks
from care.models import AccessLogEntry, CaseFile, Intervention, Note

TODAY = timezone.localdate()


def _days(n):
    return TODAY - datetime.timedelta(days=n)


@pytest.fixture
def old_closed_case(social_worker, psychologist):
    case = services.create_case(
        social_worker,
        first_name="Odette",
        last_name="Ancienne",
        phone="06 99 99 99 99",
        helped_condition="Situation ancienne.",
        identified_on=_days(1000),
        identified_via=CaseFile.IdentifiedVia.ACTIVITY,
        referents=[social_worker],
    )
    services.change_status(social_worker, case, "accompanied", on=_days(990))
    services.add_intervention(social_worker, case, kind="home_visit", date=_days(900), summary="Visite ancienne.")
    services.add_orientation(social_worker, case, partner_type="clic", date=_days(900), outcome="accepted")
    services.add_note(psychologist, case, visibility="psychologist", body="Ancienne note.")
    services.add_next_step(social_worker, case, description="Ancienne étape", due_on=_days(880))
    services.change_status(social_worker, case, "closed", on=_days(800))
    return case


@pytest.fixture
def recent_case(social_worker):
    case = services.create_case(social_worker, first_name="Rosa", last_name="Recente", identified_on=_days(900))
    services.change_status(social_worker, case, "accompanied", on=_days(890))
    services.add_intervention(social_worker, case, kind="phone_call", date=_days(30))
    return case


@pytest.mark.django_db
def test_command_anonymises_an_old_closed_case_and_keeps_the_indicators(old_closed_case, recent_case):
    period = (_days(1200), TODAY)
    before = services.indicators(*period)

    out = io.StringIO()
    call_command("anonymise_care_files", stdout=out)

    old_closed_case.refresh_from_db()
    recent_case.refresh_from_db()
    assert old_closed_case.anonymised_at is not None
    assert (old_closed_case.first_name, old_closed_case.last_name, old_closed_case.phone) == ("", "", "")
    assert old_closed_case.helped_condition == "" and old_closed_case.person is None
    assert not old_closed_case.referents.exists()
    assert not Note.objects.filter(case=old_closed_case).exists()
    assert not old_closed_case.next_steps.exists()
    assert Intervention.objects.get(case=old_closed_case).summary == ""
    assert "Ancienne" not in str(old_closed_case)
    assert recent_case.anonymised_at is None and recent_case.last_name == "Recente"
    assert AccessLogEntry.objects.filter(case=old_closed_case, action="anonymise").count() == 1
    assert "1 case file(s) anonymised" in out.getvalue() and "Ancienne" not in out.getvalue()

    assert services.indicators(*period) == before


@pytest.mark.django_db
def test_dry_run_changes_nothing(old_closed_case):
    out = io.StringIO()
    call_command("anonymise_care_files", "--dry-run", stdout=out)
    old_closed_case.refresh_from_db()
    assert old_closed_case.anonymised_at is None
    assert "would be anonymised" in out.getvalue()


@pytest.mark.django_db
def test_inactive_open_case_is_anonymised_too_but_a_recent_contact_keeps_it(
    old_closed_case, recent_case, social_worker
):
    inactive = services.create_case(social_worker, last_name="Silencieux", identified_on=_days(800))
    assert set(services.anonymise_expired(dry_run=True)) == {old_closed_case.pk, inactive.pk}


@pytest.mark.django_db
def test_retention_period_is_configurable(settings, old_closed_case):
    settings.CARE_RETENTION_DAYS = 5 * 365
    assert services.anonymise_expired(dry_run=True) == []


@pytest.mark.django_db
def test_scheduled_task_runs_the_same_service(old_closed_case):
    result = tasks.anonymise_expired_case_files.enqueue()
    assert result.return_value == 1
    old_closed_case.refresh_from_db()
    assert old_closed_case.anonymised_at is not None


@pytest.mark.django_db
def test_an_anonymised_case_cannot_be_completed(old_closed_case, social_worker):
    services.anonymise_case(old_closed_case)
    with pytest.raises(services.CaseAnonymised):
        services.add_note(social_worker, old_closed_case, visibility="team", body="x")
    assert services.anonymise_case(old_closed_case).anonymised_at is not None  # idempotent
