"""Admin registration: themes, audiences, places, sessions, and the coordinators' tools."""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from activities.models import Audience, Place, Session, Theme
from activities.viewsets import ActivitiesStaffViewSet
from core.admin_menu import PermissionMenuItem


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug"]


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    list_display = ["name", "slug"]


class PlaceViewSet(SnippetViewSet):
    model = Place
    icon = "site"
    list_display = ["name", "commune", "is_bus_stop"]
    list_filter = ["commune", "is_bus_stop"]
    search_fields = ["name", "commune"]


class SessionIndexView(IndexView):
    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.request.user.has_perm("activities.add_session"):
            buttons.append(
                HeaderButton(_("Créer une série"), url=reverse("activities_staff:generate_series"), icon_name="repeat")
            )
        return buttons


class SessionViewSet(ModelViewSet):
    """Sessions are edited here, one by one, and not inline on the activity page, on purpose.

    Bookings point at session rows and are guarded by a row lock on them. An inline formset on
    the page would save the whole list with the page (and revisions would delete and recreate
    child rows), racing bookings taken meanwhile and risking PROTECT errors or lost seats; a
    session edited on its own form changes only that row. Series come from the series form
    (activities.series_views) and then stand alone.
    """

    model = Session
    index_view_class = SessionIndexView
    icon = "date"
    menu_label = _("Séances")
    add_to_admin_menu = False
    list_display = ["activity", "start", "place", "capacity", "status"]
    list_filter = ["status", "place__commune", "activity"]
    search_fields = ["activity__title", "place__name", "place__commune"]
    ordering = ["-start"]
    copy_view_enabled = True


class ActivitiesGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, AudienceViewSet, PlaceViewSet)
    menu_label = _("Activités : listes")
    menu_icon = "folder-open-inverse"
    menu_order = 210


session_viewset = SessionViewSet("sessions")


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [ActivitiesGroup(), session_viewset, ActivitiesStaffViewSet()]


@hooks.register("register_admin_menu_item")
def register_sessions_menu():
    return PermissionMenuItem(
        _("Séances et inscriptions"),
        reverse("activities_staff:session_list"),
        icon_name="date",
        order=205,
        permission="activities.view_session",
    )


@hooks.register("register_admin_menu_item")
def register_manage_sessions_menu():
    return PermissionMenuItem(
        _("Séances (modifier)"),
        reverse(session_viewset.get_url_name("index")),
        icon_name="calendar-alt",
        order=206,
        permission="activities.change_session",
    )


@hooks.register("register_admin_menu_item")
def register_call_list_menu():
    return PermissionMenuItem(
        _("Liste d'appels"),
        reverse("activities_staff:call_list"),
        icon_name="mail",
        order=207,
        permission="activities.change_calllistentry",
    )
