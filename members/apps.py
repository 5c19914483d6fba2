from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Adhérents et comptes")

    def ready(self):
        from django.db.models.signals import post_migrate

        from members import signals  # noqa: F401
        from members.roles import grant_new_permissions_to_administrators

        post_migrate.connect(grant_new_permissions_to_administrators, dispatch_uid="escale-admin-permissions")
