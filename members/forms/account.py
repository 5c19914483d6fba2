"""Members' own forms: sign-up (allauth), profile and preferences, attestation, account deletion."""

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from activities.models import Theme
from core.bounds import BoundedDateField
from members.models import MemberProfile


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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from allauth.core import context

        from members.services.profiles import consent_texts

        texts = consent_texts(context.request)
        links = {
            "accept_terms": (texts["terms"].url, _("Lire les conditions d'utilisation")),
            "accept_charter": (texts["charter"].url, _("Lire la charte du lieu")),
        }
        for name, (url, text) in links.items():
            if url:
                # The link sits beside the box, not inside its label: a click on it never ticks the box.
                self.fields[name].help_text = format_html(
                    '<a href="{}" target="_blank" rel="noopener">{} <span class="visually-hidden">{}</span></a>',
                    url,
                    text,
                    _("(s'ouvre dans un nouvel onglet)"),
                )

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
    session_alerts = forms.BooleanField(
        label=_("Me prévenir par e-mail quand une nouvelle séance correspond à mes centres d'intérêt"),
        help_text=_(
            "Un seul e-mail regroupe les nouvelles séances. Seulement si vous préférez être prévenu par e-mail."
        ),
        required=False,
    )
    newsletter = forms.BooleanField(label=_("Recevoir la lettre d'information"), required=False)

    PROFILE_FIELDS = (
        "phone",
        "address",
        "postal_code",
        "commune",
        "preferred_channel",
        "language",
        "session_alerts",
        "newsletter",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from wagtail.models import Locale

        # Themes exist once per language: offer those of the page's language only.
        self.fields["interests"].queryset = Theme.objects.filter(locale=Locale.get_active())

    def clean(self):
        data = super().clean()
        if data.get("session_alerts") and not data.get("interests"):
            self.add_error("interests", _("Cochez au moins un centre d'intérêt pour recevoir les alertes."))
        return data

    @classmethod
    def initial_for(cls, user, profile):
        from wagtail.models import Locale

        interests = Theme.objects.filter(
            locale=Locale.get_active(), translation_key__in=profile.interests.values("translation_key")
        )
        return {
            "first_name": user.first_name,
            "last_name": user.last_name,
            **{f: getattr(profile, f) for f in cls.PROFILE_FIELDS},
            "interests": list(interests),
        }


class AttestationForm(forms.Form):
    start = BoundedDateField(label=_("Du"), widget=forms.DateInput(attrs={"type": "date"}))
    end = BoundedDateField(label=_("Au"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("La date de début doit précéder la date de fin."))
        return data


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Je comprends que mes données personnelles seront effacées et que je ne pourrai plus me connecter.")
    )
