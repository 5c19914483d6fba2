"""The team's desk: role checks on every page, posting for a caregiver at her request, validating a volunteer,
the reports queue (psychologist reads it), call sheets."""

from django.urls import reverse

import pytest

from members.models import MemberProfile
from solidarity.models import HelpRequest, VolunteerProfile
from solidarity.services import calls, moderation, requests, volunteers

pytestmark = pytest.mark.django_db

TEAM_PAGES = ("volunteers", "requests", "post_for", "campaigns")


@pytest.mark.parametrize("page", TEAM_PAGES)
def test_team_pages_answer_the_team_and_refuse_others(client, coordinator, editor, psychologist, page):
    url = reverse(f"solidarity_staff:{page}")
    client.force_login(coordinator)
    assert client.get(url).status_code == 200
    for outsider in (editor, psychologist):
        client.force_login(outsider)
        assert client.get(url).status_code in (302, 403)


def test_staff_post_for_a_caregiver_through_the_form(client, coordinator, phone_caregiver, volunteer, request_fields):
    client.force_login(coordinator)
    start = request_fields["starts_at"]
    data = {
        "requester": phone_caregiver.pk,
        "asked_by": "desk",
        "kind": "shopping",
        "day": start.date().isoformat(),
        "time": "14:30",
        "weeks": 1,
        "commune": "Cadaujac",
    }
    response = client.post(reverse("solidarity_staff:post_for"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    help_request = HelpRequest.objects.get(requester=phone_caregiver)
    offer = requests.make_offer(help_request, volunteer=volunteer)
    detail = reverse("solidarity_staff:request", args=[help_request.pk])
    assert client.get(detail).status_code == 200
    client.post(detail, {"asked_by": "phone", "accept_offer": offer.pk})
    help_request.refresh_from_db()
    assert help_request.status == "accepted"


def test_volunteer_validated_through_interview_steps(client, coordinator, make_user):
    user = make_user("candidat@escale.example")
    profile = volunteers.apply_as_volunteer(
        user, communes="Cadaujac", kinds=["visit"], availability=["1am"], charter_version="2026-01"
    )
    url = reverse("solidarity_staff:volunteer", args=[profile.pk])
    client.force_login(coordinator)
    client.post(url, {"step": "validate"})  # not before the interview
    assert VolunteerProfile.objects.get(pk=profile.pk).status == "submitted"
    client.post(url, {"step": "interview", "at": "2026-12-10T10:00"})
    client.post(url, {"step": "validate"})
    client.post(url, {"step": "training", "module": "welcome", "done_on": "2026-12-11"})
    profile.refresh_from_db()
    assert profile.status == "validated" and profile.trainings.count() == 1
    assert client.get(url).status_code == 200


def test_psychologist_reads_reports_and_the_team_blocks_a_volunteer(
    client, caregiver, volunteer, coordinator, psychologist, request_fields
):
    help_request = requests.post_request(caregiver, by=caregiver, **request_fields)
    requests.make_offer(help_request, volunteer=volunteer)
    message = requests.send_message(help_request, author=volunteer, body="Message déplacé")
    moderation.report(help_request, by=caregiver, reason="Propos déplacés", message=message)
    client.force_login(psychologist)
    assert "Propos déplacés" in client.get(reverse("solidarity_staff:reports")).content.decode()
    volunteers.block_volunteer(volunteer.volunteer_profile, by=coordinator)
    assert volunteers.active_volunteer(volunteer) is None
    assert not help_request.offers.filter(status="pending").exists()


def test_call_sheets_print_and_my_calls_list(client, coordinator, make_user):
    person = make_user("appel@escale.example")
    MemberProfile.objects.create(user=person, phone="05 56 99 99 99")
    campaign = calls.create_campaign(by=coordinator, name="Veille", people=[person])
    calls.split_among(campaign, [coordinator], by=coordinator)
    client.force_login(coordinator)
    assert "05 56 99 99 99" in client.get(reverse("solidarity_staff:my_calls")).content.decode()
    response = client.get(reverse("solidarity_staff:call_sheets"))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assignment = campaign.assignments.get()
    response = client.post(reverse("solidarity_staff:record_call", args=[assignment.pk]), {"outcome": "reached"})
    assert response.status_code == 302 and assignment.records.count() == 1


def test_campaign_page_lists_team_and_volunteers_as_callers(client, coordinator, volunteer, make_user):
    person = make_user("a-appeler@escale.example")
    MemberProfile.objects.create(user=person, phone="05 56 98 98 98")
    campaign = calls.create_campaign(by=coordinator, name="Veille", people=[person])
    client.force_login(coordinator)
    url = reverse("solidarity_staff:campaign", args=[campaign.pk])
    body = client.get(url).content.decode()
    assert volunteer.get_full_name() in body and coordinator.get_full_name() in body
    client.post(url, {"callers": [volunteer.pk]})
    assert campaign.assignments.get().caller == volunteer


def test_the_team_records_isolation_then_a_campaign_selects_on_it(client, coordinator, make_user):
    person = make_user("isolee@escale.example")
    MemberProfile.objects.create(user=person, phone="05 56 77 77 77")
    client.force_login(coordinator)
    url = reverse("solidarity_staff:isolation")
    assert client.get(url).status_code == 200
    assert client.post(url, {"person": person.pk, "lives_alone": "on"}).status_code == 302
    campaign = calls.create_campaign(by=coordinator, name="Seul·es", lives_alone=True)
    assert [a.person for a in campaign.assignments.all()] == [person]
