"""Wagtail site settings read the same way everywhere: the request's site, else the default site, else defaults."""

from wagtail.models import Site


def site_settings(model, request=None):
    """The `model` settings (a BaseSiteSetting) of the request's site when there is a request, else of the
    default site, else an unsaved instance holding the field defaults (a fresh database has no site)."""
    if request is not None:
        return model.for_request(request)
    site = Site.objects.filter(is_default_site=True).first()
    return model.for_site(site) if site else model()
