"""The staff-acts journal now belongs to core (core 0002): forget the model here, keep the table."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0006_place_english_fields"),
        ("core", "0002_actionlog"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ActionLog")],
            database_operations=[],
        ),
    ]
