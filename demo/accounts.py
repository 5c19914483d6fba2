"""Demo accounts: one per staff role and two members, sharing one password (env DEMO_PASSWORD)."""

import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.translation import gettext

from allauth.account.models import EmailAddress

from core.roles import ADMINISTRATOR, COORDINATOR, EDITOR, PSYCHOLOGIST, ROLE_LABELS, SOCIAL_WORKER

DEFAULT_DEMO_PASSWORD = "escale-demo-2026"  # noqa: S105 - a published demo password, not a secret

# (e-mail, first name, last name, role group or None for a member)
ACCOUNTS = [
    ("redaction@escale.example", "Inès", "Martin", EDITOR),
    ("coordination@escale.example", "Claire", "Dubois", COORDINATOR),
    ("social@escale.example", "Sophie", "Lambert", SOCIAL_WORKER),
    ("psy@escale.example", "Nadia", "Benali", PSYCHOLOGIST),
    ("admin@escale.example", "Marc", "Lefèvre", ADMINISTRATOR),
    ("membre@escale.example", "Josette", "Garnier", None),
    ("aidant@escale.example", "Paul", "Girard", None),
]


def demo_password():
    return os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD


def verify_email(user, email=None):
    """Give `user` a primary, verified allauth address (so login needs no confirmation e-mail)."""
    email = (email or user.email).lower()
    address = EmailAddress.objects.filter(user=user, email__iexact=email).first()
    if address is None:
        EmailAddress.objects.filter(user=user, primary=True).update(primary=False)
        return EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
    if not (address.primary and address.verified):
        EmailAddress.objects.filter(user=user, primary=True).exclude(pk=address.pk).update(primary=False)
        address.primary = address.verified = True
        address.save(update_fields=["primary", "verified"])
    return address


def ensure_account(email, *, first_name, last_name, role=None, password=None):
    """Create or update one demo account (looked up by e-mail); the role is its only group."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first() or User(email=email)
    user.username = email.split("@")[0]
    user.first_name, user.last_name = first_name, last_name
    user.is_active = True
    user.is_staff = user.is_superuser = role == ADMINISTRATOR
    # A new account needs no check (Django hashes even a failed check: a second slow hash for nothing).
    if password is not None and (user.pk is None or not user.check_password(password)):
        user.set_password(password)
    user.save()
    user.groups.set(Group.objects.filter(name=role) if role else [])
    verify_email(user, email)
    return user


def ensure_accounts():
    """Create or update every demo account; return rows (e-mail, role label, password) for the summary."""
    password = demo_password()
    rows = []
    for email, first_name, last_name, role in ACCOUNTS:
        ensure_account(email, first_name=first_name, last_name=last_name, role=role, password=password)
        rows.append((email, str(ROLE_LABELS[role]) if role else gettext("Adhérent ou adhérente"), password))
    return rows
