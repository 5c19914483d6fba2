"""The solidarity price granted by staff: a service with an audit entry, and a form that says what it wants."""

import pytest

from core.models import ActionLog
from core.roles import COORDINATOR
from members import services
from members.models import MemberProfile
from tests.members.factories import make_user

pytestmark = pytest.mark.django_db


def test_granting_the_solidarity_price_records_who_decided_and_logs_it(make_user):
    coordinator = make_user("accueil@escale.example", role=COORDINATOR)
    member = make_user()
    profile = services.grant_solidarity_price(member, granted=True, by=coordinator)
    assert profile.solidarity_price and profile.solidarity_granted_by == coordinator
    entry = ActionLog.objects.get(code="escale.member.solidarity_price", object_id=str(member.pk))
    assert entry.actor == coordinator and entry.on_behalf_of == member and entry.data == {"granted": True}

    profile = services.grant_solidarity_price(member, granted=False, by=coordinator)
    assert not profile.solidarity_price and profile.solidarity_granted_by is None
    assert list(
        ActionLog.objects.filter(code="escale.member.solidarity_price").order_by("pk").values_list("data", flat=True)
    ) == [
        {"granted": True},
        {"granted": False},
    ]


def test_asking_twice_for_the_same_price_changes_nothing_and_logs_once(make_user):
    coordinator = make_user("accueil@escale.example", role=COORDINATOR)
    member = make_user()
    services.grant_solidarity_price(member, granted=True, by=coordinator)
    services.grant_solidarity_price(member, granted=True, by=coordinator)
    assert MemberProfile.objects.get(user=member).solidarity_price
    assert ActionLog.objects.filter(code="escale.member.solidarity_price").count() == 1


def test_the_member_page_button_grants_then_withdraws_and_a_double_post_does_not_flip_back(client, make_user):
    coordinator = make_user("accueil@escale.example", role=COORDINATOR)
    member = make_user(first_name="Josette", last_name="Garnier")
    client.force_login(coordinator)
    url = f"/admin/adherents/{member.pk}/tarif-solidaire/"
    page = client.get(f"/admin/adherents/{member.pk}/").content.decode()
    assert 'name="granted" value="1"' in page
    assert client.post(url, {"granted": "1"}).status_code == 302
    assert client.post(url, {"granted": "1"}).status_code == 302
    assert MemberProfile.objects.get(user=member).solidarity_price
    assert 'name="granted" value="0"' in client.get(f"/admin/adherents/{member.pk}/").content.decode()
    client.post(url, {"granted": "0"})
    assert not MemberProfile.objects.get(user=member).solidarity_price
    assert client.post(url, {"granted": "oui"}).status_code == 400
    assert ActionLog.objects.filter(code="escale.member.solidarity_price").count() == 2


def test_a_member_cannot_grant_themself_the_solidarity_price(client):
    member = make_user()
    client.force_login(member)
    response = client.post(f"/admin/adherents/{member.pk}/tarif-solidaire/", {"granted": "1"})
    assert response.status_code in (302, 403)
    assert not MemberProfile.objects.filter(user=member, solidarity_price=True).exists()
