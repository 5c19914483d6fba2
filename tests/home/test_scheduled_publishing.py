"""Scheduled publishing: a news item set to go live later appears once its time has come."""

import datetime

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Page

import pytest

from home.models import NewsIndexPage, NewsPage


@pytest.mark.django_db
def test_news_scheduled_for_later_goes_live_when_publish_scheduled_runs(client):
    root = Page.objects.get(depth=1)
    index = root.add_child(instance=NewsIndexPage(title="Actualités", slug="actus-programmees"))
    news = index.add_child(
        instance=NewsPage(title="Fête de quartier", slug="fete", summary="Samedi au jardin.", live=False)
    )
    news.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = news.save_revision()
    revision.publish()  # with a future go-live date, publishing only schedules it
    news.refresh_from_db()
    assert news.live is False
    assert news not in index.news()

    # An hour later: move the schedule into the past rather than waiting.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled")

    news.refresh_from_db()
    assert news.live is True
    assert list(index.news()) == [news]
