"""Search page, autocomplete suggestions (JSON) and the bare benchmark view."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.http import urlencode

from wagtail.models import Locale

from search import services
from search.forms import SearchForm

PER_PAGE = 10


@login_not_required
def search_view(request):
    """/fr/recherche/?q=…&type=…&theme=…&page=…"""
    locale = Locale.get_active()
    form = SearchForm(request.GET or None, locale=locale)
    data = form.cleaned_or_empty() if request.GET else {"q": "", "type": "", "theme": ""}
    query_string = (data["q"] or "").strip()
    kind, theme = data["type"] or None, data["theme"] or None
    context = {"form": form, "query_string": query_string, "kind": kind, "theme": theme}
    context["popular_queries"] = services.popular_queries()
    if query_string:
        found = services.results_page(
            query_string, locale=locale, kind=kind, theme=theme, page_number=request.GET.get("page"), per_page=PER_PAGE
        )
        first_page = found.page_obj is None or found.page_obj.number == 1
        picks = services.promotions(query_string, locale=locale) if first_page else []
        picked_ids = {pick.page_id for pick in picks if pick.page_id}
        if first_page:
            services.record_hit(query_string)
        context.update(
            page_obj=found.page_obj,
            hits=[hit for hit in found.hits if hit.pk not in picked_ids or kind == services.PLACE_KIND],
            picks=picks,
            places=found.places,
            partners=found.partners,
            relaxed=found.relaxed,
            total=found.page_obj.paginator.count if found.page_obj else 0,
            extra_query=urlencode({k: v for k, v in (("q", query_string), ("type", kind), ("theme", theme)) if v})
            + "&",
        )
    return render(request, "search/search.html", context)


@login_not_required
def suggestions_view(request):
    """{"suggestions": [...]} for the <datalist> of the search box (progressive enhancement)."""
    found = services.suggestions(request.GET.get("q", ""), locale=Locale.get_active())
    response = JsonResponse({"suggestions": found})
    response["Cache-Control"] = "public, max-age=300"
    return response


@login_not_required
def bench_ping(request):
    """The benchmark ceiling: a Django view through the whole middleware stack, no database, no template.
    Wired only when settings.BENCHMARK_VIEWS is true (make bench)."""
    return HttpResponse(b"ok", content_type="text/plain")
