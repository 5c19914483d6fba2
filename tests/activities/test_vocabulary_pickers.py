"""The admin pickers of an activity page offer the themes and audiences of one language, not a FR/EN mix."""

import pytest

from activities.models import ActivityPage, Audience, Theme
from tests.activities.factories import make_activity

pytestmark = pytest.mark.django_db


def test_theme_and_audience_pickers_offer_the_default_language_entries_only(locale_fr, locale_en, editor):
    wellbeing = Theme.objects.create(name="Bien-être", slug="bien-etre", locale=locale_fr)
    Theme.objects.create(
        name="Well-being", slug="bien-etre", locale=locale_en, translation_key=wellbeing.translation_key
    )
    seniors = Audience.objects.create(name="Seniors", slug="seniors", locale=locale_fr)
    Audience.objects.create(
        name="Older people", slug="seniors", locale=locale_en, translation_key=seniors.translation_key
    )
    page = make_activity("Yoga doux")

    form_class = ActivityPage.get_edit_handler().get_form_class()
    form = form_class(instance=page, for_user=editor, parent_page=page.get_parent())

    assert [str(theme) for theme in form.fields["themes"].queryset] == ["Bien-être"]
    assert [str(audience) for audience in form.fields["audiences"].queryset] == ["Seniors"]
