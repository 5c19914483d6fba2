"""Staff tools: members list (search, filter, CSV), desk sign-up, on-site cheque, payments totals."""

from decimal import Decimal

import pytest

from core.roles import COORDINATOR, EDITOR
from members import services
from members.models import MemberProfile, Membership, Payment
from tests.members.factories import make_booking, make_membership, make_membership_type, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_client(client, make_user):
    coordinator = make_user("accueil@escale.example", role=COORDINATOR, first_name="Claire")
    client.force_login(coordinator)
    client.coordinator = coordinator
    return client


def test_members_list_searches_by_name_phone_commune_and_filters_by_membership(coordinator_client):
    josette = make_user(first_name="Josette", last_name="Garnier")
    MemberProfile.objects.create(user=josette, phone="0611223344", commune="Cadaujac")
    make_membership(josette)
    paul = make_user(first_name="Paul", last_name="Girard")
    for query in ("Garnier", "0611", "Cadaujac"):
        page = coordinator_client.get("/admin/adherents/", {"q": query}).content.decode()
        assert "Josette Garnier" in page and "Paul Girard" not in page
    page = coordinator_client.get("/admin/adherents/", {"statut": "none"}).content.decode()
    assert "Paul Girard" in page and "Josette Garnier" not in page
    csv_body = coordinator_client.get("/admin/adherents/", {"format": "csv"}).content.decode("utf-8-sig")
    assert "Garnier;Josette" in csv_body
    detail = coordinator_client.get(f"/admin/adherents/{paul.pk}/")
    assert detail.status_code == 200


def test_a_member_without_email_is_created_at_the_desk(coordinator_client):
    response = coordinator_client.post(
        "/admin/adherents/nouveau/",
        {
            "first_name": "Marcel",
            "last_name": "Petit",
            "phone": "0556000000",
            "consent_given": "desk",
            "consent_read": "on",
        },
    )
    assert response.status_code == 302
    profile = MemberProfile.objects.get(phone="0556000000")
    assert profile.user.email == ""
    assert not profile.user.has_usable_password()
    assert profile.preferred_channel == "phone"
    assert profile.created_at_desk_by == coordinator_client.coordinator


def test_the_desk_sells_a_membership_paid_by_cheque(coordinator_client):
    member = make_user()
    membership_type = make_membership_type()
    coordinator_client.post(
        f"/admin/adherents/{member.pk}/adhesion/",
        {"adhesion-membership_type": membership_type.pk, "adhesion-demande-asked_by": "desk"},
    )
    membership = Membership.objects.get(member=member)
    response = coordinator_client.post(
        f"/admin/adherents/{member.pk}/paiement/",
        {"method": "cheque", "cheque_number": "0012345", "memberships": [membership.pk]},
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.status == Membership.Status.ACTIVE
    payment = Payment.objects.get(member=member)
    assert (payment.method, payment.cheque_number, payment.total) == ("cheque", "0012345", Decimal("29.00"))


def test_payments_list_totals_per_method_and_exports_csv(coordinator_client):
    member = make_user()
    for method in ("cash", "cash", "card_terminal"):
        services.record_onsite_payment(
            member, method=method, by=coordinator_client.coordinator, bookings=[make_booking(member)]
        )
    response = coordinator_client.get("/admin/adherents/paiements/")
    totals = {row["method"]: row["total"] for row in response.context["totals"]}
    assert totals == {"cash": Decimal("24.00"), "card_terminal": Decimal("12.00")}
    assert response.context["grand_total"] == Decimal("36.00")
    assert "Espèces" in coordinator_client.get("/admin/adherents/paiements/?format=csv").content.decode("utf-8-sig")


def test_editors_and_members_cannot_open_the_members_admin(client, make_user):
    for user in (make_user(role=EDITOR), make_user()):
        client.force_login(user)
        response = client.get("/admin/adherents/")
        assert response.status_code in (302, 403)
        assert "Garnier" not in response.content.decode()


def test_a_desk_member_later_gets_an_activation_link_by_email(coordinator_client):
    from django.core import mail

    member = services.create_member_at_desk(
        first_name="Marcel", last_name="Petit", phone="0556", by=coordinator_client.coordinator, consent_given="desk"
    )
    response = coordinator_client.post(f"/admin/adherents/{member.pk}/activation/", {"email": "marcel@escale.example"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.email == "marcel@escale.example"
    assert not member.has_usable_password()
    assert mail.outbox and mail.outbox[-1].to == ["marcel@escale.example"]
