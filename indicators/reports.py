"""What the dashboard and the annual report show: headline figures, charts and tables, built once from
services.compare(); the annual report as PDF (WeasyPrint) and as a workbook of several sheets (openpyxl)."""

from decimal import Decimal

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.exports import XLSX_CONTENT_TYPE, fill_sheet, workbook_bytes
from core.pdf import render_html, render_pdf
from core.site_settings import site_settings
from home.models import SiteSettings
from indicators import services
from indicators.charts import bar_chart
from indicators.services.outreach import outreach_figures

__all__ = ["XLSX_CONTENT_TYPE", "annual_report_html", "annual_report_pdf", "annual_report_xlsx", "presentation"]


def period_label(period):
    return _("du %(start)s au %(end)s") % {
        "start": date_format(period.start, "SHORT_DATE_FORMAT"),
        "end": date_format(period.end, "SHORT_DATE_FORMAT"),
    }


def charts(comparison, current_label, previous_label):
    """The dashboard's bar charts (each with its data table), current period against the previous one."""
    current, previous = comparison["current"], comparison["previous"]
    labels = {"current_label": current_label, "previous_label": previous_label}
    participants = [
        {"label": _("Première venue"), "current": current["participants"]["first_time"]},
        {"label": _("Déjà venues avant"), "current": current["participants"]["returning"]},
    ]
    for row, key in zip(participants, ("first_time", "returning"), strict=True):
        row["previous"] = previous["participants"][key]
    return [
        bar_chart("chart-participants", _("Personnes venues : première fois ou retour"), participants, **labels),
        bar_chart(
            "chart-revenue-method",
            _("Recettes par moyen de paiement"),
            services.paired(
                current["revenue"]["by_method"], previous["revenue"]["by_method"], "amount", zero=Decimal(0)
            ),
            unit="€",
            **labels,
        ),
        bar_chart(
            "chart-revenue-type",
            _("Recettes : adhésions et activités"),
            services.paired(current["revenue"]["by_type"], previous["revenue"]["by_type"], "amount", zero=Decimal(0)),
            unit="€",
            **labels,
        ),
        bar_chart(
            "chart-waitlist-activity",
            _("Demandes en liste d'attente, par activité"),
            services.paired(current["waitlist_by_activity"], previous["waitlist_by_activity"], "requests"),
            **labels,
        ),
        bar_chart(
            "chart-waitlist-theme",
            _("Demandes en liste d'attente, par thème"),
            services.paired(current["waitlist_by_theme"], previous["waitlist_by_theme"], "requests"),
            **labels,
        ),
        bar_chart(
            "chart-itinerant",
            _("Bus itinérant : séances par commune"),
            services.paired(current["itinerant"], previous["itinerant"], "sessions"),
            **labels,
        ),
        bar_chart(
            "chart-satisfaction",
            _("Satisfaction : part des « oui, un bon moment », par activité"),
            [{"label": row["label"], "current": row["share"]} for row in current["satisfaction"]],
            unit="%",
            with_previous=False,
            **labels,
        ),
    ]


def sections(comparison):
    """The report's tables as [{title, header, rows}] with typed values (Decimal money, percents)."""
    current, previous = comparison["current"], comparison["previous"]
    now_label, before_label = period_label(current["period"]), period_label(previous["period"])
    result = [
        {
            "key": "summary",
            "title": _("Synthèse"),
            "header": [_("Indicateur"), now_label, before_label],
            "rows": [
                (f"{row['label']} ({row['unit']})" if row["unit"] else row["label"], row["current"], row["previous"])
                for row in services.headline(comparison)
            ],
        },
        {
            "key": "waitlist_activity",
            "title": _("Liste d'attente par activité"),
            "header": [_("Activité"), _("Demandes"), _("dont une place proposée ensuite")],
            "rows": [(r["label"], r["requests"], r["promoted"]) for r in current["waitlist_by_activity"]],
        },
        {
            "key": "waitlist_theme",
            "title": _("Liste d'attente par thème"),
            "header": [_("Thème"), _("Demandes"), _("dont une place proposée ensuite")],
            "rows": [(r["label"], r["requests"], r["promoted"]) for r in current["waitlist_by_theme"]],
        },
        {
            "key": "itinerant",
            "title": _("Bus itinérant par commune"),
            "header": [_("Commune"), _("Séances"), _("Présences")],
            "rows": [(r["label"], r["sessions"], r["participants"]) for r in current["itinerant"]],
        },
        {
            "key": "revenue_method",
            "title": _("Recettes par moyen de paiement"),
            "header": [_("Moyen de paiement"), now_label, before_label],
            "rows": [
                (r["label"], r["current"], r["previous"])
                for r in services.paired(
                    current["revenue"]["by_method"], previous["revenue"]["by_method"], "amount", zero=Decimal("0.00")
                )
            ],
        },
        {
            "key": "revenue_type",
            "title": _("Recettes par type"),
            "header": [_("Type"), now_label, before_label],
            "rows": [
                (r["label"], r["current"], r["previous"])
                for r in services.paired(
                    current["revenue"]["by_type"], previous["revenue"]["by_type"], "amount", zero=Decimal("0.00")
                )
            ],
        },
        {
            "key": "satisfaction_activity",
            "title": _("Satisfaction par activité"),
            "header": [_("Activité"), _("Réponses"), _("Un bon moment"), _("Part (%)")],
            "rows": [(r["label"], r["answers"], r["satisfied"], r["share"]) for r in current["satisfaction"]],
        },
        {
            "key": "satisfaction_questions",
            "title": _("Satisfaction par question"),
            "header": [_("Question"), _("Oui"), _("Moyen ou peut-être"), _("Non"), _("Part de oui (%)")],
            "rows": [
                (r["label"], r["counts"]["yes"], r["counts"]["maybe"], r["counts"]["no"], r["share_yes"])
                for r in current["satisfaction_totals"]
            ],
        },
    ]
    result.append(
        {
            "key": "solidarity",
            "title": _("Entraide et veille téléphonique"),
            "header": [_("Indicateur"), now_label, before_label],
            "rows": solidarity_rows(current["solidarity"], previous["solidarity"]),
        }
    )
    if "care" in current:
        result.append(
            {
                "key": "care",
                "title": _("Accompagnement des aidants"),
                "header": [_("Indicateur"), now_label, before_label],
                "rows": care_rows(current["care"], previous["care"]),
            }
        )
    return result


def solidarity_rows(current, previous):
    rows = [(r["label"], r["value"], p["value"]) for r, p in zip(current["rows"], previous["rows"], strict=True)]
    rows += [
        (f"… {r['label']}", r["value"], p["value"])
        for r, p in zip(
            current["by_kind"] + current["by_status"], previous["by_kind"] + previous["by_status"], strict=True
        )
    ]
    rows.append((_("Taux de réponse (%)"), current["response_rate"], previous["response_rate"]))
    rows.append(
        (_("Délai moyen avant une proposition (heures)"), current["mean_delay_hours"], previous["mean_delay_hours"])
    )
    rows.append(
        (_("Part des aides terminées qui ont eu lieu (%)"), current["honoured_rate"], previous["honoured_rate"])
    )
    return rows


def care_rows(current, previous):
    rows = [(r["label"], r["value"], p["value"]) for r, p in zip(current["steps"], previous["steps"], strict=True)]
    rows.append((_("Interventions"), current["interventions_total"], previous["interventions_total"]))
    rows += [
        (f"… {r['label']}", r["value"], p["value"])
        for r, p in zip(current["interventions"], previous["interventions"], strict=True)
    ]
    rows.append((_("Orientations vers un partenaire"), current["orientations_total"], previous["orientations_total"]))
    rows += [
        (f"… {r['label']}", r["value"], p["value"])
        for r, p in zip(current["orientations"], previous["orientations"], strict=True)
    ]
    rows.append(
        (
            _("Part des personnes accompagnées venues d'abord pour une activité (%)"),
            current["activity_share"]["percent"],
            previous["activity_share"]["percent"],
        )
    )
    return rows


def presentation(comparison):
    """Everything a dashboard or report template needs, from one comparison."""
    current_label = period_label(comparison["current"]["period"])
    previous_label = period_label(comparison["previous"]["period"])
    report_sections = sections(comparison)
    return {
        "comparison": comparison,
        "current": comparison["current"],
        "previous": comparison["previous"],
        "current_label": current_label,
        "previous_label": previous_label,
        "headline": services.headline(comparison),
        "charts": charts(comparison, current_label, previous_label),
        "sections": report_sections,
        "section": {section["key"]: section for section in report_sections},
    }


# --- Annual report ---------------------------------------------------------------------------------------------


def annual_report_context(year, *, now=None, with_care=False):
    comparison = services.compare(services.year_period(year), now=now, with_care=with_care)
    return {
        **presentation(comparison),
        "year": year,
        "outreach": outreach_figures(services.year_period(year)),
        "organisation": site_settings(SiteSettings),
        "generated_at": timezone.localtime(now or timezone.now()),
    }


def annual_report_html(year, *, now=None, with_care=False):
    context = annual_report_context(year, now=now, with_care=with_care)
    return render_html("indicators/pdf/annual_report.html", context)


def annual_report_pdf(year, *, now=None, with_care=False):
    context = annual_report_context(year, now=now, with_care=with_care)
    return render_pdf("indicators/pdf/annual_report.html", context)


def _sheet_title(title, taken):
    """A valid, unique sheet title: spreadsheets refuse []:*?/\\ and a straight apostrophe at either end, so
    "Liste d'attente" becomes "Liste d’attente" (typographic apostrophe) rather than losing its letter."""
    cleaned = "".join(c for c in str(title).replace("'", "’") if c not in "[]:*?/\\")[:31]
    name, n = cleaned, 2
    while name in taken:
        name = f"{cleaned[:28]} {n}"
        n += 1
    taken.add(name)
    return name


def annual_report_xlsx(year, *, now=None, with_care=False):
    """A workbook, one sheet per section of the report: money in euros, percentages as percentages, counts
    as numbers, hidden care figures as text ("< 5")."""
    from openpyxl import Workbook

    context = annual_report_context(year, now=now, with_care=with_care)
    workbook = Workbook()
    workbook.remove(workbook.active)
    taken = set()
    for section in context["sections"]:
        sheet = workbook.create_sheet(_sheet_title(section["title"], taken))
        fill_sheet(sheet, section["header"], section["rows"])
    return workbook_bytes(workbook)
