"""The editor's story: write a news item in French in the admin, publish it, translate it into English, publish."""

from django.urls import reverse
from django.utils.http import urlencode

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest
from wagtail_localize.models import Translation

from home.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db


def news_form_data(**overrides):
    data = {
        "title": "Fête de quartier au jardin",
        "slug": "fete-de-quartier",
        "date": "2026-06-20",
        "summary": "Rendez-vous samedi au jardin partagé pour la fête de quartier.",
        "image": "",
        "image_alt_text": "",
        "tags": "Jardin, Fête",
        "body": streamfield(
            [
                ("heading", {"text": "Au programme", "level": "h2"}),
                ("paragraph", rich_text("<p>Pique-nique, musique et jeux pour tous les âges.</p>")),
            ]
        ),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(overrides)
    return nested_form_data(data)


ENGLISH = {
    "Actualités": "News",
    "actualites": "news",
    "Les nouvelles.": "What's new.",
    "Fête de quartier au jardin": "Neighbourhood party in the garden",
    "fete-de-quartier": "neighbourhood-party",
    "Rendez-vous samedi au jardin partagé pour la fête de quartier.": "Join us on Saturday in the shared garden.",
    "Au programme": "What's on",
    "Pique-nique, musique et jeux pour tous les âges.": "Picnic, music and games for all ages.",
}


def submit_translation(client, page, locale):
    return client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.id]),
        {"locales": [locale.id]},
    )


def translate_strings_and_publish(client, source_page, locale, capture_on_commit):
    """What the editor does in wagtail-localize's translation editor: fill in each string, then publish."""
    translation = Translation.objects.get(source__object_id=source_page.translation_key, target_locale=locale)
    for segment in translation.source.stringsegment_set.select_related("string"):
        response = client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.id, segment.id]),
            urlencode({"value": ENGLISH[segment.string.data]}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code == 201, response.content
    target = translation.get_target_instance()
    with capture_on_commit(execute=True):  # wagtail-localize publishes the revision once the transaction commits
        response = client.post(reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"})
    assert response.status_code == 302
    return Page.objects.get(pk=target.pk).specific


def test_editor_writes_publishes_and_translates_a_news_item(
    client, editor, news_index_fr, home_en, locale_en, django_capture_on_commit_callbacks
):
    client.force_login(editor)

    # 1. Write and publish the French news item through the admin add view.
    response = client.post(
        reverse("wagtailadmin_pages:add", args=("home", "newspage", news_index_fr.pk)),
        {**news_form_data(), "action-publish": "action-publish"},
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    news_fr = NewsPage.objects.get(locale__language_code="fr", slug="fete-de-quartier")
    assert news_fr.live
    assert news_fr.get_parent().pk == news_index_fr.pk
    assert [block.block_type for block in news_fr.body] == ["heading", "paragraph"]
    assert sorted(tag.name for tag in news_fr.tags.all()) == ["Fête", "Jardin"]
    assert client.get(news_fr.url).status_code == 200

    # 2. Translate the news index first (a page is translated under its translated parent), then the news item.
    assert submit_translation(client, news_index_fr, locale_en).status_code == 302
    index_en = translate_strings_and_publish(client, news_index_fr, locale_en, django_capture_on_commit_callbacks)
    assert submit_translation(client, news_fr, locale_en).status_code == 302
    news_en = translate_strings_and_publish(client, news_fr, locale_en, django_capture_on_commit_callbacks)

    assert isinstance(index_en, NewsIndexPage) and index_en.live
    assert isinstance(news_en, NewsPage) and news_en.live
    assert news_en.get_parent().pk == index_en.pk
    assert news_en.date == news_fr.date

    # 3. The public reads it under /en/, and finds it in the English news index.
    client.logout()
    assert news_en.url == "/en/news/neighbourhood-party/"
    response = client.get(news_en.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "Neighbourhood party in the garden" in html
    assert "Picnic, music and games for all ages." in html
    assert "Neighbourhood party in the garden" in client.get("/en/news/").content.decode()
