"""Calendar URLs, included inside i18n_patterns: /fr/agenda/…, /en/agenda/… (printable on flyers)."""

from django.urls import path

from activities import views

app_name = "activities"

urlpatterns = [
    path("agenda/", views.agenda_view, name="agenda"),
    path("agenda.ics", views.agenda_ics, name="agenda_ics"),
    path("agenda/programme/", views.programme_view, name="programme"),
    path("agenda/seance/<int:pk>/", views.session_detail, name="session_detail"),
    path("agenda/seance/<int:pk>.ics", views.session_ics, name="session_ics"),
    path("agenda/seance/<int:pk>/inscription/", views.book_view, name="book"),
    path("agenda/mes-inscriptions/", views.my_bookings, name="my_bookings"),
    path("agenda/inscriptions/<int:pk>/", views.booking_detail, name="booking_detail"),
    path("agenda/inscriptions/<int:pk>/annuler/", views.cancel_view, name="cancel"),
    path("agenda/inscriptions/<int:pk>/garder/", views.accept_offer_view, name="accept_offer"),
    path("agenda/inscriptions/<int:pk>/liberer/", views.decline_offer_view, name="decline_offer"),
    path("agenda/cycles/<int:pk>/annuler/", views.cancel_cycle_view, name="cancel_cycle"),
]
