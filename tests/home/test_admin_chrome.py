"""The admin shell: no Gravatar request (the CSP refuses it and it would send a hash of the e-mail away), and
no menu entry or page button that refuses the person who is shown it."""

import re

from django.test import RequestFactory

from wagtail.admin.menu import admin_menu
from wagtail.admin.templatetags.wagtailadmin_tags import avatar_url

import pytest

from tests.activities.factories import make_session

pytestmark = pytest.mark.django_db

ROLES = ["editor", "coordinator", "social_worker", "psychologist", "administrator"]


def test_the_admin_requests_no_gravatar(client, administrator, home_fr):
    assert "gravatar" not in avatar_url(administrator)
    assert "default-user-avatar.png" in avatar_url(administrator)
    client.force_login(administrator)
    assert "gravatar" not in client.get("/admin/").content.decode()


def _menu_links(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    links = []

    def walk(items):
        for item in items:
            submenu = getattr(item, "menu", None)
            if submenu is not None:
                walk(submenu.menu_items_for_request(request))
            elif str(getattr(item, "url", "")).startswith("/admin/"):
                links.append((str(item.label), item.url))

    walk(admin_menu.menu_items_for_request(request))
    return links


@pytest.mark.parametrize("role_fixture", ROLES)
def test_every_admin_menu_entry_shown_to_a_role_opens_for_it(client, request, role_fixture, home_fr):
    user = request.getfixturevalue(role_fixture)
    client.force_login(user)
    links = _menu_links(user)
    assert links
    refused = []
    for label, url in links:
        # Settings redirect to the default site's form; a refusal redirects to the admin home with a message.
        response = client.get(url, follow=True)
        landed = response.redirect_chain[-1][0] if response.redirect_chain else url
        if response.status_code != 200 or landed == "/admin/":
            refused.append(f"{label} {url} → {response.status_code} {landed}")
    assert not refused, f"{role_fixture} is shown entries that refuse them: {refused}"


def test_the_sessions_page_offers_the_call_list_only_to_who_can_open_it(client, editor, coordinator, home_fr):
    make_session()
    client.force_login(editor)
    page = client.get("/admin/activites/").content.decode()
    assert "/admin/activites/appels/" not in page
    for href in set(re.findall(r'href="(/admin/activites/[^"?]*)"', page)):
        assert client.get(href).status_code == 200, href
    client.force_login(coordinator)
    assert "/admin/activites/appels/" in client.get("/admin/activites/").content.decode()
