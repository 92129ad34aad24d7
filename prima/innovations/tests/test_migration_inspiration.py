"""The data migration rewrites English replication notes and leaves others alone."""

import importlib

import pytest
from django.apps import apps

from prima.innovations.models import Innovation
from prima.innovations.testing import make_innovation

migration = importlib.import_module(
    "prima.innovations.migrations.0004_inspiration_in_indonesian"
)

pytestmark = pytest.mark.django_db


def test_english_notes_become_indonesian_and_edited_notes_stay(org):
    origin = make_innovation(pemda=org.pemda)
    english = make_innovation(
        pemda=org.pemda,
        origin=origin,
        inspirasi="“Antrean daring” by Disdukcapil, Kota Alpha.",
    )
    edited = make_innovation(
        pemda=org.pemda,
        origin=origin,
        inspirasi="Kami meniru “Antrean daring” by design, lalu mengubahnya",
    )
    migration.to_indonesian(apps, None)
    assert (
        Innovation.objects.get(pk=english.pk).inspirasi
        == "“Antrean daring” oleh Disdukcapil, Kota Alpha."
    )
    assert Innovation.objects.get(pk=edited.pk).inspirasi == edited.inspirasi
