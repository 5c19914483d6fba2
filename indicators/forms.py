"""The period picker of the indicators dashboard."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from core.bounds import MAX_PERIOD_DAYS, BoundedDateField
from indicators import services

MAX_DAYS = MAX_PERIOD_DAYS


class PeriodForm(forms.Form):
    MONTH, YEAR, CUSTOM = "month", "year", "custom"

    period = forms.ChoiceField(
        label=_("Période"),
        choices=[(MONTH, _("Ce mois-ci")), (YEAR, _("Cette année")), (CUSTOM, _("Dates choisies"))],
        initial=MONTH,
        widget=forms.RadioSelect,
    )
    start = BoundedDateField(label=_("Du"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = BoundedDateField(label=_("Au"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("period") != self.CUSTOM:
            return data
        start, end = data.get("start"), data.get("end")
        if not start or not end:
            raise forms.ValidationError(_("Indiquez la date de début et la date de fin."))
        if end < start:
            raise forms.ValidationError(_("La date de fin doit être après la date de début."))
        if (end - start).days > MAX_DAYS:
            raise forms.ValidationError(_("Choisissez une période de cinq ans au plus."))
        return data

    def chosen_period(self, today=None):
        """The Period asked for; this month when the form is empty or invalid."""
        if not self.is_bound or not self.is_valid():
            return services.this_month(today)
        choice = self.cleaned_data["period"]
        if choice == self.YEAR:
            return services.this_year(today)
        if choice == self.CUSTOM:
            return services.Period(self.cleaned_data["start"], self.cleaned_data["end"])
        return services.this_month(today)


def report_years(today=None):
    """Years offered for the annual report: this one and the four before."""
    year = (today or datetime.date.today()).year
    return list(range(year, year - 5, -1))
