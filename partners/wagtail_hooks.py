"""Admin: the partner organisations (list, edit, invite) and the offers waiting for review."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from core.admin_menu import PermissionMenuItem
from partners import card_views, staff_views
from partners.models import ConventionText, PartnerOrganisation


class PartnerViewSet(ModelViewSet):
    model = PartnerOrganisation
    icon = "site"
    menu_label = _("Partenaires")
    add_to_admin_menu = True
    menu_order = 230
    list_display = ["name", "category", "commune", "status", "convention_until"]
    list_filter = ["category", "status"]
    search_fields = ["name", "commune"]
    form_fields = [
        "name",
        "slug",
        "category",
        "description",
        "description_en",
        "address",
        "postcode",
        "commune",
        "latitude",
        "longitude",
        "accessibility",
        "opening_hours",
        "contact_name",
        "email",
        "phone",
        "website",
        "status",
        "convention_until",
    ]


class ConventionTextViewSet(ModelViewSet):
    model = ConventionText
    icon = "doc-full"
    menu_label = _("Textes de convention")
    add_to_admin_menu = False
    list_display = ["version", "published_at"]
    form_fields = ["version", "body"]


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [PartnerViewSet("partenaires"), ConventionTextViewSet("conventions")]


staff_patterns = [
    path("", staff_views.offers_to_review, name="offers_to_review"),
    path("<int:pk>/relire/", staff_views.review, name="review"),
    path("partenaire/<int:pk>/inviter/", staff_views.invite, name="invite"),
    path("carte/<int:member_pk>/", card_views.desk_card_pdf, name="desk_card"),
    path("carte/<int:member_pk>/remplacer/", card_views.desk_reissue, name="desk_reissue"),
]


@hooks.register("register_admin_urls")
def register_staff_urls():
    return [path("offres-partenaires/", include((staff_patterns, "partners_staff"), namespace="partners_staff"))]


@hooks.register("register_admin_menu_item")
def register_review_menu():
    return PermissionMenuItem(
        _("Offres à relire"),
        reverse("partners_staff:offers_to_review"),
        icon_name="tick",
        order=231,
        permission=staff_views.PERMISSION,
    )
