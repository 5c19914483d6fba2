"""The access journal as people read it: plain labels instead of codes and ids, filters by person,
staff member and dates. Reading rules and logging stay in care.services."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from care.forms import DateInput, StaffChoiceField
from care.models import AccessLogEntry, CaseFile

OBJECT_LABELS = {
    "casefile": _("Dossier"),
    "timeline": _("Chronologie du dossier"),
    "note": pgettext_lazy("care journal", "Note"),
    "nextstep": _("Prochaine étape"),
    "intervention": _("Intervention"),
    "orientation": _("Orientation"),
    "indicators": _("Indicateurs"),
    "accesslog": _("Journal des accès"),
}
NUMBERED = {"note", "nextstep", "intervention", "orientation"}  # objects without a name of their own


def object_label(entry):
    label = OBJECT_LABELS.get(entry.object_type, entry.object_type)
    if entry.object_type in NUMBERED and entry.object_id:
        return _("%(label)s n° %(id)s") % {"label": label, "id": entry.object_id}
    return str(label)


def rows(entries):
    """(when, who, action, what, whose file, refused) for the table and the CSV export."""
    for entry in entries:
        actor = entry.actor
        who = (actor.get_full_name() or actor.get_username()) if actor else _("Traitement automatique")
        yield (
            timezone.localtime(entry.at).strftime("%d/%m/%Y %H:%M"),
            who,
            entry.get_action_display(),
            object_label(entry),
            entry.case.display_name if entry.case_id else "",
            entry.action == AccessLogEntry.Action.REFUSED,
        )


class JournalFilterForm(forms.Form):
    """GET filters of the global journal; an invalid value is reported and that filter ignored."""

    case = forms.TypedChoiceField(label=_("Personne accompagnée"), required=False, coerce=int, empty_value=None)
    actor = StaffChoiceField(label=_("Membre de l'équipe"), queryset=get_user_model().objects.none(), required=False)
    start = forms.DateField(label=_("Du"), required=False, widget=DateInput())
    end = forms.DateField(label=_("Au"), required=False, widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Names are encrypted: listed and sorted in memory (modest volumes, as the case list does).
        cases = sorted(CaseFile.objects.select_related("person"), key=lambda c: str(c.display_name).lower())
        self.fields["case"].choices = [("", _("Toutes"))] + [(c.pk, c.display_name) for c in cases]
        actors = AccessLogEntry.objects.filter(actor__isnull=False).values("actor")
        self.fields["actor"].queryset = (
            get_user_model().objects.filter(pk__in=actors).order_by("last_name", "first_name")
        )
        self.fields["actor"].empty_label = _("Tous")

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            self.add_error("end", _("La date de fin est avant la date de début."))
        return data

    def filters(self):
        """Keyword arguments for care.services.access_log from the valid fields."""
        if not self.is_bound:
            return {}
        self.is_valid()
        data = self.cleaned_data
        case = CaseFile.objects.filter(pk=data["case"]).first() if data.get("case") else None
        return {
            "case": case,
            "actor": data.get("actor"),
            "start": data.get("start"),
            "end": data.get("end") if "end" not in self.errors else None,
        }
