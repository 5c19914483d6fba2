"""Admin registration: the periodic jobs page (Paramètres → Tâches planifiées), for administrators."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from core import admin_views
from core.admin_menu import PermissionMenuItem


@hooks.register("register_admin_urls")
def register_core_urls():
    return [path("taches-planifiees/", admin_views.scheduled_jobs, name="core_scheduled_jobs")]


@hooks.register("register_settings_menu_item")
def register_scheduled_jobs_menu():
    return PermissionMenuItem(
        _("Tâches planifiées"),
        reverse("core_scheduled_jobs"),
        icon_name="time",
        order=900,
        permission=admin_views.PERMISSION,
    )


@hooks.register("insert_global_admin_css")
def admin_contrast_fixes():
    return format_html('<link rel="stylesheet" href="{}">', static("core/admin.css"))
