"""Mon espace URLs, included inside i18n_patterns: /fr/mon-espace/…, /en/my-space/…"""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from members import views

app_name = "members"

# The prefix is translated (/en/my-space/); home.views.old_prefix_redirect keeps /en/mon-espace/ links working.
urlpatterns = [
    path(
        _("mon-espace/"),
        include(
            [
                path("", views.dashboard, name="dashboard"),
                path("historique/", views.history_view, name="history"),
                path("profil/", views.profile_edit, name="profile"),
                path("adhesion/", views.join, name="join"),
                path("adhesion/<int:pk>/payer/", views.pay_membership, name="pay_membership"),
                path("a-payer/", views.pay_bookings, name="pay_bookings"),
                path("paiement/<uuid:token>/", views.pay, name="pay"),
                path("paiement/<int:pk>/merci/", views.payment_done, name="payment_done"),
                path("paiement/<int:pk>/echec/", views.payment_failed, name="payment_failed"),
                path("recus/<int:pk>/", views.receipt_pdf, name="receipt"),
                path("recus-fiscaux/<int:pk>/", views.tax_receipt_pdf, name="tax_receipt"),
                path("attestation/", views.attestation, name="attestation"),
                path("mes-donnees/", views.export_data, name="export"),
                path("supprimer-mon-compte/", views.delete_account, name="delete_account"),
                path("mandats/<int:pk>/revoquer/", views.revoke_mandate, name="revoke_mandate"),
            ]
        ),
    ),
    path("renouveler/<str:token>/", views.renew, name="renew"),
]
