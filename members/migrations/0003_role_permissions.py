"""Give the staff groups their members permissions (members.roles.ROLE_PERMISSIONS; Administrators: all)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from core.roles import ADMINISTRATOR, COORDINATOR, ROLE_PERMISSIONS, SOCIAL_WORKER


def forwards(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now (as 0001 does).
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ours = Permission.objects.filter(content_type__app_label="members")
    for role in (COORDINATOR, SOCIAL_WORKER):
        group = Group.objects.filter(name=role).first()
        codenames = [codename for app, codename in ROLE_PERMISSIONS[role] if app == "members"]
        if group:
            group.permissions.add(*ours.filter(codename__in=codenames))
    administrator = Group.objects.filter(name=ADMINISTRATOR).first()
    if administrator:
        # Every permission, as members.0001 intends, including apps migrated after it; care keeps its own
        # rules (care/migrations/0003 withholds deleting case records).
        administrator.permissions.add(*Permission.objects.exclude(content_type__app_label="care"))


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0002_profiles_memberships_payments"),
        ("auth", "0012_alter_user_first_name_max_length"),
        # So that Administrators also get these apps' permissions (created above).
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("sessions", "0001_initial"),
        ("mfa", "0003_authenticator_type_uniq"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailembeds", "0009_embed_cache_until"),
        ("wagtailforms", "0005_alter_formsubmission_form_data"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("wagtailusers", "0015_userprofile_keyboard_shortcuts"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
