"""Calendar filters (theme, audience, commune, places disponibles), as a plain GET form."""

from django import forms
from django.conf import settings
from django.db.models import F
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.coreutils import get_supported_content_language_variant

import django_filters

from activities.models import ActivityPage, Audience, Place, Session, Theme


def _choices(model):
    """(slug, name) in the active language, else in the default one; slugs are shared by all
    translations. One query (no Locale lookup: the language codes are enough)."""
    active = get_supported_content_language_variant(get_language())
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    rows = list(
        model.objects.filter(locale__language_code__in={active, default}).values_list(
            "locale__language_code", "slug", "name"
        )
    )
    mine = [(slug, name) for code, slug, name in rows if code == active]
    return mine or [(slug, name) for code, slug, name in rows if code == default]


class SessionFilter(django_filters.FilterSet):
    theme = django_filters.ChoiceFilter(label=_("Thème"), method="filter_theme", empty_label=_("Tous les thèmes"))
    audience = django_filters.ChoiceFilter(
        label=_("Public"), method="filter_audience", empty_label=_("Tous les publics")
    )
    commune = django_filters.ChoiceFilter(
        label=_("Commune"), field_name="place__commune", empty_label=_("Toutes les communes")
    )
    places_disponibles = django_filters.BooleanFilter(
        label=_("Seulement les séances où il reste des places"),
        method="filter_available",
        widget=forms.CheckboxInput,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["theme"].extra["choices"] = _choices(Theme)
        self.filters["audience"].extra["choices"] = _choices(Audience)
        communes = Place.objects.order_by("commune").values_list("commune", flat=True).distinct()
        self.filters["commune"].extra["choices"] = [(c, c) for c in communes]

    @property
    def is_active(self):
        """True when the visitor chose something (the folded filter panel then starts open)."""
        return any(self.data.get(name) for name in self.filters)

    def filter_theme(self, queryset, name, value):
        through = ActivityPage.themes.through.objects.filter(theme__slug=value)
        return queryset.filter(activity_id__in=through.values("activitypage_id"))

    def filter_audience(self, queryset, name, value):
        through = ActivityPage.audiences.through.objects.filter(audience__slug=value)
        return queryset.filter(activity_id__in=through.values("activitypage_id"))

    def filter_available(self, queryset, name, value):
        if value:
            return queryset.filter(status=Session.Status.SCHEDULED, seats_taken__lt=F("capacity"))
        return queryset
