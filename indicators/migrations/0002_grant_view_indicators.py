"""Give Coordinators and Administrators the permission to read indicators and the annual report."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = ("Coordinator", "Administrator")


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("indicators")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(content_type__app_label="indicators", codename="view_indicators").first()
    if permission is None:
        return
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0001_initial"),
        ("members", "0001_roles"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
