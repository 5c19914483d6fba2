"""Staff in the care roles and administrators must have TOTP set up before doing anything else."""

import re

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from members.roles import CARE_ROLES

ACCOUNT_PAGES = re.compile(r"^/[a-z]{2}(-[a-z]+)?/(comptes|accounts)/")
ALWAYS_ALLOWED_PREFIXES = ("/static/", "/media/", "/i18n/", "/healthz", "/jsi18n/")


def needs_mfa(user):
    """True for a user in a care role (or Administrator) without a TOTP authenticator."""
    from allauth.mfa.models import Authenticator

    if not user.is_authenticated:
        return False
    if not user.groups.filter(name__in=CARE_ROLES).exists():
        return False
    return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class RequireStaffMFAMiddleware:
    """Redirect such users to allauth's TOTP activation page; the account pages (MFA setup,
    logout, e-mail) stay reachable. Switched by the MEMBERS_REQUIRE_STAFF_MFA setting."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(settings, "MEMBERS_REQUIRE_STAFF_MFA", True) and self._must_redirect(request):
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

    def _must_redirect(self, request):
        path = request.path
        if path.startswith(ALWAYS_ALLOWED_PREFIXES):
            return False
        if ACCOUNT_PAGES.match(path):  # allauth: MFA setup, logout, e-mail, password
            return False
        return needs_mfa(request.user)
