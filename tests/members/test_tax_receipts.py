"""Reçus fiscaux (Cerfa 11580): only when the association is eligible, for membership fees, numbered per year."""

from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import timezone

import pytest

from core.roles import COORDINATOR
from members import services
from members.models import MembersSettings, TaxReceipt
from members.services.tax_receipts import amount_in_words, number_in_words
from tests.members.factories import make_booking, make_membership_type, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(make_user):
    return make_user("accueil@escale.example", role=COORDINATOR)


@pytest.fixture
def eligible(home_fr):
    from wagtail.models import Site

    row = MembersSettings.for_site(Site.objects.get(is_default_site=True))
    row.tax_receipts = True
    row.tax_receipt_signatory = "Hélène Roux, présidente"
    row.save()
    return row


def _membership_paid_by_cheque(member, coordinator, price="29.00"):
    at_desk = services.record_request(member, by=coordinator, channel="desk", act="pay")
    membership = services.start_membership(member, make_membership_type(price=price), by=coordinator, request=at_desk)
    return services.record_onsite_payment(
        member, method="cheque", cheque_number="0012345", by=coordinator, memberships=[membership]
    )


def test_no_tax_receipt_unless_the_association_says_it_is_eligible(home_fr, coordinator):
    payment = _membership_paid_by_cheque(make_user(), coordinator)
    assert payment.receipt is not None
    assert not TaxReceipt.objects.exists()


def test_membership_fees_get_tax_receipts_numbered_in_order_and_bookings_get_none(eligible, coordinator, client):
    first, second = make_user(first_name="Josette", last_name="Garnier"), make_user()
    receipt_one = _membership_paid_by_cheque(first, coordinator).tax_receipt
    receipt_two = _membership_paid_by_cheque(second, coordinator, price="5.00").tax_receipt
    year = timezone.localdate().year
    assert (receipt_one.number, receipt_two.number) == (f"F{year}-00001", f"F{year}-00002")
    assert (receipt_one.amount, receipt_one.donor_name, receipt_one.method) == (
        Decimal("29.00"),
        "Josette Garnier",
        "cheque",
    )

    booking_payment = services.record_onsite_payment(
        first, method="cash", by=coordinator, bookings=[make_booking(first)]
    )
    assert not TaxReceipt.objects.filter(payment=booking_payment).exists()

    client.force_login(first)
    assert receipt_one.number in client.get("/fr/mon-espace/historique/").content.decode()
    pdf = client.get(f"/fr/mon-espace/recus-fiscaux/{receipt_one.pk}/")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_the_cerfa_states_the_amount_in_words_and_the_signatory(eligible, coordinator):
    tax_receipt = _membership_paid_by_cheque(make_user(), coordinator).tax_receipt
    html = render_to_string(
        "members/pdf/tax_receipt.html",
        {
            "tax_receipt": tax_receipt,
            "amount_in_words": amount_in_words(tax_receipt.amount),
            "members_settings": eligible,
        },
    )
    assert "11580" in html
    assert "vingt-neuf euros" in html
    assert "Hélène Roux, présidente" in html
    assert tax_receipt.number in html


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (1, "un"),
        (17, "dix-sept"),
        (21, "vingt et un"),
        (71, "soixante et onze"),
        (77, "soixante-dix-sept"),
        (80, "quatre-vingts"),
        (81, "quatre-vingt-un"),
        (99, "quatre-vingt-dix-neuf"),
        (200, "deux cents"),
        (201, "deux cent un"),
        (1000, "mille"),
        (80_000, "quatre-vingt mille"),
        (200_000, "deux cent mille"),
        (2_000_000, "deux millions"),
    ],
)
def test_numbers_are_written_in_french_words(number, words):
    assert number_in_words(number) == words


def test_amounts_are_written_in_euros_and_centimes():
    assert amount_in_words(Decimal("29.00")) == "vingt-neuf euros"
    assert amount_in_words(Decimal("1.00")) == "un euro"
    assert amount_in_words(Decimal("12.50")) == "douze euros et cinquante centimes"
