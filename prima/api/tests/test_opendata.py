"""Open data for Satu Data Indonesia: each dataset as CSV and JSON, and a DCAT
catalogue that RDF tools (ckanext-dcat reads it with rdflib) understand."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import FOAF, RDF

from prima.api.opendata import DATASETS
from prima.innovations.testing import make_innovation
from prima.organisations.testing import make_layanan
from prima.surveys.testing import submit_four

pytestmark = pytest.mark.django_db

DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")


def _csv(client, pemda, name):
    url = reverse(
        "opendata:dataset", kwargs={"pemda_slug": pemda, "dataset": name, "fmt": "csv"}
    )
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_ikm_dataset_has_a_row_per_unit_and_period(client, org, settings):
    """The IKM dataset lists each unit in each period, with the NRR of each unsur."""
    submit_four(org.layanan, day=timezone.localdate().replace(day=1))
    rows = _csv(client, "kota-alpha", "ikm")
    assert len(rows) == 8 * 3  # eight periods, three active units
    answered = [r for r in rows if r["respondents"] != "0"]
    assert [r["unit"] for r in answered] == [str(org.unit.pk)]
    assert answered[0]["nrr_u3"] == "2.5000"
    assert list(rows[0]) == list(DATASETS["ikm"].columns)


def test_csv_and_json_hold_the_same_rows(client, org):
    """Both downloads of a dataset hold the same rows and columns."""
    url = reverse(
        "opendata:dataset",
        kwargs={"pemda_slug": "kota-alpha", "dataset": "layanan", "fmt": "json"},
    )
    as_json = client.get(url).json()
    as_csv = _csv(client, "kota-alpha", "layanan")
    assert [str(r["id"]) for r in as_json] == [r["id"] for r in as_csv]
    assert set(as_json[0]) == set(as_csv[0])


def test_csv_cells_never_start_a_formula(client, org):
    """A service name a spreadsheet would evaluate is written as text."""
    make_layanan(unit=org.unit, name="=HYPERLINK(1)")
    names = {r["name"] for r in _csv(client, "kota-alpha", "layanan")}
    assert "'=HYPERLINK(1)" in names


def test_drafts_are_no_open_data(client, org):
    """Only published innovations are in the dataset."""
    make_innovation(unit=org.unit, title="Terbit")
    make_innovation(unit=org.unit, title="Draf", published=False)
    titles = [r["title"] for r in _csv(client, "kota-alpha", "inovasi")]
    assert titles == ["Terbit"]


def test_unknown_pemda_or_dataset_is_404(client, org):
    """Neither an unknown region nor an unknown dataset answers with data."""
    for slug, name in (("kota-nowhere", "ikm"), ("kota-alpha", "nope")):
        url = reverse(
            "opendata:dataset",
            kwargs={"pemda_slug": slug, "dataset": name, "fmt": "csv"},
        )
        assert client.get(url).status_code == 404


def test_catalogue_is_dcat_a_harvester_reads(client, org, settings):
    """Parsed as RDF, the catalogue has every dataset of every Pemda with its
    licence, publisher, frequency, period and downloads that work."""
    settings.PRIMA_OPEN_DATA_LICENSE = "https://creativecommons.org/licenses/by/4.0/"
    response = client.get(reverse("opendata:catalogue"))
    assert response["Content-Type"].startswith("application/ld+json")
    graph = Graph().parse(data=response.content, format="json-ld")
    datasets = list(graph.subjects(RDF.type, DCAT.Dataset))
    assert len(datasets) == 2 * len(DATASETS)
    licence = URIRef(settings.PRIMA_OPEN_DATA_LICENSE)
    for dataset in datasets:
        assert graph.value(dataset, DCT.title)
        assert graph.value(dataset, DCT.identifier)
        assert graph.value(dataset, DCT.license) == licence
        publisher = graph.value(dataset, DCT.publisher)
        assert str(graph.value(publisher, FOAF.name)) in {
            "Kota Alpha",
            "Kabupaten Beta",
        }
        assert graph.value(dataset, DCT.accrualPeriodicity) is not None
        distributions = list(graph.objects(dataset, DCAT.distribution))
        assert {str(graph.value(d, DCT["format"])) for d in distributions} == {
            "CSV",
            "JSON",
        }
        for distribution in distributions:
            url = str(graph.value(distribution, DCAT.downloadURL))
            assert client.get(url.removeprefix("http://testserver")).status_code == 200
    ikm = URIRef("http://testserver/kota-alpha/#dataset-ikm")
    assert str(graph.value(ikm, DCT.accrualPeriodicity)).endswith("QUARTERLY")
    temporal = graph.value(ikm, DCT.temporal)
    assert graph.value(temporal, DCAT.startDate).toPython() < timezone.localdate()


def test_pemda_catalogue_lists_only_that_pemda(client, org):
    """A region's own catalogue holds its datasets only."""
    url = reverse("opendata:pemda-catalogue", kwargs={"pemda_slug": "kota-alpha"})
    graph = Graph().parse(data=client.get(url).content, format="json-ld")
    assert len(list(graph.subjects(RDF.type, DCAT.Dataset))) == len(DATASETS)


def test_downloads_answer_304_to_a_harvester_holding_them(client, org):
    """A harvester sending the ETag it holds gets 304 until the data changes."""
    url = reverse(
        "opendata:dataset",
        kwargs={"pemda_slug": "kota-alpha", "dataset": "layanan", "fmt": "csv"},
    )
    tag = client.get(url)["ETag"]
    assert client.get(url, headers={"If-None-Match": tag}).status_code == 304
    make_layanan(unit=org.unit, name="Layanan baru")
    assert client.get(url, headers={"If-None-Match": tag}).status_code == 200
