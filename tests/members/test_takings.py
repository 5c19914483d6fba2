"""Issue 12 item 10: one definition of takings (staff payments list = indicators dashboard), one money
format on receipts, and the renewal link without online payment."""

import html
import re
import shutil
import subprocess

from django.core import mail
from django.template.loader import render_to_string
from django.utils import translation

import pytest

from activities import services as activity_services
from core.roles import COORDINATOR
from indicators import services as indicators
from members import services
from members.models import Membership, Payment
from tests.members.factories import make_booking, make_membership, make_membership_type, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(make_user):
    return make_user("accueil@escale.example", role=COORDINATOR, first_name="Claire")


def _text(response):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def test_a_payment_made_with_a_credit_is_counted_once_in_the_list_and_the_dashboard(client, coordinator):
    """Reproduction: the list said 103 € while the dashboard said 95 € + 8 € paid with a credit."""
    member = make_user()
    membership = services.start_membership(member, make_membership_type())
    services.record_onsite_payment(member, method="cash", by=coordinator, memberships=[membership])
    booking = make_booking(member, price="8.00")
    services.record_onsite_payment(member, method="cheque", cheque_number="123", by=coordinator, bookings=[booking])
    activity_services.cancel_session(booking.session, by=coordinator)  # the 8 € become a credit
    services.pay_with_credit(member, bookings=[make_booking(member, price="8.00")])

    dashboard = indicators.revenue_figures(indicators.this_month())
    client.force_login(coordinator)
    response = client.get("/admin/adherents/paiements/")
    assert response.context["grand_total"] == dashboard["total"] == 37
    assert dashboard["paid_with_credit"] == 8
    page = _text(response)
    assert "Total encaissé 37,00 €" in page
    assert "Avoir (déjà encaissé, non compté dans le total) 1 8,00 €" in page
    export = client.get("/admin/adherents/paiements/?format=csv").content.decode("utf-8-sig")
    assert re.search(r"Total encaissé du [^;]+;;;;;37,00", export)


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) is not installed")
def test_the_receipt_pdf_writes_every_amount_in_the_french_money_format(client, tmp_path):
    member = make_user()
    client.force_login(member)
    first, second = make_booking(member, price="12.00"), make_booking(member, price="17.00")
    payment = services.create_online_payment(member, bookings=[first, second])
    services.apply_status(payment, "confirmed")
    pdf = tmp_path / "recu.pdf"
    pdf.write_bytes(client.get(f"/fr/mon-espace/recus/{payment.receipt.pk}/").content)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout  # noqa: S603, S607
    assert "12,00 €" in text and "17,00 €" in text and "29,00 €" in text
    assert not re.search(r"\d\.\d\d €", text)


def test_the_receipt_follows_the_english_format_in_english():
    """The HTML the PDF is made from: one format per language, line and total alike."""
    member = make_user()
    payment = services.create_online_payment(member, bookings=[make_booking(member, price="12.00")])
    services.apply_status(payment, "confirmed")
    with translation.override("en"):
        page = render_to_string("members/pdf/receipt.html", {"receipt": payment.receipt, "payment": payment})
    assert page.count("12.00 €") == 2 and "12,00" not in page


def test_the_renewal_link_offers_the_desk_when_online_payment_is_off(settings, client):
    """Reproduction: /renouveler/… answered 500 in production without Stripe."""
    settings.MEMBERS_ONLINE_PAYMENT_VARIANT = None
    member = make_user(first_name="Odette")
    old = make_membership(member)
    path = f"/fr/renouveler/{services.make_renewal_token(old)}/"
    page = client.get(path)
    assert page.status_code == 200
    assert "vous réglerez à l'accueil" in html.unescape(page.content.decode())
    response = client.post(path)
    assert response.status_code == 200
    text = _text(response)
    assert "Réglez-la à l'accueil" in text and "29,00 €" in text
    assert not Payment.objects.exists()
    assert Membership.objects.filter(member=member, status=Membership.Status.PENDING_PAYMENT).count() == 1
    assert not mail.outbox
