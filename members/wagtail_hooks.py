"""Admin registration: membership types (administrators), members, payments and desk tools."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.admin.menu import LinkMenuItemComponent
from wagtail.admin.viewsets.model import ModelViewSet

from activities.exceptions import TryAgain
from core.admin_menu import PermissionMenuItem
from members import services
from members.models import MembershipType
from members.refund_views import RefundViewSet
from members.viewsets import MembersStaffViewSet


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
        "carry_over_day",
        "carry_over_month",
        "is_free",
        "is_solidarity",
        "active",
        "sort_order",
    ]


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [
        MembershipTypeViewSet("types-adhesion"),
        RefundViewSet("refunds", url_prefix="remboursements"),
        MembersStaffViewSet(),
    ]


@hooks.register("register_admin_menu_item")
def register_members_menu():
    return PermissionMenuItem(
        _("Adhérents"),
        reverse("members_staff:member_list"),
        icon_name="group",
        order=220,
        permission="members.view_memberprofile",
    )


class AccountsToValidateMenuItem(PermissionMenuItem):
    """ "3 comptes à valider": shown to staff who validate, only while accounts are waiting."""

    def is_shown(self, request):
        from members.services import accounts_to_validate

        return super().is_shown(request) and accounts_to_validate().exists()

    def render_component(self, request):
        from members.services import accounts_to_validate

        count = accounts_to_validate().count()
        label = ngettext("%(count)d compte à valider", "%(count)d comptes à valider", count) % {"count": count}
        return LinkMenuItemComponent(self.name, label, self.url, icon_name=self.icon_name)


@hooks.register("register_admin_menu_item")
def register_accounts_to_validate_menu():
    return AccountsToValidateMenuItem(
        _("Comptes à valider"),
        reverse("members_staff:accounts_to_validate"),
        name="comptes-a-valider",
        icon_name="warning",
        order=219,
        permission="members.change_memberprofile",
    )


@hooks.register("before_delete_user")
def erase_instead_of_deleting(request, user):
    """Deleting an account from the admin erases it through the same service as "supprimer mon compte"
    (members.services.erase_account): bookings, payments and journals point at the account, so the
    row is never deleted. Wagtail has checked the permission before this hook runs."""
    if request.method != "POST":
        return None
    try:
        services.erase_account(user, by=request.user)
    except TryAgain as error:
        messages.error(request, str(error))
        return redirect("wagtailusers_users:delete", user.pk)
    messages.success(request, _("Compte supprimé : ses données personnelles sont effacées."))
    return redirect("wagtailusers_users:index")
