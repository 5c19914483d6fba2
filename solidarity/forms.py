"""Mutual-help forms: big, plain controls that work without JavaScript."""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from solidarity.models import CallRecord, HelpKind, HelpRequest
from solidarity.models.volunteers import SLOTS
from solidarity.services.requests import MAX_WEEKS
from solidarity.services.volunteers import MAX_ATTESTATION_BYTES


class HelpRequestForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("De quelle aide avez-vous besoin ?"), choices=HelpKind.choices, widget=forms.RadioSelect
    )
    day = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    time = forms.TimeField(label=_("Heure"), widget=forms.TimeInput(attrs={"type": "time"}))
    weeks = forms.IntegerField(
        label=_("Combien de semaines ?"),
        help_text=_("1 pour une seule fois ; par exemple 6 pour chaque semaine pendant 6 semaines."),
        min_value=1,
        max_value=MAX_WEEKS,
        initial=1,
    )
    commune = forms.CharField(label=_("Commune"), max_length=120)
    accessibility = forms.CharField(label=_("Besoins d'accessibilité (facultatif)"), max_length=250, required=False)
    note = forms.CharField(
        label=_("Précisions (facultatif)"),
        help_text=_("Vous n'avez pas à décrire la personne aidée."),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        data = super().clean()
        if data.get("day") and data.get("time"):
            starts_at = timezone.make_aware(datetime.datetime.combine(data["day"], data["time"]))
            if starts_at <= timezone.now():
                raise forms.ValidationError(_("Choisissez une date à venir."))
            data["starts_at"] = starts_at
        return data

    def request_fields(self):
        data = self.cleaned_data
        return {name: data[name] for name in ("kind", "starts_at", "weeks", "commune", "accessibility", "note")}


class StaffHelpRequestForm(HelpRequestForm):
    """The desk posts for a caregiver who asks now (by phone, at the desk, through a relative) or under a mandate."""

    requester = forms.ModelChoiceField(
        label=_("Pour qui ?"), queryset=get_user_model().objects.filter(member_profile__isnull=False, is_active=True)
    )
    asked_by = forms.ChoiceField(
        label=_("Comment la personne vous l'a demandé"),
        choices=[
            ("phone", _("Par téléphone")),
            ("desk", _("À l'accueil")),
            ("relative", _("Par un proche qu'elle a désigné")),
            ("mandate", _("Avec son mandat")),
        ],
        widget=forms.RadioSelect,
    )
    relative_name = forms.CharField(label=_("Nom du proche"), max_length=150, required=False)

    field_order = ["requester", "asked_by", "relative_name"]


class VolunteerForm(forms.Form):
    communes = forms.CharField(
        label=_("Communes où vous pouvez aider"), help_text=_("Séparées par des virgules."), max_length=250
    )
    kinds = forms.MultipleChoiceField(
        label=_("Ce que vous proposez"), choices=HelpKind.choices, widget=forms.CheckboxSelectMultiple
    )
    availability = forms.MultipleChoiceField(
        label=_("Vos disponibilités"), choices=SLOTS, widget=forms.CheckboxSelectMultiple
    )
    skills = forms.CharField(
        label=_("Savoir-faire (facultatif)"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    attestation = forms.FileField(
        label=_("Attestation d'assurance responsabilité civile"),
        help_text=_("PDF, JPEG ou PNG, 5 Mo au plus. Vous pourrez aussi l'apporter à l'accueil."),
        required=False,
    )
    insurance_expires_on = forms.DateField(
        label=_("Assurance valable jusqu'au"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    charter = forms.BooleanField(label=_("J'ai lu la charte du bénévole et je m'engage à la respecter."))

    def clean_attestation(self):
        upload = self.cleaned_data.get("attestation")
        if upload and upload.size > MAX_ATTESTATION_BYTES:
            raise forms.ValidationError(_("Le fichier dépasse 5 Mo."))
        return upload


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Votre message"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))


class ReportForm(forms.Form):
    reason = forms.CharField(label=_("Ce qui pose problème"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))


class CallRecordForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Résultat de l'appel"), choices=CallRecord.Outcome.choices, widget=forms.RadioSelect
    )
    needs = forms.MultipleChoiceField(
        label=_("Besoins repérés"), choices=CallRecord.Need.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    staff_note = forms.CharField(
        label=_("Note pour l'équipe"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    concern = forms.CharField(
        label=_("Une inquiétude à transmettre à la travailleuse sociale ?"),
        help_text=_("Ce texte part au service social ; vous ne le reverrez pas."),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


STATUS_FILTER = [("", _("Toutes"))] + list(HelpRequest.Status.choices)


class IsolationForm(forms.Form):
    person = forms.ModelChoiceField(
        label=_("Personne"),
        queryset=get_user_model().objects.filter(member_profile__isnull=False, is_active=True).order_by("last_name"),
    )
    lives_alone = forms.BooleanField(label=_("Vit seul·e"), required=False)
    heatwave_register = forms.BooleanField(label=_("Inscrit·e au registre canicule"), required=False)
