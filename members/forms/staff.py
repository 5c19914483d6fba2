"""Staff desk forms: sign-up at the desk, record corrections, activation link, on-site payment, mandate,
membership taken at the desk. "Who is asking" (OnBehalfForm) is in activities.forms."""

from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from core.money import format_money
from members.forms.payments import (
    CycleBookingChoiceField,
    MembershipTypeField,
    PricedBookingField,
    PricedMembershipField,
)
from members.models import Consent, Mandate, MemberProfile, MembershipType, Payment


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
