"""Admin: the newsletter issues with their statistics, test send and sending."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from core.admin_menu import PermissionMenuItem
from newsletter import admin_views

admin_patterns = [
    path("", admin_views.issues, name="issues"),
    path("<int:pk>/test/", admin_views.send_test, name="send_test"),
    path("<int:pk>/envoyer/", admin_views.send, name="send"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("lettre/", include((admin_patterns, "newsletter_admin"), namespace="newsletter_admin"))]


@hooks.register("register_admin_menu_item")
def register_menu():
    return PermissionMenuItem(
        _("Envois de la lettre"),
        reverse("newsletter_admin:issues"),
        icon_name="mail",
        order=240,
        permission="wagtailcore.publish_page",
    )
