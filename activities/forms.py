"""Forms of the member and staff booking screens."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class BookingForm(forms.Form):
    needs_pickup = forms.BooleanField(label=_("J'ai besoin qu'on vienne me chercher à domicile"), required=False)
    pickup_address = forms.CharField(
        label=_("Adresse où venir me chercher"),
        max_length=250,
        required=False,
        help_text=_("Numéro, rue et commune. Précisez si vous vous déplacez en fauteuil roulant."),
    )

    def __init__(self, *args, session=None, **kwargs):
        super().__init__(*args, **kwargs)
        if session is None or not session.pickup_seats:
            del self.fields["needs_pickup"]
            del self.fields["pickup_address"]

    def clean(self):
        data = super().clean()
        if data.get("needs_pickup") and not data.get("pickup_address", "").strip():
            self.add_error("pickup_address", _("Indiquez l'adresse où venir vous chercher."))
        return data


class MemberSearchForm(forms.Form):
    q = forms.CharField(label=_("Nom, e-mail ou téléphone"), max_length=100)

    def results(self, limit=20):
        term = self.cleaned_data["q"].strip()
        users = get_user_model().objects.filter(is_active=True)
        query = Q(email__icontains=term) | Q(first_name__icontains=term) | Q(last_name__icontains=term)
        query |= Q(username__icontains=term)
        parts = term.split()
        if len(parts) >= 2:
            query |= Q(first_name__icontains=parts[0], last_name__icontains=parts[-1])
        return users.filter(query).order_by("last_name", "first_name", "email")[:limit]
