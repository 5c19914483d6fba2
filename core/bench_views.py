"""`make bench` only: the throughput ceiling, a bare Django view rendering a ~5 KB template.

No database, no session, no cache: the cost of Django itself (middleware, URL resolving, template engine)
for a page of ordinary size, the usual yardstick for a CMS page. Wired in config/urls.py only when
settings.BENCHMARK_VIEWS is true (the bench sets it; production never does).
"""

from django.shortcuts import render

ITEMS = [
    {
        "title": f"Atelier {number}",
        "summary": "Une rencontre conviviale pour apprendre, échanger et passer un bon moment ensemble.",
        "url": f"/fr/activites/atelier-{number}/",
        "day": 1 + number % 28,
    }
    for number in range(1, 13)
]


def bench_page(request):
    return render(request, "core/bench_page.html", {"title": "Escale, tiers-lieu des aidants", "items": ITEMS})
