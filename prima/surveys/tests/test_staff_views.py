"""Tests of the staff SKM pages: results, diagnosis, population, RTL and import."""

from datetime import date

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.template import Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from prima.core.panels import Panel
from prima.core.periods import parse_key
from prima.organisations.testing import make_layanan
from prima.surveys import panels
from prima.surveys.followups import followup_create
from prima.surveys.models import FollowUp, Population, Response
from prima.surveys.testing import FOUR_RESPONDENTS, submit_scores

pytestmark = pytest.mark.django_db

DAY = date(2026, 5, 12)
Q = "?periode=2026-T2"


def submit(layanan, row):
    submit_scores(layanan, row, day=DAY)


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def answered(org):
    for row in FOUR_RESPONDENTS:
        submit(org.layanan, row)
    submit(org.other_opd_layanan, [4] * 9)
    return org


def test_results_lists_units_weakest_first(english, answered, users):
    """The overview shows each unit's IKM, weakest first, and silent units last."""
    english.force_login(users["admin_pemda"])
    page = english.get(reverse("surveys:results") + Q).content.decode()
    unit, best, silent = (
        page.index(answered.unit.name),
        page.index(answered.other_opd_unit.name),
        page.index(answered.sibling_unit.name),
    )
    assert unit < best < silent
    assert "79.86" in page and "100.00" in page
    assert "no responses" in page
    assert "Completion time" in page
    assert answered.other_pemda_unit.name not in page


def test_results_reads_the_rollups_once(english, answered, users):
    """The overview sums the rollups in one grouped query, whatever the unit count."""
    english.force_login(users["admin_pemda"])
    with CaptureQueriesContext(connection) as queries:
        english.get(reverse("surveys:results") + Q)
    rollup = [
        q
        for q in queries
        if "surveys_dailycount" in q["sql"] or "surveys_monthlycount" in q["sql"]
    ]
    assert len(rollup) == 1


def test_results_for_unit_operator_lists_own_unit_only(english, answered, users):
    """A unit operator sees only their own unit."""
    english.force_login(users["operator_unit"])
    page = english.get(reverse("surveys:results") + Q).content.decode()
    assert answered.unit.name in page
    assert answered.other_opd_unit.name not in page


def test_bad_period_shows_message_and_default(english, org, users):
    """An unknown period key is explained and the current period is shown instead."""
    english.force_login(users["admin_pemda"])
    response = english.get(reverse("surveys:results") + "?periode=2026-T9")
    assert response.status_code == 200
    assert "is not a survey period" in response.content.decode()
    assert response.context["period"].contains(timezone.localdate())


def test_results_forbidden_without_survey_grant(client, org, users):
    """A jury member, without any survey grant, is refused."""
    client.force_login(users["juri"])
    assert client.get(reverse("surveys:results")).status_code == 403


def test_unit_results_show_the_diagnosis(english, answered, users):
    """The unit page shows grades, weak unsur, the sample, services and the RTL."""
    period = parse_key("2026-T2")
    Population.objects.create(
        pemda=answered.pemda,
        unit=answered.unit,
        period_start=period.start,
        period_end=period.end,
        population=1000,
    )
    followup_create(
        unit=answered.unit,
        period=period,
        unsur="U3",
        action="Tambah petugas loket",
        due_on=date(2026, 9, 30),
        responsible="Kepala Unit",
    )
    english.force_login(users["operator_unit"])
    url = reverse("surveys:unit-results", kwargs={"unit_pk": answered.unit.pk}) + Q
    page = english.get(url).content.decode()
    assert "79.86" in page and "62.50" in page
    assert page.count(">weak<") == 4
    assert page.count(">weakest<") == 1
    assert "n = 4 of 278 needed" in page
    assert answered.layanan.name in page
    assert "Tambah petugas loket" in page
    assert "Add follow-up action" in page


def test_unit_results_read_only_roles_see_no_change_links(english, answered, users):
    """A counter officer sees the diagnosis but no change actions."""
    english.force_login(users["petugas_loket"])
    url = reverse("surveys:unit-results", kwargs={"unit_pk": answered.unit.pk}) + Q
    response = english.get(url)
    assert response.status_code == 200
    assert "Add follow-up action" not in response.content.decode()


def test_unit_results_out_of_scope_is_404(client, org, users):
    """A unit of another Pemda is not found."""
    client.force_login(users["admin_pemda"])
    url = reverse("surveys:unit-results", kwargs={"unit_pk": org.other_pemda_unit.pk})
    assert client.get(url).status_code == 404


def test_population_edit_saves_and_shows_required_sample(english, org, users):
    """Declaring N = 1 000 stores it and shows the 278 respondents needed."""
    english.force_login(users["operator_unit"])
    url = reverse("surveys:population-edit", kwargs={"unit_pk": org.unit.pk}) + Q
    response = english.post(url, {"population": "1000"}, follow=True)
    assert Population.objects.get(unit=org.unit).population == 1000
    assert "the Krejcie–Morgan sample is 278 respondents" in response.content.decode()


def test_population_edit_is_forbidden_to_read_only_roles(client, org, users):
    """A counter officer may not declare the population."""
    client.force_login(users["petugas_loket"])
    url = reverse("surveys:population-edit", kwargs={"unit_pk": org.unit.pk})
    assert client.post(url, {"population": "10"}).status_code == 403
    assert not Population.objects.exists()


def test_followup_create_offers_only_weak_unsur(english, answered, users):
    """The RTL form offers the weak unsur and refuses another one."""
    english.force_login(users["operator_unit"])
    url = reverse("surveys:followup-create", kwargs={"unit_pk": answered.unit.pk}) + Q
    choices = [c[0] for c in english.get(url).context["form"].fields["unsur"].choices]
    assert choices == ["U3", "U1", "U2", "U9"]
    data = {
        "unsur": "U4",
        "action": "x",
        "due_on": "2026-09-30",
        "responsible": "Kepala",
    }
    assert english.post(url, data).status_code == 200
    assert not FollowUp.objects.exists()
    response = english.post(url, {**data, "unsur": "U3"})
    assert response.status_code == 302
    item = FollowUp.objects.get()
    assert (item.unsur, item.period_start) == ("U3", date(2026, 4, 1))


def test_followup_update_requires_completion_date(english, org, users):
    """Marking an RTL item done without a date shows an error; with one it is saved."""
    item = followup_create(
        unit=org.unit,
        period=parse_key("2026-T2"),
        unsur="U3",
        action="Tambah loket",
        due_on=date(2026, 9, 30),
        responsible="Kepala Unit",
    )
    english.force_login(users["admin_opd"])
    url = reverse("surveys:followup-update", kwargs={"pk": item.pk})
    response = english.post(url, {"status": "done", "note": ""})
    assert "Give the date the action was completed." in response.content.decode()
    response = english.post(url, {"status": "done", "completed_on": "2026-06-01"})
    assert response.status_code == 302
    assert "periode=2026-T2" in response["Location"]
    item.refresh_from_db()
    assert (item.status, item.completed_on) == ("done", date(2026, 6, 1))


CSV_HEADER = "tanggal,kode_layanan,u1,u2,u3,u4,u5,u6,u7,u8,u9\n"


def test_import_page_imports_and_counts(english, org, users):
    """A good upload stores the rows and reports how many were imported."""
    make_layanan(unit=org.unit, code="KTP")
    upload = SimpleUploadedFile(
        "form.csv", (CSV_HEADER + "2026-05-12,KTP,4,4,3,4,4,4,4,3,3\n").encode()
    )
    english.force_login(users["operator_unit"])
    url = reverse("surveys:import", kwargs={"unit_pk": org.unit.pk})
    response = english.post(url, {"file": upload}, follow=True)
    assert "1 forms imported; 0 were imported before." in response.content.decode()
    assert Response.objects.count() == 1


def test_import_page_lists_bad_cells(english, org, users):
    """A bad upload stores nothing and lists each bad cell with row and column."""
    make_layanan(unit=org.unit, code="KTP")
    upload = SimpleUploadedFile(
        "form.csv",
        (
            CSV_HEADER
            + "2026-05-12,KTP,4,4,3,4,4,4,4,3,3\n2026-05-12,KTP,9,4,3,4,4,4,4,3,3\n"
        ).encode(),
    )
    english.force_login(users["operator_unit"])
    url = reverse("surveys:import", kwargs={"unit_pk": org.unit.pk})
    response = english.post(url, {"file": upload})
    page = response.content.decode()
    assert "1 problem found — nothing was imported" in page
    assert "<td>3</td><td>u1</td>" in page
    assert Response.objects.count() == 0


def test_import_refuses_other_file_types(english, org, users):
    """An upload that is not CSV or XLSX is refused with a message."""
    english.force_login(users["operator_unit"])
    url = reverse("surveys:import", kwargs={"unit_pk": org.unit.pk})
    upload = SimpleUploadedFile("form.pdf", b"%PDF-1.4")
    page = english.post(url, {"file": upload}).content.decode()
    assert "Upload a CSV (.csv) or Excel (.xlsx) file." in page


@pytest.mark.parametrize(
    ("length", "message"),
    [
        (131_072, "Baris 2, kolom 12: isi sel lebih dari 2000 karakter."),
        # Past the csv module's own field limit the column is not known any more.
        (131_073, "Baris 2: isi sel lebih dari 2000 karakter."),
    ],
)
def test_import_of_a_cell_at_the_csv_field_limit_is_a_form_error(
    client, org, users, length, message
):
    """A cell of 131 072 characters (the csv module's own limit) or more is refused
    in the form, in Indonesian, naming the row and the limit; nothing is stored."""
    make_layanan(unit=org.unit, code="KTP")
    row = "2026-05-12,KTP,4,4,3,4,4,4,4,3,3," + "x" * length + "\n"
    header = CSV_HEADER.strip() + ",saran\n"
    upload = SimpleUploadedFile("form.csv", (header + row).encode())
    client.force_login(users["operator_unit"])
    url = reverse("surveys:import", kwargs={"unit_pk": org.unit.pk})
    response = client.post(url, {"file": upload})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Response.objects.count() == 0


def test_import_forbidden_to_read_only_roles(client, org, users):
    """A counter officer may not import paper forms."""
    client.force_login(users["petugas_loket"])
    url = reverse("surveys:import", kwargs={"unit_pk": org.unit.pk})
    upload = SimpleUploadedFile("form.csv", CSV_HEADER.encode())
    assert client.post(url, {"file": upload}).status_code == 403


def test_unit_results_include_the_panels_registered_by_higher_apps(
    english, answered, users
):
    """The unit page shows, after the unsur table, each panel a provider registered
    with its slot gives, rendered with the page's unit and diagnosis."""
    seen = {}

    def provider(*, user, unit, diagnosis):
        seen.update(user=user, unit=unit, weak=len(diagnosis.weak_lines))
        return Panel(
            Template('<p id="fake">{{ data.word }} {{ unit.name }}</p>'),
            {"word": "Halo"},
        )

    url = reverse("surveys:unit-results", kwargs={"unit_pk": answered.unit.pk}) + Q
    english.force_login(users["operator_unit"])
    panels.unit_results.register(provider)
    try:
        page = english.get(url).content.decode()
    finally:
        panels.unit_results.unregister(provider)
    assert f'<p id="fake">Halo {answered.unit.name}</p>' in page
    assert page.index('id="fake"') > page.index("Change since previous period")
    assert page.index('id="fake"') < page.index("Index per service")
    assert seen == {"user": users["operator_unit"], "unit": answered.unit, "weak": 4}
    assert 'id="fake"' not in english.get(url).content.decode()
