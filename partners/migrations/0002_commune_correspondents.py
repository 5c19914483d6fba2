"""The "Commune correspondent" group: they propose organisations to the staff."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from partners.roles import ensure_correspondent_role


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("partners")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    ensure_correspondent_role(apps)


class Migration(migrations.Migration):
    dependencies = [("partners", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
