"""Builders of standards for the portal tests."""

from __future__ import annotations

from decimal import Decimal

from prima.organisations.models import Layanan
from prima.standards.models import StandarPelayanan

PUBLIC_FIELDS = {
    "persyaratan": "Kartu Keluarga asli\nSurat pengantar RT/RW",
    "prosedur": "Ambil nomor antrean\nRekam biometrik\nAmbil KTP-el",
    "jangka_waktu_value": 3,
    "jangka_waktu_unit": "hari_kerja",
    "biaya_tarif": Decimal("0"),
    "produk": "KTP elektronik",
    "penanganan_pengaduan": "SP4N-LAPOR! dan kotak pengaduan di loket",
}
INTERNAL_FIELDS = {
    "dasar_hukum": "RAHASIA-DASAR-HUKUM",
    "sarana_prasarana": "RAHASIA-SARANA",
    "kompetensi_pelaksana": "RAHASIA-KOMPETENSI",
    "pengawasan_internal": "RAHASIA-PENGAWASAN",
    "jaminan_pelayanan": "RAHASIA-JAMINAN",
    "jaminan_keamanan": "RAHASIA-KEAMANAN",
    "evaluasi_kinerja": "RAHASIA-EVALUASI",
}


def make_standard(
    *, layanan: Layanan, status: str = "published", version: int = 1, **fields
) -> StandarPelayanan:
    """Create a standard version of ``layanan`` with every component filled."""
    values = {**PUBLIC_FIELDS, **INTERNAL_FIELDS, **fields}
    return StandarPelayanan.objects.create(
        pemda=layanan.pemda,
        layanan=layanan,
        version=version,
        status=status,
        decree_number=f"800/{version}/2026",
        **values,
    )
