from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo site (`manage.py seed_demo`): on top of every other app, which none of them imports."""

    name = "demo"
    verbose_name = _("Site de démonstration")
