"""Encrypted model fields for care data, keyed by FIELD_ENCRYPTION_KEY rather than SECRET_KEY."""

import base64

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import cached_property

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from encrypted_fields.fields import EncryptedCharField, EncryptedTextField


def _as_list(value):
    if not value:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def derive_keys():
    """Fernet keys derived from FIELD_ENCRYPTION_KEY × SALT_KEY (PBKDF2-SHA256, as django-fernet-encrypted-fields).

    The first passphrase and first salt give the key that encrypts; every other combination still decrypts,
    which is how keys are rotated (see docs/privacy.md). A dedicated key — not SECRET_KEY, which the library
    uses by default — lets the Django secret be rotated without making care data unreadable.
    """
    passphrases = _as_list(getattr(settings, "FIELD_ENCRYPTION_KEY", None))
    salts = _as_list(getattr(settings, "SALT_KEY", None))
    if not passphrases or not salts:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEY and SALT_KEY must be set to store care data.")
    keys = []
    for passphrase in passphrases:
        for salt in salts:
            kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt.encode(), iterations=100_000)
            keys.append(base64.urlsafe_b64encode(kdf.derive(passphrase.encode())))
    return keys


class DedicatedKeyMixin:
    @cached_property
    def keys(self):
        return derive_keys()

    def get_prep_value(self, value):
        # The library turns "" into NULL, which a NOT NULL blank field refuses: keep the empty string as is.
        if value == "":
            return ""
        return super().get_prep_value(value)


class CareEncryptedTextField(DedicatedKeyMixin, EncryptedTextField):
    """Text encrypted at rest with Fernet (AES-128-CBC + HMAC-SHA256); never searchable nor sortable in SQL."""


class CareEncryptedCharField(DedicatedKeyMixin, EncryptedCharField):
    """Short text encrypted at rest; max_length applies to the clear text, the column is a TEXT."""
