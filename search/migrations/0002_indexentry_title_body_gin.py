"""PostgreSQL only: a GIN index on `title || body` of Wagtail's search index table.

Wagtail's database backend filters with `(title || body) @@ query`; its own GIN indexes cover `title`
and `body` separately, which PostgreSQL cannot use for the concatenation, so every search read the whole
table. With this index a search reads only the matching entries (tests/search, docs/deploy.md).
"""

from django.db import migrations

CREATE = """
CREATE INDEX IF NOT EXISTS search_indexentry_title_body_gin
    ON wagtailsearch_indexentry USING gin ((title || body));
ANALYZE wagtailsearch_indexentry;
"""
DROP = "DROP INDEX IF EXISTS search_indexentry_title_body_gin;"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_french_unaccent"), ("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create_index, drop_index)]
