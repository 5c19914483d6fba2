"""Public URLs of the indicators app: the satisfaction survey (the e-mailed link, then the answer sent)."""

from django.urls import path

from indicators import views

app_name = "indicators"
urlpatterns = [
    path("avis/<str:token>/<slug:question>/<slug:choice>/", views.survey_answer, name="survey_answer"),
    path("avis/<str:token>/<slug:question>/", views.survey_send, name="survey_send"),
]
