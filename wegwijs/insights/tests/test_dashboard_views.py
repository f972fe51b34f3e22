"""The dashboard page, its exports and the PDF report as analysts and coordinators get them; nobody else."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from wegwijs.insights.tests.world import feedback, rollup, searches
from wegwijs.tenancy.roles import Role

pytestmark = pytest.mark.django_db

# September in a quarter that has ended (whatever day the tests run), against August.
SEPTEMBER_DAY, AUGUST_DAY = dt.date(2026, 9, 16), dt.date(2026, 8, 12)


def nl(text: str) -> str:
    with translation.override("nl"):
        return translation.gettext(text)


@pytest.fixture
def history(organisation):
    for day, counts in (
        (AUGUST_DAY, {"web": 20, "email": 10, "phone": 6}),
        (SEPTEMBER_DAY, {"web": 30, "email": 12, "phone": 3}),
    ):
        for channel, tickets in counts.items():
            rollup(organisation, day, tickets, channel=channel)
    searches(organisation, SEPTEMBER_DAY, "uitslagen bekijken", 6)
    feedback(organisation, SEPTEMBER_DAY, '=HYPERLINK("http://x")', yes=1, no=7)
    return organisation


def url(name, organisation, **query):
    address = reverse(f"insights:{name}", args=[organisation.slug])
    return address + ("?" + "&".join(f"{key}={value}" for key, value in query.items()) if query else "")


@pytest.mark.parametrize("role", [Role.ANALYST, Role.COORDINATOR])
def test_analysts_and_coordinators_see_the_period_against_the_one_before(make_staff, history, role):
    _user, client = make_staff(role, history)
    page = client.get(url("dashboard", history, period="2026-09")).content.decode()

    assert "<svg" in page
    assert 'aria-labelledby="chart-channel-title chart-channel-desc"' in page
    assert "45" in page
    assert "+25 %" in page
    assert "&lt; 5" in page  # the three phone questions
    assert "uitslagen bekijken" in page  # searched six times without result
    assert '<option value="2026-09" selected>' in page
    assert "<script" not in page.split("</main>")[0].split("<main")[-1]  # the page works without JavaScript


@pytest.mark.parametrize("role", [Role.AGENT, Role.EDITOR, Role.VOLUNTEER, Role.CARE_PROVIDER])
def test_other_roles_do_not_get_insights(make_staff, history, role):
    _user, client = make_staff(role, history)
    for name in ("dashboard", "export_csv", "export_xlsx", "report"):
        assert client.get(url(name, history, period="2026-09")).status_code == 404


def test_another_organisations_analyst_gets_not_found(make_staff, history, other_organisation):
    _user, client = make_staff(Role.ANALYST, other_organisation)
    assert client.get(url("dashboard", history, period="2026-09")).status_code == 404
    assert client.get(url("report", history, period="2026-09")).status_code == 404


@pytest.mark.parametrize("period", ["2026-13", "2099-01", "yesterday", "2026-Q5"])
def test_a_period_that_cannot_be_shown_is_refused_with_the_reason(make_staff, history, period):
    _user, client = make_staff(Role.ANALYST, history)
    response = client.get(url("dashboard", history, period=period))
    assert response.status_code == 400
    assert (
        nl("“%(period)s” cannot be shown: choose a whole month or quarter that has ended.") % {"period": period}
        in response.content.decode()
    )
    assert client.get(url("export_csv", history, period=period)).status_code == 400
    assert client.get(url("report", history, period=period, language="nl")).status_code == 400
    assert client.get(url("report", history, period="2026-09", language="de")).status_code == 400


def test_the_csv_shows_hidden_numbers_as_on_the_page_and_defuses_formulas(make_staff, history):
    _user, client = make_staff(Role.ANALYST, history)
    response = client.get(url("export_csv", history, period="2026-09"))
    assert response["Content-Disposition"] == 'attachment; filename="wegwijs-inzichten-ziekenhuis-a-2026-09.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    cells = {row[0]: row[1:3] for row in rows if len(row) >= 3}
    with translation.override("nl"):
        phone, email = str(translation.gettext("Phone")), str(translation.gettext("E-mail"))
    assert cells[phone] == ["< 5", "•"]
    assert cells[email] == ["•", "•"]
    assert cells[nl("Questions")] == ["45", "36"]
    assert not any(cell.startswith("=") for row in rows for cell in row)
    assert '\'=HYPERLINK("http://x")' in cells


def test_the_xlsx_has_a_sheet_per_table_and_no_formulas(make_staff, history):
    _user, client = make_staff(Role.ANALYST, history)
    response = client.get(url("export_xlsx", history, period="2026-09"))
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames[0] == nl("Summary")
    assert nl("Questions by channel") in workbook.sheetnames
    values = [cell.value for sheet in workbook for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert 45 in values
    assert "< 5" in values
    assert all(cell.data_type != "f" for sheet in workbook for row in sheet.iter_rows() for cell in row)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_pdf_report_reads_back_with_findings_and_without_search_words(make_staff, history, language):
    _user, client = make_staff(Role.ANALYST, history)
    response = client.get(url("report", history, period="2026-09", language=language))
    assert response["Content-Type"] == "application/pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    with translation.override(language):
        heading = translation.gettext("What changed, and what to fix first")
        channels = translation.gettext("Questions by channel")
    assert heading in text
    assert channels in text
    assert "45" in text
    assert "+25 %" in text
    assert "uitslagen bekijken" not in text  # people typed those words: never in a report


def test_the_platform_view_puts_the_organisations_side_by_side(make_staff, history, other_organisation):
    rollup(other_organisation, SEPTEMBER_DAY, 70)
    _user, client = make_staff(Role.COORDINATOR, history, other_organisation)
    page = client.get(reverse("insights:platform") + "?period=2026-09").content.decode()
    assert history.name in page
    assert other_organisation.name in page
    assert ">70<" in page
    assert ">45<" in page

    _user, analyst = make_staff(Role.ANALYST, history)
    page = analyst.get(reverse("insights:platform") + "?period=2026-09").content.decode()
    assert history.name in page
    assert other_organisation.name not in page
