from django import forms
from django.utils.translation import gettext_lazy as _


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("Votre adresse e-mail"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))
