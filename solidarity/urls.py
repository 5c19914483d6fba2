"""Entraide URLs inside Mon espace: /fr/mon-espace/entraide/…, /en/my-space/mutual-help/…"""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from solidarity import views

app_name = "solidarity"

urlpatterns = [
    path(
        _("mon-espace/"),
        include(
            [
                path(_("entraide/"), views.index, name="index"),
                path(_("entraide/demander/"), views.post_request, name="post_request"),
                path(_("entraide/benevole/"), views.volunteer_apply, name="volunteer"),
                path(_("entraide/demandes/<int:pk>/"), views.request_detail, name="request"),
                path(_("entraide/demandes/<int:pk>/<slug:name>/"), views.request_action, name="request_action"),
            ]
        ),
    ),
]
