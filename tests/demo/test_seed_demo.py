"""`manage.py seed_demo`: a believable bilingual demo site, built again without duplicates."""

import io
import pathlib
import re

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site

import pytest
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from wagtail_localize.models import StringTranslation, Translation

from activities.models import ActivityIndexPage, ActivityPage, Audience, Booking, Session, Theme
from core import roles
from demo.accounts import ACCOUNTS, demo_password
from demo.activities import ACTIVITIES_EN, AUDIENCES_EN, THEMES_EN
from home.models import HomePage, NewsPage, PracticalInfo, StandardPage
from indicators.models import SurveyAnswer, SurveyInvitation
from members.models import MemberProfile, Membership, Payment, PaymentItem, Receipt
from tests.factories import ImageFactory, NewsIndexPageFactory, NewsPageFactory, make_user


def seed():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "users": get_user_model().objects.count(),
        "emails": EmailAddress.objects.count(),
        "practical_info": PracticalInfo.objects.count(),
        "themes": Theme.objects.count(),
        "audiences": Audience.objects.count(),
        "translated_strings": StringTranslation.objects.count(),
        # the past of the demo (demo/indicators.py) and its upcoming sessions
        **{
            model.__name__: model.objects.count()
            for model in (Session, Booking, Membership, MemberProfile, Payment, PaymentItem, Receipt)
        },
        "survey_invitations": SurveyInvitation.objects.count(),
        "survey_answers": SurveyAnswer.objects.count(),
    }


@pytest.mark.django_db
def test_seed_demo_run_twice_creates_nothing_more_the_second_time():
    seed()
    first = counts()
    seed()
    assert counts() == first
    assert first["images"] >= 10
    assert first["users"] >= len(ACCOUNTS)  # other apps' demo modules may add their own people
    assert first["Receipt"] == first["Payment"] > 100  # months of history, every payment with its receipt
    assert first["survey_answers"] > 0


@pytest.mark.django_db
def test_seed_demo_serves_french_and_english_home_pages_in_their_language(client):
    seed()
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.site_name == "La Maison Escale"
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()  # Wagtail's welcome page is gone
    for language in ("fr", "en"):
        response = client.get(f"/{language}/", HTTP_HOST="localhost")
        assert response.status_code == 200
        assert BeautifulSoup(response.content, "html.parser").html["lang"] == language


@pytest.mark.django_db
def test_seed_demo_translates_main_pages_with_english_slugs_through_wagtail_localize(client):
    from wagtail_localize.models import Translation

    seed()
    english = Locale.objects.get(language_code="en")
    for slug in ("about-us", "practical-information", "news", "accessibility-statement"):
        page = Page.objects.get(locale=english, slug=slug)
        assert page.live
        assert Translation.objects.filter(source__object_id=page.translation_key, target_locale=english).exists()
    assert client.get("/en/about-us/", HTTP_HOST="localhost").status_code == 200


@pytest.mark.django_db
def test_seed_demo_shows_the_english_calendar_with_english_activities_themes_and_audiences(client):
    seed()
    english = Locale.objects.get(language_code="en")
    index = ActivityIndexPage.objects.get(locale=english)
    activities = ActivityPage.objects.live().child_of(index)
    assert sorted(activities.values_list("title", flat=True)) == sorted(v["title"] for v in ACTIVITIES_EN.values())
    for activity in activities:
        assert Translation.objects.filter(source__object_id=activity.translation_key, target_locale=english).exists()

    html = client.get("/en/agenda/", HTTP_HOST="localhost").content.decode()
    assert "Gentle chair yoga" in html
    assert "Yoga doux sur chaise" not in html
    for name in [*THEMES_EN.values(), *AUDIENCES_EN.values()]:
        assert f">{name}</option>" in html  # the filters speak English too
    page = client.get("/en/activities/chair-yoga/", HTTP_HOST="localhost").content.decode()
    assert "Slow movements, seated or standing" in page
    assert "Well-being" in page
    assert "Older people" in page
    assert "Des mouvements lents" in client.get("/fr/activites/yoga-doux/", HTTP_HOST="localhost").content.decode()


@pytest.mark.django_db
def test_seed_demo_publishes_news_with_described_images_in_both_languages():
    seed()
    news = NewsPage.objects.live()
    french = news.filter(locale__language_code="fr")
    assert french.count() >= 8
    assert news.filter(locale__language_code="en").count() >= 3
    for item in news:
        assert item.image is not None
        assert item.image.description.strip()
        assert item.alt_text.strip()
        assert item.summary.strip()
        assert item.tags.exists()


@pytest.mark.django_db
def test_seed_demo_writes_an_rgaa_accessibility_statement_linked_from_the_footer(client):
    seed()
    statement = StandardPage.objects.get(slug="declaration-accessibilite", locale__language_code="fr")
    text = str(statement.body)
    assert "partiellement conforme" in text
    assert "Défenseur des droits" in text
    assert not statement.show_in_menus
    footer_pages = PracticalInfo.objects.get(locale__language_code="fr").footer_links.values_list("page", flat=True)
    assert statement.pk in footer_pages
    response = client.get("/fr/declaration-accessibilite/", HTTP_HOST="localhost")
    assert response.status_code == 200


@pytest.mark.django_db
def test_seed_demo_creates_one_verified_account_per_role():
    output = seed()
    User = get_user_model()
    for email, _first, _last, role in ACCOUNTS:
        user = User.objects.get(email=email)
        assert user.check_password(demo_password())
        assert EmailAddress.objects.filter(user=user, email=email, primary=True, verified=True).exists()
        assert list(user.groups.values_list("name", flat=True)) == ([role] if role else [])
        assert user.is_staff == (role == roles.ADMINISTRATOR)
        assert email in output
    assert "http://127.0.0.1:8000/admin/" in output


def test_no_app_imports_the_demo_app():
    """demo/ sits on top of the app graph: settings, URLs and every other app work without it."""
    root = pathlib.Path(__file__).resolve().parents[2]
    offenders = []
    for app in ("config", "core", "home", "activities", "members", "care", "indicators", "search"):
        for path in (root / app).rglob("*.py"):
            for line in path.read_text(encoding="utf-8").splitlines():
                if re.match(r"\s*(from demo[ .]|import demo\b)", line):
                    offenders.append(f"{path.relative_to(root)}: {line.strip()}")
    assert offenders == []


@pytest.mark.django_db
def test_factories_build_a_news_item_with_an_image_and_a_verified_user(home_fr):
    index = NewsIndexPageFactory(parent=home_fr)
    item = NewsPageFactory(parent=index)
    assert item.image.description
    assert ImageFactory().file.name.endswith(".jpg")
    user = make_user(role=roles.EDITOR)
    assert EmailAddress.objects.get(user=user).verified
    assert user.groups.filter(name=roles.EDITOR).exists()
