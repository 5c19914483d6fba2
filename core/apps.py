from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Escale (commun)"

    def ready(self):
        from core.db_roles import grant_after_migrate

        post_migrate.connect(grant_after_migrate, sender=self, dispatch_uid="escale_grant_app_role")
        from core import checks, permission_cache  # noqa: F401 - checks registers the deployment checks

        permission_cache.connect()
