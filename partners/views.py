"""Public pages of the partners directory: the list (by category, commune, distance) and one partner."""

import json

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, render

from partners.forms import DirectoryForm
from partners.models import Category
from partners.services import directory


@login_not_required
def directory_view(request):
    form = DirectoryForm(request.GET or None)
    results, origin, searched_near = [], None, ""
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        searched_near = data["pres_de"].strip()
        results, origin = directory.search(
            category=data["categorie"],
            commune=request.GET.get("commune", "")[:100],
            near=searched_near,
            radius_km=data["rayon"],
        )
    elif not form.is_bound:
        results, origin = directory.search()
    points = [
        {"name": f.partner.name, "lat": f.partner.latitude, "lon": f.partner.longitude, "url": f.partner.slug}
        for f in results
        if f.partner.latitude is not None
    ]
    context = {
        "form": form,
        "results": results,
        "origin": origin,
        "searched_near": searched_near,
        "unknown_place": bool(searched_near) and origin is None,
        "categories": Category.choices,
        "communes": directory.communes_with_partners(),
        "tiles_url": settings.PARTNERS_MAP_TILES_URL,
        "points_json": json.dumps(points),
    }
    return render(request, "partners/directory.html", context)


@login_not_required
def partner_view(request, slug):
    partner = get_object_or_404(directory.public_partners(), slug=slug)
    return render(request, "partners/partner.html", {"partner": partner, "offers": partner.live_offers})
