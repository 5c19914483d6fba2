"""allauth adapter: after logging in or out, stay in the language of the page the person was using."""

from django.conf import settings
from django.utils import translation

from allauth.account.adapter import DefaultAccountAdapter


def _home_in_current_language():
    language = translation.get_language() or settings.LANGUAGE_CODE
    return f"/{language.split('-')[0]}/"


class AccountAdapter(DefaultAccountAdapter):
    """A plain "/" would send someone who logged in on /fr/ to the language of their browser (an English
    browser lands on /en/); the home page of the language they were reading is what they expect."""

    def get_login_redirect_url(self, request):
        url = super().get_login_redirect_url(request)
        return _home_in_current_language() if url == "/" else url

    def get_logout_redirect_url(self, request):
        url = super().get_logout_redirect_url(request)
        return _home_in_current_language() if url == "/" else url
