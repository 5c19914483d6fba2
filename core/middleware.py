"""Refuse addresses no page can use: a NUL character (PostgreSQL rejects it in any query)."""

from django.shortcuts import render
from django.utils.translation import gettext as _


class RejectNullCharactersMiddleware:
    """Answer 400 with a plain message when the path or a GET parameter name or value contains NUL (%00).

    Forms already refuse NUL in what they validate (Django's ProhibitNullCharactersValidator); this covers
    every view that reads request.GET directly, Wagtail's admin included."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
        ):
            message = _("L'adresse de cette page contient un caractère invalide. Vérifiez le lien ou la recherche.")
            return render(request, "400.html", {"message": message}, status=400)
        return self.get_response(request)
