"""The test payment form (django-payments' dummy provider) speaks French on the French site."""

from html.parser import HTMLParser

import pytest

from members import services
from tests.members.factories import make_booking, make_user

pytestmark = pytest.mark.django_db

# What django-payments' dummy form shows when left alone (labels and choices).
ENGLISH = {
    "Status",
    "Fraud status",
    "Gateway response",
    "Verification result",
    "3DS disabled",
    "3DS redirect",
    "Gateway connection error",
    "Gateway returned unsupported response",
    "Waiting for confirmation",
    "Pre-authorized",
    "Confirmed",
    "Rejected",
    "Refunded",
    "Error",
    "Input",
    "Cancelled",
    "Unknown",
    "Passed",
    "Review",
}


class _FormTexts(HTMLParser):
    """The texts people read in the form: labels, options and legends."""

    def __init__(self):
        super().__init__()
        self.inside, self.texts = [], []

    def handle_starttag(self, tag, attrs):
        if tag in ("label", "option", "legend"):
            self.inside.append(tag)
            self.texts.append("")

    def handle_endtag(self, tag):
        if self.inside and tag == self.inside[-1]:
            self.inside.pop()

    def handle_data(self, data):
        if self.inside:
            self.texts[-1] += data


def _texts(page):
    parser = _FormTexts()
    parser.feed(page)
    return {" ".join(text.split()) for text in parser.texts}


def test_the_french_payment_page_has_no_english_label(client):
    member = make_user()
    payment = services.create_online_payment(member, bookings=[make_booking(member)])
    client.force_login(member)
    page = client.get(f"/fr/mon-espace/paiement/{payment.token}/").content.decode()
    texts = _texts(page)
    for french in ("Résultat du paiement", "Paiement accepté", "Contrôle anti-fraude", "Réponse de la banque"):
        assert any(text.startswith(french) for text in texts), french
    assert not texts & ENGLISH
    for word in ("Status", "Gateway", "Fraud", "3DS"):
        assert word not in " ".join(texts)


def test_the_french_labels_still_submit_the_providers_values(client):
    member = make_user()
    payment = services.create_online_payment(member, bookings=[make_booking(member)])
    client.force_login(member)
    response = client.post(
        f"/fr/mon-espace/paiement/{payment.token}/",
        {"status": "confirmed", "fraud_status": "accept", "gateway_response": "3ds-disabled"},
    )
    assert response["Location"] == f"/fr/mon-espace/paiement/{payment.pk}/merci/"
