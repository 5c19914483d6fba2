"""Give the staff groups their activities permissions (Editors: content; Coordinators: bookings)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMS = [
    "add_theme", "change_theme", "view_theme",
    "add_audience", "change_audience", "view_audience",
    "add_place", "change_place", "view_place",
    "add_session", "change_session", "view_session",
]
COORDINATOR_PERMS = [
    "view_theme", "view_audience", "view_place", "add_place", "change_place",
    "add_session", "change_session", "view_session", "cancel_session",
    "add_booking", "change_booking", "view_booking",
    "view_cyclebooking", "view_calllistentry", "change_calllistentry",
]


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("activities")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ours = Permission.objects.filter(content_type__app_label="activities")
    for name, codenames in (("Editor", EDITOR_PERMS), ("Coordinator", COORDINATOR_PERMS)):
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.add(*ours.filter(codename__in=codenames))
    administrator = Group.objects.filter(name="Administrator").first()
    if administrator:
        administrator.permissions.add(*ours)


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0001_initial"),
        ("members", "0001_roles"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
