"""Staff exports as CSV or XLSX from one list of rows.

Every staff list that can be exported (session bookings, members, payments, indicators) builds a
header and rows once and hands them here, so the two formats never drift apart. Text typed by
users is neutralised against spreadsheet formula injection in both formats.
"""

import csv
import datetime
import decimal
import io

from django.http import HttpResponse

FORMATS = ("csv", "xlsx")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MONEY_FORMAT = "#,##0.00 €"
PERCENT_FORMAT = "0.0 %"


class Percent(decimal.Decimal):
    """A percentage: `Percent("68.2")` means 68.2 %. A plain Decimal in a row is money (euros); a Percent is
    written as a real percentage in a spreadsheet (0.682 shown "68,2 %") and as "68,2" in a CSV."""


def neutralise(value):
    """Prefix text that a spreadsheet would run as a formula (=, +, -, @) with a quote."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, decimal.Decimal, datetime.date, datetime.datetime)):
        if isinstance(value, datetime.datetime) and value.tzinfo is not None:
            from django.utils import timezone

            value = timezone.localtime(value).replace(tzinfo=None)
        return value
    return neutralise(str(value))


def csv_bytes(header, rows):
    """UTF-8 CSV with a BOM and ';' separators, as French spreadsheet software expects."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([str(h) for h in header])
    for row in rows:
        writer.writerow(["" if (c := _cell(v)) == "" else _csv_text(c) for v in row])
    return buffer.getvalue().encode("utf-8")


def _csv_text(value):
    if isinstance(value, datetime.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, decimal.Decimal):
        return str(value).replace(".", ",")
    return str(value)


def fill_sheet(sheet, header, rows):
    """Write a bold header and typed rows into an openpyxl sheet: numbers, money and dates stay typed so
    totals work in the spreadsheet; text is neutralised; columns sized to their content."""
    from openpyxl.styles import Font

    sheet.append([str(h) for h in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_cell(v) for v in row])
    for column in sheet.columns:
        for cell in column[1:]:
            if isinstance(cell.value, datetime.datetime):
                cell.number_format = "DD/MM/YYYY HH:MM"
            elif isinstance(cell.value, datetime.date):
                cell.number_format = "DD/MM/YYYY"
            elif isinstance(cell.value, Percent):
                # A spreadsheet percentage is a fraction: 68.2 % is stored as 0.682.
                cell.value = decimal.Decimal(cell.value) / 100
                cell.number_format = PERCENT_FORMAT
            elif isinstance(cell.value, decimal.Decimal):
                cell.number_format = MONEY_FORMAT
        width = max((len(str(c.value)) for c in column if c.value is not None), default=8)
        sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 10), 60)
    sheet.freeze_panes = "A2"


def workbook_bytes(workbook):
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(header, rows, title="Export"):
    """A one-sheet workbook of the rows (see fill_sheet)."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(title)[:31]
    fill_sheet(sheet, header, rows)
    return workbook_bytes(workbook)


def table_response(filename_stem, header, rows, fmt="csv", title="Export"):
    """An attachment response in the requested format ('csv' or 'xlsx')."""
    if fmt == "xlsx":
        response = HttpResponse(xlsx_bytes(header, rows, title=title), content_type=XLSX_CONTENT_TYPE)
    else:
        fmt = "csv"
        response = HttpResponse(csv_bytes(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename_stem}.{fmt}"'
    return response
