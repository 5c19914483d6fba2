"""A crawler with hostile query strings: no URL of the site answers 500 (issue 13, item 5).

It resolves the URLconf (every public pattern, in French and English), adds every live page of the demo site
(`seed_demo`), and requests each with every GET parameter the views read set to a hostile value: years 9999
and 0, NUL, 10 kB, unicode, negative and huge numbers. Then the staff list pages, as a coordinator and as an
administrator. Anything but a 500 is fine: a normal page, a message, 400, 403, 404, a redirect.
"""

import io
import re
import uuid

from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from django.utils import translation

from wagtail.models import Page

import pytest

from activities.models import Booking, Session
from core import roles
from tests import factories

pytestmark = pytest.mark.django_db

HOSTILE_VALUES = [
    "9999-12",
    "0001-01",
    "1-1",
    "9999999999-1",
    "9999-12-31",
    "0001-01-01",
    "0",
    "-1",
    "99999999999999999999",
    "\x00",
    "x" * 10240,
    "éàü 😀 \u202e ﷽ \ufeff <script>",
    "2026-13-45",
]
# Every GET parameter read by a view of the site (grep request.GET, the filter sets and forms).
KNOWN_PARAMETERS = [
    "vue",
    "mois",
    "page",
    "theme",
    "audience",
    "commune",
    "places_disponibles",
    "q",
    "type",
    "tag",
    "next",
    "du",
    "au",
    "start",
    "end",
    "period",
    "format",
    "statut",
    "status",
    "mine",
    "tout",
    "periode",
    "activite",
    "annee",
    "year",
]
SKIPPED_PREFIXES = ("admin/", "documents/", "payments/", "static/", "media/")
ADMIN_LISTS = [
    "/admin/",
    "/admin/adherents/",
    "/admin/adherents/paiements/",
    "/admin/activites/",
    "/admin/activites/appels/",
    "/admin/indicateurs/",
    "/admin/accompagnement/",
    "/admin/accompagnement/indicateurs/",
    "/admin/accompagnement/journal/",
    "/admin/accompagnement/mes-etapes/",
    "/admin/pages/",
    "/admin/pages/search/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/users/",
]


def _sample(converter_name):
    return {"int": "1", "uuid": str(uuid.uuid4()), "slug": "x", "str": "x", "path": "x"}.get(converter_name, "x")


def _fill(route, samples):
    """A route with its converters replaced by sample values ("seance/<int:pk>/" → "seance/12/")."""

    def replace(match):
        converter, name = match.group(1) or "str", match.group(2)
        return samples.get(name, _sample(converter))

    return re.sub(r"<(?:(\w+):)?(\w+)>", replace, route)


def url_patterns(samples, resolver=None, prefix=""):
    """Every concrete path of the URLconf under the active language (regex catch-alls left out)."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        pattern = entry.pattern
        if isinstance(pattern, LocalePrefixPattern):
            part = pattern.language_prefix
        elif isinstance(pattern, RoutePattern):
            part = _fill(str(pattern), samples)
        elif isinstance(pattern, RegexPattern):
            literal = str(pattern).lstrip("^").rstrip("$")
            if re.search(r"[\\()\[\]?*+|{}]", literal):
                continue  # Wagtail's page catch-all (pages are crawled from the tree) and admin regexes
            part = literal
        else:
            continue
        path = prefix + part
        if path.startswith(SKIPPED_PREFIXES):
            continue
        if isinstance(entry, URLResolver):
            yield from url_patterns(samples, entry, path)
        elif isinstance(entry, URLPattern):
            yield "/" + path


def hostile_queries(path):
    """Every known parameter at once with each hostile value, plus the combinations the path cares about."""
    combinations = [{}]
    if "agenda" in path:
        combinations.append({"vue": "mois"})
    if path.startswith("/admin/"):
        combinations += [{"period": "custom"}, {"format": "csv"}]
    for value in HOSTILE_VALUES:
        for combination in combinations:
            yield {**dict.fromkeys(KNOWN_PARAMETERS, value), **combination}


def crawl(client, paths):
    """(path, query) pairs that answered 500, or raised."""
    failures = []
    for path in paths:
        for query in hostile_queries(path):
            try:
                response = client.get(path, query)
            except Exception as error:  # noqa: BLE001 - the test client re-raises what would be a 500
                failures.append((path, query.get("mois", query.get("q")), repr(error)[:200]))
                continue
            if response.status_code >= 500:
                failures.append((path, query.get("mois", query.get("q")), response.status_code))
    return failures


@pytest.fixture
def demo_site(home_fr, locale_en):
    call_command("seed_demo", stdout=io.StringIO())
    session = Session.objects.order_by("pk").first()
    booking = Booking.objects.order_by("pk").first()
    return {"pk": str(session.pk if session else 1), "booking_pk": str(booking.pk if booking else 1)}


def public_paths(samples):
    paths = set()
    for language in ("fr", "en"):
        with translation.override(language):
            paths.update(url_patterns(samples))
    seen = set()
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        kind = (page.locale_id, page.content_type_id)  # one page of each type in each language
        url = page.get_url()
        if kind not in seen and url and url.startswith("/"):
            seen.add(kind)
            paths.add(url)
    return sorted(paths)


def test_no_public_url_answers_500_to_hostile_query_strings(demo_site, make_user):
    paths = public_paths(demo_site)
    assert "/fr/agenda/" in paths and "/en/agenda/programme/" in paths and "/fr/recherche/" in paths
    assert any(path.startswith("/fr/actualites/") for path in paths)

    failures = crawl(Client(raise_request_exception=False), paths)
    member = Client(raise_request_exception=False)
    member.force_login(make_user("crawler@escale.example"))
    failures += crawl(member, [p for p in paths if "mon-espace" in p or "inscriptions" in p])

    assert not failures, failures[:20]


def test_no_staff_list_answers_500_to_hostile_query_strings(demo_site):
    """Every staff list as a coordinator; the care and indicator pages (periods, exports) as an administrator."""
    session_pk = demo_site["pk"]
    coordinator = Client(raise_request_exception=False)
    coordinator.force_login(factories.make_user("crawler-coordination@escale.example", role=roles.COORDINATOR))
    administrator = Client(raise_request_exception=False)
    administrator.force_login(factories.make_user("crawler-admin@escale.example", role=roles.ADMINISTRATOR))

    failures = crawl(coordinator, [*ADMIN_LISTS, f"/admin/activites/{session_pk}/"])
    failures += crawl(administrator, [p for p in ADMIN_LISTS if "accompagnement" in p or "indicateurs" in p])

    assert not failures, failures[:20]
