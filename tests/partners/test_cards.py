"""Member cards: the check page shows validity and first name only; expired, replaced, tampered cards say so."""

import datetime

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

import pytest
from weasyprint import HTML

from partners.models import CardCheck
from partners.services import cards
from tests.members.factories import make_membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def card_member(make_user):
    user = make_user("jeanne@escale.example", first_name="Jeanne", last_name="Dubosq")
    make_membership(user, valid_until=timezone.localdate() + datetime.timedelta(days=100))
    return user


def test_scanning_a_valid_card_shows_validity_and_first_name_only_without_login(client, card_member):
    card = cards.current_card(card_member)
    page = client.get(cards.check_path(card))
    text = page.content.decode()
    until = timezone.localdate() + datetime.timedelta(days=100)
    assert page.status_code == 200
    assert "Membre valide jusqu&#x27;au" in text or "Membre valide jusqu'au" in text
    assert "Jeanne" in text and str(until.year) in text
    assert "Dubosq" not in text and "jeanne@escale.example" not in text
    check = CardCheck.objects.get()
    assert check.result == "valid"
    assert {f.name for f in CardCheck._meta.fields} == {"id", "partner", "result", "checked_at"}  # no member


def test_an_expired_card_says_so(client, make_user):
    user = make_user("paul@escale.example", first_name="Paul")
    make_membership(
        user,
        valid_from=timezone.localdate() - datetime.timedelta(days=400),
        valid_until=timezone.localdate() - datetime.timedelta(days=1),
    )
    text = client.get(cards.check_path(cards.current_card(user))).content.decode()
    assert "Adhésion échue" in text and "Paul" not in text


def test_a_replaced_card_says_carte_remplacee_and_the_new_one_is_valid(client, card_member, administrator):
    old = cards.current_card(card_member)
    new = cards.reissue(card_member, by=administrator)
    assert "Carte remplacée" in client.get(cards.check_path(old)).content.decode()
    assert "Jeanne" in client.get(cards.check_path(new)).content.decode()


def test_a_tampered_url_says_carte_non_reconnue(client, card_member):
    token = cards.card_token(cards.current_card(card_member))
    number, _sep, signature = token.partition(":")
    forged = f"{int(number) + 1}:{signature}"
    for bad in (forged, token[:-2] + "zz", "nimportequoi"):
        text = client.get(reverse("partners:check", args=[bad])).content.decode()
        assert "Carte non reconnue" in text and "Jeanne" not in text
    assert set(CardCheck.objects.values_list("result", flat=True)) == {"unknown"}


def test_mon_espace_shows_the_card_with_a_qr_code_and_a_credit_card_size_pdf(client, card_member):
    client.force_login(card_member)
    page = client.get(reverse("partners:my_card")).content.decode()
    assert "<svg" in page and "Jeanne" in page
    pdf = client.get(reverse("partners:my_card_pdf"))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    page = HTML(string=render_to_string("partners/card_pdf.html", {"first_name": "Jeanne"})).render().pages[0]
    assert (round(page.width / 96 * 25.4, 1), round(page.height / 96 * 25.4, 1)) == (85.6, 54.0)  # a bank card


def test_the_desk_prints_and_reissues_a_card_members_cannot(client, card_member, coordinator, member):
    client.force_login(member)
    assert client.get(reverse("partners_staff:desk_card", args=[card_member.pk])).status_code == 403
    client.force_login(coordinator)
    old = cards.current_card(card_member)
    assert client.get(reverse("partners_staff:desk_card", args=[card_member.pk]))["Content-Type"] == "application/pdf"
    client.post(reverse("partners_staff:desk_reissue", args=[card_member.pk]))
    old.refresh_from_db()
    assert old.revoked_at is not None
