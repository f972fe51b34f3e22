"""The dashboard's tables as CSV and XLSX, with hidden numbers written as they are shown ("< 5", "•")."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence

from django.utils.translation import gettext as _
from openpyxl import Workbook

from wegwijs.insights.dashboard import Dashboard
from wegwijs.insights.presentation import findings, shown_text

Line = list[str | int]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _safe(cell: str | int) -> str | int:
    """A text a spreadsheet would take for a formula gets a leading apostrophe (CSV/formula injection)."""
    return f"'{cell}" if isinstance(cell, str) and cell.startswith(FORMULA_STARTS) else cell


def _value(shown_value: int | None, text: str) -> str | int:
    return shown_value if shown_value is not None else text


def sheets(dashboard: Dashboard) -> Iterator[tuple[str, list[Line]]]:
    """(sheet name, rows) for every part of the dashboard, the first row of each being its header."""
    k, current, previous = dashboard.k, dashboard.period.label(), dashboard.previous.label()
    summary: list[Line] = [[_("Figure"), current, previous, _("Change")]]
    total = dashboard.total
    summary.append(
        [
            total.label,
            _value(total.current.value, shown_text(total.current, k)),
            _value(total.previous.value, shown_text(total.previous, k)),
            total.change or "",
        ]
    )
    for figure in dashboard.figures:
        summary.append(
            [
                figure.label,
                figure.current or shown_text(figure.base.current, k),
                figure.previous or shown_text(figure.base.previous, k),
                "",
            ]
        )
    summary += [[sentence, "", "", ""] for sentence in findings(dashboard)]
    yield _("Summary"), summary
    for table in dashboard.tables():
        rows: list[Line] = [[table.title, current, previous, _("Change")]]
        for row in table.rows:
            rows.append(
                [
                    row.label,
                    _value(row.current.value, shown_text(row.current, k)),
                    _value(row.previous.value, shown_text(row.previous, k)),
                    row.change or "",
                ]
            )
        yield table.title, rows
    grid = dashboard.heatmap
    heat: list[Line] = [[_("Weekday"), *grid.columns]]
    for label, cells in zip(grid.rows, grid.cells, strict=True):
        heat.append([label, *(_value(cell.value, shown_text(cell, k)) for cell in cells)])
    yield _("Weekday and hour"), heat


def _legend(dashboard: Dashboard) -> Line:
    return [
        _("“< %(k)s”: fewer than %(k)s people; “•”: hidden so that a small group cannot be worked out.")
        % {"k": dashboard.k}
    ]


def export_csv(dashboard: Dashboard) -> tuple[bytes, str]:
    """One CSV file: the parts one after the other, each with its header, separated by an empty line."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([dashboard.organisation.name, dashboard.period.label()])
    writer.writerow(_legend(dashboard))
    for _name, rows in sheets(dashboard):
        writer.writerow([])
        writer.writerows([[_safe(cell) for cell in row] for row in rows])
    return buffer.getvalue().encode("utf-8-sig"), "text/csv; charset=utf-8"


def _sheet_name(name: str, taken: Sequence[str]) -> str:
    """At most 31 characters without []:*?/\\ and unique in the workbook (Excel's rules)."""
    cleaned = "".join(" " if character in "[]:*?/\\" else character for character in name)[:28].strip()
    candidate, number = cleaned, 2
    while candidate in taken:
        candidate, number = f"{cleaned} {number}", number + 1
    return candidate


def export_xlsx(dashboard: Dashboard) -> tuple[bytes, str]:
    """One worksheet per part."""
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    for name, rows in sheets(dashboard):
        sheet = workbook.create_sheet(_sheet_name(name, workbook.sheetnames))
        for row in rows:
            sheet.append([_safe(cell) for cell in row])
        sheet.append([])
        sheet.append(_legend(dashboard))
        sheet.column_dimensions["A"].width = 48
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
