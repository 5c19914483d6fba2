"""Every member URL: login required, and another member's identifiers give 404."""

from django.utils import timezone

import pytest
from payments import PaymentStatus

from members import services
from members.models import Receipt, TaxReceipt
from tests.members.factories import make_booking, make_membership_type, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner_objects():
    owner = make_user()
    membership = services.start_membership(owner, make_membership_type())
    paid = services.create_online_payment(owner, bookings=[make_booking(owner)])
    services.apply_status(paid, PaymentStatus.CONFIRMED)
    waiting = services.create_online_payment(owner, memberships=[membership])
    from members.models import Mandate

    staff = make_user()
    mandate = services.give_mandate(owner, received_by=staff, scopes=["book"], duration=Mandate.Duration.MONTH)
    tax_receipt = TaxReceipt.objects.create(
        payment=paid,
        member=owner,
        year=2026,
        sequence=1,
        issued_at=timezone.now(),
        paid_on=timezone.localdate(),
        amount=paid.total,
        donor_name="Josette Garnier",
        method=paid.method,
    )
    return {
        "owner": owner,
        "membership": membership,
        "paid": paid,
        "waiting": waiting,
        "receipt": Receipt.objects.get(payment=paid),
        "mandate": mandate,
        "tax_receipt": tax_receipt,
    }


def object_urls(objs):
    return [
        ("get", f"/fr/mon-espace/paiement/{objs['waiting'].token}/"),
        ("post", f"/fr/mon-espace/paiement/{objs['waiting'].token}/"),
        ("get", f"/fr/mon-espace/paiement/{objs['paid'].pk}/merci/"),
        ("get", f"/fr/mon-espace/paiement/{objs['waiting'].pk}/echec/"),
        ("get", f"/fr/mon-espace/recus/{objs['receipt'].pk}/"),
        ("get", f"/fr/mon-espace/recus-fiscaux/{objs['tax_receipt'].pk}/"),
        ("post", f"/fr/mon-espace/adhesion/{objs['membership'].pk}/payer/"),
        ("post", f"/fr/mon-espace/mandats/{objs['mandate'].pk}/revoquer/"),
    ]


def test_another_member_gets_404_on_every_url_with_the_owners_identifiers(client, owner_objects):
    client.force_login(make_user())
    for method, url in object_urls(owner_objects):
        response = getattr(client, method)(url)
        assert response.status_code == 404, (method, url, response.status_code)
    owner_objects["mandate"].refresh_from_db()
    assert owner_objects["mandate"].revoked_at is None


def test_the_owner_reaches_the_same_urls(client, owner_objects):
    client.force_login(owner_objects["owner"])
    assert client.get(f"/fr/mon-espace/recus/{owner_objects['receipt'].pk}/").status_code == 200
    assert client.get(f"/fr/mon-espace/recus-fiscaux/{owner_objects['tax_receipt'].pk}/").status_code == 200
    assert client.get(f"/fr/mon-espace/paiement/{owner_objects['waiting'].token}/").status_code == 200


def test_own_pages_show_only_the_members_own_data(client, owner_objects):
    intruder = make_user(first_name="Intrus")
    client.force_login(intruder)
    for url in ("/fr/mon-espace/", "/fr/mon-espace/historique/", "/en/my-space/"):
        page = client.get(url).content.decode()
        assert owner_objects["receipt"].number not in page
    export = client.get("/fr/mon-espace/mes-donnees/")
    assert export.status_code == 200
    assert owner_objects["owner"].email.encode() not in export.content


def test_anonymous_visitors_are_sent_to_login_or_404(client, owner_objects):
    for url in (
        "/fr/mon-espace/",
        "/fr/mon-espace/historique/",
        "/fr/mon-espace/profil/",
        "/fr/mon-espace/mes-donnees/",
        "/fr/mon-espace/attestation/",
        "/fr/mon-espace/supprimer-mon-compte/",
        f"/fr/mon-espace/recus/{owner_objects['receipt'].pk}/",
        f"/fr/mon-espace/recus-fiscaux/{owner_objects['tax_receipt'].pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/comptes/login/" in response["Location"], url
    assert client.get(f"/fr/mon-espace/paiement/{owner_objects['waiting'].token}/").status_code == 404
    assert client.get(f"/fr/mon-espace/paiement/{owner_objects['paid'].pk}/merci/").status_code == 404
