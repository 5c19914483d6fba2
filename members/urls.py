"""Mon espace URLs, included inside i18n_patterns: /fr/mon-espace/…, /en/mon-espace/…"""

from django.urls import path

from members import views

app_name = "members"

urlpatterns = [
    path("mon-espace/", views.dashboard, name="dashboard"),
    path("mon-espace/historique/", views.history_view, name="history"),
    path("mon-espace/profil/", views.profile_edit, name="profile"),
    path("mon-espace/adhesion/", views.join, name="join"),
    path("mon-espace/adhesion/<int:pk>/payer/", views.pay_membership, name="pay_membership"),
    path("mon-espace/a-payer/", views.pay_bookings, name="pay_bookings"),
    path("mon-espace/paiement/<uuid:token>/", views.pay, name="pay"),
    path("mon-espace/paiement/<int:pk>/merci/", views.payment_done, name="payment_done"),
    path("mon-espace/paiement/<int:pk>/echec/", views.payment_failed, name="payment_failed"),
    path("mon-espace/recus/<int:pk>/", views.receipt_pdf, name="receipt"),
    path("mon-espace/recus-fiscaux/<int:pk>/", views.tax_receipt_pdf, name="tax_receipt"),
    path("mon-espace/attestation/", views.attestation, name="attestation"),
    path("mon-espace/mes-donnees/", views.export_data, name="export"),
    path("mon-espace/supprimer-mon-compte/", views.delete_account, name="delete_account"),
    path("mon-espace/mandats/<int:pk>/revoquer/", views.revoke_mandate, name="revoke_mandate"),
    path("renouveler/<str:token>/", views.renew, name="renew"),
]
