"""Signed, expiring links (survey answers, membership renewal): a value signed for one purpose only."""

from django.core import signing


def make_token(purpose, value):
    """A URL-safe token carrying `value` (as text) and the time it was made, valid for `purpose` only."""
    return signing.TimestampSigner(salt=purpose).sign(str(value))


def read_token(purpose, token, *, max_age):
    """The value a token made for `purpose` carries, or None when it was altered, made for another purpose
    or is older than `max_age` (seconds or timedelta)."""
    try:
        return signing.TimestampSigner(salt=purpose).unsign(token, max_age=max_age)
    except signing.BadSignature:  # SignatureExpired is a BadSignature
        return None
