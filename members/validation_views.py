"""Staff: the accounts created online that wait for validation, validated or refused from one list."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from members import services

can_validate = permission_required("members.change_memberprofile", raise_exception=True)


@never_cache
@can_validate
def accounts_to_validate(request):
    accounts = services.accounts_to_validate()
    return render(request, "members/admin/accounts_to_validate.html", {"accounts": accounts})


def _pending(pk):
    """Object check: only an account still waiting can be validated or refused from here."""
    return get_object_or_404(services.accounts_to_validate(), pk=pk)


@never_cache
@can_validate
@require_POST
def validate(request, pk):
    user = services.validate_account(_pending(pk), by=request.user)
    messages.success(
        request, _("Compte de %(name)s validé : un e-mail le lui dit.") % {"name": user.get_full_name() or user.email}
    )
    return redirect("members_staff:accounts_to_validate")


@never_cache
@can_validate
@require_POST
def refuse(request, pk):
    user = _pending(pk)
    name = user.get_full_name() or user.email
    services.refuse_account(user, by=request.user)
    messages.success(
        request, _("Demande de %(name)s refusée : un e-mail le lui dit, ses données sont effacées.") % {"name": name}
    )
    return redirect("members_staff:accounts_to_validate")
