"""Small typed builders of Standar Pelayanan and Maklumat rows for tests and demos."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db.models import Max
from django.utils import timezone

from prima.organisations.models import Layanan, Unit
from prima.standards.models import Maklumat, Participant, PublicationMedium
from prima.standards.models import StandarPelayanan as Standard

# All fourteen components filled, for a free service of one working day.
COMPLETE_VALUES: dict[str, Any] = {
    "persyaratan": "Fotokopi Kartu Keluarga\nSurat pengantar RT/RW",
    "prosedur": "Ambil nomor antrean\nSerahkan berkas\nPerekaman biometrik",
    "jangka_waktu_value": 1,
    "jangka_waktu_unit": "hari_kerja",
    "biaya_tarif": Decimal(0),
    "biaya_dasar_hukum": "",
    "produk": "Kartu Tanda Penduduk elektronik",
    "penanganan_pengaduan": "SP4N-LAPOR!, kotak saran, dan loket pengaduan",
    "dasar_hukum": "UU 24/2013 tentang Administrasi Kependudukan",
    "sarana_prasarana": "Ruang tunggu, alat perekaman biometrik",
    "kompetensi_pelaksana": "Memahami administrasi kependudukan",
    "pengawasan_internal": "Kepala unit dan Inspektorat",
    "jumlah_pelaksana": 4,
    "jaminan_pelayanan": "Pelayanan sesuai standar",
    "jaminan_keamanan": "Data pribadi dijaga kerahasiaannya",
    "evaluasi_kinerja": "Evaluasi bulanan oleh kepala unit",
}


def make_standard(
    *,
    layanan: Layanan,
    status: str = Standard.Status.PUBLISHED,
    version: int | None = None,
    decree_date: date | None = None,
    user: Any = None,
    **overrides: Any,
) -> Standard:
    """Create a version of ``layanan``'s standard, complete unless ``overrides`` empty it.

    A published version is set by a decree dated ``decree_date`` (default today), so its
    yearly review is due a year later.
    """
    if version is None:
        latest = Standard.objects.filter(layanan=layanan).aggregate(v=Max("version"))
        version = (latest["v"] or 0) + 1
    values = {**COMPLETE_VALUES, **overrides}
    if decree_date is not None:
        values["decree_date"] = decree_date
    if status != Standard.Status.DRAFT:
        values.setdefault("decree_number", f"188.45/{version}/2026")
        values.setdefault("decree_date", decree_date or timezone.localdate())
        values.setdefault("drafting_participants", [Participant.PENGGUNA])
        values.setdefault("publication_media", [PublicationMedium.WEBSITE])
    standard = Standard(
        layanan=layanan,
        pemda_id=layanan.pemda_id,
        version=version,
        status=status,
        created_by=user,
        published_at=timezone.now() if status != Standard.Status.DRAFT else None,
        published_by=user if status != Standard.Status.DRAFT else None,
        **values,
    )
    standard.full_clean()
    standard.save()
    return standard


def approve_standard(
    standard: Standard,
    *,
    approver: Any,
    submitter: Any = None,
    decree_number: str | None = None,
    decree_date: date | None = None,
    decree_signatory: str = "Kepala Dinas",
    now: datetime | None = None,
) -> Standard:
    """Submit ``standard`` (unless it waits already) and approve it with a decree of
    its own, numbered after its version and dated today unless told otherwise."""
    from prima.standards import services

    if not standard.is_awaiting_approval:
        standard = services.standard_submit(
            standard=standard, user=submitter or approver, now=now
        )
    return services.standard_approve(
        standard=standard,
        user=approver,
        decree_number=decree_number or f"188.45/{standard.version}/SK-BARU",
        decree_date=decree_date or timezone.localdate(),
        decree_signatory=decree_signatory,
        now=now,
    )


def make_maklumat(*, unit: Unit, signed: bool = True, **overrides: Any) -> Maklumat:
    """Create the unit's Maklumat, signed today and published unless told otherwise."""
    values: dict[str, Any] = {
        "signatory_name": "Budi Santoso" if signed else "",
        "signatory_position": "Kepala Unit" if signed else "",
        "signed_on": timezone.localdate() if signed else None,
        "published_printed": signed,
        "published_electronic": signed,
        **overrides,
    }
    maklumat = Maklumat(unit=unit, pemda_id=unit.pemda_id, **values)
    maklumat.full_clean()
    maklumat.save()
    return maklumat
