"""Registers the care staff views under /admin/accompagnement/, with a menu shown only to care roles."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from care import services, views


class CareMenuItem(MenuItem):
    def is_shown(self, request):
        return services.can_access_care(request.user)


class CareViewSet(ViewSet):
    name = "care"
    url_prefix = "accompagnement"
    icon = "folder-open-inverse"
    menu_label = _("Accompagnement")
    menu_order = 250
    add_to_admin_menu = True
    menu_item_class = CareMenuItem

    def get_urlpatterns(self):
        return [
            path("", views.case_list, name="index"),
            path("nouveau/", views.case_create, name="create"),
            path("dossier/<int:pk>/", views.case_detail, name="detail"),
            path("dossier/<int:pk>/modifier/", views.case_edit, name="edit"),
            path("dossier/<int:pk>/statut/", views.case_status, name="status"),
            path("dossier/<int:pk>/note/", views.note_add, name="note_add"),
            path("dossier/<int:pk>/intervention/", views.intervention_add, name="intervention_add"),
            path("dossier/<int:pk>/orientation/", views.orientation_add, name="orientation_add"),
            path("dossier/<int:pk>/etape/", views.next_step_add, name="next_step_add"),
            path("dossier/<int:pk>/journal/", views.case_access_log, name="case_log"),
            path("note/<int:pk>/", views.note_detail, name="note"),
            path("etape/<int:pk>/faite/", views.next_step_done, name="next_step_done"),
            path("orientation/<int:pk>/suite/", views.orientation_outcome, name="orientation_outcome"),
            path("mes-etapes/", views.my_next_steps, name="my_next_steps"),
            path("indicateurs/", views.indicators, name="indicators"),
            path("journal/", views.access_log, name="access_log"),
        ]


@hooks.register("register_admin_viewset")
def register_care_viewset():
    return CareViewSet()
