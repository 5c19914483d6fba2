"""The call list as a Wagtail listing view (a django-filter filter for calls already made), and the
coordinators' tools registered as one viewset under /admin/activites/ (namespace activities_staff), as
members.viewsets does for /admin/adherents/."""

from django import forms
from django.http import HttpResponseBadRequest
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.base import ViewSet

import django_filters

from activities import series_views, staff_views
from activities.models import CallListEntry
from activities.services import handle_call


class CallListFilterSet(WagtailFilterSet):
    tout = django_filters.BooleanFilter(
        label=gettext_lazy("Voir aussi les appels faits"), method="filter_all", widget=forms.CheckboxInput
    )

    class Meta:
        model = CallListEntry
        fields = []

    def filter_all(self, queryset, name, value):
        return queryset if value else queryset.exclude(status=CallListEntry.Status.DONE)


class CallActionsColumn(Column):
    """One small form per other state ("Fait", "Injoignable", "À appeler"), posted to the list itself."""

    cell_template_name = "activities/admin/call_actions_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["csrf"] = get_token(request) if request is not None else ""
        context["outcomes"] = [(v, label) for v, label in CallListEntry.Status.choices if v != instance.status]
        return context


def _person(entry):
    name = entry.member.get_full_name() or entry.member.username
    return f"{name} ({date_format(entry.created_at, 'SHORT_DATETIME_FORMAT', use_l10n=True)})"


class CallListView(IndexView):
    """Liste d'appels: what to tell people without e-mail; staff record each call's outcome
    (activities.services.handle_call, journaled)."""

    model = CallListEntry
    permission_required = "change"
    any_permission_required = None
    page_title = gettext_lazy("Liste d'appels")
    header_icon = "mail"
    paginate_by = 100
    filterset_class = CallListFilterSet
    index_url_name = "activities_staff:call_list"
    index_results_url_name = "activities_staff:call_list_results"
    results_template_name = "core/admin/listing_results.html"

    @cached_property
    def columns(self):
        return [
            Column("member", label=_("Personne"), accessor=_person),
            Column("phone", label=_("Téléphone"), accessor=lambda e: e.phone or "—"),
            Column("message", label=_("À dire")),
            Column("status", label=_("État"), accessor="get_status_display"),
            CallActionsColumn("actions", label=_("Actions")),
        ]

    def get_base_queryset(self):
        return CallListEntry.objects.select_related("member", "booking__session__activity").order_by(
            "status", "created_at", "pk"
        )

    def order_queryset(self, queryset):
        return queryset  # state, then oldest first (get_base_queryset)

    def post(self, request, *args, **kwargs):
        entry = get_object_or_404(CallListEntry, pk=request.POST.get("entry"))
        outcome = request.POST.get("status")
        if outcome not in CallListEntry.Status.values:
            return HttpResponseBadRequest()
        handle_call(entry, by=request.user, outcome=outcome)
        return redirect("activities_staff:call_list")


class ActivitiesStaffViewSet(ViewSet):
    """Every coordinators' tool under /admin/activites/ (URL names activities_staff:…): the call list
    above and the session, booking and series views of activities.staff_views and activities.series_views."""

    name = "activities_staff"
    url_prefix = "activites"
    icon = "date"

    def get_urlpatterns(self):
        return [
            path("", staff_views.session_list, name="session_list"),
            path("appels/", never_cache(CallListView.as_view()), name="call_list"),
            path("appels/resultats/", never_cache(CallListView.as_view(results_only=True)), name="call_list_results"),
            path("serie/", series_views.generate_series, name="generate_series"),
            path("<int:pk>/", staff_views.session_bookings, name="session_bookings"),
            path("<int:pk>/inscrire/", staff_views.assisted_booking, name="assisted_booking"),
            path("<int:pk>/emargement/", staff_views.attendance, name="attendance"),
            path("<int:pk>/export/", staff_views.export_bookings, name="export_bookings"),
            path("<int:pk>/annuler/", staff_views.cancel_session, name="cancel_session"),
            path(
                "<int:pk>/inscriptions/<int:booking_pk>/cycle/annuler/", staff_views.cancel_cycle, name="cancel_cycle"
            ),
            path(
                "<int:pk>/inscriptions/<int:booking_pk>/<str:action>/",
                staff_views.booking_action,
                name="booking_action",
            ),
        ]
