"""Audit: every read and write of a case file or note leaves an entry; the log cannot be changed nor deleted."""

from django.db import connection, transaction
from django.db.utils import DatabaseError
from django.urls import reverse

import pytest

from care import services
from care.models import AccessLogEntry, AccessLogImmutable


def _entries(**filters):
    return list(AccessLogEntry.objects.filter(**filters).values_list("action", "object_type", "object_id"))


@pytest.mark.django_db
def test_each_read_through_the_services_writes_an_access_log_entry(social_worker, case, notes):
    before = AccessLogEntry.objects.count()
    services.get_case(social_worker, case.pk)
    assert _entries(actor=social_worker, action="read", object_type="casefile") == [("read", "casefile", case.pk)]

    visible = services.visible_notes(social_worker, case)
    logged_notes = set(
        AccessLogEntry.objects.filter(actor=social_worker, object_type="note").values_list("object_id", flat=True)
    )
    assert logged_notes == {note.pk for note in visible}

    services.get_note(social_worker, notes["team"].pk)
    services.cases_for(social_worker)
    services.timeline(social_worker, case)
    services.my_next_steps(social_worker)
    assert AccessLogEntry.objects.count() > before + 4
    assert AccessLogEntry.objects.filter(actor=social_worker, action="list", object_type="casefile").exists()
    assert AccessLogEntry.objects.filter(actor=social_worker, action="read", object_type="timeline", case=case).exists()


@pytest.mark.django_db
def test_opening_a_case_page_logs_the_case_and_each_visible_note_but_not_hidden_ones(client, psychologist, case, notes):
    client.force_login(psychologist)
    AccessLogEntry.objects.all()  # nothing to clear: the log is append-only, count from here
    start = AccessLogEntry.objects.order_by("-pk").first().pk
    assert client.get(reverse("care:detail", args=[case.pk])).status_code == 200
    new = AccessLogEntry.objects.filter(pk__gt=start, actor=psychologist)
    assert new.filter(object_type="casefile", action="read", object_id=case.pk).count() == 1
    assert set(new.filter(object_type="note").values_list("object_id", flat=True)) == {
        notes["team"].pk,
        notes["psychologist"].pk,
    }


@pytest.mark.django_db
def test_a_refused_note_read_is_logged_as_refused(social_worker, notes):
    with pytest.raises(Exception):  # noqa: B017 - Http404, deliberately vague to the caller
        services.get_note(social_worker, notes["psychologist"].pk)
    assert AccessLogEntry.objects.filter(
        actor=social_worker, object_id=notes["psychologist"].pk, object_type="note", action="refused"
    ).exists()
    assert not AccessLogEntry.objects.filter(
        actor=social_worker, object_id=notes["psychologist"].pk, object_type="note", action="read"
    ).exists()


@pytest.mark.django_db
def test_each_write_logs_an_entry_without_content(social_worker, case):
    note = services.add_note(social_worker, case, visibility="social", body="secretissime")
    services.add_intervention(social_worker, case, kind="phone_call", summary="secretissime")
    services.change_status(social_worker, case, "accompanied")
    writes = AccessLogEntry.objects.filter(case=case, action__in=["create", "update"])
    assert {(e.action, e.object_type) for e in writes} >= {
        ("create", "casefile"),
        ("create", "note"),
        ("create", "intervention"),
        ("update", "casefile"),
    }
    assert writes.get(object_type="note").object_id == note.pk
    assert not any("secretissime" in f"{e.detail}{e}" for e in AccessLogEntry.objects.all())


@pytest.mark.django_db
def test_access_log_entry_cannot_be_updated_or_deleted_through_the_model(social_worker, case):
    entry = AccessLogEntry.objects.filter(case=case).first()
    entry.action = "export"
    with pytest.raises(AccessLogImmutable):
        entry.save()
    with pytest.raises(AccessLogImmutable):
        entry.delete()
    entry.refresh_from_db()
    assert entry.action == "create"


@pytest.mark.django_db
def test_access_log_cannot_be_updated_or_deleted_through_a_queryset(case):
    count = AccessLogEntry.objects.count()
    with pytest.raises(AccessLogImmutable):
        AccessLogEntry.objects.all().delete()
    with pytest.raises(AccessLogImmutable):
        AccessLogEntry.objects.filter(case=case).update(action="export")
    with pytest.raises(AccessLogImmutable):
        AccessLogEntry.objects.bulk_update(list(AccessLogEntry.objects.all()), ["action"])
    assert AccessLogEntry.objects.count() == count
    assert not AccessLogEntry.objects.filter(action="export").exists()


@pytest.mark.django_db
def test_nobody_gets_a_change_or_delete_permission_on_the_access_log(administrator):
    from django.contrib.auth.models import Permission

    codenames = set(
        Permission.objects.filter(content_type__app_label="care", codename__endswith="accesslogentry").values_list(
            "codename", flat=True
        )
    )
    assert codenames == {"view_accesslogentry"}
    assert administrator.has_perm("care.view_accesslogentry")


@pytest.mark.django_db
def test_a_case_with_access_log_entries_cannot_be_deleted(case):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        case.delete()


@pytest.mark.postgres
@pytest.mark.django_db
def test_postgres_trigger_refuses_raw_sql_update_and_delete_on_the_access_log(case):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: the append-only trigger does not exist on SQLite")
    for sql in ("UPDATE care_accesslogentry SET action = 'export'", "DELETE FROM care_accesslogentry"):
        # "permission denied" first when the suite runs as the application role (ESCALE_DB_APP_ROLE)
        with (
            pytest.raises(DatabaseError, match="append-only|permission denied"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql)
    assert AccessLogEntry.objects.filter(case=case).exists()


@pytest.mark.django_db
def test_who_accessed_my_file_lists_the_readers_for_an_administrator_only(
    social_worker, psychologist, administrator, case
):
    services.get_case(psychologist, case.pk)
    readers = {entry.actor for entry in services.access_log_for_case(case, viewer=administrator)}
    assert {social_worker, psychologist} <= readers
    with pytest.raises(services.PermissionDenied):
        services.access_log_for_case(case, viewer=social_worker)
