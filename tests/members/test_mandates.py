"""Mandates (Aidants Connect): staff book, pay or edit for a member only under a valid mandate;
the member revokes it; actions under mandate appear in the member's history."""

import datetime

from django.utils import timezone

import pytest

from core.roles import COORDINATOR
from members import services
from members.exceptions import MandateRequired
from members.models import Mandate
from tests.members.factories import make_membership_type, make_session, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def claire(make_user):
    return make_user("claire@escale.example", role=COORDINATOR, first_name="Claire", last_name="Dubois")


def test_staff_cannot_book_for_a_member_without_a_mandate(client, claire):
    member = make_user()
    session = make_session()
    client.force_login(claire)
    client.post(f"/admin/activites/{session.pk}/inscrire/", {"member": member.pk})
    assert not member.bookings.exists()


def test_with_a_book_mandate_staff_book_and_the_member_sees_it_in_the_history(client, claire):
    member = make_user()
    session = make_session()
    services.give_mandate(member, received_by=claire, scopes=["book"], duration=Mandate.Duration.DAY)
    client.force_login(claire)
    client.post(f"/admin/activites/{session.pk}/inscrire/", {"member": member.pk})
    assert member.bookings.filter(made_by=claire).exists()
    client.force_login(member)
    history = client.get("/fr/mon-espace/historique/").content.decode()
    assert "inscription – Yoga doux, avec son mandat, par Claire D." in history


def test_a_mandate_covers_only_its_scopes_and_its_duration(claire):
    member = make_user()
    services.give_mandate(
        member,
        received_by=claire,
        scopes=["book"],
        duration=Mandate.Duration.DAY,
        start=timezone.now() - datetime.timedelta(days=2),
    )
    with pytest.raises(MandateRequired):
        services.require_mandate(claire, member, "book")  # expired
    services.give_mandate(member, received_by=claire, scopes=["book"], duration=Mandate.Duration.MONTH)
    assert services.require_mandate(claire, member, "book")
    with pytest.raises(MandateRequired):
        services.start_membership(member, make_membership_type(), by=claire)  # needs "pay"
    with pytest.raises(MandateRequired):
        services.update_profile(member, {"commune": "Bègles"}, by=claire)  # needs "edit"


def test_the_member_revokes_a_mandate_in_mon_espace(client, claire):
    member = make_user()
    mandate = services.give_mandate(member, received_by=claire, scopes=["book", "pay"], duration=Mandate.Duration.YEAR)
    client.force_login(member)
    assert "Claire" in client.get("/fr/mon-espace/").content.decode()
    client.post(f"/fr/mon-espace/mandats/{mandate.pk}/revoquer/")
    mandate.refresh_from_db()
    assert mandate.revoked_at is not None
    with pytest.raises(MandateRequired):
        services.require_mandate(claire, member, "book")
