"""Forms: sign-up (allauth), profile and preferences, membership choice, staff desk forms."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from activities.models import Theme
from members.models import Mandate, MemberProfile, MembershipType, Payment


class SignupForm(forms.Form):
    """Extra sign-up fields; allauth merges them into its form and calls `signup` once the user is saved."""

    first_name = forms.CharField(
        label=_("Prénom"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        label=_("Nom"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "family-name"})
    )
    phone = forms.CharField(
        label=_("Téléphone (facultatif)"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    commune = forms.CharField(
        label=_("Commune"), max_length=120, widget=forms.TextInput(attrs={"autocomplete": "address-level2"})
    )
    postal_code = forms.CharField(
        label=_("Code postal"),
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
    )
    preferred_channel = forms.ChoiceField(
        label=_("Comment préférez-vous être prévenu ?"),
        choices=MemberProfile.Channel.choices,
        initial=MemberProfile.Channel.EMAIL,
        widget=forms.RadioSelect,
    )
    accept_terms = forms.BooleanField(
        label=_("J'accepte les conditions d'utilisation du site."),
        error_messages={"required": _("Vous devez accepter les conditions d'utilisation pour créer un compte.")},
    )
    accept_charter = forms.BooleanField(
        label=_("J'adhère à la charte du lieu : entraide et bienveillance."),
        error_messages={"required": _("Vous devez accepter la charte du lieu pour créer un compte.")},
    )
    newsletter = forms.BooleanField(label=_("Je souhaite recevoir la lettre d'information."), required=False)

    def signup(self, request, user):
        from django.utils import translation

        from members.services import record_signup

        data = dict(self.cleaned_data)
        data["language"] = translation.get_language() if translation.get_language() in ("fr", "en") else "fr"
        record_signup(user, data, request=request)


class ProfileForm(forms.Form):
    first_name = forms.CharField(label=_("Prénom"), max_length=150)
    last_name = forms.CharField(label=_("Nom"), max_length=150)
    phone = forms.CharField(label=_("Téléphone"), max_length=30, required=False)
    address = forms.CharField(label=_("Adresse postale"), max_length=250, required=False)
    postal_code = forms.CharField(label=_("Code postal"), max_length=10, required=False)
    commune = forms.CharField(label=_("Commune"), max_length=120, required=False)
    preferred_channel = forms.ChoiceField(
        label=_("Comment préférez-vous être prévenu ?"), choices=MemberProfile.Channel.choices, widget=forms.RadioSelect
    )
    language = forms.ChoiceField(label=_("Langue"), choices=MemberProfile.Language.choices)
    interests = forms.ModelMultipleChoiceField(
        label=_("Centres d'intérêt"), queryset=Theme.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    newsletter = forms.BooleanField(label=_("Recevoir la lettre d'information"), required=False)

    @classmethod
    def initial_for(cls, user, profile):
        return {
            "first_name": user.first_name,
            "last_name": user.last_name,
            **{
                f: getattr(profile, f)
                for f in ("phone", "address", "postal_code", "commune", "preferred_channel", "language", "newsletter")
            },
            "interests": list(profile.interests.all()),
        }


class MembershipChoiceForm(forms.Form):
    membership_type = forms.ModelChoiceField(
        label=_("Type d'adhésion"),
        queryset=MembershipType.objects.filter(active=True),
        widget=forms.RadioSelect,
        empty_label=None,
    )


class PayBookingsForm(forms.Form):
    def __init__(self, *args, bookings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bookings"] = forms.ModelMultipleChoiceField(
            label=_("Inscriptions à payer"),
            queryset=bookings,
            widget=forms.CheckboxSelectMultiple,
        )


class AttestationForm(forms.Form):
    start = forms.DateField(label=_("Du"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Au"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("La date de début doit précéder la date de fin."))
        return data


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Je comprends que mes données personnelles seront effacées et que je ne pourrai plus me connecter.")
    )


# --- staff (admin) -------------------------------------------------------------------------------


class DeskMemberForm(forms.Form):
    first_name = forms.CharField(label=_("Prénom"), max_length=150)
    last_name = forms.CharField(label=_("Nom"), max_length=150)
    phone = forms.CharField(label=_("Téléphone"), max_length=30)
    commune = forms.CharField(label=_("Commune"), max_length=120, required=False)
    postal_code = forms.CharField(label=_("Code postal"), max_length=10, required=False)
    email = forms.EmailField(label=_("Adresse e-mail (facultative)"), required=False)

    def clean_email(self):
        email = self.cleaned_data["email"]
        if email and get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Un compte existe déjà avec cette adresse."))
        return email


class ActivationForm(forms.Form):
    email = forms.EmailField(label=_("Adresse e-mail de la personne"))

    def clean_email(self):
        email = self.cleaned_data["email"]
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Un compte existe déjà avec cette adresse."))
        return email


class OnsitePaymentForm(forms.Form):
    method = forms.ChoiceField(
        label=_("Moyen de paiement"),
        choices=[(m.value, m.label) for m in Payment.ON_SITE_METHODS],
        widget=forms.RadioSelect,
    )
    cheque_number = forms.CharField(label=_("Numéro du chèque"), max_length=40, required=False)

    def __init__(self, *args, memberships, bookings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["memberships"] = forms.ModelMultipleChoiceField(
            label=_("Adhésions"), queryset=memberships, required=False, widget=forms.CheckboxSelectMultiple
        )
        self.fields["bookings"] = forms.ModelMultipleChoiceField(
            label=_("Inscriptions"), queryset=bookings, required=False, widget=forms.CheckboxSelectMultiple
        )


class MandateForm(forms.Form):
    scopes = forms.MultipleChoiceField(
        label=_("La personne vous autorise à"),
        choices=[
            ("book", _("l'inscrire aux activités")),
            ("pay", _("enregistrer ses paiements et adhésions")),
            ("edit", _("modifier son profil")),
        ],
        widget=forms.CheckboxSelectMultiple,
    )
    duration = forms.ChoiceField(label=_("Pour"), choices=Mandate.Duration.choices, widget=forms.RadioSelect)
    member_agrees = forms.BooleanField(label=_("La personne est présente et donne son accord."))


class StaffMembershipForm(forms.Form):
    membership_type = forms.ModelChoiceField(
        label=_("Type d'adhésion"), queryset=MembershipType.objects.filter(active=True), empty_label=None
    )
