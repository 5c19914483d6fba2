"""Admin registration: membership types (administrators), members, payments and desk tools."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from home.admin_menu import PermissionMenuItem
from members import staff_views
from members.models import MembershipType


class MembershipTypeViewSet(ModelViewSet):
    model = MembershipType
    icon = "tag"
    menu_label = _("Types d'adhésion")
    add_to_admin_menu = True
    menu_order = 221
    list_display = ["name", "price", "kind", "is_free", "is_solidarity", "active"]
    form_fields = [
        "name",
        "name_en",
        "description",
        "description_en",
        "price",
        "kind",
        "is_free",
        "is_solidarity",
        "active",
        "sort_order",
    ]


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [MembershipTypeViewSet("types-adhesion")]


staff_patterns = [
    path("", staff_views.member_list, name="member_list"),
    path("nouveau/", staff_views.desk_member, name="desk_member"),
    path("paiements/", staff_views.payment_list, name="payment_list"),
    path("<int:pk>/", staff_views.member_detail, name="member_detail"),
    path("<int:pk>/paiement/", staff_views.onsite_payment, name="onsite_payment"),
    path("<int:pk>/adhesion/", staff_views.new_membership, name="new_membership"),
    path("<int:pk>/mandat/", staff_views.new_mandate, name="new_mandate"),
    path("<int:pk>/activation/", staff_views.activation_link, name="activation_link"),
    path("<int:pk>/valider/", staff_views.validate_member, name="validate_member"),
    path("<int:pk>/tarif-solidaire/", staff_views.toggle_solidarity, name="toggle_solidarity"),
]


@hooks.register("register_admin_urls")
def register_staff_urls():
    return [path("adherents/", include((staff_patterns, "members_staff"), namespace="members_staff"))]


@hooks.register("register_admin_menu_item")
def register_members_menu():
    return PermissionMenuItem(
        _("Adhérents"),
        reverse("members_staff:member_list"),
        icon_name="group",
        order=220,
        permission="members.view_memberprofile",
    )
