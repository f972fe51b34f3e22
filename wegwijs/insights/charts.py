"""Charts as inline SVG, drawn on the server: horizontal bars (this period against the previous one), a heatmap
(weekday x hour) and a weekly series with its normal range. No JavaScript; the same markup prints through
WeasyPrint, so it keeps to rect, line, text, g, title, desc and one pattern. Every text comes in translated and is
escaped here; the module has no words of its own. Current against previous differs by fill against outline,
the week of a signal by a darker fill and bold figures, so the charts read in black and white too. A label
too long is cut with "…" on the chart and whole in a tooltip; the data table beside the chart has the exact
figures. The root sets direction="ltr" so the layout holds on a right-to-left page."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

WIDTH = 640
FONT_SIZE = 12
SMALL_FONT_SIZE = 11
TEXT_COLOUR = "#1a1a1a"
MARK_COLOUR = "#1f5a96"  # contrast 7.1:1 against white
MUTED_COLOUR = "#6e7f91"  # 4.1:1: the weeks before the one a signal is about
LIGHT_COLOUR = "#eef2f7"  # the heatmap's zero; its cells are outlined, so the mark is the border
EDGE_COLOUR = "#595959"  # 7:1: cell borders, band edges
BAND_COLOUR = "#e3e3e3"
HATCH_COLOUR = "#767676"  # 4.5:1
LEGEND_HEIGHT = 28
LABEL_CHARACTERS = 24
_CHART_ID = re.compile(r"[a-z][a-z0-9-]*")
_CHARACTER_WIDTH = 0.62  # of the font size: DejaVu Sans, a little generous
_LegendItem = tuple[tuple[str, str] | None, str]  # an optional swatch (fill, stroke) and an optional text


@dataclass(frozen=True)
class BarRow:
    label: str
    current: int | None  # None: a small number that is hidden (privacy); no bar, hidden_text instead
    previous: int | None = None  # the previous period, a thinner outlined bar; None: hidden or not shown


def bar_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    rows: Sequence[BarRow],
    current_label: str,
    previous_label: str | None,
    hidden_text: str,
) -> SafeString:
    """Horizontal bars, one row per BarRow in the given order, the value written at the end of each bar.
    Without previous_label there are no previous bars and no legend entry for them."""
    with_previous = previous_label is not None
    legend: list[_LegendItem] = [((MARK_COLOUR, "none"), current_label)]
    if previous_label is not None:
        legend.append((("#ffffff", MARK_COLOUR), previous_label))
    values = [row.current for row in rows] + [row.previous for row in rows if with_previous]
    scale = max([value for value in values if value is not None] + [1])
    bar_x = 192
    bar_width = WIDTH - bar_x - 56
    row_height = 36 if with_previous else 24
    parts = _legend(legend)[0]
    for index, row in enumerate(rows):
        top = LEGEND_HEIGHT + index * row_height
        content = [_text(0, top + 14, _truncate(row.label, LABEL_CHARACTERS))]
        content += _bar(row.current, x=bar_x, y=top + 2, height=16, unit=bar_width / scale, hidden_text=hidden_text)
        if with_previous:
            content += _bar(
                row.previous, x=bar_x, y=top + 21, height=8, unit=bar_width / scale, hidden_text="", outline=True
            )
        parts.append(_group("row", row.label, content))
    return _frame(chart_id, title, description, LEGEND_HEIGHT + len(rows) * row_height + 4, parts)


def heatmap(
    *,
    chart_id: str,
    title: str,
    description: str,
    row_labels: Sequence[str],
    column_labels: Sequence[str],
    values: Sequence[Sequence[int | None]],
    hidden_text: str,
) -> SafeString:
    """A grid (e.g. 7 weekdays x 24 hours), darker for more, with a legend from 0 to the maximum. A None cell is a
    hidden small number: hatched grey, no figure. A figure shows in its cell only where it fits."""
    if len(values) != len(row_labels) or any(len(row) != len(column_labels) for row in values):
        raise ValueError("values must have one row per row label and one value per column label")
    maximum = max([value for row in values for value in row if value is not None] + [0])
    scale = max(maximum, 1)
    label_width = 84
    cell_width = (WIDTH - label_width) / max(len(column_labels), 1)
    cell_height = min(max(cell_width, 20), 28)
    grid_top = LEGEND_HEIGHT + 20
    steps = [((_shade(step / 4), EDGE_COLOUR), "") for step in range(5)]
    parts, end = _legend([(None, "0"), *steps, (None, str(maximum))], spacing=2)
    if any(value is None for row in values for value in row):
        parts += _legend([((f"url(#{chart_id}-hidden)", EDGE_COLOUR), hidden_text)], x=end + 16)[0]
    parts += _axis_labels(column_labels, left=label_width, slot=cell_width, y=grid_top - 6)
    for row_index, (row_label, row) in enumerate(zip(row_labels, values, strict=True)):
        top = grid_top + row_index * cell_height
        content = [_text(0, top + cell_height / 2 + 4, _truncate(row_label, 11))]
        for column_index, value in enumerate(row):
            x = label_width + column_index * cell_width
            intensity = 0.0 if value is None else value / scale
            fill = f"url(#{chart_id}-hidden)" if value is None else _shade(intensity)
            content.append(_rect("cell", x + 1, top + 1, cell_width - 2, cell_height - 2, fill, EDGE_COLOUR))
            if value is not None and _text_width(str(value), SMALL_FONT_SIZE) <= cell_width - 4:
                centre, figure = x + cell_width / 2, str(value)
                content.append(_text(centre, top + cell_height / 2 + 4, figure, SMALL_FONT_SIZE, "middle", _ink(fill)))
        parts.append(_group("row", row_label, content))
    return _frame(chart_id, title, description, grid_top + len(row_labels) * cell_height + 4, parts)


def weekly_series(
    *,
    chart_id: str,
    title: str,
    description: str,
    labels: Sequence[str],
    values: Sequence[int | None],
    band: tuple[float, float] | None,
    band_label: str | None,
    hidden_text: str,
) -> SafeString:
    """Weekly counts as columns, the last one (the week a signal is about) darker with its figures bold, over the
    normal range `band` (low, high) as a shaded band, named in the legend by band_label. Which values to hide is
    the caller's business; a None value is drawn as hidden_text without a column."""
    if len(labels) != len(values):
        raise ValueError("labels and values must have the same length")
    if band is not None and band[0] > band[1]:
        raise ValueError("band must be (low, high)")
    scale = max([value for value in values if value is not None] + ([band[1]] if band else []) + [1])
    plot_top, plot_height = LEGEND_HEIGHT + 16, 160
    baseline = plot_top + plot_height
    slot = (WIDTH - 16) / max(len(values), 1)
    parts: list[SafeString] = []
    if band is not None and band_label is not None:
        parts += _legend([((BAND_COLOUR, EDGE_COLOUR), band_label)])[0]
    if band is not None:
        low, high = (baseline - plot_height * edge / scale for edge in band)
        parts.append(_rect("band", 8, high, WIDTH - 16, low - high, BAND_COLOUR, "none"))
        parts += [_line(8, edge, WIDTH - 8, edge, EDGE_COLOUR, dashed=True) for edge in (high, low)]
    parts.append(_line(8, baseline, WIDTH - 8, baseline, TEXT_COLOUR))
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        is_last = index == len(values) - 1
        centre = 8 + slot * (index + 0.5)
        weight = "bold" if is_last else "normal"
        if value is None:
            content = [_text(centre, baseline - 4, hidden_text, SMALL_FONT_SIZE, "middle", weight=weight)]
        else:
            height = plot_height * value / scale
            fill = MARK_COLOUR if is_last else MUTED_COLOUR
            content = [_rect("column", centre - slot * 0.35, baseline - height, slot * 0.7, height, fill, "none")]
            content = content if value else []  # as with the bars: no column for 0, only the figure
            if is_last or _text_width(str(value), SMALL_FONT_SIZE) <= slot - 2:
                content.append(
                    _text(centre, baseline - height - 4, str(value), SMALL_FONT_SIZE, "middle", weight=weight)
                )
        parts.append(_group("week", label, content))
    parts += _axis_labels(labels, left=8, slot=slot, y=baseline + 16)
    return _frame(chart_id, title, description, baseline + 24, parts)


def _frame(chart_id: str, title: str, description: str, height: float, parts: Iterable[SafeString]) -> SafeString:
    if not _CHART_ID.fullmatch(chart_id):
        raise ValueError(f"chart_id must match {_CHART_ID.pattern}: {chart_id!r}")
    opening = format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{0}-title {0}-desc" '
        'viewBox="0 0 {1} {2}" width="100%" direction="ltr" font-family="DejaVu Sans, sans-serif" '
        'font-size="{3}" fill="{4}"><title id="{0}-title">{5}</title><desc id="{0}-desc">{6}</desc>'
        '<defs><pattern id="{0}-hidden" patternUnits="userSpaceOnUse" width="6" height="6" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
        '<rect width="2" height="6" fill="{7}"/></pattern></defs>',
        chart_id,
        WIDTH,
        _number(height),
        FONT_SIZE,
        TEXT_COLOUR,
        title,
        description,
        HATCH_COLOUR,
    )
    return _join([opening, *parts, mark_safe("</svg>")])


def _legend(items: Sequence[_LegendItem], *, x: float = 0, spacing: float = 12) -> tuple[list[SafeString], float]:
    """The items left to right along the top, from x; and where they end."""
    parts = []
    for swatch, label in items:
        if swatch is not None:
            parts.append(_rect("swatch", x, 4, 14, 14, *swatch))
            x += 14 + (6 if label else spacing)
        if label:
            parts.append(_text(x, 16, label))
            x += _text_width(label, FONT_SIZE) + 6 + spacing
    return parts, x - spacing


def _bar(
    value: int | None, *, x: float, y: float, height: float, unit: float, hidden_text: str, outline: bool = False
) -> list[SafeString]:
    """A bar of value x unit with its figure after it; no bar for 0, hidden_text alone for None."""
    size = SMALL_FONT_SIZE if outline else FONT_SIZE
    baseline = y + height / 2 + size * 0.36
    if value is None:
        return [_text(x, baseline, hidden_text, size)] if hidden_text else []
    if value == 0:
        return [_text(x, baseline, "0", size)]
    width = max(value * unit, 2)  # a small value still shows
    if outline:
        bar = _rect("bar-previous", x + 0.75, y + 0.75, width - 1.5, height - 1.5, "#ffffff", MARK_COLOUR)
    else:
        bar = _rect("bar-current", x, y, width, height, MARK_COLOUR, "none")
    return [bar, _text(x + width + 4, baseline, str(value), size)]


def _axis_labels(labels: Sequence[str], *, left: float, slot: float, y: float) -> list[SafeString]:
    """Labels centred under their slots; where they would overlap only every n-th, counted back from the last."""
    shown = [_truncate(label, 10) for label in labels]
    widest = max([_text_width(label, SMALL_FONT_SIZE) for label in shown] + [1])
    step = max(1, math.ceil((widest + 4) / slot))
    last = len(labels) - 1
    return [
        _text(left + slot * (index + 0.5), y, label, SMALL_FONT_SIZE, "middle")
        for index, label in enumerate(shown)
        if (last - index) % step == 0
    ]


def _group(kind: str, tooltip: str, content: Iterable[SafeString]) -> SafeString:
    return _join([format_html('<g class="{}"><title>{}</title>', kind, tooltip), *content, mark_safe("</g>")])


def _rect(kind: str, x: float, y: float, width: float, height: float, fill: str, stroke: str) -> SafeString:
    return format_html(
        '<rect class="{}" x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="{}" stroke-width="1.5"/>',
        kind,
        *(_number(value) for value in (x, y, width, height)),
        fill,
        stroke,
    )


def _line(x1: float, y1: float, x2: float, y2: float, stroke: str, *, dashed: bool = False) -> SafeString:
    return format_html(
        '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1.5" stroke-dasharray="{}"/>',
        *(_number(value) for value in (x1, y1, x2, y2)),
        stroke,
        "6 3" if dashed else "none",
    )


def _text(
    x: float,
    y: float,
    content: str,
    size: int = FONT_SIZE,
    anchor: str = "start",
    colour: str = TEXT_COLOUR,
    *,
    weight: str = "normal",
) -> SafeString:
    return format_html(
        '<text x="{}" y="{}" font-size="{}" text-anchor="{}" fill="{}" font-weight="{}">{}</text>',
        _number(x),
        _number(y),
        size,
        anchor,
        colour,
        weight,
        content,
    )


def _shade(intensity: float) -> str:
    """From LIGHT_COLOUR (0) to MARK_COLOUR (1), straight through RGB."""
    light, dark = (bytes.fromhex(colour[1:]) for colour in (LIGHT_COLOUR, MARK_COLOUR))
    return "#" + "".join(f"{round(a + (b - a) * intensity):02x}" for a, b in zip(light, dark, strict=True))


def _ink(fill: str) -> str:
    """White or black, whichever stands out more on the fill (at least 4.5:1 on any of the heatmap's shades)."""
    light = _luminance(fill)
    return "#ffffff" if 1.05 / (light + 0.05) >= (light + 0.05) / 0.05 else "#000000"


def _luminance(colour: str) -> float:
    """The relative luminance of a #rrggbb colour (WCAG 2)."""
    linear = [c / 255 / 12.92 if c <= 10 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in bytes.fromhex(colour[1:])]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _truncate(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _text_width(text: str, size: float) -> float:
    return len(text) * size * _CHARACTER_WIDTH


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _join(parts: Iterable[SafeString]) -> SafeString:
    return mark_safe("".join(parts))  # noqa: S308 - every part is built by format_html, which escapes
