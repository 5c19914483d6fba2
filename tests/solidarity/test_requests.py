"""Help requests: posted, matched, offered, accepted (contacts only now), honoured; staff acting at the person's
request; unanswered requests flagged."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from activities.models import CallListEntry
from core.models import ActionLog
from members.exceptions import MandateRequired
from members.history import timeline
from solidarity.exceptions import NotAllowed, NotAVolunteer, RequestNotOpen, TooEarly
from solidarity.models import HelpRequest, Offer
from solidarity.services import requests, visibility
from solidarity.services.figures import counts
from tests.solidarity.conftest import CAREGIVER_PHONE, VOLUNTEER_PHONE, make_volunteer

pytestmark = pytest.mark.django_db


def post(caregiver, fields, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return requests.post_request(caregiver, by=caregiver, **fields)


def test_recurring_request_emails_matching_volunteers_only_without_contact(
    caregiver, volunteer, make_user, coordinator, request_fields, django_capture_on_commit_callbacks
):
    elsewhere = make_user("loin@escale.example")
    make_volunteer(elsewhere, staff=coordinator, communes="Bordeaux")
    mail.outbox.clear()
    help_request = post(caregiver, request_fields, django_capture_on_commit_callbacks)
    assert help_request.is_recurring
    assert [m.to for m in mail.outbox] == [[volunteer.email]]
    body = mail.outbox[0].body
    for secret in (CAREGIVER_PHONE, caregiver.email, "Lemaire"):
        assert secret not in body


def test_accepting_one_offer_declines_the_others_and_reveals_phones_to_both_only_now(
    caregiver, volunteer, other_volunteer, request_fields, django_capture_on_commit_callbacks
):
    help_request = post(caregiver, request_fields, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        offer = requests.make_offer(help_request, volunteer=volunteer)
        requests.make_offer(help_request, volunteer=other_volunteer)
    # Before acceptance: nobody sees anyone's contact, and the offer e-mails give none.
    assert visibility.contact_details(help_request, caregiver) is None
    assert visibility.contact_details(help_request, volunteer) is None
    for message in mail.outbox:
        assert VOLUNTEER_PHONE not in message.body and volunteer.email not in message.body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        help_request = requests.accept_offer(offer, by=caregiver)
    assert visibility.contact_details(help_request, caregiver)["phone"] == VOLUNTEER_PHONE
    assert visibility.contact_details(help_request, volunteer)["phone"] == CAREGIVER_PHONE
    assert visibility.contact_details(help_request, other_volunteer) is None
    assert set(help_request.offers.values_list("status", flat=True)) == {"accepted", "declined"}
    bodies = {m.to[0]: m.body for m in mail.outbox}
    assert VOLUNTEER_PHONE in bodies[caregiver.email] and CAREGIVER_PHONE in bodies[volunteer.email]
    assert other_volunteer.email not in bodies


def test_both_sides_mark_honoured_after_the_date_and_the_request_closes(
    caregiver, volunteer, request_fields, django_capture_on_commit_callbacks
):
    help_request = post(caregiver, request_fields, django_capture_on_commit_callbacks)
    offer = requests.make_offer(help_request, volunteer=volunteer)
    requests.accept_offer(offer, by=caregiver)
    with pytest.raises(TooEarly):
        requests.confirm_outcome(help_request, by=caregiver, honoured=True)
    later = help_request.starts_at + datetime.timedelta(hours=3)
    requests.confirm_outcome(help_request, by=caregiver, honoured=True, now=later)
    help_request = requests.confirm_outcome(help_request, by=volunteer, honoured=True, now=later)
    assert help_request.status == HelpRequest.Status.CLOSED and help_request.honoured


def test_staff_post_for_a_caregiver_without_email_at_her_request_and_the_offer_reaches_the_call_list(
    phone_caregiver, volunteer, coordinator, request_fields, django_capture_on_commit_callbacks
):
    with pytest.raises(MandateRequired):
        requests.post_request(phone_caregiver, by=coordinator, asked_by="mandate", **request_fields)
    with django_capture_on_commit_callbacks(execute=True):
        help_request = requests.post_request(phone_caregiver, by=coordinator, asked_by="phone", **request_fields)
    history = [entry["text"] for entry in timeline(phone_caregiver) if entry["kind"] == "staff_action"]
    assert any("à sa demande, par téléphone, par" in str(text) for text in history), history
    with django_capture_on_commit_callbacks(execute=True):
        offer = requests.make_offer(help_request, volunteer=volunteer)
    entry = CallListEntry.objects.get(member=phone_caregiver, reason="solidarity")
    assert "Paul" in entry.message and VOLUNTEER_PHONE not in entry.message
    with django_capture_on_commit_callbacks(execute=True):
        requests.accept_offer(offer, by=coordinator, asked_by="phone")
    accepted = CallListEntry.objects.filter(member=phone_caregiver, reason="solidarity").latest("pk")
    assert VOLUNTEER_PHONE in accepted.message


def test_only_validated_volunteers_offer_and_only_on_open_requests(
    caregiver, volunteer, make_user, request_fields, django_capture_on_commit_callbacks
):
    help_request = post(caregiver, request_fields, django_capture_on_commit_callbacks)
    with pytest.raises(NotAVolunteer):
        requests.make_offer(help_request, volunteer=make_user("curieux@escale.example"))
    requests.cancel_request(help_request, by=caregiver)
    with pytest.raises(RequestNotOpen):
        requests.make_offer(help_request, volunteer=volunteer)


def test_a_member_cannot_post_for_someone_else(caregiver, volunteer, request_fields):
    with pytest.raises(NotAllowed):
        requests.post_request(caregiver, by=volunteer, asked_by="phone", **request_fields)


def test_messages_only_between_the_requester_and_a_volunteer_who_offered(
    caregiver, volunteer, other_volunteer, request_fields, django_capture_on_commit_callbacks
):
    help_request = post(caregiver, request_fields, django_capture_on_commit_callbacks)
    requests.make_offer(help_request, volunteer=volunteer)
    requests.send_message(help_request, author=volunteer, body="Bonjour, je peux venir.")
    requests.send_message(help_request, author=caregiver, body="Merci !", volunteer=volunteer)
    with pytest.raises(NotAllowed):
        requests.send_message(help_request, author=other_volunteer, body="Et moi ?")
    assert help_request.messages.count() == 2


def test_unanswered_requests_are_flagged_once(caregiver, request_fields, django_capture_on_commit_callbacks):
    help_request = post(caregiver, request_fields, django_capture_on_commit_callbacks)
    HelpRequest.objects.filter(pk=help_request.pk).update(created_at=timezone.now() - datetime.timedelta(days=4))
    call_command("flag_unanswered_requests")
    call_command("flag_unanswered_requests")
    help_request.refresh_from_db()
    assert help_request.flagged_at is not None
    assert ActionLog.objects.filter(code="escale.help_request.flagged").count() == 1


def test_cancelling_an_accepted_request_hides_contacts_again(
    caregiver, volunteer, request_fields, django_capture_on_commit_callbacks
):
    help_request = post(caregiver, request_fields, django_capture_on_commit_callbacks)
    offer = requests.make_offer(help_request, volunteer=volunteer)
    requests.accept_offer(offer, by=caregiver)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        help_request = requests.cancel_request(help_request, by=volunteer)
    assert visibility.contact_details(help_request, caregiver) is None
    assert [m.to for m in mail.outbox] == [[caregiver.email]]
    assert Offer.objects.get(pk=offer.pk).status == "accepted"


def test_honoured_request_is_counted_in_the_figures_and_shown_on_the_dashboard(
    client, administrator, caregiver, volunteer, request_fields
):
    help_request = requests.post_request(caregiver, by=caregiver, **request_fields)
    offer = requests.make_offer(help_request, volunteer=volunteer)
    requests.accept_offer(offer, by=caregiver)
    later = help_request.starts_at + datetime.timedelta(hours=3)
    requests.confirm_outcome(help_request, by=caregiver, honoured=True, now=later)
    requests.confirm_outcome(help_request, by=volunteer, honoured=True, now=later)
    today = timezone.localdate()
    data = counts(today, today)
    assert (data["requests"], data["answered"], data["closed"], data["honoured"]) == (1, 1, 1, 1)
    assert data["by_kind"]["shopping"] == 1
    client.force_login(administrator)
    body = client.get(reverse("indicators_admin:dashboard")).content.decode()
    assert "Entraide et veille téléphonique" in body and "Demandes d&#x27;entraide" in body
