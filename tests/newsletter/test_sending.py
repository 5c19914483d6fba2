"""Newsletter: 500 consenting members get one message each even if the task runs twice; one-click unsubscribe
(RFC 8058) stops the next issue; web, printable and subscribe pages; double opt-in."""

import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

import pytest

from demo.partners import create_partners
from members.models import Consent, MemberProfile
from newsletter.models import Delivery, NewsletterIssuePage, Subscriber
from newsletter.services import sending, subscriptions
from newsletter.tasks import send_issue

pytestmark = pytest.mark.django_db


def _issue(home, title="Lettre de printemps"):
    issue = NewsletterIssuePage(
        title=title,
        slug=re.sub(r"\W+", "-", title.lower()),
        intro="Les nouvelles du trimestre.",
        body=[
            ("text", "<p>Bonjour à toutes et à tous.</p>"),
            ("sessions", {"title": "Prochaines séances", "count": 3}),
            ("offers", {"title": "Offres des partenaires", "category": "", "count": 3}),
        ],
    )
    home.add_child(instance=issue)
    issue.save_revision().publish()
    return issue


def _members(count, newsletter=True, prefix="m"):
    User = get_user_model()
    users = User.objects.bulk_create(
        [
            User(username=f"{prefix}{i}@escale.example", email=f"{prefix}{i}@escale.example", first_name=f"M{i}")
            for i in range(count)
        ]
    )
    MemberProfile.objects.bulk_create(
        [
            MemberProfile(user=u, newsletter=newsletter, language="en" if i % 5 == 0 else "fr")
            for i, u in enumerate(users)
        ]
    )
    return users


def test_500_consenting_members_get_500_messages_once_even_if_the_task_runs_twice(home_fr):
    create_partners()
    issue = _issue(home_fr)
    _members(500)
    _members(3, newsletter=False, prefix="sans")
    sending.prepare(issue)
    send_issue.call(issue.pk)
    send_issue.call(issue.pk)
    sending.prepare(issue)  # preparing again adds nobody
    send_issue.call(issue.pk)
    assert len(mail.outbox) == 500
    assert len({m.to[0] for m in mail.outbox}) == 500
    assert Delivery.objects.filter(issue=issue, status="sent").count() == 500
    assert sending.statistics(issue)["sent"] == 500
    message = mail.outbox[0]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert re.match(r"^<http.+/lettre/desabonnement/.+/>$", message.extra_headers["List-Unsubscribe"])
    assert "Boulangerie du Marché" in message.alternatives[0][0] or "Offres des partenaires" in message.body


def test_an_unsubscribe_post_with_the_link_token_stops_the_next_issue_and_withdraws_the_consent(
    client, home_fr, django_capture_on_commit_callbacks
):
    first, second = _issue(home_fr, "Lettre un"), _issue(home_fr, "Lettre deux")
    reader = _members(2)[0]
    Consent.objects.create(user=reader, kind="newsletter", version="1", accepted_at="2026-01-01T00:00Z")
    with django_capture_on_commit_callbacks(execute=True):
        sending.start(first)
    link = next(m for m in mail.outbox if m.to == [reader.email]).extra_headers["List-Unsubscribe"][1:-1]
    path = link.split("testserver", 1)[-1] if "testserver" in link else "/" + link.split("/", 3)[3]
    response = client.post(path, {"List-Unsubscribe": "One-Click"})  # no login, no CSRF token
    assert response.status_code == 200
    reader.member_profile.refresh_from_db()
    assert reader.member_profile.newsletter is False
    assert Consent.objects.get(user=reader).withdrawn_at is not None
    assert sending.statistics(first)["unsubscribed"] == 1
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        sending.start(second)
    assert [m.to for m in mail.outbox] == [["m1@escale.example"]]


def test_a_tampered_unsubscribe_token_changes_nothing(client):
    token = subscriptions.unsubscribe_token("m0@escale.example", 1)
    assert client.post(reverse("newsletter:unsubscribe", args=[token + "x"])).status_code == 400


def test_anyone_subscribes_with_double_opt_in(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("newsletter:subscribe"), {"email": "Voisine@Example.org"})
    assert response.status_code == 200
    subscriber = Subscriber.objects.get(email="voisine@example.org")
    assert subscriber.confirmed_at is None and sending.recipients() == []
    confirm = re.search(r"http://testserver(\S+)", mail.outbox[-1].body).group(1)
    assert client.get(confirm).status_code == 200
    assert sending.recipients() == [("voisine@example.org", None, "fr")]


def test_test_send_to_oneself_and_the_web_and_printable_versions(client, home_fr, administrator):
    issue = _issue(home_fr)
    client.force_login(administrator)
    client.post(reverse("newsletter_admin:send_test", args=[issue.pk]))
    assert [m.to for m in mail.outbox] == [[administrator.email]] and not Delivery.objects.exists()
    client.logout()
    web = client.get(issue.url)
    assert web.status_code == 200 and "Bonjour à toutes et à tous" in web.content.decode()
    pdf = client.get(issue.url + "imprimer/")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    stats = client.get(reverse("newsletter_admin:issues"))
    assert stats.status_code == 302  # staff only
