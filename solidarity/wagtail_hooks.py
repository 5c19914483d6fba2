"""Mutual help in the Wagtail admin: one "Entraide" menu for the team, "Mes appels" for callers."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from solidarity import call_views, staff_views
from solidarity.services.roles import can_see_reports, is_team

staff_patterns = [
    path("benevoles/", staff_views.volunteer_list, name="volunteers"),
    path("benevoles/<int:pk>/", staff_views.volunteer_detail, name="volunteer"),
    path("demandes/", staff_views.request_list, name="requests"),
    path("demandes/nouvelle/", staff_views.post_for, name="post_for"),
    path("demandes/<int:pk>/", staff_views.request_detail, name="request"),
    path("signalements/", staff_views.report_list, name="reports"),
    path("veille/", call_views.campaign_list, name="campaigns"),
    path("veille/<int:pk>/", call_views.campaign_detail, name="campaign"),
    path("veille/situation/", call_views.isolation, name="isolation"),
    path("veille/mes-appels/", call_views.my_calls, name="my_calls"),
    path("veille/mes-appels/fiches.pdf", call_views.call_sheets, name="call_sheets"),
    path("veille/appels/<int:pk>/", call_views.record_call, name="record_call"),
]


@hooks.register("register_admin_urls")
def register_staff_urls():
    return [path("entraide/", include((staff_patterns, "solidarity_staff"), namespace="solidarity_staff"))]


class TeamMenuItem(MenuItem):
    def is_shown(self, request):
        return is_team(request.user)


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_reports(request.user)


@hooks.register("register_admin_menu_item")
def register_solidarity_menu():
    menu = Menu(
        items=[
            TeamMenuItem(_("Bénévoles"), reverse("solidarity_staff:volunteers"), icon_name="group", order=1),
            TeamMenuItem(_("Demandes"), reverse("solidarity_staff:requests"), icon_name="list-ul", order=2),
            TeamMenuItem(
                _("Demande pour une personne"), reverse("solidarity_staff:post_for"), icon_name="plus", order=3
            ),
            ReportsMenuItem(_("Signalements"), reverse("solidarity_staff:reports"), icon_name="warning", order=4),
            TeamMenuItem(_("Veille téléphonique"), reverse("solidarity_staff:campaigns"), icon_name="mail", order=5),
            MenuItem(_("Mes appels"), reverse("solidarity_staff:my_calls"), icon_name="tick", order=6),
        ]
    )
    return SubmenuMenuItem(_("Entraide"), menu, icon_name="group", order=208)
