"""Tests of the complaints data migrations."""

import importlib

import pytest
from django.apps import apps

from prima.complaints.models import CaseEvent, Status
from prima.complaints.testing import make_case

pytestmark = pytest.mark.django_db

staff_note = importlib.import_module("prima.complaints.migrations.0004_staff_note")


def event(case, to_status, note, **extra):
    return CaseEvent.objects.create(
        case=case, at=case.received_at, to_status=to_status, note=note, **extra
    )


def test_notes_typed_for_staff_move_out_of_the_citizen_note(org):
    """Verification and disposisi notes become staff notes; notes written to the
    citizen (first response, answer, the citizen's own reply) stay."""
    case = make_case(org)
    verified = event(case, Status.VERIFIED, "Sudah dicek")
    assigned = event(case, Status.ASSIGNED, "Cek CCTV")
    started = event(case, Status.IN_PROGRESS, "Kami tangani")
    reply = event(case, Status.ASSIGNED, "Belum beres", by_citizen=True)
    staff_note.move_staff_notes(apps, None)
    for row in (verified, assigned):
        row.refresh_from_db()
        assert (row.note, row.staff_note) in {("", "Sudah dicek"), ("", "Cek CCTV")}
    for row in (started, reply):
        row.refresh_from_db()
        assert row.staff_note == "" and row.note
