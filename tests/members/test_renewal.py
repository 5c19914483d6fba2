"""Renewal reminders 30 days before expiry, with a signed link valid 7 days that works without login."""

import datetime
import io
import re
import time

from django.core import mail, signing
from django.core.management import call_command
from django.utils import timezone

import pytest

from members import services
from members.models import Membership, Payment
from tests.members.factories import make_membership, make_user

pytestmark = pytest.mark.django_db


def expiring_membership(days=20):
    member = make_user(first_name="Odette")
    return make_membership(member, valid_until=timezone.localdate() + datetime.timedelta(days=days))


def test_a_membership_ending_within_30_days_is_reminded_once_by_email_with_a_renewal_link():
    membership = expiring_membership()
    make_membership(make_user(), valid_until=timezone.localdate() + datetime.timedelta(days=90))
    call_command("send_renewal_reminders", stdout=io.StringIO())
    call_command("send_renewal_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [membership.member.email]
    assert "/fr/renouveler/" in mail.outbox[0].body


def test_the_renewal_link_works_without_login_and_leads_to_payment(client):
    membership = expiring_membership()
    services.send_renewal_reminders()
    path = re.search(r"https?://[^/]+(/fr/renouveler/\S+/)", mail.outbox[0].body).group(1)
    assert client.get(path).status_code == 200
    response = client.post(path)
    payment = Payment.objects.get(member=membership.member)
    assert response["Location"] == f"/fr/mon-espace/paiement/{payment.token}/"
    assert client.get(response["Location"]).status_code == 200
    renewal = Membership.objects.get(member=membership.member, status=Membership.Status.PENDING_PAYMENT)
    assert renewal.valid_from == membership.valid_until + datetime.timedelta(days=1)


def test_a_renewal_link_older_than_7_days_or_forged_is_refused(client, monkeypatch):
    membership = expiring_membership()
    token = services.make_renewal_token(membership)
    real_time = time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() + 8 * 24 * 3600)
    assert client.get(f"/fr/renouveler/{token}/").status_code == 400
    monkeypatch.setattr(signing.time, "time", real_time)
    assert client.get(f"/fr/renouveler/{token}/").status_code == 200
    assert client.get(f"/fr/renouveler/{token[:-2]}xx/").status_code == 400
    assert client.post(f"/fr/renouveler/{token[:-2]}xx/").status_code == 400
