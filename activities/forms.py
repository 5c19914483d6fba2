"""Forms of the member and staff booking screens, and of the series generator."""

import datetime
import re

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from activities import people
from activities.models import ActivityPage, Place
from core.phones import phone_filter


class BookingForm(forms.Form):
    needs_pickup = forms.BooleanField(label=_("J'ai besoin qu'on vienne me chercher à domicile"), required=False)
    pickup_address = forms.CharField(
        label=_("Adresse où venir me chercher"),
        max_length=250,
        required=False,
        help_text=_("Numéro, rue et commune. Précisez si vous vous déplacez en fauteuil roulant."),
    )

    def __init__(self, *args, session=None, **kwargs):
        super().__init__(*args, **kwargs)
        if session is None or not session.pickup_seats:
            del self.fields["needs_pickup"]
            del self.fields["pickup_address"]

    def clean(self):
        data = super().clean()
        if data.get("needs_pickup") and not data.get("pickup_address", "").strip():
            self.add_error("pickup_address", _("Indiquez l'adresse où venir vous chercher."))
        return data


class MemberSearchForm(forms.Form):
    q = forms.CharField(label=_("Nom, e-mail ou téléphone"), max_length=100)

    def results(self, limit=20):
        term = self.cleaned_data["q"].strip()
        users = get_user_model().objects.filter(is_active=True).select_related("member_profile")
        query = Q(email__icontains=term) | Q(first_name__icontains=term) | Q(last_name__icontains=term)
        query |= Q(username__icontains=term)
        parts = term.split()
        if len(parts) >= 2:
            query |= Q(first_name__icontains=parts[0], last_name__icontains=parts[-1])
        by_phone = phone_filter(term)  # any French spelling of the number: "0556112233", "05 56 11 22 33"…
        if by_phone is not None:
            query |= by_phone
        return users.filter(query).order_by("last_name", "first_name", "email")[:limit]


WEEKDAYS = [
    (0, _("lundi")),
    (1, _("mardi")),
    (2, _("mercredi")),
    (3, _("jeudi")),
    (4, _("vendredi")),
    (5, _("samedi")),
    (6, _("dimanche")),
]


def _parse_dates(text):
    """Dates typed one per line (or separated by commas), as 24/12/2026 or 2026-12-24."""
    dates, wrong = [], []
    for item in filter(None, (part.strip() for part in re.split(r"[\n,;]+", text or ""))):
        for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d/%m/%y"):
            try:
                dates.append(datetime.datetime.strptime(item, fmt).date())
                break
            except ValueError:
                continue
        else:
            wrong.append(item)
    return dates, wrong


class SeriesForm(forms.Form):
    """A recurrence rule (e.g. every Tuesday 10:00–11:30 for 10 weeks, skipping holidays)."""

    activity = forms.ModelChoiceField(label=_("Activité"), queryset=ActivityPage.objects.none())
    weekday = forms.TypedChoiceField(label=_("Jour de la semaine"), choices=WEEKDAYS, coerce=int)
    starts_on = forms.DateField(
        label=_("À partir du"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("La première séance a lieu ce jour-là ou le premier jour choisi qui suit."),
    )
    start_time = forms.TimeField(label=_("Heure de début"), widget=forms.TimeInput(attrs={"type": "time"}))
    end_time = forms.TimeField(label=_("Heure de fin"), widget=forms.TimeInput(attrs={"type": "time"}))
    frequency = forms.ChoiceField(
        label=_("Fréquence"),
        choices=[
            ("weekly", _("Toutes les semaines (ou toutes les N semaines)")),
            ("monthly", _("Tous les mois, le même jour (ex. : 1er mardi du mois)")),
        ],
    )
    interval = forms.IntegerField(
        label=_("Toutes les combien"), min_value=1, max_value=12, initial=1, help_text=_("1 : chaque semaine ou mois.")
    )
    count = forms.IntegerField(
        label=_("Nombre de dates"),
        min_value=1,
        max_value=60,
        initial=10,
        help_text=_("Les dates sautées sont retirées de ce nombre."),
    )
    skip_dates = forms.CharField(
        label=_("Dates à sauter"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Jours fériés, vacances… Une date par ligne, par exemple 24/12/2026. Une date sautée n'est pas remplacée."
        ),
    )
    place = forms.ModelChoiceField(label=_("Lieu"), queryset=Place.objects.order_by("commune", "name"))
    capacity = forms.IntegerField(
        label=_("Nombre de places"), min_value=1, required=False, help_text=_("Vide : le nombre prévu sur l'activité.")
    )
    min_participants = forms.IntegerField(
        label=_("Nombre minimum de participants"),
        min_value=0,
        required=False,
        help_text=_("Vide : le minimum prévu sur l'activité."),
    )
    pickup_seats = forms.IntegerField(label=_("Places de transport à domicile"), min_value=0, initial=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Sessions belong to the page in the default language (see Session).
        self.fields["activity"].queryset = (
            ActivityPage.objects.filter(locale=Locale.get_default()).defer_streamfields().order_by("title")
        )

    def clean_skip_dates(self):
        dates, wrong = _parse_dates(self.cleaned_data.get("skip_dates"))
        if wrong:
            raise forms.ValidationError(
                _("Date non comprise : %(dates)s. Écrivez-la comme 24/12/2026.") % {"dates": ", ".join(wrong)}
            )
        return dates

    def clean(self):
        data = super().clean()
        if data.get("start_time") and data.get("end_time") and data["end_time"] <= data["start_time"]:
            self.add_error("end_time", _("L'heure de fin doit être après l'heure de début."))
        return data

    def first_date(self):
        starts_on, weekday = self.cleaned_data["starts_on"], self.cleaned_data["weekday"]
        return starts_on + datetime.timedelta(days=(weekday - starts_on.weekday()) % 7)

    def series_kwargs(self):
        """Keyword arguments for services.generate_series (and series_dates for the preview)."""
        data = self.cleaned_data
        first_start = timezone.make_aware(datetime.datetime.combine(self.first_date(), data["start_time"]))
        end = datetime.datetime.combine(self.first_date(), data["end_time"])
        return {
            "first_start": first_start,
            "duration": end - datetime.datetime.combine(self.first_date(), data["start_time"]),
            "count": data["count"],
            "place": data["place"],
            "frequency": data["frequency"],
            "interval": data["interval"],
            "skip_dates": data["skip_dates"],
            "capacity": data["capacity"],
            "min_participants": data["min_participants"],
            "pickup_seats": data["pickup_seats"],
        }


ASKED_BY_CHOICES = [
    ("phone", _("La personne me le demande par téléphone")),
    ("desk", _("La personne me le demande à l'accueil")),
    ("relative", _("Un proche qu'elle a désigné me le demande")),
    ("mandate", _("J'agis avec son mandat en cours")),
]


class OnBehalfForm(forms.Form):
    """How staff may act for someone now: at the person's request (phone, desk, a relative they
    named) or under a standing mandate, recorded or checked through activities.people.act_for
    (the members app's mandates)."""

    asked_by = forms.ChoiceField(
        label=_("Qui le demande ?"),
        choices=ASKED_BY_CHOICES,
        widget=forms.RadioSelect,
        initial="phone",
        required=False,  # nothing chosen: staff rely on a mandate in force
    )
    relative_name = forms.CharField(label=_("Nom du proche"), max_length=150, required=False)

    def __init__(self, *args, channels=None, **kwargs):
        kwargs.setdefault("prefix", "demande")
        super().__init__(*args, **kwargs)
        if channels:
            self.fields["asked_by"].choices = [c for c in ASKED_BY_CHOICES if c[0] in channels]
            self.fields["asked_by"].initial = channels[0]

    def clean(self):
        data = super().clean()
        if data.get("asked_by") == "relative" and not data.get("relative_name", "").strip():
            self.add_error("relative_name", _("Indiquez le nom du proche."))
        return data

    def asked(self):
        """{"asked_by", "relative_name"} as the `book_for`/`cancel_for` services take them; a form
        left empty means "mandate"."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return {"asked_by": data.get("asked_by") or "mandate", "relative_name": data.get("relative_name", "")}

    def act_for(self, staff, member, act, *, detail=""):
        """The authority for `act` (the person's request, recorded now, or their mandate)."""
        return people.act_for(staff, member, act, detail=detail, **self.asked())
