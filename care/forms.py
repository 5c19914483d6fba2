"""Staff forms for case files; they only parse input, the services decide."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from care import services
from care.models import CASE_DETAIL_FIELDS, CaseFile, Intervention, NextStep, Note, Orientation
from core.bounds import BoundedDateField, validate_period


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class StaffMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class CaseFileForm(forms.ModelForm):
    referents = StaffMultipleChoiceField(
        label=_("Référent·es"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    followup_consent_recorded_by = StaffChoiceField(
        label=_("Accord recueilli par"), queryset=get_user_model().objects.none(), required=False
    )
    person_email = forms.EmailField(
        label=_("Adresse e-mail du compte adhérent (facultatif)"),
        required=False,
        help_text=_(
            "Pour relier le dossier au compte d'une personne déjà inscrite ; sinon, remplissez nom et téléphone."
        ),
    )

    class Meta:
        model = CaseFile
        fields = CASE_DETAIL_FIELDS
        widgets = {
            "identified_on": DateInput(),
            "followup_consent_on": DateInput(),
            "sharing_consent_on": DateInput(),
            "helped_condition": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        staff = services.care_staff()
        self.fields["referents"].queryset = staff
        self.fields["followup_consent_recorded_by"].queryset = staff
        if self.instance.pk:
            self.initial["referents"] = list(self.instance.referents.values_list("pk", flat=True))
            if self.instance.person_id:
                self.initial["person_email"] = self.instance.person.email

    def clean_person_email(self):
        email = self.cleaned_data["person_email"]
        if not email:
            return None
        user = get_user_model().objects.filter(email__iexact=email).first()
        if user is None:
            raise forms.ValidationError(_("Aucun compte ne correspond à cette adresse."))
        return user

    def clean(self):
        data = super().clean()
        if not data.get("person_email") and not (data.get("first_name") or data.get("last_name")):
            raise forms.ValidationError(_("Indiquez un compte adhérent ou au moins un nom."))
        return data

    def service_kwargs(self):
        data = dict(self.cleaned_data)
        data["person"] = data.pop("person_email")
        return data


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Nouveau statut"), choices=CaseFile.Status.choices)
    on = forms.DateField(label=_("Date"), required=False, widget=DateInput())


class NoteForm(forms.Form):
    visibility = forms.ChoiceField(label=_("Qui pourra lire cette note ?"), widget=forms.RadioSelect)
    body = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        levels = services.visible_note_levels(user)
        self.fields["visibility"].choices = [(v, label) for v, label in Note.Visibility.choices if v in levels]
        self.fields["visibility"].initial = Note.Visibility.TEAM


class InterventionForm(forms.ModelForm):
    class Meta:
        model = Intervention
        fields = ["kind", "date", "duration_minutes", "summary"]
        widgets = {"date": DateInput(), "summary": forms.Textarea(attrs={"rows": 4})}


class OrientationForm(forms.ModelForm):
    class Meta:
        model = Orientation
        fields = ["partner_type", "partner_name", "date", "outcome"]
        widgets = {"date": DateInput()}


class OrientationOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Suite donnée"), choices=Orientation.Outcome.choices)


class NextStepForm(forms.ModelForm):
    assigned_to = StaffChoiceField(label=_("Confiée à"), queryset=get_user_model().objects.none(), required=False)

    class Meta:
        model = NextStep
        fields = ["description", "due_on", "assigned_to"]
        widgets = {"due_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = services.care_staff()


class PeriodForm(forms.Form):
    """The indicators' period: dates between 2000 and 2100, at most five years (core.bounds)."""

    start = BoundedDateField(label=_("Du"), widget=DateInput())
    end = BoundedDateField(label=_("Au"), widget=DateInput())

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end"):
            if data["start"] > data["end"]:
                raise forms.ValidationError(_("La date de début doit précéder la date de fin."))
            validate_period(data["start"], data["end"])
        return data
