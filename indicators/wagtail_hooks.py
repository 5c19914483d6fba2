"""Admin registration: the indicators page (/admin/indicateurs/), its menu item and a panel on the admin home."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.components import Component

from core.admin_menu import PermissionMenuItem
from indicators import admin_views, services
from indicators.admin_views import PERMISSION

admin_patterns = [
    path("", admin_views.dashboard, name="dashboard"),
    path("bilan/<int:year>.pdf", admin_views.annual_report_pdf, name="annual_report_pdf"),
    path("bilan/<int:year>.xlsx", admin_views.annual_report_xlsx, name="annual_report_xlsx"),
]


@hooks.register("register_admin_urls")
def register_indicators_urls():
    return [path("indicateurs/", include((admin_patterns, "indicators_admin"), namespace="indicators_admin"))]


@hooks.register("register_admin_menu_item")
def register_indicators_menu():
    return PermissionMenuItem(
        _("Indicateurs"),
        reverse("indicators_admin:dashboard"),
        icon_name="table",
        order=260,
        permission=PERMISSION,
    )


class IndicatorsPanel(Component):
    """This month's key figures, compared with the month before, for Coordinators and Administrators."""

    name = "indicators"
    order = 90
    template_name = "indicators/home_panel.html"

    def get_context_data(self, parent_context):
        period = services.this_month()
        comparison = {"current": services.key_figures(period), "previous": services.key_figures(period.previous())}
        keys = ("members.active_memberships", "attendance.fill_rate", "participants.people", "revenue.total")
        rows = [row for row in services.headline(comparison) if row["key"] in keys]
        return {"rows": rows, "period": period, "url": reverse("indicators_admin:dashboard")}


@hooks.register("construct_homepage_panels")
def add_indicators_panel(request, panels):
    if request.user.has_perm(PERMISSION):
        panels.append(IndicatorsPanel())
