"""The commune correspondents' role: people in a town hall or an association who propose partners."""

from django.utils.translation import gettext_lazy as _

COMMUNE_CORRESPONDENT = "Commune correspondent"
COMMUNE_CORRESPONDENT_LABEL = _("Correspondant ou correspondante de commune")
PERMISSIONS = [("partners", "add_partnerorganisation")]


def ensure_correspondent_role(apps, schema_editor=None):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=COMMUNE_CORRESPONDENT)
    for app_label, codename in PERMISSIONS:
        perm = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if perm:
            group.permissions.add(perm)
