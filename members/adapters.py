"""allauth adapter: stay in the language of the page the person was using, write e-mails in the
member's language, keep `next` through sign-up and e-mail confirmation, explain account validation."""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import get_next_redirect_url

from members.models import MemberProfile


def _home_in_current_language():
    language = translation.get_language() or settings.LANGUAGE_CODE
    return f"/{language.split('-')[0]}/"


def _language_of(user):
    """The member's language when they have a profile; else the language of the page in use."""
    if user is None or not getattr(user, "pk", None):
        return None
    language = MemberProfile.objects.filter(user=user).values_list("language", flat=True).first()
    return language if language in dict(settings.LANGUAGES) else None


def _awaiting_validation(user):
    return MemberProfile.objects.filter(user=user, is_validated=False, erased_at__isnull=True).exists()


class AccountAdapter(DefaultAccountAdapter):
    """A plain "/" would send someone who logged in on /fr/ to the language of their browser (an English
    browser lands on /en/); the home page of the language they were reading is what they expect."""

    def get_login_redirect_url(self, request):
        url = super().get_login_redirect_url(request)
        return _home_in_current_language() if url == "/" else url

    def get_logout_redirect_url(self, request):
        url = super().get_logout_redirect_url(request)
        return _home_in_current_language() if url == "/" else url

    def send_mail(self, template_prefix, email, context):
        context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
        language = _language_of(context.get("user")) or translation.get_language() or settings.LANGUAGE_CODE
        with translation.override(language):
            super().send_mail(template_prefix, email, context)

    def get_email_confirmation_url(self, request, emailconfirmation):
        """The link in the confirmation e-mail carries the page the person was going to (the session
        they were booking). Opened in another browser, confirming leads to the login page with that
        `next`; a person already logged in is sent straight on to it by the login page."""
        url = super().get_email_confirmation_url(request, emailconfirmation)
        next_url = get_next_redirect_url(request) if request is not None else None
        if not next_url:
            return url
        login = reverse("account_login") + "?" + urlencode({"next": next_url})
        return url + "?" + urlencode({"next": login})

    def pre_login(self, request, user, **kwargs):
        """An account waiting for the team's validation is told so (not just "inactive"); at sign-up
        the address confirmation e-mail still goes out, saying the team will validate the account."""
        if not user.is_active and _awaiting_validation(user):
            from allauth.account.internal.stagekit import clear_login
            from allauth.account.models import EmailAddress

            clear_login(request)
            if kwargs.get("signup"):
                address = EmailAddress.objects.get_primary(user)
                if address is not None and not address.verified:
                    address.send_confirmation(request, signup=True)
            return render(request, "account/awaiting_validation.html", {"signup": kwargs.get("signup")})
        return super().pre_login(request, user, **kwargs)
