"""PostgreSQL: a trigger refuses UPDATE and DELETE on the access log, whoever issues them.

The application already refuses (model and queryset); this covers raw SQL, a shell, another client.
A database owner can still drop the trigger or TRUNCATE: that is outside the application, see docs/privacy.md.
SQLite has no such guard (single-machine default); the application-level refusal applies there.
"""

from django.db import migrations

CREATE_SQL = """
CREATE OR REPLACE FUNCTION care_accesslog_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'care_accesslogentry is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS care_accesslog_append_only ON care_accesslogentry;
CREATE TRIGGER care_accesslog_append_only
    BEFORE UPDATE OR DELETE ON care_accesslogentry
    FOR EACH ROW EXECUTE FUNCTION care_accesslog_append_only();
"""

DROP_SQL = """
DROP TRIGGER IF EXISTS care_accesslog_append_only ON care_accesslogentry;
DROP FUNCTION IF EXISTS care_accesslog_append_only();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_SQL, params=None)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_SQL, params=None)


class Migration(migrations.Migration):
    dependencies = [("care", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
