"""Card refunds in the admin: a read-only list (failed ones first to the eye) and "Relancer" for a failed one.

Refunds are written only by members.services.refunds; the admin never adds, edits or deletes them.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from members.exceptions import MembersError
from members.models import Refund
from members.services.refunds import retry_refund


class RefundPermissionPolicy(ModelPermissionPolicy):
    """Staff who see payments see refunds; staff who record payments may send a failed refund again."""

    PERMISSIONS = {"view": "members.view_payment", "retry": "members.add_payment"}

    def user_has_permission(self, user, action):
        permission = self.PERMISSIONS.get(action)
        return bool(permission) and user.is_active and user.has_perm(permission)


register_permission_policy(Refund, RefundPermissionPolicy(Refund))


class RefundIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("payment__member")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.state == Refund.State.FAILED and self.permission_policy.user_has_permission(
            self.request.user, "retry"
        ):
            buttons.append(
                ListingButton(
                    _("Relancer"),
                    url=reverse("refunds:retry", args=[instance.pk]),
                    attrs={"aria-label": _("Relancer le remboursement de %(amount)s €") % {"amount": instance.amount}},
                )
            )
        return buttons


class RefundViewSet(ModelViewSet):
    model = Refund
    icon = "resubmit"
    menu_label = gettext_lazy("Remboursements")
    add_to_admin_menu = True
    menu_order = 223
    index_view_class = RefundIndexView
    list_display = ["created_at", "member", "amount", "state", "attempts", "error"]
    list_filter = ["state"]
    copy_view_enabled = False
    form_fields = []  # never edited in the admin: see RefundPermissionPolicy

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("<int:pk>/relancer/", retry, name="retry")]


@never_cache
def retry(request, pk):
    """Confirm (GET), then send the failed refund again (POST)."""
    if not RefundPermissionPolicy(Refund).user_has_permission(request.user, "retry"):
        raise PermissionDenied
    refund = get_object_or_404(Refund.objects.select_related("payment__member"), pk=pk)
    if request.method == "POST":
        try:
            retry_refund(refund, by=request.user)
            messages.success(request, _("Le remboursement est relancé."))
        except MembersError as error:
            messages.error(request, error.message)
        return redirect("refunds:index")
    return render(request, "members/admin/refund_retry.html", {"refund": refund})
