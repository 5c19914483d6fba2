"""Check-in calls: campaign by criteria, split among callers, a concern reaches the social worker only."""

import datetime

from django.urls import reverse

import pytest

from activities.models import Booking
from care.models import CaseFile
from members.models import MemberProfile
from solidarity.exceptions import NotAllowed
from solidarity.models import CallRecord, IsolationInfo
from solidarity.services import calls

pytestmark = pytest.mark.django_db
CONCERN = "Inquietudemarguerite : ne mange plus."


@pytest.fixture
def isolated(make_user):
    user = make_user("seule@escale.example", first_name="Marguerite", last_name="Dupuis")
    MemberProfile.objects.create(user=user, phone="05 56 11 11 11", birth_year=1940)
    IsolationInfo.objects.create(member=user, lives_alone=True)
    return user


@pytest.fixture
def not_isolated(make_user):
    user = make_user("entouree@escale.example")
    MemberProfile.objects.create(user=user, phone="05 56 22 22 22", birth_year=1990)
    return user


def test_campaign_lists_people_meeting_every_criterion_and_splits_them(isolated, not_isolated, coordinator, volunteer):
    campaign = calls.create_campaign(
        by=coordinator, name="Canicule", lives_alone=True, over_75=True, no_booking_days=60
    )
    assert [a.person for a in campaign.assignments.all()] == [isolated]
    assert calls.split_among(campaign, [coordinator, volunteer], by=coordinator) == 1
    assert list(calls.calls_for(coordinator)) == list(campaign.assignments.all())


def test_a_member_who_booked_recently_is_left_out(isolated, coordinator):
    assert Booking._meta.get_field("created_at").auto_now_add
    campaign = calls.create_campaign(by=coordinator, name="Hand-picked", people=[isolated])
    assert campaign.assignments.count() == 1


def test_only_the_team_builds_a_campaign(volunteer):
    with pytest.raises(NotAllowed):
        calls.create_campaign(by=volunteer, name="x")


def test_a_concern_opens_a_case_seen_by_the_social_worker_not_by_the_caller_nor_coordinators(
    client, isolated, coordinator, volunteer, social_worker, psychologist
):
    campaign = calls.create_campaign(by=coordinator, name="Veille", people=[isolated])
    calls.split_among(campaign, [volunteer], by=coordinator)
    assignment = campaign.assignments.get()
    record = calls.record_call(
        assignment, caller=volunteer, outcome=CallRecord.Outcome.REACHED, needs=["shopping"], concern=CONCERN
    )
    assert record.concern_raised
    case = CaseFile.objects.get(person=isolated)
    # A second concern adds to the same open case.
    calls.record_call(assignment, caller=volunteer, outcome=CallRecord.Outcome.CALL_BACK, concern="Encore.")
    assert CaseFile.objects.filter(person=isolated).count() == 1
    detail = reverse("care:detail", args=[case.pk])
    client.force_login(social_worker)
    assert CONCERN in client.get(detail).content.decode()
    for outsider in (volunteer, coordinator):
        client.force_login(outsider)
        response = client.get(detail)
        assert response.status_code in (302, 403)
        assert CONCERN not in response.content.decode()
    client.force_login(psychologist)  # a social-level note stays with the social workers
    assert CONCERN not in client.get(detail).content.decode()


def test_a_caller_cannot_record_someone_elses_call(isolated, coordinator, volunteer, other_volunteer):
    campaign = calls.create_campaign(by=coordinator, name="Veille", people=[isolated])
    calls.split_among(campaign, [volunteer], by=coordinator)
    with pytest.raises(NotAllowed):
        calls.record_call(campaign.assignments.get(), caller=other_volunteer, outcome="reached")


def test_no_booking_criterion(isolated, coordinator):
    campaign = calls.create_campaign(by=coordinator, name="x", no_booking_days=60)
    assert isolated in [a.person for a in campaign.assignments.all()]
    assert datetime.timedelta(days=60)
