from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Adhérents et comptes")

    def ready(self):
        from django.db.models.signals import post_migrate

        from activities import people
        from core.roles import grant_new_permissions_to_administrators
        from members import receivers  # noqa: F401  (of activities.signals and allauth)
        from members.services import answers

        people.provide(**answers.FOR_ACTIVITIES)
        post_migrate.connect(grant_new_permissions_to_administrators, dispatch_uid="escale-admin-permissions")
