"""Entraide pages: contacts never shown before acceptance, constant queries on the request list, access."""

import io
import zipfile

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from members.history import export_zip
from members.services.erasure import erase_member
from solidarity.models import HelpRequest
from solidarity.services import requests
from tests.solidarity.conftest import CAREGIVER_PHONE, VOLUNTEER_PHONE

pytestmark = pytest.mark.django_db


def _page(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_no_page_shows_the_other_side_before_acceptance_and_both_see_the_phone_after(
    client, caregiver, volunteer, request_fields
):
    help_request = requests.post_request(caregiver, by=caregiver, **request_fields)
    offer = requests.make_offer(help_request, volunteer=volunteer)
    requests.send_message(help_request, author=volunteer, body="Bonjour !")
    detail = reverse("solidarity:request", args=[help_request.pk])
    for user, secrets in (
        (caregiver, (VOLUNTEER_PHONE, volunteer.email, "Girard")),
        (volunteer, (CAREGIVER_PHONE, caregiver.email, "Lemaire")),
    ):
        for url in (detail, reverse("solidarity:index")):
            body = _page(client, user, url)
            for secret in secrets:
                assert secret not in body, (user, url, secret)
    client.force_login(caregiver)
    response = client.post(reverse("solidarity:request_action", args=[help_request.pk, "accept"]), {"offer": offer.pk})
    assert response.status_code == 302
    assert VOLUNTEER_PHONE in _page(client, caregiver, detail)
    assert CAREGIVER_PHONE in _page(client, volunteer, detail)


def test_an_outsider_gets_a_404_on_someone_elses_request(client, caregiver, make_user, request_fields):
    help_request = requests.post_request(caregiver, by=caregiver, **request_fields)
    client.force_login(make_user("autre@escale.example"))
    assert client.get(reverse("solidarity:request", args=[help_request.pk])).status_code == 404


def test_caregiver_posts_a_request_through_the_form(client, caregiver, request_fields):
    client.force_login(caregiver)
    start = request_fields["starts_at"]
    data = {"kind": "shopping", "day": start.date().isoformat(), "time": "14:30", "weeks": 6, "commune": "Cadaujac"}
    response = client.post(reverse("solidarity:post_request"), data)
    assert response.status_code == 302
    assert HelpRequest.objects.get(requester=caregiver).weeks == 6


def test_request_list_costs_the_same_queries_for_10_and_200_requests(client, caregiver, request_fields):
    def queries():
        client.force_login(caregiver)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("solidarity:index")).status_code == 200
        return len(captured)

    HelpRequest.objects.bulk_create([HelpRequest(requester=caregiver, **request_fields) for _ in range(10)])
    queries()  # warm the site and settings caches
    ten = queries()
    HelpRequest.objects.bulk_create([HelpRequest(requester=caregiver, **request_fields) for _ in range(190)])
    assert queries() == ten


def test_volunteer_sign_up_records_the_charter(client, make_user):
    user = make_user("nouveau@escale.example")
    client.force_login(user)
    data = {"communes": "Cadaujac", "kinds": ["visit"], "availability": ["1am"], "charter": "on"}
    assert client.post(reverse("solidarity:volunteer"), data).status_code == 302
    assert user.volunteer_profile.status == "submitted" and user.volunteer_profile.charter_accepted_at


def _export_text(member):
    with zipfile.ZipFile(io.BytesIO(export_zip(member))) as archive:
        return "".join(archive.read(name).decode() for name in archive.namelist())


def test_the_data_export_shows_the_other_side_only_after_acceptance(caregiver, volunteer, request_fields):
    help_request = requests.post_request(caregiver, by=caregiver, **request_fields)
    offer = requests.make_offer(help_request, volunteer=volunteer)
    assert "entraide_demandes.csv" in zipfile.ZipFile(io.BytesIO(export_zip(caregiver))).namelist()
    assert VOLUNTEER_PHONE not in _export_text(caregiver)
    assert CAREGIVER_PHONE not in _export_text(volunteer)
    requests.accept_offer(offer, by=caregiver)
    assert VOLUNTEER_PHONE in _export_text(caregiver)
    assert CAREGIVER_PHONE in _export_text(volunteer)


def test_erasing_an_account_empties_its_mutual_help_free_text(caregiver, volunteer, request_fields):
    help_request = requests.post_request(caregiver, by=caregiver, note="Pour ma mère, Mme Lemaire", **request_fields)
    requests.make_offer(help_request, volunteer=volunteer)
    requests.send_message(help_request, author=caregiver, body="Mon adresse : 3 rue des Lilas", volunteer=volunteer)
    erase_member(caregiver)
    help_request.refresh_from_db()
    assert help_request.note == "" and help_request.messages.get().body == ""
