"""PostgreSQL role split: the application's role may read and write data, never own the tables.

Migrations run as the owner of the tables (docs/deploy.md). After each `migrate`, when
ESCALE_DB_APP_ROLE names the application's role, that role is granted SELECT/INSERT/UPDATE/DELETE
on every table and the sequences, but only SELECT/INSERT on the two append-only logs; not being the
owner, it can neither TRUNCATE them nor ALTER TABLE ... DISABLE TRIGGER.
"""

from django.conf import settings

APPEND_ONLY_TABLES = ("activities_actionlog", "care_accesslogentry")


def _quote(name):
    return '"' + name.replace('"', '""') + '"'


def grant_statements(role, schema="public"):
    """The GRANT/REVOKE statements giving `role` the application's rights in `schema`."""
    name, schema = _quote(role), _quote(schema)
    statements = [
        f"GRANT USAGE ON SCHEMA {schema} TO {name}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {name}",
        f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {schema} TO {name}",
    ]
    statements += [
        f"REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES ON {table} FROM {name}" for table in APPEND_ONLY_TABLES
    ]
    return statements


def grant_app_role(connection, role):
    """Grant `role` what the application needs; returns False when there is nothing to do (not
    PostgreSQL, no role, or connected as that role, which cannot grant)."""
    if connection.vendor != "postgresql" or not role:
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user, current_schema()")
        current_user, schema = cursor.fetchone()
        if current_user == role:
            return False
        for statement in grant_statements(role, schema):
            cursor.execute(statement)
    return True


def grant_after_migrate(sender, using, **kwargs):
    """post_migrate receiver (core.apps): re-grant after every migration, new tables included."""
    from django.db import connections

    grant_app_role(connections[using], getattr(settings, "ESCALE_DB_APP_ROLE", ""))
