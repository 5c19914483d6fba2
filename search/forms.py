"""The search form: one big box, then optional filters (a plain GET form that works without JavaScript)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from search.services import KIND_CHOICES, MAX_QUERY_LENGTH, themes_for


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Que cherchez-vous ?"),
        help_text=_("Par exemple : atelier numérique, yoga, sortie, aidants. Les accents ne sont pas nécessaires."),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "class": "search-box__input",
                "list": "search-suggestions",
                "autocomplete": "off",
                "spellcheck": "false",
                "enterkeyhint": "search",
            }
        ),
    )
    type = forms.ChoiceField(label=_("Type de contenu"), required=False)
    theme = forms.ChoiceField(label=_("Thème des activités"), required=False)

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("Tout le site")), *KIND_CHOICES]
        self.fields["theme"].choices = [("", _("Tous les thèmes")), *themes_for(locale)]

    def cleaned_or_empty(self):
        """The valid values, an unknown type or theme being simply ignored (old links keep working)."""
        if self.is_valid():
            return self.cleaned_data
        data = {"q": (self.data.get("q") or "")[:MAX_QUERY_LENGTH], "type": "", "theme": ""}
        for name in ("type", "theme"):
            if name not in self.errors:
                data[name] = self.cleaned_data.get(name, "")
        return data
