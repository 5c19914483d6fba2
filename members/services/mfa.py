"""Who must prove a second factor (TOTP) and whether they did in this session.

MFA follows what an account can reach, not the name of its group: a superuser, a care role
(care.services.care_roles counts every superuser as Administrator) or anyone holding a care or
administration permission directly or through any group.
"""

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator

from care.services import care_roles

# Permissions that open confidential data or hand out rights: care files, user accounts, groups and
# permissions, membership types and prices, site-wide member and payment settings.
MFA_APP_LABELS = ("care", "auth", "wagtailusers")
MFA_MEMBERS_CODENAMES = (
    "add_membershiptype",
    "change_membershiptype",
    "delete_membershiptype",
    "change_memberssettings",
)


def requires_mfa(user):
    """True when `user` reaches care data or administration, whatever their groups are called."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or care_roles(user):
        return True
    # Their own and their groups' permissions, from the cache (core/permission_cache.py): no query per request.
    sensitive = {f"members.{codename}" for codename in MFA_MEMBERS_CODENAMES}
    return any(perm.split(".", 1)[0] in MFA_APP_LABELS or perm in sensitive for perm in user.get_all_permissions())


def has_totp(user):
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def mfa_completed(request):
    """True when a second factor was proven in this session (allauth's record of authentications)."""
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)
