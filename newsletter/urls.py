"""Newsletter URLs, inside i18n_patterns: /fr/lettre/…"""

from django.urls import path

from newsletter import views

app_name = "newsletter"

urlpatterns = [
    path("lettre/inscription/", views.subscribe, name="subscribe"),
    path("lettre/confirmer/<str:token>/", views.confirm, name="confirm"),
    path("lettre/desabonnement/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
