"""The call list: staff record what came of each call through activities.services.handle_call, journaled."""

from django.contrib.auth.models import Group

import pytest

from activities.models import CallListEntry
from activities.services import handle_call
from core.models import ActionLog
from core.roles import COORDINATOR
from tests.activities.factories import make_user

pytestmark = pytest.mark.django_db


def staff(role):
    user = make_user()
    user.groups.add(Group.objects.get(name=role))
    return user


def entry_for(member):
    return CallListEntry.objects.create(member=member, phone="05 56 11 22 33", reason="offer", message="Une place")


def test_handling_a_call_records_who_when_and_an_audit_entry():
    coordinator = staff(COORDINATOR)
    entry = entry_for(make_user())
    handled = handle_call(entry, by=coordinator, outcome=CallListEntry.Status.NOT_REACHED)
    assert handled.status == "not_reached" and handled.handled_by == coordinator and handled.handled_at
    log = ActionLog.objects.get(code="escale.call.handled", object_id=str(entry.pk))
    assert log.actor == coordinator and log.on_behalf_of == entry.member
    assert log.data == {"outcome": "not_reached", "previous": "to_call", "reason": "offer"}


def test_an_unknown_outcome_is_refused_by_the_service_and_the_view(client):
    coordinator = staff(COORDINATOR)
    entry = entry_for(make_user())
    with pytest.raises(ValueError):
        handle_call(entry, by=coordinator, outcome="appelé")
    client.force_login(coordinator)
    assert client.post("/admin/activites/appels/", {"entry": entry.pk, "status": "fait"}).status_code == 400
    entry.refresh_from_db()
    assert entry.status == "to_call" and not ActionLog.objects.filter(code="escale.call.handled").exists()


def test_the_call_list_button_marks_a_call_done_and_journals_it(client):
    coordinator = staff(COORDINATOR)
    entry = entry_for(make_user())
    client.force_login(coordinator)
    assert "Une place" in client.get("/admin/activites/appels/").content.decode()
    response = client.post("/admin/activites/appels/", {"entry": entry.pk, "status": "done"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == "done" and entry.handled_by == coordinator
    assert ActionLog.objects.get(code="escale.call.handled").data["outcome"] == "done"
    assert "Une place" not in client.get("/admin/activites/appels/").content.decode()
    assert "Une place" in client.get("/admin/activites/appels/", {"tout": "1"}).content.decode()


def test_a_member_cannot_handle_calls(client):
    entry = entry_for(make_user())
    client.force_login(make_user())
    client.post("/admin/activites/appels/", {"entry": entry.pk, "status": "done"})
    entry.refresh_from_db()
    assert entry.status == "to_call"
