"""Forms of the directory, the convention signature and the partner space."""

from django import forms
from django.utils.translation import gettext_lazy as _

from partners.models import Category, Offer, PartnerOrganisation
from partners.services.directory import DEFAULT_RADIUS_KM, RADIUS_CHOICES


class DirectoryForm(forms.Form):
    categorie = forms.ChoiceField(label=_("Catégorie"), required=False, choices=[("", _("Toutes"))] + Category.choices)
    pres_de = forms.CharField(
        label=_("Près de (commune ou code postal)"),
        required=False,
        max_length=100,
        help_text=_("Par exemple : Bègles ou 33130."),
    )
    rayon = forms.TypedChoiceField(
        label=_("Dans un rayon de"),
        required=False,
        coerce=int,
        empty_value=DEFAULT_RADIUS_KM,
        initial=DEFAULT_RADIUS_KM,
        choices=[(km, _("%(km)s km") % {"km": km}) for km in RADIUS_CHOICES],
    )


class SignConventionForm(forms.Form):
    signed_name = forms.CharField(label=_("Vos prénom et nom"), max_length=150)
    accept = forms.BooleanField(label=_("J'ai lu la convention et je l'accepte au nom de l'organisation"))
    password = forms.CharField(
        label=_("Choisissez un mot de passe pour votre espace partenaire"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        min_length=10,
        required=False,
        help_text=_("10 caractères au moins. Inutile si vous avez déjà un compte avec cette adresse."),
    )


class PartnerDetailsForm(forms.ModelForm):
    website = forms.URLField(label=_("Site web"), required=False, assume_scheme="https")

    class Meta:
        model = PartnerOrganisation
        fields = [
            "description",
            "description_en",
            "address",
            "postcode",
            "commune",
            "accessibility",
            "opening_hours",
            "contact_name",
            "email",
            "phone",
            "website",
        ]


class OfferForm(forms.ModelForm):
    class Meta:
        model = Offer
        fields = ["title", "title_en", "description", "conditions", "audience", "starts_on", "ends_on"]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
        }

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("La fin doit suivre le début."))
        return data


class ProposeForm(forms.ModelForm):
    """A commune correspondent proposes an organisation to the staff."""

    class Meta:
        model = PartnerOrganisation
        fields = ["name", "category", "description", "address", "postcode", "commune", "contact_name", "email", "phone"]
