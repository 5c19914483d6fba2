"""Admin form of the activity page: the theme and audience pickers offer one language's entries."""

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Locale


class ActivityPageForm(WagtailAdminPageForm):
    """Themes and audiences exist once per language (French and English twins sharing a slug). Editors pick
    the default language's entries only; public filters and alerts match them in every language by slug or
    translation key, so a list mixing "Bien-être" and "Well-being" would only offer duplicates."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        default = Locale.get_default()
        for name in ("themes", "audiences"):
            if name in self.fields:
                self.fields[name].queryset = self.fields[name].queryset.filter(locale=default)
