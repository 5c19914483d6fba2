"""Admin form that generates a series of sessions from a rule: preview the dates, then create.

Each generated session is an ordinary, independent row, edited afterwards in the Sessions admin.
"""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from activities import services
from activities.forms import SeriesForm
from core.formatting import when_in_words


def _preview(form):
    """The sessions the rule would create, as (start, end) pairs, and the dates it skips."""
    kwargs = form.series_kwargs()
    first_start, duration = kwargs["first_start"], kwargs["duration"]
    dates = services.series_dates(
        first_start.date(),
        count=kwargs["count"],
        frequency=kwargs["frequency"],
        interval=kwargs["interval"],
        skip_dates=kwargs["skip_dates"],
    )
    return dates, [when_in_words(*services.series_start_end(day, first_start, duration)) for day in dates]


@never_cache
@permission_required("activities.add_session", raise_exception=True)
def generate_series(request):
    """GET: the rule form. POST "apercu": the dates it gives. POST "creer": create exactly the
    dates that were previewed (if the rule changed since, show the new preview instead)."""
    form = SeriesForm(request.POST or None, initial={"activity": request.GET.get("activite")})
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        dates, labels = _preview(form)
        signature = ",".join(day.isoformat() for day in dates)
        if "creer" in request.POST and dates and request.POST.get("previewed") == signature:
            activity = form.cleaned_data["activity"]
            sessions = services.generate_series(activity, by=request.user, **form.series_kwargs())
            messages.success(
                request,
                _("%(count)d séances créées pour « %(activity)s ». Vous pouvez maintenant modifier chacune.")
                % {"count": len(sessions), "activity": activity.title},
            )
            return redirect(reverse("sessions:index") + f"?activity={activity.pk}")
        if "creer" in request.POST:
            messages.warning(request, _("Les réglages ont changé : vérifiez les nouvelles dates avant de créer."))
        if not dates:
            messages.warning(request, _("Ces réglages ne donnent aucune date."))
        context.update(dates=labels, signature=signature)
    return render(request, "activities/admin/series_form.html", context)
