"""Forms: sign-up (allauth), profile and preferences, membership choice, staff desk forms."""

from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from activities.models import Theme
from core.bounds import BoundedDateField
from core.formatting import when_in_words
from core.money import ZERO, format_money
from members.models import Consent, Mandate, MemberProfile, MembershipType, Payment


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


class MembershipTypeField(forms.ModelChoiceField):
    """Each type with its price and the period it would cover for this member, before paying."""

    member = None

    def label_from_instance(self, obj):
        from members.services.memberships import period_for

        valid_from, valid_until = period_for(self.member, obj)
        price = _("gratuite") if obj.is_free or not obj.price else format_money(obj.price)
        return _("%(name)s – %(price)s – du %(start)s au %(end)s") % {
            "name": obj.display_name,
            "price": price,
            "start": valid_from.strftime("%d/%m/%Y"),
            "end": valid_until.strftime("%d/%m/%Y"),
        }


class MembershipChoiceForm(forms.Form):
    membership_type = MembershipTypeField(
        label=_("Type d'adhésion"),
        queryset=MembershipType.objects.filter(active=True),
        widget=forms.RadioSelect,
        empty_label=None,
    )

    def __init__(self, *args, member=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership_type"].member = member


class CycleBookingChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return _("Cycle « %(activity)s », toutes les séances : %(price)s") % {
            "activity": obj.activity.title,
            "price": format_money(obj.price),
        }


class BookingChoiceField(forms.ModelMultipleChoiceField):
    """One line per booking to pay: activity, date in words, price (never the person's login)."""

    def label_from_instance(self, obj):
        session = obj.session
        return _("%(activity)s, %(when)s : %(price)s") % {
            "activity": session.activity.title,
            "when": when_in_words(session.start, session.end, with_year=True),
            "price": format_money(obj.price),
        }


class PricedMembershipField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        from members.services.payments import membership_label

        return f"{membership_label(obj)} : {format_money(obj.price)}"


class PricedBookingField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        from members.services.payments import booking_label

        return f"{booking_label(obj)} : {format_money(obj.price)}"


class PayBookingsForm(forms.Form):
    """Choose what to pay among one's unpaid bookings and unpaid cycles (at least one); everything
    is ticked to start with. `total` is the sum of every line offered."""

    def __init__(self, *args, bookings, cycle_bookings, **kwargs):
        super().__init__(*args, **kwargs)
        lines = {"bookings": list(bookings), "cycle_bookings": list(cycle_bookings)}
        self.total = sum((line.price for line in [*lines["bookings"], *lines["cycle_bookings"]]), ZERO)
        fields = {
            "bookings": (BookingChoiceField, _("Inscriptions à payer"), bookings),
            "cycle_bookings": (CycleBookingChoiceField, _("Cycles à payer"), cycle_bookings),
        }
        for name, (field_class, label, queryset) in fields.items():
            if lines[name]:
                self.fields[name] = field_class(
                    label=label,
                    queryset=queryset,
                    required=False,
                    widget=forms.CheckboxSelectMultiple,
                    initial=[line.pk for line in lines[name]],
                )

    def clean(self):
        data = super().clean()
        data.setdefault("bookings", [])
        data.setdefault("cycle_bookings", [])
        if not self.errors and not data["bookings"] and not data["cycle_bookings"]:
            raise forms.ValidationError(_("Cochez au moins une inscription à payer."))
        return data


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


# --- staff (admin) -------------------------------------------------------------------------------


class DeskMemberForm(forms.Form):
    first_name = forms.CharField(label=_("Prénom"), max_length=150)
    last_name = forms.CharField(label=_("Nom"), max_length=150)
    phone = forms.CharField(label=_("Téléphone"), max_length=30)
    birth_year = forms.IntegerField(label=_("Année de naissance (facultative)"), required=False, min_value=1900)
    commune = forms.CharField(label=_("Commune"), max_length=120, required=False)
    postal_code = forms.CharField(label=_("Code postal"), max_length=10, required=False)
    email = forms.EmailField(label=_("Adresse e-mail (facultative)"), required=False)
    consent_given = forms.ChoiceField(
        label=_("La personne accepte les conditions d'utilisation et la charte du lieu"),
        choices=[(Consent.Given.DESK, Consent.Given.DESK.label), (Consent.Given.PHONE, Consent.Given.PHONE.label)],
        widget=forms.RadioSelect,
        initial=Consent.Given.DESK,
    )
    consent_read = forms.BooleanField(
        label=_("Je lui ai lu ou résumé les conditions d'utilisation et la charte, et elle les accepte.")
    )
    not_a_duplicate = forms.BooleanField(
        label=_("J'ai vérifié : ce n'est pas une de ces personnes, créer quand même le compte."), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.duplicates = []

    def clean(self):
        from members.services import possible_duplicates

        data = super().clean()
        if self.errors:
            return data
        self.duplicates = list(
            possible_duplicates(
                first_name=data.get("first_name", ""),
                last_name=data.get("last_name", ""),
                phone=data.get("phone", ""),
                birth_year=data.get("birth_year"),
            )[:10]
        )
        if self.duplicates and not data.get("not_a_duplicate"):
            # A warning, not a refusal: ticking the box creates the account anyway.
            raise forms.ValidationError(
                _("Une fiche existe peut-être déjà pour cette personne : vérifiez la liste ci-dessous."),
                code="possible_duplicate",
            )
        return data

    def service_data(self):
        data = dict(self.cleaned_data)
        for key in ("consent_read", "not_a_duplicate"):
            data.pop(key, None)
        return data

    def clean_email(self):
        email = self.cleaned_data["email"]
        if email and get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Un compte existe déjà avec cette adresse."))
        return email


class StaffMemberForm(forms.Form):
    """Staff correct a member's record (at the person's request or under an "edit" mandate)."""

    first_name = forms.CharField(label=_("Prénom"), max_length=150)
    last_name = forms.CharField(label=_("Nom"), max_length=150)
    phone = forms.CharField(label=_("Téléphone"), max_length=30, required=False)
    birth_year = forms.IntegerField(label=_("Année de naissance"), required=False, min_value=1900)
    address = forms.CharField(label=_("Adresse postale"), max_length=250, required=False)
    postal_code = forms.CharField(label=_("Code postal"), max_length=10, required=False)
    commune = forms.CharField(label=_("Commune"), max_length=120, required=False)
    preferred_channel = forms.ChoiceField(
        label=_("Comment la joindre"), choices=MemberProfile.Channel.choices, widget=forms.RadioSelect
    )
    language = forms.ChoiceField(label=_("Langue"), choices=MemberProfile.Language.choices)

    PROFILE_FIELDS = ("phone", "birth_year", "address", "postal_code", "commune", "preferred_channel", "language")

    @classmethod
    def initial_for(cls, user, profile):
        initial = {"first_name": user.first_name, "last_name": user.last_name}
        initial.update({field: getattr(profile, field) for field in cls.PROFILE_FIELDS})
        return initial

    def changed_data_only(self):
        return {field: self.cleaned_data[field] for field in self.changed_data}


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

    def __init__(self, *args, memberships, bookings, cycle_bookings, credit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.credit = credit or Decimal("0.00")
        self.fields["method"].required = False
        self.fields["credit"] = forms.DecimalField(
            label=_("Part payée avec l'avoir (%(credit)s disponibles)") % {"credit": format_money(self.credit)},
            min_value=Decimal("0.00"),
            max_value=self.credit,
            max_digits=10,
            decimal_places=2,
            required=False,
            initial=Decimal("0.00"),
            localize=True,
        )
        if not self.credit:
            self.fields["credit"].widget = forms.HiddenInput()
        # Everything owed is ticked by default; each line shows its amount, the page the total.
        self.fields["memberships"] = PricedMembershipField(
            label=_("Adhésions"),
            queryset=memberships,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            initial=[m.pk for m in memberships],
        )
        self.fields["bookings"] = PricedBookingField(
            label=_("Inscriptions"),
            queryset=bookings,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            initial=[b.pk for b in bookings],
        )
        self.fields["cycle_bookings"] = CycleBookingChoiceField(
            label=_("Cycles"),
            queryset=cycle_bookings,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            initial=[c.pk for c in cycle_bookings],
        )
        self.total_due = sum(
            (obj.price for queryset in (memberships, bookings, cycle_bookings) for obj in queryset), Decimal("0.00")
        )


class MandateForm(forms.Form):
    scopes = forms.MultipleChoiceField(
        label=_("La personne vous autorise à"),
        choices=[
            ("book", _("l'inscrire aux activités")),
            ("cancel", _("annuler ses inscriptions")),
            ("pay", _("enregistrer ses paiements et adhésions, utiliser son avoir")),
            ("edit", _("modifier son profil")),
        ],
        widget=forms.CheckboxSelectMultiple,
    )
    duration = forms.ChoiceField(label=_("Pour"), choices=Mandate.Duration.choices, widget=forms.RadioSelect)
    consent_given = forms.ChoiceField(
        label=_("La personne a donné son accord"),
        choices=Mandate.ConsentGiven.choices,
        widget=forms.RadioSelect,
        initial=Mandate.ConsentGiven.DESK,
    )
    member_agrees = forms.BooleanField(
        label=_("Je lui ai expliqué ce que ce mandat permet, pour combien de temps, et qu'elle peut le retirer.")
    )


class StaffMembershipForm(forms.Form):
    membership_type = MembershipTypeField(
        label=_("Type d'adhésion"), queryset=MembershipType.objects.filter(active=True), empty_label=None
    )

    def __init__(self, *args, member=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership_type"].member = member


# --- the dummy payment provider (development and tests) ------------------------------------------

DUMMY_FIELDS = {
    "status": (
        _("Résultat du paiement"),
        [
            ("confirmed", _("Paiement accepté")),
            ("rejected", _("Paiement refusé")),
            ("error", _("Erreur")),
            ("waiting", _("En attente de confirmation")),
            ("preauth", _("Pré-autorisé")),
            ("input", _("Saisie en cours")),
            ("refunded", _("Remboursé")),
            ("cancelled", _("Annulé")),
        ],
    ),
    "fraud_status": (
        _("Contrôle anti-fraude"),
        [
            ("accept", _("Accepté")),
            ("reject", _("Refusé")),
            ("review", _("À vérifier")),
            ("unknown", _("Inconnu")),
        ],
    ),
    "gateway_response": (
        _("Réponse de la banque"),
        [
            ("3ds-disabled", _("Sans vérification 3D Secure")),
            ("3ds-redirect", _("Avec vérification 3D Secure")),
            ("failure", _("Banque injoignable")),
            ("payment-error", _("Réponse inattendue de la banque")),
        ],
    ),
    "verification_result": (
        _("Résultat de la vérification 3D Secure"),
        [("", _("Aucune"))],
    ),
}


def localise_dummy_form(form):
    """Give django-payments' dummy form (test payments) translated labels and choices.

    Its fields are built with English names and labels; the accepted values stay the provider's,
    only what people read changes. Other providers' forms are returned untouched.
    """
    from payments.dummy.forms import DummyForm

    if not isinstance(form, DummyForm):
        return form
    status_labels = dict(DUMMY_FIELDS["status"][1])
    for name, (label, choices) in DUMMY_FIELDS.items():
        field = form.fields.get(name)
        if field is None:
            continue
        field.label = label
        known = dict(choices)
        if name == "verification_result":
            known = {"": known[""], **status_labels}
        field.choices = [(value, known.get(value, value)) for value, _label in field.choices]
    form.fields["status"].help_text = _("Paiement d'essai : aucune carte n'est débitée.")
    return form
