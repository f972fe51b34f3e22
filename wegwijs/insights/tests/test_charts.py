"""The SVG charts, read back as XML: sizes follow the values, hidden small numbers stay hidden, texts are escaped,
the colours hold in print; and the three charts printed through WeasyPrint, read back with pdftotext."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from weasyprint import HTML

from wegwijs.insights.charts import BarRow, bar_chart, heatmap, weekly_series

SVG = "{http://www.w3.org/2000/svg}"
WHITE = "#ffffff"
# What the charts may use: what WeasyPrint 70 draws (weasyprint/svg/__init__.py TAGS), with g, title, desc,
# defs and pattern; no clipPath, filter, mask, foreignObject or CSS.
DRAWN_BY_WEASYPRINT = {"svg", "title", "desc", "defs", "pattern", "g", "rect", "line", "text"}


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def of_class(root: ET.Element, kind: str) -> list[ET.Element]:
    return [element for element in root.iter() if element.get("class") == kind]


def texts(element: ET.Element) -> list[str]:
    return [text.text or "" for text in element.iter(f"{SVG}text")]


def number(element: ET.Element, attribute: str) -> float:
    return float(element.get(attribute, "nan"))


def luminance(colour: str) -> float:
    channels = [c / 255 for c in bytes.fromhex(colour.removeprefix("#"))]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def bars(**change: Any) -> str:
    arguments: dict[str, Any] = {
        "chart_id": "topics",
        "title": "Vragen per onderwerp",
        "description": "Dit kwartaal tegen het vorige",
        "rows": [BarRow("Inloggen", 10, 4), BarRow("Koppelen", 5, 20), BarRow("Video", None, 3), BarRow("Apps", 0)],
        "current_label": "Dit kwartaal",
        "previous_label": "Vorig kwartaal",
        "hidden_text": "< 5",
    }
    return bar_chart(**{**arguments, **change})


def hours(**change: Any) -> str:
    arguments: dict[str, Any] = {
        "chart_id": "hours",
        "title": "Binnenkomst per uur",
        "description": "Weekdag tegen uur",
        "row_labels": ["maandag", "dinsdag"],
        "column_labels": [str(hour) for hour in range(24)],
        "values": [[hour % 12 for hour in range(24)], [None, 7, 30, *([0] * 21)]],
        "hidden_text": "< 5",
    }
    return heatmap(**{**arguments, **change})


def weeks(**change: Any) -> str:
    arguments: dict[str, Any] = {
        "chart_id": "weekly",
        "title": "Vragen per week",
        "description": "Twaalf weken en het normale bereik",
        "labels": ["week 1", "week 2", "week 3", "week 4"],
        "values": [10, 30, 20, 40],
        "band": (10.0, 30.0),
        "band_label": "Normaal bereik",
        "hidden_text": "< 5",
    }
    return weekly_series(**{**arguments, **change})


def row_named(root: ET.Element, label: str) -> ET.Element:
    (row,) = [row for row in of_class(root, "row") if row.findtext(f"{SVG}title") == label]
    return row


@pytest.mark.parametrize("render", [bars, hours, weeks])
def test_the_svg_is_labelled_by_its_title_and_description(render: Callable[..., str]) -> None:
    root = parse(render(title='Vragen & "meer" <b>', description="Per <i>dag</i>"))
    chart_id = root[0].get("id", "").removesuffix("-title")
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == f"{chart_id}-title {chart_id}-desc"
    assert root.get("width") == "100%"
    assert root.get("viewBox", "").startswith("0 0 640 ")
    assert [root[0].tag, root[0].get("id"), root[0].text] == [f"{SVG}title", f"{chart_id}-title", 'Vragen & "meer" <b>']
    assert [root[1].tag, root[1].get("id"), root[1].text] == [f"{SVG}desc", f"{chart_id}-desc", "Per <i>dag</i>"]


@pytest.mark.parametrize("chart_id", ["", "Topics", "1-topics", "topics_2", "topics 2", 'a"b', "tópics"])
@pytest.mark.parametrize("render", [bars, hours, weeks])
def test_an_invalid_chart_id_is_refused(render: Callable[..., str], chart_id: str) -> None:
    with pytest.raises(ValueError, match="chart_id"):
        render(chart_id=chart_id)


def test_bars_are_as_long_as_their_values_on_one_scale_for_both_periods() -> None:
    root = parse(bars())
    current = {row.findtext(f"{SVG}title"): of_class(row, "bar-current") for row in of_class(root, "row")}
    previous = {row.findtext(f"{SVG}title"): of_class(row, "bar-previous") for row in of_class(root, "row")}
    inloggen, koppelen = number(current["Inloggen"][0], "width"), number(current["Koppelen"][0], "width")
    assert inloggen / koppelen == pytest.approx(2, abs=0.01)
    # the outline is drawn inside the bar, half its stroke (1.5) on either side
    assert (number(previous["Koppelen"][0], "width") + 1.5) / inloggen == pytest.approx(2, abs=0.01)
    assert (number(previous["Inloggen"][0], "width") + 1.5) / inloggen == pytest.approx(0.4, abs=0.01)
    assert number(previous["Koppelen"][0], "x") + number(previous["Koppelen"][0], "width") <= 640


def test_each_bar_has_its_value_written_after_it() -> None:
    row = row_named(parse(bars()), "Inloggen")
    (bar,) = of_class(row, "bar-current")
    (value,) = [text for text in row.iter(f"{SVG}text") if text.text == "10"]
    assert number(value, "x") > number(bar, "x") + number(bar, "width")


def test_a_hidden_value_shows_the_hidden_text_and_no_bar() -> None:
    row = row_named(parse(bars()), "Video")
    assert of_class(row, "bar-current") == []
    assert texts(row) == ["Video", "< 5", "3"]


def test_a_zero_draws_no_bar_but_writes_0() -> None:
    row = row_named(parse(bars()), "Apps")
    assert of_class(row, "bar-current") == []
    assert texts(row) == ["Apps", "0"]


def test_rows_keep_the_given_order() -> None:
    assert [row.findtext(f"{SVG}title") for row in of_class(parse(bars()), "row")] == [
        "Inloggen",
        "Koppelen",
        "Video",
        "Apps",
    ]


def test_without_a_previous_label_there_are_no_previous_bars_nor_their_legend() -> None:
    root = parse(bars(previous_label=None))
    assert of_class(root, "bar-previous") == []
    assert len(of_class(root, "swatch")) == 1
    assert "Vorig kwartaal" not in texts(root)
    assert texts(row_named(root, "Koppelen")) == ["Koppelen", "5"]
    # the scale is this period alone: 10 takes the whole width, as 20 did with the previous period
    full = number(of_class(parse(bars()), "bar-previous")[1], "width") + 1.5
    assert number(of_class(row_named(root, "Inloggen"), "bar-current")[0], "width") == pytest.approx(full, abs=0.01)


def test_previous_bars_differ_from_current_by_more_than_colour() -> None:
    root = parse(bars())
    current, previous = of_class(root, "bar-current")[0], of_class(root, "bar-previous")[0]
    assert current.get("stroke") == "none"
    assert previous.get("fill") == WHITE
    assert previous.get("stroke") == current.get("fill")
    assert number(previous, "height") < number(current, "height")
    swatches = of_class(root, "swatch")
    assert [swatch.get("fill") for swatch in swatches] == [current.get("fill"), WHITE]
    assert texts(root)[:2] == ["Dit kwartaal", "Vorig kwartaal"]


def test_labels_are_escaped_and_a_long_one_is_cut_with_the_whole_in_a_tooltip() -> None:
    label = "<script>alert('x')</script> & de rest van een heel lang onderwerp"
    root = parse(bars(rows=[BarRow(label, 3)], current_label="<b>nu</b>", hidden_text="<5 & minder"))
    assert {element.tag.removeprefix(SVG) for element in root.iter()} <= DRAWN_BY_WEASYPRINT  # no <script>, no <b>
    row = row_named(root, label)
    shown = texts(row)[0]
    assert shown.endswith("…")
    assert label.startswith(shown.removesuffix("…"))
    assert len(shown) <= 24
    assert "<b>nu</b>" in texts(root)


@pytest.mark.parametrize("render", [bars, hours, weeks])
def test_only_elements_weasyprint_draws_are_used(render: Callable[..., str]) -> None:
    assert {element.tag.removeprefix(SVG) for element in parse(render()).iter()} <= DRAWN_BY_WEASYPRINT


def test_all_text_is_dark_enough_and_at_least_11_units_high() -> None:
    root = parse(bars())
    assert root.get("font-family") == "DejaVu Sans, sans-serif"
    for render in (bars, hours, weeks):
        for text in parse(render()).iter(f"{SVG}text"):
            assert number(text, "font-size") >= 11
            if text.text and not text.text.isdigit():
                assert text.get("fill") == "#1a1a1a"


def test_marks_have_at_least_3_to_1_contrast_against_white() -> None:
    root = parse(bars())
    colours = {of_class(root, "bar-current")[0].get("fill"), of_class(parse(weeks()), "column")[0].get("fill")}
    colours |= {cell.get("stroke") for cell in of_class(parse(hours()), "cell")}
    colours.add(parse(hours()).findall(f"{SVG}defs/{SVG}pattern/{SVG}rect")[1].get("fill"))
    for colour in colours:
        assert colour is not None
        assert contrast(colour, WHITE) >= 3


def test_the_darkest_cell_is_the_maximum_and_shades_follow_the_values() -> None:
    rows = of_class(parse(hours()), "row")
    shades = [
        (luminance(fill), row_index, column_index)
        for row_index, row in enumerate(rows)
        for column_index, cell in enumerate(of_class(row, "cell"))
        if (fill := cell.get("fill", "")).startswith("#")
    ]
    assert min(shades)[1:] == (1, 2)  # dinsdag, 2 o'clock: 30
    monday = [shade for shade, row_index, _ in shades if row_index == 0]
    assert monday[:12] == sorted(monday[:12], reverse=True)  # 0 … 11: darker each hour
    assert monday[1] < monday[0] == max(shades)[0]  # 0 is the lightest


def test_a_hidden_cell_is_hatched_without_a_figure() -> None:
    root = parse(hours())
    tuesday = of_class(root, "row")[1]
    hidden = of_class(tuesday, "cell")[0]
    assert hidden.get("fill") == "url(#hours-hidden)"
    assert root.find(f"{SVG}defs/{SVG}pattern[@id='hours-hidden']") is not None
    left, right = number(hidden, "x"), number(hidden, "x") + number(hidden, "width")
    assert not [text for text in tuesday.iter(f"{SVG}text") if left <= number(text, "x") <= right]
    assert texts(tuesday)[1:4] == ["7", "30", "0"]
    assert "< 5" in texts(root)  # the legend names the hatch


def test_the_legend_runs_from_0_to_the_maximum_and_names_the_hatch_only_when_used() -> None:
    legend = [text for text in parse(hours()).iter(f"{SVG}text")][:3]
    assert [text.text for text in legend] == ["0", "30", "< 5"]
    complete = parse(hours(values=[[1] * 24, [2] * 24]))
    assert texts(complete)[:2] == ["0", "2"]
    assert "< 5" not in texts(complete)


def test_a_figure_shows_in_a_cell_only_where_it_fits() -> None:
    narrow = parse(hours(values=[[123] * 24, [45] * 24]))
    assert [texts(row)[1:] for row in of_class(narrow, "row")] == [[], ["45"] * 24]
    wide = parse(hours(column_labels=["ochtend", "middag"], values=[[123, 4], [None, 0]]))
    assert [texts(row)[1:] for row in of_class(wide, "row")] == [["123", "4"], ["0"]]


def test_figures_on_cells_stand_out_on_every_shade() -> None:
    values = [[value * 5 for value in range(8)], [value * 5 + 40 for value in range(8)]]
    root = parse(hours(column_labels=[str(value) for value in range(8)], values=values))
    for row in of_class(root, "row"):
        for cell, figure in zip(of_class(row, "cell"), list(row.iter(f"{SVG}text"))[1:], strict=True):
            assert contrast(cell.get("fill", ""), figure.get("fill", "")) >= 4.5


def test_heatmap_values_must_match_the_labels() -> None:
    with pytest.raises(ValueError, match="one value per column"):
        hours(values=[[1] * 24, [1] * 23])
    with pytest.raises(ValueError, match="one row per row label"):
        hours(values=[[1] * 24])


def test_the_band_lies_between_the_heights_of_its_low_and_high_values() -> None:
    root = parse(weeks())
    columns = of_class(root, "column")
    (band,) = of_class(root, "band")
    ten, thirty = columns[0], columns[1]
    assert number(band, "y") == pytest.approx(number(thirty, "y"), abs=0.01)
    assert number(band, "y") + number(band, "height") == pytest.approx(number(ten, "y"), abs=0.01)
    assert number(columns[3], "height") / number(ten, "height") == pytest.approx(4, abs=0.01)
    dashed = [line for line in root.iter(f"{SVG}line") if line.get("stroke-dasharray") != "none"]
    assert sorted(number(line, "y1") for line in dashed) == pytest.approx([number(thirty, "y"), number(ten, "y")])
    assert "Normaal bereik" in texts(root)


def test_a_band_above_every_value_still_fits_the_scale() -> None:
    root = parse(weeks(values=[1, 2, 3, 4], band=(10.0, 40.0)))
    (band,) = of_class(root, "band")
    assert number(band, "y") >= 0
    assert number(of_class(root, "column")[3], "height") / number(band, "height") == pytest.approx(4 / 30, abs=0.01)


def test_without_a_band_there_is_neither_band_nor_legend() -> None:
    root = parse(weeks(band=None, band_label=None))
    assert of_class(root, "band") == []
    assert of_class(root, "swatch") == []
    assert [line.get("stroke-dasharray") for line in root.iter(f"{SVG}line")] == ["none"]


def test_the_last_week_stands_out_by_fill_and_bold_figures() -> None:
    columns = of_class(parse(weeks()), "column")
    assert len({column.get("fill") for column in columns[:-1]}) == 1
    assert columns[-1].get("fill") != columns[0].get("fill")
    assert luminance(columns[-1].get("fill", "")) < luminance(columns[0].get("fill", ""))
    groups = of_class(parse(weeks()), "week")
    figures = [text for group in groups for text in group.iter(f"{SVG}text")]
    assert [figure.get("font-weight") for figure in figures] == ["normal", "normal", "normal", "bold"]
    assert [figure.text for figure in figures] == ["10", "30", "20", "40"]


def test_week_labels_that_would_overlap_are_thinned_from_the_last_one_back() -> None:
    labels = [f"week {number}" for number in range(1, 53)]
    root = parse(weeks(labels=labels, values=list(range(52))))
    shown = [text for text in texts(root) if text.startswith("week")]
    assert shown[-1] == "week 52"
    assert 4 <= len(shown) < 52
    assert all(label in labels for label in shown)
    assert len(of_class(root, "column")) == 51  # week 1 has 0: no column


def test_the_same_input_gives_the_same_svg() -> None:
    assert bars() == bars()
    assert hours() == hours()
    assert weeks() == weeks()


def test_the_charts_print_through_weasyprint(tmp_path: Path) -> None:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.fail("pdftotext not found: install Debian's poppler-utils (see .ci/run)")
    page = f"<!doctype html><html><body><h1>Kwartaal</h1>{bars()}{hours()}{weeks()}</body></html>"
    pdf = tmp_path / "charts.pdf"
    pdf.write_bytes(HTML(string=page).write_pdf())
    text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    # labels, legends and figures; a chart's title is its <title> for assistive technology, the page shows a heading
    for shown in ["Dit kwartaal", "Vorig kwartaal", "Inloggen", "Koppelen", "maandag", "dinsdag", "Normaal bereik"]:
        assert shown in text
    assert "week 4" in text
    assert {"10", "20", "30", "40", "23"} <= set(text.split())
    # WeasyPrint places SVG text glyph by glyph, so pdftotext may lose the narrow space in "< 5"
    assert "<5" in text.replace(" ", "")
