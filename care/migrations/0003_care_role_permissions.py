"""Give the care roles the care model permissions (members.0001_roles ran before care's models existed)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CARE_ROLES = ("Social worker", "Psychologist", "Administrator")
# No role gets change/delete on the access log: the model does not even define those permissions.
WORKER_CODENAMES = [
    f"{verb}_{model}"
    for model in ("casefile", "intervention", "orientation", "nextstep", "note")
    for verb in ("add", "change", "view")
]
ADMIN_CODENAMES = [*WORKER_CODENAMES, "delete_nextstep", "view_accesslogentry"]


def forwards(apps, schema_editor):
    care_config = apps.get_app_config("care")
    care_config.models_module = True
    create_permissions(care_config, apps=apps, verbosity=0)
    care_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role in CARE_ROLES:
        group, _created = Group.objects.get_or_create(name=role)
        codenames = ADMIN_CODENAMES if role == "Administrator" else WORKER_CODENAMES
        care_perms = Permission.objects.filter(content_type__app_label="care")
        # members.0001 gives Administrators every permission existing at that time: keep exactly ours for care.
        group.permissions.remove(*care_perms.exclude(codename__in=codenames))
        group.permissions.add(*care_perms.filter(codename__in=codenames))


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=CARE_ROLES):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="care"))


class Migration(migrations.Migration):
    dependencies = [
        ("care", "0002_accesslog_append_only_trigger"),
        ("members", "0001_roles"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
