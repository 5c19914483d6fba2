"""Horizontal bar charts drawn on the server as inline SVG (no JavaScript), each paired with a data table.

`bar_chart()` computes the geometry; `indicators/includes/bar_chart.html` draws it. The period chosen is a
solid bar, the previous period a hatched, outlined bar (so the two differ without relying on colour), and
every bar carries its value written out.
"""

from decimal import Decimal

from django.utils.formats import number_format

from core.exports import Percent
from indicators.disclosure import Hidden

WIDTH = 640
VALUE_ROOM = 130  # space kept right of the longest bar for its written value
LABEL_HEIGHT = 22
BAR_HEIGHT = 22
PREVIOUS_BAR_HEIGHT = 14
GAP = 14


def format_value(value, unit=""):
    """A value as people read it: "29,00 €", "80,0 %", "7", "< 5" (in the active language's number format)."""
    if value is None:
        return "–"
    if isinstance(value, Hidden):
        return str(value)
    if isinstance(value, Percent):
        unit = "%"
    if unit == "€":
        return f"{number_format(value, 2, force_grouping=True)} €"
    if unit == "%":
        return f"{number_format(value, 1)} %"
    if isinstance(value, Decimal):
        return number_format(value, 2, force_grouping=True)
    return number_format(value, force_grouping=True)


def bar_chart(chart_id, title, rows, *, unit="", with_previous=True, current_label="", previous_label=""):
    """Geometry of a horizontal bar chart.

    rows: [{"label", "current", "previous"}]; values are numbers (None counts as 0 in the drawing and shows
    "–"). Returns a dict the template reads: id, title, width, height, bars, and the rows for the table.
    """
    values = [row["current"] or 0 for row in rows]
    if with_previous:
        values += [row.get("previous") or 0 for row in rows]
    biggest = max(values, default=0) or 1
    scale = (WIDTH - VALUE_ROOM) / float(biggest)
    step = LABEL_HEIGHT + BAR_HEIGHT + (PREVIOUS_BAR_HEIGHT + 4 if with_previous else 0) + GAP
    bars = []
    for index, row in enumerate(rows):
        top = index * step
        current = row["current"]
        previous = row.get("previous") if with_previous else None
        bar = {
            "label": row["label"],
            "label_y": top + 16,
            "y": top + LABEL_HEIGHT,
            "width": round(float(current or 0) * scale, 1),
            "height": BAR_HEIGHT,
            "text": format_value(current, unit),
            "text_y": top + LABEL_HEIGHT + 16,
        }
        bar["text_x"] = bar["width"] + 6
        if with_previous:
            previous_y = top + LABEL_HEIGHT + BAR_HEIGHT + 4
            bar["previous"] = {
                "y": previous_y,
                "width": round(float(previous or 0) * scale, 1),
                "height": PREVIOUS_BAR_HEIGHT,
                "text": format_value(previous, unit),
                "text_y": previous_y + 12,
            }
            bar["previous"]["text_x"] = bar["previous"]["width"] + 6
        bars.append(bar)
    table = [
        {
            "label": row["label"],
            "current": format_value(row["current"], unit),
            "previous": format_value(row.get("previous"), unit) if with_previous else "",
        }
        for row in rows
    ]
    return {
        "id": chart_id,
        "title": title,
        "width": WIDTH,
        "height": max(len(rows) * step, 1),
        "bars": bars,
        "table": table,
        "with_previous": with_previous,
        "current_label": current_label,
        "previous_label": previous_label,
        "empty": not rows,
    }
