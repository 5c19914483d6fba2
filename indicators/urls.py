"""Public URLs of the indicators app (the one-click satisfaction survey answers)."""

from django.urls import path

from indicators import views

app_name = "indicators"
urlpatterns = [
    path("avis/<str:token>/<slug:question>/<slug:choice>/", views.survey_answer, name="survey_answer"),
]
