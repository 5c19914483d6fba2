"""Care services: status steps, timeline (activity participation included), next steps, roles, demo data."""

import datetime
from decimal import Decimal

from django.apps import apps
from django.utils import timezone

import pytest

from care import services

TODAY = timezone.localdate()


@pytest.mark.django_db
def test_status_goes_identified_accompanied_closed_with_dates_and_refuses_other_moves(social_worker, case):
    with pytest.raises(services.InvalidStatusChange):
        services.change_status(social_worker, case, "identified")
    services.change_status(social_worker, case, "accompanied", on=datetime.date(2025, 1, 2))
    services.change_status(social_worker, case, "closed", on=datetime.date(2025, 6, 30))
    case.refresh_from_db()
    assert (case.status, case.accompanied_on, case.closed_on) == (
        "closed",
        datetime.date(2025, 1, 2),
        datetime.date(2025, 6, 30),
    )
    services.change_status(social_worker, case, "accompanied")  # reopening clears the closing date
    case.refresh_from_db()
    assert case.closed_on is None and case.accompanied_on == datetime.date(2025, 1, 2)


@pytest.mark.django_db
def test_an_intervention_moves_last_contact_forward_never_back(social_worker, case):
    services.add_intervention(social_worker, case, kind="phone_call", date=TODAY)
    services.add_intervention(social_worker, case, kind="interview", date=TODAY - datetime.timedelta(days=40))
    case.refresh_from_db()
    assert case.last_contact_on == TODAY


@pytest.mark.django_db
def test_non_care_users_are_refused_by_every_service(editor, coordinator, member, case):
    for user in (editor, coordinator, member, None):
        assert not services.can_access_care(user)
        with pytest.raises(services.PermissionDenied):
            services.get_case(user, case.pk)
        with pytest.raises(services.PermissionDenied):
            services.cases_for(user)
        with pytest.raises(services.PermissionDenied):
            services.add_note(user, case, visibility="team", body="x")


@pytest.mark.django_db
def test_note_levels_per_role(social_worker, psychologist, administrator, make_user):
    from core import roles

    both = make_user(role=roles.SOCIAL_WORKER)
    both.groups.add(*psychologist.groups.all())
    assert services.visible_note_levels(social_worker) == {"team", "social"}
    assert services.visible_note_levels(psychologist) == {"team", "psychologist"}
    assert services.visible_note_levels(administrator) == {"team"}
    assert services.visible_note_levels(both) == {"team", "social", "psychologist"}


@pytest.mark.django_db
def test_next_step_shows_on_the_assignees_list_until_done(social_worker, psychologist, case, editor):
    step = services.add_next_step(
        social_worker, case, description="Appeler le CLIC", due_on=TODAY, assigned_to=psychologist
    )
    assert services.my_next_steps(psychologist) == [step]
    assert services.my_next_steps(social_worker) == []
    services.complete_next_step(psychologist, step)
    assert services.my_next_steps(psychologist) == []
    with pytest.raises(services.NotACareProfessional):
        services.add_next_step(social_worker, case, description="x", due_on=TODAY, assigned_to=editor)


@pytest.mark.django_db
def test_timeline_merges_interventions_orientations_visible_notes_newest_first(
    social_worker, psychologist, case, notes
):
    services.add_intervention(social_worker, case, kind="home_visit", date=TODAY - datetime.timedelta(days=3))
    services.add_orientation(social_worker, case, partner_type="ccas", date=TODAY - datetime.timedelta(days=1))
    items = services.timeline(psychologist, case)
    kinds = [item.kind for item in items]
    assert kinds.count("note") == 2  # team + psychologist, not social
    assert kinds[-2:] == ["orientation", "intervention"]
    assert [item.date for item in items] == sorted((item.date for item in items), reverse=True)


@pytest.mark.django_db
@pytest.mark.skipif(not apps.is_installed("activities"), reason="activities app not installed")
def test_timeline_shows_the_activities_the_person_attended(social_worker, member):
    try:
        Booking = apps.get_model("activities", "Booking")
        from tests.activities.factories import make_activity, make_session
    except (LookupError, ImportError):
        pytest.skip("activities.Booking not available yet")
    case = services.create_case(social_worker, person=member)
    session = make_session(make_activity("Café des aidants"), start=timezone.now() - datetime.timedelta(days=5))
    Booking.objects.create(session=session, member=member, status="attended", price=Decimal("0.00"))
    other = make_session(make_activity("Marche douce"), start=timezone.now() - datetime.timedelta(days=4))
    Booking.objects.create(session=other, member=member, status="no_show", price=Decimal("0.00"))
    activities = [item for item in services.timeline(social_worker, case) if item.kind == "activity"]
    assert [item.title for item in activities] == ["Café des aidants"]
