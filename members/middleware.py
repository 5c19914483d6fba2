"""Accounts that reach care data or administration must complete TOTP before doing anything else."""

import re

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode

from members.services.mfa import has_totp, mfa_completed, requires_mfa

ACCOUNT_PAGES = re.compile(r"^/[a-z]{2}(-[a-z]+)?/(comptes|accounts)/")
ALWAYS_ALLOWED_PREFIXES = ("/static/", "/media/", "/i18n/", "/healthz", "/jsi18n/")


def needs_mfa(user):
    """True for an account that must have TOTP (members.services.mfa.requires_mfa) and has none."""
    return requires_mfa(user) and not has_totp(user)


class RequireStaffMFAMiddleware:
    """Send such accounts to allauth's TOTP activation page when they have no TOTP, or to its TOTP
    check when they have one but did not use it in this session (a login that skipped the MFA stage).
    The account pages (MFA setup and check, logout, e-mail) stay reachable.
    Switched by the MEMBERS_REQUIRE_STAFF_MFA setting."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(settings, "MEMBERS_REQUIRE_STAFF_MFA", True):
            target = self._redirect_target(request)
            if target:
                return redirect(target)
        return self.get_response(request)

    def _redirect_target(self, request):
        path = request.path
        if path.startswith(ALWAYS_ALLOWED_PREFIXES) or ACCOUNT_PAGES.match(path):
            return None
        user = request.user
        if not requires_mfa(user):
            return None
        if not has_totp(user):
            return reverse("mfa_activate_totp")
        if mfa_completed(request):
            return None
        next_url = request.get_full_path() if request.method == "GET" else path
        return f"{reverse('mfa_reauthenticate')}?{urlencode({'next': next_url})}"


class StaffOnlyAdminMiddleware:
    """A logged-in person without admin access (a member) opening an /admin/ URL gets a plain 403
    page pointing to Mon espace. Without it Wagtail sends them to the login page, which sends a
    logged-in person back to /admin/: an endless redirect."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            request.path.startswith("/admin/")
            and not request.path.startswith("/admin/login/")
            and user.is_authenticated
            and not user.has_perm("wagtailadmin.access_admin")
        ):
            response = render(request, "403.html", {"staff_area": True}, status=403)
            add_never_cache_headers(response)
            return response
        return self.get_response(request)
