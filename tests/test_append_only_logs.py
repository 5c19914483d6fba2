"""Both journals (staff acts, care accesses) are append-only in Python and, on PostgreSQL, in the database:
the application's role may read and add entries, never change, delete, truncate or disable the guard."""

import contextlib
import datetime
from functools import partial

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

import psycopg
import pytest

from core.audit import log_action
from core.db_roles import grant_statements
from core.models import ActionLog, ActionLogImmutable
from tests.db_roles import ensure_role
from tests.factories import make_user

pytestmark = pytest.mark.django_db

LOG_TABLES = ("activities_actionlog", "care_accesslogentry")


def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: SQLite has no roles nor triggers (the Python refusals apply there)")


@pytest.fixture
def entry():
    member = make_user()
    return log_action(member, "escale.member.profile_changed", actor=member)


def test_the_staff_acts_journal_refuses_changes_and_deletions_in_python(entry):
    entry.code = "escale.member.erased"
    with pytest.raises(ActionLogImmutable):
        entry.save()
    with pytest.raises(ActionLogImmutable):
        entry.delete()
    with pytest.raises(ActionLogImmutable):
        ActionLog.objects.filter(pk=entry.pk).update(code="rewritten")
    with pytest.raises(ActionLogImmutable):
        ActionLog.objects.all().delete()
    assert ActionLog.objects.get(pk=entry.pk).code == "escale.member.profile_changed"


@pytest.mark.postgres
def test_a_trigger_refuses_raw_update_delete_and_back_dated_rows_on_the_staff_acts_journal(entry):
    _postgres_only()
    old = timezone.now() - datetime.timedelta(days=400)
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO activities_actionlog (object_id, code, data, created_at) VALUES ('', 'x', '{}', %s)"
            " RETURNING created_at",
            [old],
        )
        logged_at = cursor.fetchone()[0]
        cursor.execute(
            "INSERT INTO care_accesslogentry (object_type, action, detail, at) VALUES ('casefile', 'read', '', %s)"
            " RETURNING at",
            [old],
        )
        read_at = cursor.fetchone()[0]
    # A back-dated row is written with the database's own time.
    assert abs(logged_at - timezone.now()) < datetime.timedelta(minutes=5)
    assert abs(read_at - timezone.now()) < datetime.timedelta(minutes=5)
    statements = [
        ("UPDATE activities_actionlog SET code = 'rewritten'", []),
        ("DELETE FROM activities_actionlog", []),
    ]
    for sql, params in statements:
        with (
            pytest.raises(DatabaseError, match="append-only|permission denied"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, params)
    assert ActionLog.objects.filter(pk=entry.pk).exists()


@contextlib.contextmanager
def _as_app_role():
    """A cursor connected as the application's role: the suite's own connection when it already runs as
    that role (CI, ESCALE_DB_APP_ROLE), else a separate connection as the role, created and granted here."""
    role = settings.ESCALE_DB_APP_ROLE or "escale_app"
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user, rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
        current_user, can_create_roles = cursor.fetchone()
    if current_user == role:
        yield connection.cursor, lambda: transaction.atomic()
        return
    if not can_create_roles:
        pytest.skip(f"connected as {current_user}, who cannot create the role {role}")
    ensure_role(connection, role)
    db = connection.settings_dict
    connect = partial(psycopg.connect, dbname=db["NAME"], host=db["HOST"], port=db["PORT"] or None, autocommit=True)
    with connect(user=db["USER"], password=db["PASSWORD"] or None) as owner:  # grants must be committed
        for statement in grant_statements(role):
            owner.execute(statement)
    try:
        other = connect(user=role)
    except psycopg.OperationalError as error:
        pytest.skip(f"cannot log in as {role}: {error}")
    with other:
        other.execute("SET lock_timeout = '2s'")
        yield other.cursor, contextlib.nullcontext
    other.close()


@pytest.mark.postgres
def test_as_the_application_role_truncate_and_disabling_the_trigger_are_refused_on_both_logs():
    _postgres_only()
    with _as_app_role() as (cursor_factory, guard):
        with cursor_factory() as cursor:
            cursor.execute("SELECT current_user")
            role = cursor.fetchone()[0]
            cursor.execute("SELECT count(*) FROM activities_actionlog")  # reading is allowed
        for table in LOG_TABLES:  # constants, not input
            for sql in (
                f"TRUNCATE {table}",
                f"ALTER TABLE {table} DISABLE TRIGGER ALL",
                f"ALTER TABLE {table} DISABLE TRIGGER USER",
                f"UPDATE {table} SET id = id",  # noqa: S608 (table names are constants)
                f"DELETE FROM {table}",  # noqa: S608
                f"DROP TABLE {table}",
            ):
                with (
                    pytest.raises((psycopg.Error, DatabaseError), match="permission denied|must be owner"),
                    guard(),
                    cursor_factory() as cursor,
                ):
                    cursor.execute(sql)
    assert role == (settings.ESCALE_DB_APP_ROLE or "escale_app")


@pytest.mark.postgres
def test_the_application_role_still_writes_both_journals(entry):
    _postgres_only()
    from care import services as care_services

    care_services.log_access(entry.actor, "list", "casefile")
    assert ActionLog.objects.filter(pk=entry.pk).exists()
