"""Partner URLs, inside i18n_patterns: /fr/partenaires/…, /en/partenaires/…"""

from django.urls import path

from partners import card_views, space_views, views

app_name = "partners"

urlpatterns = [
    path("partenaires/", views.directory_view, name="directory"),
    path("partenaires/espace/", space_views.space, name="space"),
    path("partenaires/espace/fiche/", space_views.edit_details, name="edit_details"),
    path("partenaires/espace/offres/nouvelle/", space_views.edit_offer, name="new_offer"),
    path("partenaires/espace/offres/<int:pk>/", space_views.edit_offer, name="edit_offer"),
    path("partenaires/convention/<str:token>/", space_views.sign_convention, name="sign"),
    path("partenaires/proposer/", space_views.propose, name="propose"),
    path("carte/", card_views.my_card, name="my_card"),
    path("carte/carte.pdf", card_views.my_card_pdf, name="my_card_pdf"),
    path("carte/verifier/<str:token>/", card_views.check_card, name="check"),
    path("partenaires/<slug:slug>/", views.partner_view, name="partner"),
]
