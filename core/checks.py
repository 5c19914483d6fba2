"""Deployment checks (`manage.py check --deploy`) for what Django's own checks cannot know."""

from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def rate_limits_see_the_client_address(app_configs, **kwargs):
    """Behind a TLS proxy (SECURE_PROXY_SSL_HEADER) without a trusted proxy count or client IP header,
    every visitor shares the proxy's address: five wrong passwords from anyone lock everybody out."""
    if not getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        return []
    if getattr(settings, "ALLAUTH_TRUSTED_PROXY_COUNT", 0) or getattr(
        settings, "ALLAUTH_TRUSTED_CLIENT_IP_HEADER", None
    ):
        return []
    return [
        Warning(
            "Behind a proxy, login rate limits key on the proxy's address: one attacker locks every login out.",
            hint="Set ALLAUTH_TRUSTED_PROXY_COUNT=1 (one nginx or Caddy) or ALLAUTH_TRUSTED_CLIENT_IP_HEADER "
            "(see docs/deploy.md).",
            id="escale.W001",
        )
    ]
