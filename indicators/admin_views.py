"""Staff views in the Wagtail admin: the indicators dashboard and the annual report downloads."""

from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from care import services as care_services
from indicators import reports, services
from indicators.forms import PeriodForm, report_years
from indicators.services.outreach import outreach_figures

PERMISSION = "indicators.view_indicators"
view_indicators = permission_required(PERMISSION, raise_exception=True)


def _log_care_read(user, period, detail):
    """Reading the care aggregates is written in the care access log, as care's own indicators page does.
    Returns whether this user is shown care figures at all (services.shows_care)."""
    if not services.shows_care(user):
        return False

    care_services.log_access(
        user,
        care_services.Action.EXPORT if detail != "dashboard" else care_services.Action.READ,
        "indicators",
        detail=f"{detail} {period.start:%Y-%m-%d}/{period.end:%Y-%m-%d}",
    )
    return True


@never_cache
@view_indicators
def dashboard(request):
    form = PeriodForm(request.GET or None)
    period = form.chosen_period()
    with_care = _log_care_read(request.user, period, "dashboard")
    comparison = services.compare(period, with_care=with_care)
    return TemplateResponse(
        request,
        "indicators/dashboard.html",
        {
            **reports.presentation(comparison),
            "form": form,
            "period": period,
            "outreach": outreach_figures(period),
            "report_years": report_years(timezone.localdate()),
            "page_title": _("Indicateurs"),
        },
    )


def _report_year(year):
    if year not in report_years(timezone.localdate()):
        raise Http404
    return year


@never_cache
@view_indicators
def annual_report_pdf(request, year):
    year = _report_year(year)
    with_care = _log_care_read(request.user, services.year_period(year), "pdf")
    response = HttpResponse(reports.annual_report_pdf(year, with_care=with_care), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="bilan-{year}.pdf"'
    return response


@never_cache
@view_indicators
def annual_report_xlsx(request, year):
    year = _report_year(year)
    with_care = _log_care_read(request.user, services.year_period(year), "xlsx")
    content = reports.annual_report_xlsx(year, with_care=with_care)
    response = HttpResponse(content, content_type=reports.XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="bilan-{year}.xlsx"'
    return response
