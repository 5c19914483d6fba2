"""Who must prove a second factor (TOTP) and whether they did in this session.

MFA follows what an account can reach, not the name of its group: a superuser, a care role
(care.services.care_roles counts every superuser as Administrator) or anyone holding a care or
administration permission directly or through any group.
"""

from django.contrib.auth.models import Permission
from django.db.models import Q

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
    sensitive = Q(content_type__app_label__in=MFA_APP_LABELS) | Q(
        content_type__app_label="members", codename__in=MFA_MEMBERS_CODENAMES
    )
    return Permission.objects.filter(Q(user=user) | Q(group__user=user)).filter(sensitive).exists()


def has_totp(user):
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def mfa_completed(request):
    """True when a second factor was proven in this session (allauth's record of authentications)."""
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)
