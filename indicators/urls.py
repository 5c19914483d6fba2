"""Public URLs of the indicators app (the one-click satisfaction survey answers)."""

app_name = "indicators"
urlpatterns = []
