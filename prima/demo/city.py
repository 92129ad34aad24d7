"""Kota Prima Raya, the fictional demo city, as plain data tables.

Every name, address, phone number, decree and regional regulation (Perda, Perwal) of the
city is invented; the national laws cited in the legal bases are real. Addresses use the
reserved ``.example`` domain so no demo e-mail can reach anybody.

Pure module: no Django import. ``prima.demo.organisations`` and
``prima.demo.standards`` turn these tables into rows.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

SEED = 2026
EMAIL_DOMAIN = "kotaprimaraya.example"
CITY = "Kota Prima Raya"


@dataclass(frozen=True)
class PemdaSpec:
    name: str
    slug: str
    kind: str
    head_title: str
    address: str
    website: str


PEMDA = PemdaSpec(
    name=CITY,
    slug="kota-prima-raya",
    kind="kota",
    head_title="Wali Kota",
    address="Jl. Jenderal Sudirman No. 1, Kecamatan Prima Kota, Kota Prima Raya 99111",
    website="https://kotaprimaraya.example/",
)

# What the city's official documents carry (prima.organisations.Letterhead).
LETTERHEAD_LINES = (
    "PEMERINTAH KOTA PRIMA RAYA",
    "SEKRETARIAT DAERAH",
    "Jl. Jenderal Sudirman No. 1, Kota Prima Raya 99111 · Telp. (0299) 555-0100",
)
SIGNATORY = ("Drs. Hendra Gunawan, M.Si.", "Sekretaris Daerah Kota Prima Raya")
SKM_TEAM = (
    "Pengarah: Sekretaris Daerah",
    "Ketua: Kepala Bagian Organisasi",
    "Anggota: Analis Kebijakan Bagian Organisasi (3 orang)",
    "Anggota: Operator SKM setiap unit layanan",
)
SKM_SCHEDULE = (
    "Persiapan dan penetapan kuesioner: Januari",
    "Pengumpulan data: sepanjang triwulan, melalui kios, QR dan kertas",
    "Pengolahan dan analisis: minggu pertama setelah triwulan berakhir",
    "Penyusunan dan publikasi laporan: minggu kedua setelah triwulan berakhir",
)

# ---------------------------------------------------------------------------------------
# Legal bases. National laws are real; the Perda and Perwal of the city are invented.

UU_PELAYANAN_PUBLIK = "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik"
PERMENPAN_SP = (
    "Peraturan Menteri PANRB Nomor 15 Tahun 2014 tentang Pedoman Standar Pelayanan"
)
PERDA_PDRD = (
    "Peraturan Daerah Kota Prima Raya Nomor 1 Tahun 2024 tentang Pajak Daerah dan "
    "Retribusi Daerah"
)
PERWAL_BLUD = (
    "Peraturan Wali Kota Prima Raya Nomor 27 Tahun 2024 tentang Tarif Layanan Badan "
    "Layanan Umum Daerah RSUD Kota Prima Raya"
)
FREE_ADMINDUK = (
    "Pasal 79A Undang-Undang Nomor 24 Tahun 2013: pengurusan dan penerbitan dokumen "
    "kependudukan tidak dipungut biaya."
)


def perda(annex: str) -> str:
    """Return the tariff's legal basis: the city's tax and levy Perda and its annex."""
    return f"{PERDA_PDRD}, {annex}"


def perwal_blud(annex: str) -> str:
    return f"{PERWAL_BLUD}, {annex}"


@dataclass(frozen=True)
class Domain:
    """What services of one field share: legal basis, staff competence, facilities."""

    legal: tuple[str, ...]
    competence: str
    facilities: str
    free_basis: str = ""


_OFFICE_FACILITIES = (
    "Ruang tunggu ber-AC dengan kursi antrean, mesin antrean, meja pelayanan, "
    "komputer dan printer terhubung jaringan, kotak saran, toilet, ruang laktasi, "
    "ramp dan kursi roda bagi penyandang disabilitas."
)
_HEALTH_FACILITIES = (
    "Ruang pendaftaran dan ruang tunggu, ruang pemeriksaan, ruang tindakan, "
    "laboratorium sederhana, ruang farmasi, rekam medis elektronik, ambulans, "
    "toilet ramah disabilitas, ruang laktasi dan area bermain anak."
)

DOMAINS: dict[str, Domain] = {
    "adminduk": Domain(
        legal=(
            "Undang-Undang Nomor 23 Tahun 2006 tentang Administrasi Kependudukan "
            "sebagaimana telah diubah dengan Undang-Undang Nomor 24 Tahun 2013",
            "Peraturan Presiden Nomor 96 Tahun 2018 tentang Persyaratan dan Tata Cara "
            "Pendaftaran Penduduk dan Pencatatan Sipil",
            "Peraturan Menteri Dalam Negeri Nomor 108 Tahun 2019 tentang Peraturan "
            "Pelaksanaan Peraturan Presiden Nomor 96 Tahun 2018",
            "Peraturan Daerah Kota Prima Raya Nomor 4 Tahun 2019 tentang "
            "Penyelenggaraan Administrasi Kependudukan",
        ),
        competence=(
            "Memahami peraturan administrasi kependudukan; mampu mengoperasikan SIAK "
            "Terpusat dan perangkat perekaman biometrik; telah mengikuti bimbingan "
            "teknis pelayanan prima."
        ),
        facilities=(
            "Ruang tunggu ber-AC, mesin antrean elektronik, loket pelayanan, perangkat "
            "perekaman biometrik, printer KTP-el, komputer terhubung SIAK Terpusat, "
            "toilet, ruang laktasi, kursi roda dan jalur pemandu bagi penyandang "
            "disabilitas."
        ),
        free_basis=FREE_ADMINDUK,
    ),
    "kelurahan": Domain(
        legal=(
            "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
            "Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan",
            "Peraturan Wali Kota Prima Raya Nomor 18 Tahun 2022 tentang Pelimpahan "
            "Sebagian Kewenangan Wali Kota kepada Lurah",
        ),
        competence=(
            "Memahami tata naskah dinas dan administrasi kependudukan; mampu "
            "mengoperasikan aplikasi persuratan kelurahan; komunikatif dan ramah."
        ),
        facilities=(
            "Ruang tunggu, meja pelayanan, komputer dan printer, aplikasi persuratan "
            "elektronik, kotak saran, toilet dan ramp untuk kursi roda."
        ),
    ),
    "kecamatan": Domain(
        legal=(
            "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
            "Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan",
            "Peraturan Menteri Dalam Negeri Nomor 4 Tahun 2010 tentang Pedoman "
            "Pelayanan Administrasi Terpadu Kecamatan",
            "Peraturan Wali Kota Prima Raya Nomor 17 Tahun 2022 tentang Pelimpahan "
            "Sebagian Kewenangan Wali Kota kepada Camat",
        ),
        competence=(
            "Memahami pelayanan administrasi terpadu kecamatan (PATEN) dan tata naskah "
            "dinas; mampu mengoperasikan aplikasi PATEN."
        ),
        facilities=_OFFICE_FACILITIES,
    ),
    "perizinan": Domain(
        legal=(
            "Undang-Undang Nomor 6 Tahun 2023 tentang Penetapan Peraturan Pemerintah "
            "Pengganti Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja menjadi "
            "Undang-Undang",
            "Peraturan Pemerintah Nomor 28 Tahun 2025 tentang Penyelenggaraan "
            "Perizinan Berusaha Berbasis Risiko",
            "Peraturan Presiden Nomor 97 Tahun 2014 tentang Penyelenggaraan Pelayanan "
            "Terpadu Satu Pintu",
            "Peraturan Wali Kota Prima Raya Nomor 9 Tahun 2023 tentang Pendelegasian "
            "Kewenangan Perizinan dan Nonperizinan kepada Kepala DPMPTSP",
        ),
        competence=(
            "Memahami perizinan berusaha berbasis risiko dan sistem OSS-RBA; mampu "
            "memberikan konsultasi perizinan; bersertifikat pelayanan prima."
        ),
        facilities=(
            "Front office dengan loket konsultasi dan loket pengambilan, pojok OSS "
            "mandiri, mesin antrean, ruang tunggu ber-AC, Wi-Fi publik, toilet, ruang "
            "laktasi, ramp dan kursi roda."
        ),
    ),
    "bangunan": Domain(
        legal=(
            "Undang-Undang Nomor 28 Tahun 2002 tentang Bangunan Gedung sebagaimana "
            "telah diubah dengan Undang-Undang Nomor 6 Tahun 2023",
            "Peraturan Pemerintah Nomor 16 Tahun 2021 tentang Peraturan Pelaksanaan "
            "Undang-Undang Nomor 28 Tahun 2002 tentang Bangunan Gedung",
            PERDA_PDRD,
        ),
        competence=(
            "Memahami ketentuan bangunan gedung dan SIMBG; tenaga teknis berlatar "
            "belakang teknik sipil atau arsitektur."
        ),
        facilities=(
            "Loket konsultasi PBG, komputer terhubung SIMBG, ruang rapat Tim Profesi "
            "Ahli, ruang tunggu dan toilet."
        ),
    ),
    "kesehatan": Domain(
        legal=(
            "Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan",
            "Peraturan Pemerintah Nomor 28 Tahun 2024 tentang Peraturan Pelaksanaan "
            "Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan",
            PERDA_PDRD,
        ),
        competence=(
            "Tenaga medis dan tenaga kesehatan dengan STR dan SIP yang masih berlaku; "
            "petugas pendaftaran terlatih rekam medis elektronik."
        ),
        facilities=_HEALTH_FACILITIES,
    ),
    "rumah_sakit": Domain(
        legal=(
            "Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan",
            "Peraturan Pemerintah Nomor 28 Tahun 2024 tentang Peraturan Pelaksanaan "
            "Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan",
            PERWAL_BLUD,
        ),
        competence=(
            "Dokter spesialis, dokter umum, perawat dan tenaga kesehatan lain dengan "
            "STR dan SIP yang masih berlaku; petugas administrasi terlatih BPJS "
            "Kesehatan."
        ),
        facilities=(
            "Anjungan pendaftaran mandiri, ruang tunggu poliklinik, ruang periksa, "
            "instalasi farmasi, laboratorium, radiologi, ambulans, kursi roda, "
            "brankar, toilet ramah disabilitas dan ruang laktasi."
        ),
    ),
    "pajak": Domain(
        legal=(
            "Undang-Undang Nomor 1 Tahun 2022 tentang Hubungan Keuangan antara "
            "Pemerintah Pusat dan Pemerintahan Daerah",
            "Peraturan Pemerintah Nomor 35 Tahun 2023 tentang Ketentuan Umum Pajak "
            "Daerah dan Retribusi Daerah",
            PERDA_PDRD,
        ),
        competence=(
            "Memahami ketentuan pajak daerah dan aplikasi SISMIOP/e-pajak; mampu "
            "melakukan penelitian administrasi dan lapangan."
        ),
        facilities=_OFFICE_FACILITIES,
    ),
    "perhubungan": Domain(
        legal=(
            "Undang-Undang Nomor 22 Tahun 2009 tentang Lalu Lintas dan Angkutan Jalan",
            "Peraturan Pemerintah Nomor 55 Tahun 2012 tentang Kendaraan",
            PERDA_PDRD,
        ),
        competence=(
            "Penguji kendaraan bermotor bersertifikat kompetensi; petugas memahami "
            "ketentuan lalu lintas dan angkutan jalan."
        ),
        facilities=(
            "Jalur uji kendaraan terkalibrasi (uji emisi, rem, lampu, kincup roda), "
            "loket pendaftaran, ruang tunggu ber-AC, area parkir kendaraan uji dan "
            "toilet."
        ),
    ),
    "pendidikan": Domain(
        legal=(
            "Undang-Undang Nomor 20 Tahun 2003 tentang Sistem Pendidikan Nasional",
            "Peraturan Wali Kota Prima Raya Nomor 11 Tahun 2025 tentang Petunjuk "
            "Teknis Penerimaan Murid Baru",
        ),
        competence=(
            "Memahami ketentuan penyelenggaraan pendidikan dan aplikasi Dapodik; "
            "mampu melayani orang tua murid dengan ramah."
        ),
        facilities=_OFFICE_FACILITIES,
    ),
    "sosial": Domain(
        legal=(
            "Undang-Undang Nomor 11 Tahun 2009 tentang Kesejahteraan Sosial",
            "Undang-Undang Nomor 13 Tahun 2011 tentang Penanganan Fakir Miskin",
            "Undang-Undang Nomor 8 Tahun 2016 tentang Penyandang Disabilitas",
        ),
        competence=(
            "Pekerja sosial dan petugas yang memahami data terpadu kesejahteraan "
            "sosial; berempati dan menjaga kerahasiaan data penerima manfaat."
        ),
        facilities=_OFFICE_FACILITIES,
    ),
    "ketenagakerjaan": Domain(
        legal=(
            "Undang-Undang Nomor 13 Tahun 2003 tentang Ketenagakerjaan sebagaimana "
            "telah diubah dengan Undang-Undang Nomor 6 Tahun 2023",
            "Undang-Undang Nomor 2 Tahun 2004 tentang Penyelesaian Perselisihan "
            "Hubungan Industrial",
        ),
        competence=(
            "Mediator hubungan industrial dan pengantar kerja bersertifikat; memahami "
            "aplikasi SIAPkerja."
        ),
        facilities=_OFFICE_FACILITIES,
    ),
    "pupr": Domain(
        legal=(
            "Undang-Undang Nomor 38 Tahun 2004 tentang Jalan sebagaimana telah diubah "
            "dengan Undang-Undang Nomor 2 Tahun 2022",
            "Undang-Undang Nomor 26 Tahun 2007 tentang Penataan Ruang",
            "Peraturan Daerah Kota Prima Raya Nomor 2 Tahun 2021 tentang Rencana Tata "
            "Ruang Wilayah Kota Prima Raya Tahun 2021–2041",
        ),
        competence=(
            "Tenaga teknis berlatar belakang teknik sipil, planologi atau arsitektur; "
            "mampu membaca peta rencana tata ruang."
        ),
        facilities=(
            "Loket konsultasi, peta digital RTRW dan RDTR, plotter, komputer, ruang "
            "tunggu dan toilet."
        ),
    ),
    "perkim": Domain(
        legal=(
            "Undang-Undang Nomor 1 Tahun 2011 tentang Perumahan dan Kawasan Permukiman",
            PERDA_PDRD,
        ),
        competence=(
            "Memahami pengelolaan perumahan, prasarana dan utilitas umum; tenaga "
            "teknis bangunan."
        ),
        facilities=_OFFICE_FACILITIES,
    ),
    "lingkungan": Domain(
        legal=(
            "Undang-Undang Nomor 32 Tahun 2009 tentang Perlindungan dan Pengelolaan "
            "Lingkungan Hidup",
            "Undang-Undang Nomor 18 Tahun 2008 tentang Pengelolaan Sampah",
            "Peraturan Pemerintah Nomor 22 Tahun 2021 tentang Penyelenggaraan "
            "Perlindungan dan Pengelolaan Lingkungan Hidup",
            PERDA_PDRD,
        ),
        competence=(
            "Memahami dokumen lingkungan (SPPL, UKL-UPL, Amdal) dan aplikasi Amdalnet; "
            "analis laboratorium bersertifikat."
        ),
        facilities=(
            "Loket konsultasi dokumen lingkungan, laboratorium lingkungan "
            "terakreditasi, armada pengangkut sampah, ruang tunggu dan toilet."
        ),
    ),
    "koperasi": Domain(
        legal=(
            "Undang-Undang Nomor 25 Tahun 1992 tentang Perkoperasian",
            "Peraturan Pemerintah Nomor 7 Tahun 2021 tentang Kemudahan, Pelindungan, "
            "dan Pemberdayaan Koperasi dan Usaha Mikro, Kecil, dan Menengah",
        ),
        competence=(
            "Pendamping koperasi dan UMKM bersertifikat; memahami Online Data System "
            "koperasi dan OSS-RBA."
        ),
        facilities=(
            "Ruang konsultasi bisnis, ruang pelatihan, galeri produk UMKM, komputer, "
            "ruang tunggu dan toilet."
        ),
    ),
    "perdagangan": Domain(
        legal=(
            "Undang-Undang Nomor 7 Tahun 2014 tentang Perdagangan",
            "Undang-Undang Nomor 2 Tahun 1981 tentang Metrologi Legal",
            PERDA_PDRD,
        ),
        competence=(
            "Penera bersertifikat dan pengawas kemetrologian; petugas memahami "
            "pengelolaan pasar rakyat."
        ),
        facilities=(
            "Laboratorium dan peralatan tera (anak timbangan standar, bejana ukur), "
            "loket pelayanan, ruang tunggu dan toilet."
        ),
    ),
    "pariwisata": Domain(
        legal=(
            "Undang-Undang Nomor 10 Tahun 2009 tentang Kepariwisataan",
            "Undang-Undang Nomor 11 Tahun 2010 tentang Cagar Budaya",
            "Undang-Undang Nomor 5 Tahun 2017 tentang Pemajuan Kebudayaan",
            PERDA_PDRD,
        ),
        competence="Memahami kepariwisataan, kebudayaan dan pengelolaan cagar budaya.",
        facilities=_OFFICE_FACILITIES,
    ),
    "perempuan_anak": Domain(
        legal=(
            "Undang-Undang Nomor 23 Tahun 2002 tentang Perlindungan Anak sebagaimana "
            "telah diubah dengan Undang-Undang Nomor 35 Tahun 2014",
            "Undang-Undang Nomor 23 Tahun 2004 tentang Penghapusan Kekerasan dalam "
            "Rumah Tangga",
            "Undang-Undang Nomor 12 Tahun 2022 tentang Tindak Pidana Kekerasan Seksual",
        ),
        competence=(
            "Konselor, psikolog dan pendamping hukum terlatih penanganan kekerasan "
            "berbasis gender; menjaga kerahasiaan korban."
        ),
        facilities=(
            "Ruang konseling tertutup, ruang bermain anak, rumah aman, kendaraan "
            "penjangkauan dan layanan pengaduan 24 jam."
        ),
    ),
    "informasi": Domain(
        legal=(
            "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik",
            "Peraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan "
            "Informasi Publik",
            "Peraturan Presiden Nomor 76 Tahun 2013 tentang Pengelolaan Pengaduan "
            "Pelayanan Publik",
        ),
        competence=(
            "Petugas PPID yang memahami klasifikasi informasi publik dan pengelolaan "
            "pengaduan SP4N-LAPOR!."
        ),
        facilities=(
            "Meja layanan informasi, komputer dan akses internet, formulir daring, "
            "ruang baca dan toilet."
        ),
    ),
    "pertanian": Domain(
        legal=(
            "Undang-Undang Nomor 18 Tahun 2009 tentang Peternakan dan Kesehatan Hewan "
            "sebagaimana telah diubah dengan Undang-Undang Nomor 41 Tahun 2014",
            "Undang-Undang Nomor 18 Tahun 2012 tentang Pangan",
            PERDA_PDRD,
        ),
        competence=(
            "Dokter hewan berwenang, paramedik veteriner dan pengawas mutu pangan "
            "bersertifikat."
        ),
        facilities=(
            "Ruang periksa hewan, lemari pendingin vaksin, peralatan bedah minor, "
            "rumah potong hewan bersertifikat NKV, ruang tunggu dan toilet."
        ),
    ),
    "perpustakaan": Domain(
        legal=(
            "Undang-Undang Nomor 43 Tahun 2007 tentang Perpustakaan",
            "Undang-Undang Nomor 43 Tahun 2009 tentang Kearsipan",
        ),
        competence="Pustakawan dan arsiparis bersertifikat; ramah kepada pemustaka.",
        facilities=(
            "Ruang baca ber-AC, katalog daring (OPAC), komputer dan Wi-Fi publik, "
            "ruang baca anak, mobil perpustakaan keliling, depo arsip dan toilet."
        ),
    ),
    "ketertiban": Domain(
        legal=(
            "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
            "Peraturan Pemerintah Nomor 16 Tahun 2018 tentang Satuan Polisi Pamong "
            "Praja",
        ),
        competence=(
            "Anggota Satpol PP terlatih penegakan Perda secara humanis; sebagian "
            "berstatus PPNS."
        ),
        facilities=(
            "Pos pengaduan, kendaraan patroli, radio komunikasi, ruang tunggu dan "
            "toilet."
        ),
    ),
    "kebakaran": Domain(
        legal=(
            "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
            "Peraturan Pemerintah Nomor 2 Tahun 2018 tentang Standar Pelayanan Minimal",
            "Peraturan Daerah Kota Prima Raya Nomor 5 Tahun 2021 tentang Pencegahan "
            "dan Penanggulangan Bahaya Kebakaran",
            PERDA_PDRD,
        ),
        competence=(
            "Petugas pemadam kebakaran bersertifikat (Pemadam 1 dan 2), terlatih "
            "penyelamatan dan pertolongan pertama."
        ),
        facilities=(
            "Mobil pemadam, mobil tangga, mobil rescue, alat pelindung diri lengkap, "
            "radio komunikasi dan ruang kendali 24 jam."
        ),
    ),
    "bencana": Domain(
        legal=(
            "Undang-Undang Nomor 24 Tahun 2007 tentang Penanggulangan Bencana",
            "Peraturan Pemerintah Nomor 21 Tahun 2008 tentang Penyelenggaraan "
            "Penanggulangan Bencana",
            "Peraturan Pemerintah Nomor 2 Tahun 2018 tentang Standar Pelayanan Minimal",
        ),
        competence=(
            "Tim Reaksi Cepat terlatih kaji cepat, evakuasi dan manajemen logistik "
            "bencana."
        ),
        facilities=(
            "Pusat Pengendalian Operasi 24 jam, gudang logistik, perahu karet, "
            "kendaraan rescue, tenda pengungsian dan radio komunikasi."
        ),
    ),
    "kesbangpol": Domain(
        legal=(
            "Undang-Undang Nomor 17 Tahun 2013 tentang Organisasi Kemasyarakatan "
            "sebagaimana telah diubah dengan Undang-Undang Nomor 16 Tahun 2017",
            "Peraturan Menteri Dalam Negeri Nomor 3 Tahun 2018 tentang Penerbitan "
            "Surat Keterangan Penelitian",
        ),
        competence="Memahami ketentuan organisasi kemasyarakatan dan izin penelitian.",
        facilities=_OFFICE_FACILITIES,
    ),
    "kepegawaian": Domain(
        legal=(
            "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara",
            "Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri "
            "Sipil sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 17 Tahun "
            "2020",
        ),
        competence=(
            "Analis SDM aparatur yang memahami manajemen ASN dan aplikasi SIASN."
        ),
        facilities=_OFFICE_FACILITIES,
    ),
    "pengawasan": Domain(
        legal=(
            "Peraturan Pemerintah Nomor 60 Tahun 2008 tentang Sistem Pengendalian "
            "Intern Pemerintah",
            "Peraturan Pemerintah Nomor 12 Tahun 2017 tentang Pembinaan dan Pengawasan "
            "Penyelenggaraan Pemerintahan Daerah",
        ),
        competence=(
            "Auditor dan P2UPD bersertifikat jabatan fungsional pengawasan; menjaga "
            "kerahasiaan identitas pelapor."
        ),
        facilities=_OFFICE_FACILITIES,
    ),
    "perencanaan": Domain(
        legal=(
            "Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan "
            "Nasional",
            "Peraturan Pemerintah Nomor 38 Tahun 2017 tentang Inovasi Daerah",
        ),
        competence="Perencana dan peneliti yang memahami data pembangunan daerah.",
        facilities=_OFFICE_FACILITIES,
    ),
    "hukum": Domain(
        legal=(
            "Undang-Undang Nomor 12 Tahun 2011 tentang Pembentukan Peraturan "
            "Perundang-undangan",
            "Undang-Undang Nomor 16 Tahun 2011 tentang Bantuan Hukum",
            "Peraturan Presiden Nomor 33 Tahun 2012 tentang Jaringan Dokumentasi dan "
            "Informasi Hukum Nasional",
        ),
        competence="Perancang peraturan perundang-undangan dan analis hukum.",
        facilities=_OFFICE_FACILITIES,
    ),
    "organisasi": Domain(
        legal=(
            PERMENPAN_SP,
            "Peraturan Menteri PANRB Nomor 14 Tahun 2017 tentang Pedoman Penyusunan "
            "Survei Kepuasan Masyarakat",
        ),
        competence=(
            "Analis kelembagaan dan analis tata laksana yang memahami standar "
            "pelayanan dan survei kepuasan masyarakat."
        ),
        facilities=_OFFICE_FACILITIES,
    ),
}

# ---------------------------------------------------------------------------------------
# Procedures shared by many services (one step per line in the standard).

P_ADMINDUK = (
    "Pemohon mengambil nomor antrean atau mendaftar daring melalui aplikasi layanan "
    "Disdukcapil.",
    "Petugas loket memeriksa kelengkapan dan keabsahan berkas persyaratan.",
    "Operator memverifikasi dan memasukkan data ke SIAK Terpusat.",
    "Pejabat berwenang menandatangani dokumen dengan tanda tangan elektronik.",
    "Dokumen dicetak atau dikirim dalam bentuk PDF ke surel pemohon.",
    "Pemohon menerima dokumen dan mengisi survei kepuasan.",
)
P_KELURAHAN = (
    "Pemohon meminta surat pengantar dari Ketua RT dan Ketua RW.",
    "Pemohon menyerahkan berkas persyaratan di loket pelayanan kelurahan.",
    "Petugas memeriksa kelengkapan berkas dan mencatatnya dalam buku register.",
    "Petugas menyiapkan konsep surat untuk diparaf Sekretaris Kelurahan.",
    "Lurah menandatangani surat.",
    "Surat diserahkan kepada pemohon.",
)
P_KECAMATAN = (
    "Pemohon menyerahkan berkas permohonan di loket PATEN kecamatan.",
    "Petugas memeriksa kelengkapan berkas dan memberikan tanda terima.",
    "Kepala seksi terkait memverifikasi dan memproses permohonan.",
    "Camat atau Sekretaris Kecamatan menandatangani dokumen.",
    "Dokumen diserahkan kepada pemohon melalui loket PATEN.",
)
P_PERIZINAN = (
    "Pemohon mengajukan permohonan melalui OSS-RBA atau aplikasi perizinan daerah, "
    "atau dibantu petugas di front office.",
    "Petugas front office memverifikasi kelengkapan dokumen.",
    "Tim teknis memeriksa pemenuhan persyaratan dan, bila perlu, meninjau lokasi.",
    "Kepala DPMPTSP menerbitkan izin dengan tanda tangan elektronik.",
    "Pemohon mengunduh izin atau mengambilnya di loket pengambilan.",
)
P_KLINIK = (
    "Pasien mengambil nomor antrean dan mendaftar di loket dengan menunjukkan KTP-el "
    "atau kartu JKN.",
    "Petugas rekam medis menyiapkan rekam medis elektronik pasien.",
    "Perawat melakukan skrining dan mengukur tanda vital.",
    "Dokter atau tenaga kesehatan melakukan pemeriksaan dan tindakan.",
    "Pasien menerima resep, obat atau surat rujukan sesuai indikasi medis.",
)
P_RS = (
    "Pasien mendaftar melalui aplikasi antrean daring atau di loket pendaftaran.",
    "Petugas memverifikasi kepesertaan JKN atau status pasien umum dan memberikan "
    "nomor antrean.",
    "Perawat melakukan asesmen awal.",
    "Dokter melakukan pemeriksaan dan tindakan sesuai indikasi medis.",
    "Pasien menerima resep, jadwal kontrol atau rujukan dan menyelesaikan "
    "administrasi di kasir.",
)
P_RETRIBUSI = (
    "Pemohon mengajukan permohonan di loket dan menyerahkan persyaratan.",
    "Petugas memeriksa persyaratan dan menerbitkan Surat Ketetapan Retribusi Daerah "
    "(SKRD).",
    "Pemohon membayar retribusi melalui bank persepsi atau QRIS.",
    "Petugas melaksanakan pelayanan sesuai jadwal.",
    "Pemohon menerima produk layanan beserta bukti pembayaran.",
)
P_LAPANGAN = (
    "Masyarakat melapor melalui panggilan darurat 112, WhatsApp pengaduan atau datang "
    "langsung.",
    "Petugas piket mencatat laporan dan memastikan lokasi kejadian.",
    "Regu atau tim reaksi cepat diberangkatkan ke lokasi.",
    "Tim melaksanakan penanganan di lokasi sesuai prosedur operasional standar.",
    "Petugas menyusun laporan kejadian dan menyampaikan hasilnya kepada pelapor.",
)
P_PAJAK = (
    "Wajib pajak mengisi formulir permohonan dan menyerahkan persyaratan di loket.",
    "Petugas memeriksa kelengkapan berkas dan memberikan tanda terima.",
    "Petugas melakukan penelitian administrasi dan, bila perlu, penelitian lapangan.",
    "Kepala Bapenda atau pejabat yang ditunjuk menandatangani dokumen.",
    "Dokumen diserahkan kepada wajib pajak atau dikirim melalui aplikasi e-pajak.",
)
P_REKOMENDASI = (
    "Pemohon menyampaikan surat permohonan beserta persyaratan di loket atau secara "
    "daring.",
    "Petugas memeriksa kelengkapan persyaratan.",
    "Bidang teknis menelaah permohonan dan, bila perlu, melakukan verifikasi lapangan.",
    "Kepala perangkat daerah menandatangani surat rekomendasi atau keputusan.",
    "Dokumen diserahkan kepada pemohon.",
)
P_KONSULTASI = (
    "Pemohon mendaftar di loket atau membuat janji temu secara daring.",
    "Petugas mencatat identitas dan kebutuhan pemohon.",
    "Pelaksana memberikan konsultasi atau pendampingan sesuai kebutuhan.",
    "Hasil konsultasi dicatat dan tindak lanjut disepakati bersama pemohon.",
)
P_INFORMASI = (
    "Pemohon mengajukan permohonan secara langsung, melalui surel atau formulir "
    "daring.",
    "Petugas mencatat permohonan dan memberikan nomor registrasi.",
    "Petugas berkoordinasi dengan bidang pengelola untuk menyiapkan informasi atau "
    "data.",
    "Informasi atau surat pemberitahuan tertulis disampaikan kepada pemohon.",
)
P_LAB = (
    "Pelanggan menyerahkan sampel dan mengisi formulir permintaan pengujian.",
    "Petugas memeriksa kelayakan sampel dan menerbitkan SKRD.",
    "Pelanggan membayar retribusi melalui bank persepsi atau QRIS.",
    "Analis melakukan pengujian sesuai metode standar.",
    "Penyelia memverifikasi hasil dan laporan hasil uji diserahkan kepada pelanggan.",
)
P_UJI_KENDARAAN = (
    "Pemohon mendaftar daring atau di loket dan membayar retribusi melalui bank "
    "persepsi atau QRIS.",
    "Petugas memeriksa dokumen kendaraan (STNK dan bukti lulus uji sebelumnya).",
    "Penguji melakukan uji visual dan uji alat secara berurutan di jalur uji.",
    "Kepala UPT mengesahkan hasil uji.",
    "Pemohon menerima kartu uji elektronik (BLUe) dan tanda lulus uji.",
)
P_PELATIHAN = (
    "Peserta mendaftar secara daring atau di kantor dengan membawa persyaratan.",
    "Panitia melakukan seleksi administrasi dan mengumumkan peserta terpilih.",
    "Peserta mengikuti pelatihan sesuai jadwal.",
    "Peserta mengikuti evaluasi akhir.",
    "Peserta yang lulus menerima sertifikat.",
)
P_ASN = (
    "Pengelola kepegawaian perangkat daerah mengunggah usulan dan dokumen melalui "
    "aplikasi kepegawaian.",
    "Petugas BKPSDM memverifikasi kelengkapan dokumen.",
    "Usulan diproses dan, bila diperlukan, diteruskan kepada BKN.",
    "Pejabat berwenang menandatangani keputusan.",
    "Keputusan disampaikan kepada pegawai melalui aplikasi kepegawaian.",
)
P_PENGADUAN = (
    "Pelapor menyampaikan pengaduan secara langsung, melalui telepon, WhatsApp atau "
    "SP4N-LAPOR!.",
    "Petugas mencatat pengaduan dan memberikan nomor registrasi.",
    "Pengaduan ditelaah dan didisposisikan kepada bidang yang berwenang.",
    "Bidang terkait menindaklanjuti pengaduan.",
    "Hasil tindak lanjut disampaikan kepada pelapor.",
)
P_SEKOLAH = (
    "Orang tua atau wali mendaftar melalui laman SPMB Kota Prima Raya atau di sekolah.",
    "Panitia sekolah memverifikasi dokumen dan titik domisili.",
    "Sistem melakukan seleksi sesuai jalur domisili, afirmasi, mutasi atau prestasi.",
    "Hasil seleksi diumumkan di laman SPMB dan papan pengumuman sekolah.",
    "Murid yang diterima melakukan daftar ulang.",
)


@dataclass(frozen=True)
class ServiceKind:
    """A kind of service and the content of its Standar Pelayanan."""

    key: str
    name: str
    domain: str
    requirements: tuple[str, ...]
    steps: tuple[str, ...]
    duration: tuple[int, str]
    product: str
    tariff: int = 0
    tariff_basis: str = ""


_KTP = "Fotokopi KTP-el"
_KK = "Fotokopi Kartu Keluarga"
_KTP_KK = "Fotokopi KTP-el dan Kartu Keluarga"
_RT = "Surat pengantar Ketua RT/RW"
_FORM = "Formulir permohonan yang telah diisi"
_JKN = "KTP-el atau Kartu Keluarga; kartu JKN bagi peserta JKN"
_NIB = "Nomor Induk Berusaha (NIB)"
_SURAT = "Surat permohonan bermeterai"

_K = ServiceKind

# The tables below are laid out by hand, one row per entry.
# fmt: off
SERVICE_KINDS: tuple[ServiceKind, ...] = (
    # Administrasi kependudukan (Disdukcapil).
    _K("KTP", "Penerbitan KTP-el Baru", "adminduk",
       ("Telah berusia 17 tahun, sudah kawin atau pernah kawin", _KK,
        "Telah melakukan perekaman data biometrik"),
       P_ADMINDUK, (1, "hari_kerja"), "Kartu Tanda Penduduk elektronik (KTP-el)"),
    _K("KTPR", "Penggantian KTP-el Rusak atau Hilang", "adminduk",
       ("KTP-el yang rusak, atau surat keterangan kehilangan dari kepolisian", _KK),
       P_ADMINDUK, (1, "hari_kerja"), "KTP-el pengganti"),
    _K("KIA", "Penerbitan Kartu Identitas Anak (KIA)", "adminduk",
       ("Fotokopi kutipan akta kelahiran anak", "Kartu Keluarga asli orang tua",
        "Pas foto berwarna 2x3 bagi anak berusia 5 tahun ke atas"),
       P_ADMINDUK, (1, "hari_kerja"), "Kartu Identitas Anak"),
    _K("KK", "Penerbitan Kartu Keluarga Baru", "adminduk",
       ("Buku nikah atau kutipan akta perkawinan",
        "Surat keterangan pindah bagi penduduk pindahan",
        "Formulir biodata keluarga (F-1.01)"),
       P_ADMINDUK, (1, "hari_kerja"), "Kartu Keluarga"),
    _K("KKP", "Perubahan Data Kartu Keluarga", "adminduk",
       ("Kartu Keluarga lama", "Dokumen pendukung perubahan (ijazah, akta, buku nikah)",
        "Formulir perubahan data (F-1.06)"),
       P_ADMINDUK, (1, "hari_kerja"), "Kartu Keluarga dengan data terbaru"),
    _K("AKL", "Penerbitan Akta Kelahiran", "adminduk",
       ("Surat keterangan kelahiran dari dokter, bidan atau penolong kelahiran",
        "Buku nikah atau kutipan akta perkawinan orang tua, atau SPTJM kebenaran "
        "pasangan suami istri",
        "Kartu Keluarga tempat bayi didaftarkan", "Fotokopi KTP-el dua orang saksi"),
       P_ADMINDUK, (1, "hari_kerja"), "Kutipan Akta Kelahiran"),
    _K("AKM", "Penerbitan Akta Kematian", "adminduk",
       ("Surat keterangan kematian dari dokter atau lurah",
        "Kartu Keluarga dan KTP-el almarhum", "Fotokopi KTP-el pelapor"),
       P_ADMINDUK, (1, "hari_kerja"), "Kutipan Akta Kematian"),
    _K("AKW", "Pencatatan Perkawinan dan Penerbitan Akta Perkawinan", "adminduk",
       ("Surat keterangan telah terjadinya perkawinan dari pemuka agama",
        "Pas foto berdampingan ukuran 4x6", "KTP-el dan Kartu Keluarga kedua mempelai",
        "Fotokopi KTP-el dua orang saksi"),
       P_ADMINDUK, (1, "hari_kerja"), "Kutipan Akta Perkawinan"),
    _K("ACR", "Pencatatan Perceraian dan Penerbitan Akta Perceraian", "adminduk",
       ("Salinan putusan pengadilan yang telah berkekuatan hukum tetap",
        "Kutipan akta perkawinan asli", _KTP_KK),
       P_ADMINDUK, (1, "hari_kerja"), "Kutipan Akta Perceraian"),
    _K("PND", "Penerbitan Surat Keterangan Pindah (SKPWNI)", "adminduk",
       ("Kartu Keluarga asli", "Formulir permohonan pindah (F-1.03)"),
       P_ADMINDUK, (1, "hari_kerja"), "Surat Keterangan Pindah Warga Negara Indonesia"),
    _K("DTG", "Pencatatan Kedatangan Penduduk", "adminduk",
       ("Surat Keterangan Pindah dari daerah asal", "KTP-el"),
       P_ADMINDUK, (1, "hari_kerja"), "Kartu Keluarga dan KTP-el dengan alamat baru"),
    _K("IKD", "Aktivasi Identitas Kependudukan Digital (IKD)", "adminduk",
       ("KTP-el", "Telepon pintar dengan aplikasi IKD dan surel aktif"),
       ("Pemohon mengunduh aplikasi IKD dan mengisi data diri.",
        "Petugas memverifikasi wajah pemohon dan memindai kode QR aktivasi.",
        "Pemohon membuat PIN dan masuk ke aplikasi IKD."),
       (15, "menit"), "Identitas Kependudukan Digital yang aktif"),
    _K("REK", "Perekaman Data KTP-el", "adminduk",
       ("Telah berusia 17 tahun atau akan genap 17 tahun", _KK),
       ("Pemohon mengambil nomor antrean perekaman.",
        "Petugas memverifikasi data pemohon di SIAK.",
        "Petugas merekam foto, tanda tangan, sidik jari dan iris mata.",
        "Pemohon menerima bukti perekaman."),
       (30, "menit"), "Data biometrik terekam dan bukti perekaman"),
    _K("LGS", "Legalisasi Dokumen Kependudukan", "adminduk",
       ("Dokumen kependudukan asli", "Fotokopi dokumen yang akan dilegalisasi"),
       P_ADMINDUK, (60, "menit"), "Fotokopi dokumen kependudukan yang dilegalisasi"),
    _K("SKTT", "Pendaftaran Orang Asing (Surat Keterangan Tempat Tinggal)", "adminduk",
       ("Paspor", "Izin Tinggal Terbatas (KITAS)", "Surat keterangan domisili"),
       P_ADMINDUK, (1, "hari_kerja"), "Surat Keterangan Tempat Tinggal"),
    # Kelurahan.
    _K("SKD", "Surat Keterangan Domisili", "kelurahan", (_RT, _KTP_KK),
       P_KELURAHAN, (30, "menit"), "Surat Keterangan Domisili"),
    _K("SKTM", "Surat Keterangan Tidak Mampu", "kelurahan",
       (_RT, _KTP_KK, "Surat pernyataan tidak mampu bermeterai"),
       P_KELURAHAN, (60, "menit"), "Surat Keterangan Tidak Mampu"),
    _K("SKU", "Surat Keterangan Usaha", "kelurahan",
       (_RT, _KTP_KK, "Foto tempat usaha"),
       P_KELURAHAN, (1, "hari_kerja"), "Surat Keterangan Usaha"),
    _K("SPN", "Surat Pengantar Nikah", "kelurahan",
       (_RT, "Fotokopi KTP-el, Kartu Keluarga dan akta kelahiran calon pengantin",
        "Pas foto 3x4 dan 2x3 berlatar biru",
        "Akta cerai atau akta kematian pasangan bagi duda atau janda"),
       P_KELURAHAN, (1, "hari_kerja"), "Surat pengantar nikah (formulir N1–N4)"),
    _K("SKK", "Surat Keterangan Kematian", "kelurahan",
       (_RT, "Surat keterangan dari rumah sakit bila ada",
        "Fotokopi KTP-el dan Kartu Keluarga almarhum", "Fotokopi KTP-el pelapor"),
       P_KELURAHAN, (60, "menit"), "Surat Keterangan Kematian"),
    # Kecamatan (PATEN).
    _K("LGK", "Legalisasi Surat dan Dokumen", "kecamatan",
       ("Dokumen asli", "Fotokopi dokumen yang akan dilegalisasi"),
       P_KECAMATAN, (60, "menit"), "Fotokopi dokumen yang dilegalisasi"),
    _K("IKR", "Rekomendasi Izin Keramaian", "kecamatan",
       (_SURAT, "Surat pengantar kelurahan", "Fotokopi KTP-el penanggung jawab",
        "Denah lokasi kegiatan"),
       P_KECAMATAN, (1, "hari_kerja"), "Surat rekomendasi izin keramaian"),
    _K("SAW", "Pengesahan Surat Keterangan Ahli Waris", "kecamatan",
       ("Surat pernyataan ahli waris yang ditandatangani seluruh ahli waris dan "
        "diketahui lurah", "Fotokopi akta kematian pewaris",
        "Fotokopi KTP-el dan Kartu Keluarga seluruh ahli waris"),
       P_KECAMATAN, (3, "hari_kerja"), "Surat Keterangan Ahli Waris yang disahkan"),
    _K("DSP", "Rekomendasi Dispensasi Nikah", "kecamatan",
       ("Surat pengantar nikah dari kelurahan (N1–N4)",
        "Surat pemberitahuan kekurangan waktu dari KUA"),
       P_KECAMATAN, (1, "hari_kerja"), "Surat dispensasi nikah"),
    _K("IUMK", "Fasilitasi NIB Usaha Mikro", "kecamatan",
       ("KTP-el pelaku usaha", "Nomor telepon dan surel aktif",
        "Keterangan lokasi dan jenis usaha"),
       ("Pelaku usaha datang ke loket PATEN dengan membawa persyaratan.",
        "Petugas membantu membuat akun OSS-RBA.",
        "Petugas dan pelaku usaha mengisi data usaha dan memilih KBLI.",
        "NIB terbit dan dicetak untuk pelaku usaha."),
       (60, "menit"), "Nomor Induk Berusaha (NIB) usaha mikro"),
    # Perizinan (DPMPTSP).
    _K("NIB", "Penerbitan Nomor Induk Berusaha (NIB)", "perizinan",
       ("KTP-el dan NPWP pelaku usaha",
        "Akta pendirian dan SK Kemenkumham bagi badan usaha", "Akun OSS-RBA aktif"),
       P_PERIZINAN, (60, "menit"), "Nomor Induk Berusaha (NIB)"),
    _K("SIUP", "Perizinan Berusaha Sektor Perdagangan (pengganti SIUP)", "perizinan",
       (_NIB, "Pernyataan mandiri pemenuhan standar usaha",
        "Dokumen kesesuaian KBLI"),
       P_PERIZINAN, (3, "hari_kerja"), "Sertifikat Standar usaha perdagangan"),
    _K("PBG", "Persetujuan Bangunan Gedung (PBG)", "bangunan",
       ("Data pemohon dan bukti kepemilikan tanah",
        "Dokumen rencana teknis arsitektur, struktur dan utilitas",
        "Konfirmasi Kesesuaian Kegiatan Pemanfaatan Ruang (KKPR)",
        "Persetujuan lingkungan bila diwajibkan"),
       ("Pemohon mengajukan permohonan PBG melalui SIMBG.",
        "Petugas memverifikasi kelengkapan dokumen.",
        "Tim Profesi Ahli melakukan konsultasi dan pemeriksaan rencana teknis.",
        "Pemohon membayar retribusi PBG sesuai SKRD.",
        "Kepala DPMPTSP menerbitkan PBG melalui SIMBG."),
       (28, "hari_kerja"), "Persetujuan Bangunan Gedung",
       10000, perda("Lampiran IV: retribusi PBG, tarif dasar per meter persegi")),
    _K("SLF", "Penerbitan Sertifikat Laik Fungsi (SLF)", "bangunan",
       ("PBG", "Surat pernyataan kelaikan fungsi dari pengkaji teknis",
        "Gambar terbangun (as built drawing)"),
       P_PERIZINAN, (7, "hari_kerja"), "Sertifikat Laik Fungsi"),
    _K("KKPR", "Konfirmasi Kesesuaian Kegiatan Pemanfaatan Ruang (KKPR)", "perizinan",
       (_NIB, "Koordinat lokasi dan luas lahan", "Rencana teknis kegiatan"),
       P_PERIZINAN, (20, "hari_kerja"), "Konfirmasi KKPR"),
    _K("SIPD", "Surat Izin Praktik Dokter", "perizinan",
       ("STR yang masih berlaku", "Rekomendasi organisasi profesi",
        "Surat keterangan dari fasilitas pelayanan kesehatan tempat praktik",
        "Pas foto 4x6"),
       P_PERIZINAN, (3, "hari_kerja"), "Surat Izin Praktik (SIP) dokter"),
    _K("SIPB", "Surat Izin Praktik Bidan", "perizinan",
       ("STR bidan yang masih berlaku", "Rekomendasi organisasi profesi",
        "Surat keterangan tempat praktik", "Pas foto 4x6"),
       P_PERIZINAN, (3, "hari_kerja"), "Surat Izin Praktik Bidan"),
    _K("IAPT", "Perizinan Berusaha Apotek", "perizinan",
       (_NIB, "SIP apoteker penanggung jawab", "Denah bangunan dan daftar sarana",
        "Daftar tenaga kefarmasian"),
       P_PERIZINAN, (7, "hari_kerja"), "Sertifikat Standar Apotek"),
    _K("IKLN", "Izin Operasional Klinik Pratama", "perizinan",
       (_NIB, "Profil klinik", "Daftar tenaga medis beserta STR dan SIP",
        "Daftar sarana, prasarana dan peralatan"),
       P_PERIZINAN, (14, "hari_kerja"), "Izin operasional klinik"),
    _K("IRKL", "Izin Penyelenggaraan Reklame", "perizinan",
       (_FORM, "Desain dan ukuran reklame", "Foto lokasi dan titik koordinat",
        "Persetujuan pemilik lahan"),
       P_PERIZINAN, (5, "hari_kerja"), "Izin penyelenggaraan reklame"),
    _K("TDUP", "Tanda Daftar Usaha Pariwisata (TDUP)", "perizinan",
       (_NIB, "Profil usaha pariwisata", "Foto sarana usaha"),
       P_PERIZINAN, (3, "hari_kerja"), "Tanda Daftar Usaha Pariwisata"),
    _K("IPAU", "Izin Operasional Satuan PAUD", "perizinan",
       (_SURAT, "Rekomendasi Dinas Pendidikan", "Data pendidik dan peserta didik",
        "Bukti kepemilikan atau sewa gedung"),
       P_PERIZINAN, (14, "hari_kerja"), "Izin operasional satuan PAUD"),
    _K("ITRY", "Izin Penyelenggaraan Angkutan dalam Trayek (Izin Trayek)", "perizinan",
       (_NIB, "Rekomendasi teknis Dinas Perhubungan",
        "STNK dan bukti lulus uji kendaraan", "Surat pernyataan kesanggupan pool"),
       P_PERIZINAN, (7, "hari_kerja"), "Izin trayek angkutan kota"),
    _K("ITKM", "Perizinan Berusaha Toko Swalayan", "perizinan",
       (_NIB, "Kajian sosial ekonomi", "Rencana kemitraan dengan UMKM",
        "Persetujuan Bangunan Gedung"),
       P_PERIZINAN, (14, "hari_kerja"), "Izin usaha toko swalayan"),
    # Puskesmas and Dinas Kesehatan.
    _K("RJU", "Rawat Jalan Umum", "kesehatan", (_JKN,), P_KLINIK, (60, "menit"),
       "Pemeriksaan, pengobatan dan resep obat"),
    _K("IMN", "Imunisasi Dasar dan Lanjutan", "kesehatan",
       ("Buku KIA atau kartu imunisasi", "KTP-el atau Kartu Keluarga orang tua"),
       P_KLINIK, (30, "menit"), "Imunisasi tercatat di buku KIA"),
    _K("KIAKB", "Pelayanan Kesehatan Ibu, Anak dan Keluarga Berencana", "kesehatan",
       (_JKN, "Buku KIA"), P_KLINIK, (45, "menit"),
       "Pemeriksaan kehamilan, tumbuh kembang anak dan layanan KB"),
    _K("GIGI", "Pemeriksaan dan Perawatan Gigi dan Mulut", "kesehatan", (_JKN,),
       P_KLINIK, (60, "menit"), "Pemeriksaan dan tindakan gigi"),
    _K("LAB", "Pemeriksaan Laboratorium Sederhana", "kesehatan",
       (_JKN, "Surat pengantar dokter"), P_KLINIK, (60, "menit"),
       "Hasil pemeriksaan laboratorium",
       20000, perda("Lampiran II: retribusi pelayanan kesehatan, pasien non-JKN")),
    _K("SKS", "Surat Keterangan Sehat", "kesehatan", (_KTP, "Pas foto 3x4"),
       P_KLINIK, (30, "menit"), "Surat Keterangan Sehat",
       25000, perda("Lampiran II: retribusi pelayanan kesehatan")),
    _K("PTM", "Skrining Penyakit Tidak Menular", "kesehatan", (_JKN,), P_KLINIK,
       (30, "menit"), "Hasil skrining tekanan darah, gula darah dan kolesterol"),
    _K("PSL", "Pelayanan Persalinan (PONED)", "kesehatan",
       (_JKN, "Buku KIA"), P_KLINIK, (24, "jam"),
       "Persalinan ditolong tenaga kesehatan dan surat keterangan kelahiran"),
    _K("PIRT", "Sertifikat Produksi Pangan Industri Rumah Tangga (SPP-IRT)",
       "kesehatan",
       (_NIB, "Sertifikat penyuluhan keamanan pangan", "Label produk"),
       ("Pelaku usaha mengajukan permohonan melalui OSS-RBA.",
        "Petugas Dinas Kesehatan memeriksa sarana produksi.",
        "Kepala Dinas Kesehatan memberikan persetujuan melalui OSS-RBA.",
        "SPP-IRT terbit dan dapat diunduh pelaku usaha."),
       (14, "hari_kerja"), "Sertifikat SPP-IRT"),
    _K("SLHS", "Sertifikat Laik Higiene Sanitasi", "kesehatan",
       (_NIB, "Hasil uji laboratorium sampel makanan atau air",
        "Sertifikat kursus penjamah pangan"),
       P_REKOMENDASI, (14, "hari_kerja"), "Sertifikat Laik Higiene Sanitasi"),
    _K("RKS", "Rekomendasi Izin Fasilitas Pelayanan Kesehatan", "kesehatan",
       (_SURAT, "Profil fasilitas", "Daftar tenaga kesehatan"),
       P_REKOMENDASI, (7, "hari_kerja"), "Surat rekomendasi"),
    _K("UJAIR", "Pemeriksaan Kualitas Air Minum", "kesehatan",
       (_FORM, "Sampel air minimal 2 liter dalam wadah steril"), P_LAB,
       (5, "hari_kerja"), "Laporan hasil uji",
       150000, perda("Lampiran II: retribusi pemeriksaan laboratorium kesehatan")),
    _K("LABKL", "Pemeriksaan Laboratorium Klinik", "kesehatan",
       ("Surat pengantar dokter", _KTP), P_LAB, (1, "hari_kerja"),
       "Laporan hasil pemeriksaan",
       50000, perda("Lampiran II: retribusi pemeriksaan laboratorium kesehatan")),
    _K("UMAK", "Pemeriksaan Sampel Makanan dan Minuman", "kesehatan",
       (_FORM, "Sampel produk dalam kemasan tertutup"), P_LAB, (7, "hari_kerja"),
       "Laporan hasil uji",
       250000, perda("Lampiran II: retribusi pemeriksaan laboratorium kesehatan")),
    # RSUD.
    _K("DAFT", "Pendaftaran Pasien Rawat Jalan", "rumah_sakit",
       (_JKN, "Surat rujukan bagi peserta JKN"),
       ("Pasien mengambil antrean daring atau di anjungan mandiri.",
        "Petugas memverifikasi identitas dan rujukan.",
        "Petugas menerbitkan nomor antrean poliklinik."),
       (15, "menit"), "Nomor antrean poliklinik dan rekam medis"),
    _K("INFTT", "Informasi Ketersediaan Tempat Tidur", "rumah_sakit", ("Tidak ada",),
       ("Pemohon bertanya langsung, melalui telepon atau melihat layar informasi.",
        "Petugas menyampaikan ketersediaan tempat tidur per kelas."),
       (5, "menit"), "Informasi ketersediaan tempat tidur"),
    _K("IGD", "Pelayanan Instalasi Gawat Darurat", "rumah_sakit",
       ("Tidak ada persyaratan saat kedaruratan; identitas dilengkapi kemudian",),
       ("Pasien diterima dan dilakukan triase.",
        "Dokter jaga melakukan pemeriksaan dan tindakan kegawatdaruratan.",
        "Pasien dipulangkan, dirawat inap atau dirujuk.",
        "Keluarga melengkapi administrasi."),
       (5, "menit"), "Pertolongan gawat darurat",
       75000, perwal_blud("Lampiran I: jasa pelayanan gawat darurat, pasien umum")),
    _K("PDL", "Poliklinik Penyakit Dalam", "rumah_sakit", (_JKN, "Surat rujukan"),
       P_RS, (60, "menit"), "Pemeriksaan dokter spesialis penyakit dalam",
       50000, perwal_blud("Lampiran I: konsultasi dokter spesialis, pasien umum")),
    _K("PANAK", "Poliklinik Anak", "rumah_sakit", (_JKN, "Surat rujukan"), P_RS,
       (60, "menit"), "Pemeriksaan dokter spesialis anak",
       50000, perwal_blud("Lampiran I: konsultasi dokter spesialis, pasien umum")),
    _K("PKDG", "Poliklinik Kebidanan dan Kandungan", "rumah_sakit",
       (_JKN, "Surat rujukan", "Buku KIA"), P_RS, (60, "menit"),
       "Pemeriksaan dokter spesialis kebidanan dan kandungan",
       50000, perwal_blud("Lampiran I: konsultasi dokter spesialis, pasien umum")),
    _K("RINAP", "Rawat Inap", "rumah_sakit",
       (_JKN, "Surat perintah rawat inap dari dokter"),
       ("Keluarga pasien mendaftar di admisi rawat inap.",
        "Petugas admisi menyiapkan kamar sesuai hak kelas.",
        "Pasien dirawat oleh dokter penanggung jawab pelayanan.",
        "Pasien dipulangkan dengan resume medis dan jadwal kontrol."),
       (1, "hari"), "Perawatan inap dan resume medis",
       250000, perwal_blud("Lampiran II: tarif kamar rawat inap kelas III, per hari")),
    _K("RAD", "Pemeriksaan Radiologi", "rumah_sakit",
       ("Surat permintaan pemeriksaan dari dokter", _JKN), P_LAB, (2, "jam"),
       "Foto dan ekspertise radiologi",
       150000, perwal_blud("Lampiran III: tarif pemeriksaan radiologi")),
    _K("LABRS", "Pemeriksaan Laboratorium Patologi Klinik", "rumah_sakit",
       ("Surat permintaan pemeriksaan dari dokter", _JKN), P_LAB, (3, "jam"),
       "Hasil pemeriksaan laboratorium",
       75000, perwal_blud("Lampiran III: tarif pemeriksaan laboratorium")),
    _K("FARM", "Pelayanan Farmasi Rawat Jalan", "rumah_sakit",
       ("Resep dokter", "Kartu identitas pasien"),
       ("Pasien menyerahkan resep di depo farmasi.",
        "Apoteker melakukan telaah resep.",
        "Petugas menyiapkan obat.",
        "Apoteker menyerahkan obat disertai informasi penggunaan."),
       (30, "menit"), "Obat dan informasi penggunaannya"),
    _K("HD", "Hemodialisis", "rumah_sakit",
       ("Surat rujukan dan jadwal dari dokter spesialis", _JKN), P_RS, (5, "jam"),
       "Tindakan hemodialisis",
       950000, perwal_blud("Lampiran II: tarif tindakan hemodialisis, pasien umum")),
    _K("MCU", "Pemeriksaan Kesehatan (Medical Check Up)", "rumah_sakit",
       (_KTP, "Surat permintaan dari instansi bila ada"), P_RS, (1, "hari"),
       "Laporan hasil pemeriksaan kesehatan",
       350000, perwal_blud("Lampiran IV: paket medical check up dasar")),
    _K("AMBL", "Layanan Ambulans", "rumah_sakit", ("Permintaan dari dokter atau keluarga",),
       P_LAPANGAN, (30, "menit"), "Pengantaran pasien dengan ambulans",
       200000, perwal_blud("Lampiran V: tarif ambulans dalam kota")),
    _K("RM", "Permintaan Resume Medis", "rumah_sakit",
       ("Surat permohonan pasien atau ahli waris", _KTP), P_INFORMASI,
       (3, "hari_kerja"), "Resume medis",
       50000, perwal_blud("Lampiran V: tarif administrasi rekam medis")),
    # Pendidikan.
    _K("LGI", "Legalisasi Fotokopi Ijazah", "pendidikan",
       ("Ijazah asli", "Fotokopi ijazah"), P_REKOMENDASI, (1, "hari_kerja"),
       "Fotokopi ijazah yang dilegalisasi"),
    _K("SKPI", "Surat Keterangan Pengganti Ijazah", "pendidikan",
       ("Surat keterangan kehilangan dari kepolisian", "Fotokopi ijazah bila ada",
        "Surat pernyataan dua orang saksi teman seangkatan"),
       P_REKOMENDASI, (14, "hari_kerja"),
       "Surat Keterangan Pengganti Ijazah"),
    _K("MUTS", "Rekomendasi Pindah Sekolah", "pendidikan",
       ("Surat keterangan pindah dari sekolah asal", "Rapor asli",
        "Surat keterangan diterima dari sekolah tujuan"),
       P_REKOMENDASI, (3, "hari_kerja"), "Surat rekomendasi pindah sekolah"),
    _K("SPMB", "Penerimaan Murid Baru", "pendidikan",
       ("Akta kelahiran", "Kartu Keluarga",
        "Ijazah atau surat keterangan lulus bagi calon murid SMP"),
       P_SEKOLAH, (20, "hari_kerja"), "Pengumuman hasil seleksi murid baru"),
    _K("LGIS", "Legalisasi Ijazah dan Rapor", "pendidikan",
       ("Ijazah atau rapor asli", "Fotokopi dokumen"), P_REKOMENDASI,
       (1, "hari_kerja"), "Fotokopi ijazah atau rapor yang dilegalisasi"),
    # Sosial.
    _K("DTSEN", "Usulan Pemutakhiran Data Penerima Bantuan Sosial", "sosial",
       (_KTP_KK, "Surat pengantar kelurahan"), P_REKOMENDASI, (14, "hari_kerja"),
       "Data keluarga terusulkan dalam data terpadu"),
    _K("PBIJK", "Rekomendasi Penerima Bantuan Iuran Jaminan Kesehatan", "sosial",
       (_KTP_KK, "Surat Keterangan Tidak Mampu"), P_REKOMENDASI, (3, "hari_kerja"),
       "Surat rekomendasi PBI-JK"),
    _K("RKBP", "Rekomendasi Keringanan Biaya Pengobatan", "sosial",
       (_KTP_KK, "Surat Keterangan Tidak Mampu", "Surat keterangan rawat dari rumah sakit"),
       P_REKOMENDASI, (1, "hari_kerja"), "Surat rekomendasi keringanan biaya"),
    _K("RHS", "Rehabilitasi Sosial Lanjut Usia dan Penyandang Disabilitas Terlantar",
       "sosial", ("Laporan masyarakat atau rujukan kelurahan",), P_PENGADUAN,
       (7, "hari_kerja"), "Layanan rehabilitasi sosial"),
    _K("BSB", "Bantuan Sosial Korban Bencana", "sosial",
       ("Data korban dari kelurahan atau BPBD",), P_LAPANGAN, (1, "hari"),
       "Paket bantuan sosial"),
    _K("PANTI", "Layanan Rumah Singgah", "sosial",
       ("Rujukan dari Satpol PP, kelurahan atau masyarakat",), P_PENGADUAN,
       (1, "hari"), "Penampungan sementara dan reunifikasi keluarga"),
    # Ketenagakerjaan.
    _K("AK1", "Kartu Tanda Pencari Kerja (AK/I)", "ketenagakerjaan",
       (_KTP, "Fotokopi ijazah terakhir", "Pas foto 3x4 dua lembar"),
       P_REKOMENDASI, (60, "menit"), "Kartu AK/I"),
    _K("PP", "Pengesahan Peraturan Perusahaan", "ketenagakerjaan",
       (_SURAT, "Naskah peraturan perusahaan", "Tanggapan wakil pekerja"),
       P_REKOMENDASI, (7, "hari_kerja"), "Surat keputusan pengesahan"),
    _K("PHI", "Mediasi Perselisihan Hubungan Industrial", "ketenagakerjaan",
       ("Surat pencatatan perselisihan", "Risalah perundingan bipartit"),
       ("Pihak berselisih mencatatkan perselisihan.",
        "Kepala Dinas menunjuk mediator.",
        "Mediator memanggil para pihak dan menyelenggarakan sidang mediasi.",
        "Mediator menerbitkan perjanjian bersama atau anjuran tertulis."),
       (30, "hari_kerja"), "Perjanjian bersama atau anjuran tertulis"),
    _K("WLKP", "Wajib Lapor Ketenagakerjaan di Perusahaan", "ketenagakerjaan",
       (_NIB, "Data ketenagakerjaan perusahaan"), P_REKOMENDASI, (1, "hari_kerja"),
       "Bukti wajib lapor ketenagakerjaan"),
    _K("PLTK", "Pelatihan Berbasis Kompetensi", "ketenagakerjaan",
       (_KTP, "Ijazah terakhir", "Kartu AK/I"), P_PELATIHAN, (20, "hari_kerja"),
       "Sertifikat pelatihan"),
    # Perhubungan.
    _K("KIR", "Pengujian Berkala Kendaraan Bermotor (Uji KIR)", "perhubungan",
       ("STNK asli dan fotokopi", "Kartu uji elektronik (BLUe) lama",
        "Kendaraan dibawa ke lokasi pengujian", "Bukti pembayaran retribusi"),
       P_UJI_KENDARAAN, (60, "menit"), "Kartu uji BLUe dan tanda lulus uji",
       87000, perda("Lampiran III: retribusi pengujian kendaraan bermotor")),
    _K("KIRP", "Uji Pertama Kendaraan Bermotor", "perhubungan",
       ("Sertifikat registrasi uji tipe", "Faktur kendaraan", _KTP),
       P_UJI_KENDARAAN, (3, "jam"), "Kartu uji BLUe dan tanda lulus uji",
       150000, perda("Lampiran III: retribusi pengujian kendaraan bermotor")),
    _K("NUMU", "Numpang Uji Kendaraan Bermotor", "perhubungan",
       ("Surat numpang uji dari daerah asal", "STNK"), P_UJI_KENDARAAN,
       (60, "menit"), "Tanda lulus uji",
       100000, perda("Lampiran III: retribusi pengujian kendaraan bermotor")),
    _K("MUTU", "Mutasi Uji Kendaraan Bermotor", "perhubungan",
       ("Surat permohonan mutasi", "STNK", "Kartu uji BLUe"), P_REKOMENDASI,
       (1, "hari_kerja"), "Surat mutasi uji",
       50000, perda("Lampiran III: retribusi pengujian kendaraan bermotor")),
    _K("RTRY", "Rekomendasi Teknis Izin Trayek", "perhubungan",
       (_SURAT, "Daftar kendaraan", "Bukti lulus uji"), P_REKOMENDASI,
       (7, "hari_kerja"), "Rekomendasi teknis"),
    _K("ANDL", "Persetujuan Analisis Dampak Lalu Lintas (Andalalin)", "perhubungan",
       (_SURAT, "Dokumen hasil analisis dampak lalu lintas", "Siteplan"),
       P_REKOMENDASI, (30, "hari_kerja"), "Persetujuan Andalalin"),
    _K("DSPJ", "Dispensasi Penggunaan Jalan untuk Kegiatan", "perhubungan",
       (_SURAT, "Rekomendasi kecamatan", "Denah rekayasa lalu lintas"),
       P_REKOMENDASI, (3, "hari_kerja"), "Surat dispensasi penggunaan jalan"),
    _K("PRKR", "Izin Penyelenggaraan Tempat Parkir", "perhubungan",
       (_NIB, "Denah area parkir", "Bukti penguasaan lahan"), P_REKOMENDASI,
       (7, "hari_kerja"), "Izin penyelenggaraan parkir"),
    _K("TMNL", "Pelayanan Informasi dan Keberangkatan di Terminal", "perhubungan",
       ("Tidak ada",),
       ("Penumpang datang ke loket informasi terminal.",
        "Petugas memberikan informasi trayek, jadwal dan tarif.",
        "Petugas mengarahkan penumpang ke jalur keberangkatan."),
       (10, "menit"), "Informasi angkutan dan layanan keberangkatan"),
    # PUPR.
    _K("KRK", "Keterangan Rencana Kota (KRK)", "pupr",
       (_SURAT, "Fotokopi sertifikat tanah", "Peta lokasi"), P_REKOMENDASI,
       (5, "hari_kerja"), "Keterangan Rencana Kota"),
    _K("IPJ", "Izin Pemanfaatan Ruang Milik Jalan", "pupr",
       (_SURAT, "Gambar rencana teknis", "Surat pernyataan pemeliharaan"),
       P_REKOMENDASI, (10, "hari_kerja"), "Izin pemanfaatan ruang milik jalan"),
    _K("DRN", "Penanganan Pengaduan Jalan Rusak dan Drainase", "pupr",
       ("Identitas pelapor", "Foto dan lokasi kerusakan"), P_PENGADUAN,
       (3, "hari_kerja"), "Perbaikan atau jadwal penanganan"),
    _K("SWAB", "Sewa Alat Berat", "pupr",
       (_SURAT, "Fotokopi KTP-el penanggung jawab", "Rencana lokasi kerja"),
       P_RETRIBUSI, (3, "hari_kerja"), "Alat berat beserta operator",
       1500000, perda("Lampiran V: retribusi pemakaian kekayaan daerah, per hari")),
    _K("UJBH", "Pengujian Mutu Bahan Bangunan", "pupr",
       (_FORM, "Sampel bahan bangunan"), P_LAB, (7, "hari_kerja"),
       "Laporan hasil uji",
       200000, perda("Lampiran V: retribusi pemakaian laboratorium")),
    # Perumahan dan kawasan permukiman.
    _K("MAKM", "Izin Penggunaan Tanah Makam", "perkim",
       ("Surat keterangan kematian", "Fotokopi KTP-el ahli waris"), P_RETRIBUSI,
       (1, "hari"), "Izin penggunaan tanah makam",
       150000, perda("Lampiran VI: retribusi pelayanan pemakaman")),
    _K("RSN", "Sewa Unit Rusunawa", "perkim",
       (_KTP_KK, "Surat keterangan penghasilan", "Surat pernyataan belum memiliki rumah"),
       P_RETRIBUSI, (14, "hari_kerja"), "Perjanjian sewa unit rusunawa",
       250000, perda("Lampiran V: retribusi sewa rusunawa, per bulan")),
    _K("RTLH", "Usulan Bantuan Rumah Tidak Layak Huni", "perkim",
       (_KTP_KK, "Bukti kepemilikan tanah", "Foto kondisi rumah"), P_REKOMENDASI,
       (30, "hari_kerja"), "Penetapan calon penerima bantuan"),
    _K("PSU", "Penyerahan Prasarana, Sarana dan Utilitas Perumahan", "perkim",
       (_SURAT, "Siteplan yang disahkan", "Daftar PSU yang diserahkan"),
       P_REKOMENDASI, (30, "hari_kerja"), "Berita acara serah terima PSU"),
    _K("PJU", "Pengaduan Penerangan Jalan Umum", "perkim",
       ("Identitas pelapor", "Lokasi lampu"), P_PENGADUAN, (3, "hari_kerja"),
       "Perbaikan penerangan jalan umum"),
    # Lingkungan hidup.
    _K("SPPL", "Registrasi Surat Pernyataan Pengelolaan Lingkungan (SPPL)",
       "lingkungan", (_NIB, "Formulir SPPL"), P_PERIZINAN, (1, "hari_kerja"),
       "SPPL teregistrasi"),
    _K("UKL", "Pemeriksaan Formulir UKL-UPL", "lingkungan",
       (_NIB, "Formulir UKL-UPL", "KKPR"), P_REKOMENDASI, (14, "hari_kerja"),
       "Persetujuan lingkungan (PKPLH)"),
    _K("PCMR", "Penanganan Pengaduan Pencemaran Lingkungan", "lingkungan",
       ("Identitas pelapor", "Lokasi dan uraian dugaan pencemaran"), P_PENGADUAN,
       (10, "hari_kerja"), "Hasil verifikasi dan tindak lanjut"),
    _K("PHN", "Izin Penebangan atau Pemangkasan Pohon", "lingkungan",
       (_SURAT, "Foto pohon", "Surat pengantar kelurahan"), P_REKOMENDASI,
       (7, "hari_kerja"), "Izin penebangan atau pemangkasan"),
    _K("LABL", "Uji Laboratorium Kualitas Air dan Udara", "lingkungan",
       (_FORM, "Sampel uji"), P_LAB, (7, "hari_kerja"), "Laporan hasil uji",
       300000, perda("Lampiran V: retribusi pemakaian laboratorium lingkungan")),
    _K("SMPH", "Pengangkutan Sampah Rumah Tangga dan Usaha", "lingkungan",
       (_FORM, "Fotokopi KTP-el atau NIB"), P_RETRIBUSI, (1, "hari"),
       "Pengangkutan sampah terjadwal",
       25000, perda("Lampiran VI: retribusi pelayanan kebersihan, per bulan")),
    # Koperasi dan UKM.
    _K("KOPB", "Fasilitasi Pendirian Badan Hukum Koperasi", "koperasi",
       ("Berita acara rapat pendirian", "Daftar hadir minimal 9 pendiri",
        "Rancangan anggaran dasar"), P_KONSULTASI, (14, "hari_kerja"),
       "Pendampingan hingga terbit badan hukum koperasi"),
    _K("KPK", "Penilaian Kesehatan Koperasi Simpan Pinjam", "koperasi",
       (_SURAT, "Laporan keuangan dua tahun terakhir"), P_REKOMENDASI,
       (14, "hari_kerja"), "Laporan penilaian kesehatan koperasi"),
    _K("HALAL", "Fasilitasi Sertifikasi Halal Usaha Mikro", "koperasi",
       (_NIB, "Daftar bahan dan proses produksi"), P_KONSULTASI, (21, "hari_kerja"),
       "Sertifikat halal"),
    _K("KRSI", "Kurasi Produk UMKM", "koperasi",
       (_NIB, "Sampel produk", "Foto kemasan"), P_KONSULTASI, (7, "hari_kerja"),
       "Rekomendasi hasil kurasi"),
    _K("PLUK", "Pelatihan dan Pendampingan UMKM", "koperasi",
       (_KTP, _NIB), P_PELATIHAN, (5, "hari"), "Sertifikat pelatihan"),
    _K("KBIS", "Konsultasi Bisnis UMKM", "koperasi", (_KTP,), P_KONSULTASI,
       (60, "menit"), "Catatan konsultasi dan rencana tindak lanjut"),
    # Perdagangan.
    _K("TERA", "Tera dan Tera Ulang Alat Ukur, Takar, Timbang dan Perlengkapannya",
       "perdagangan", (_FORM, "Alat UTTP yang akan ditera"), P_RETRIBUSI,
       (1, "hari_kerja"), "Tanda tera sah dan surat keterangan hasil pengujian",
       10000, perda("Lampiran VII: retribusi metrologi legal, per unit timbangan")),
    _K("KIOS", "Sewa Kios dan Los Pasar Rakyat", "perdagangan",
       (_KTP_KK, "Surat pernyataan pedagang"), P_RETRIBUSI, (7, "hari_kerja"),
       "Perjanjian sewa kios",
       150000, perda("Lampiran VII: retribusi pelayanan pasar, per bulan")),
    _K("TDG", "Tanda Daftar Gudang", "perdagangan",
       (_NIB, "Titik koordinat dan luas gudang"), P_PERIZINAN, (3, "hari_kerja"),
       "Tanda Daftar Gudang"),
    _K("STPW", "Surat Tanda Pendaftaran Waralaba", "perdagangan",
       (_NIB, "Perjanjian waralaba", "Prospektus penawaran"), P_PERIZINAN,
       (2, "hari_kerja"), "Surat Tanda Pendaftaran Waralaba"),
    _K("HRGA", "Informasi Harga Bahan Pokok", "perdagangan", ("Tidak ada",),
       P_INFORMASI, (15, "menit"), "Informasi harga bahan pokok harian"),
    # Pariwisata dan kebudayaan.
    _K("CGRB", "Pendaftaran Objek Diduga Cagar Budaya", "pariwisata",
       (_SURAT, "Foto dan deskripsi objek", "Bukti kepemilikan atau penguasaan"),
       P_REKOMENDASI, (30, "hari_kerja"), "Surat keterangan pendaftaran"),
    _K("RKSB", "Rekomendasi Kegiatan Seni dan Budaya", "pariwisata",
       (_SURAT, "Proposal kegiatan"), P_REKOMENDASI, (3, "hari_kerja"),
       "Surat rekomendasi"),
    _K("SGDK", "Sewa Gedung Kesenian", "pariwisata",
       (_SURAT, "Fotokopi KTP-el penanggung jawab", "Rencana kegiatan"),
       P_RETRIBUSI, (3, "hari_kerja"), "Perjanjian sewa gedung",
       1500000, perda("Lampiran V: retribusi pemakaian kekayaan daerah, per hari")),
    # Perlindungan perempuan dan anak, keluarga berencana.
    _K("PPA", "Penanganan Pengaduan Kekerasan terhadap Perempuan dan Anak",
       "perempuan_anak", ("Identitas pelapor atau korban bila ada",),
       ("Korban atau pelapor menghubungi hotline atau datang langsung.",
        "Petugas melakukan asesmen awal dan menjamin keselamatan korban.",
        "Korban mendapat pendampingan psikologis, kesehatan dan hukum sesuai "
        "kebutuhan.",
        "Kasus dipantau hingga pemulihan dan reintegrasi."),
       (1, "hari"), "Pendampingan korban"),
    _K("RAMN", "Layanan Rumah Aman", "perempuan_anak",
       ("Rujukan dari UPTD PPA atau kepolisian",), P_PENGADUAN, (1, "hari"),
       "Perlindungan sementara di rumah aman"),
    _K("PSPG", "Konseling Keluarga (Puspaga)", "perempuan_anak", (_KTP,),
       P_KONSULTASI, (60, "menit"), "Layanan konseling keluarga"),
    _K("KB", "Pelayanan Kontrasepsi Mantap (MOP/MOW)", "perempuan_anak",
       (_KTP_KK, "Surat persetujuan pasangan"), P_KLINIK, (1, "hari"),
       "Tindakan kontrasepsi mantap"),
    # Komunikasi dan informatika.
    _K("PPID", "Permohonan Informasi Publik", "informasi",
       (_FORM, "Fotokopi KTP-el atau akta badan hukum"), P_INFORMASI,
       (10, "hari_kerja"), "Informasi publik atau surat pemberitahuan"),
    _K("KBRT", "Penyelesaian Keberatan Informasi Publik", "informasi",
       ("Formulir keberatan", "Bukti permohonan informasi"), P_INFORMASI,
       (30, "hari_kerja"), "Tanggapan atas keberatan"),
    _K("LAPR", "Pengelolaan Pengaduan SP4N-LAPOR!", "informasi",
       ("Identitas pelapor (boleh dirahasiakan)", "Uraian pengaduan"), P_PENGADUAN,
       (5, "hari_kerja"), "Tindak lanjut pengaduan"),
    _K("STAT", "Permintaan Data Statistik Sektoral", "informasi",
       (_SURAT, "Uraian kebutuhan data"), P_INFORMASI, (5, "hari_kerja"),
       "Data statistik sektoral"),
    # Ketahanan pangan dan pertanian.
    _K("PSAT", "Registrasi Pangan Segar Asal Tumbuhan", "pertanian",
       (_NIB, "Label produk", "Hasil uji laboratorium"), P_REKOMENDASI,
       (14, "hari_kerja"), "Nomor registrasi PD-PSAT"),
    _K("NKV", "Rekomendasi Nomor Kontrol Veteriner", "pertanian",
       (_NIB, "Denah unit usaha", "Daftar peralatan"), P_REKOMENDASI,
       (14, "hari_kerja"), "Rekomendasi NKV"),
    _K("KSHW", "Pelayanan Kesehatan Hewan", "pertanian",
       ("Hewan dibawa pemilik", "Kartu kesehatan hewan bila ada"), P_KLINIK,
       (60, "menit"), "Pemeriksaan dan pengobatan hewan",
       25000, perda("Lampiran VIII: retribusi pelayanan kesehatan hewan")),
    _K("RBS", "Vaksinasi Rabies Hewan Penular Rabies", "pertanian",
       ("Hewan dibawa pemilik",), P_KLINIK, (15, "menit"),
       "Vaksinasi dan kartu vaksinasi hewan"),
    _K("SKKH", "Surat Keterangan Kesehatan Hewan", "pertanian",
       ("Hewan dibawa pemilik", "Kartu vaksinasi"), P_KLINIK, (1, "hari_kerja"),
       "Surat Keterangan Kesehatan Hewan",
       20000, perda("Lampiran VIII: retribusi pelayanan kesehatan hewan")),
    _K("RPH", "Pemotongan Hewan di Rumah Potong Hewan", "pertanian",
       ("Surat keterangan kesehatan hewan", "Surat asal usul ternak"), P_RETRIBUSI,
       (1, "hari"), "Karkas bersertifikat dan stempel kesehatan daging",
       50000, perda("Lampiran VIII: retribusi rumah potong hewan, per ekor sapi")),
    # Perpustakaan dan kearsipan.
    _K("ANGG", "Pendaftaran Anggota Perpustakaan", "perpustakaan",
       (_KTP, "Kartu pelajar bagi pelajar"),
       ("Pemustaka mengisi formulir keanggotaan di loket atau daring.",
        "Petugas memverifikasi identitas.",
        "Petugas mencetak kartu anggota."),
       (15, "menit"), "Kartu anggota perpustakaan"),
    _K("PJM", "Peminjaman dan Pengembalian Koleksi", "perpustakaan",
       ("Kartu anggota perpustakaan",),
       ("Pemustaka memilih koleksi.", "Petugas memindai kartu anggota dan koleksi.",
        "Pemustaka menerima slip tanggal pengembalian."),
       (5, "menit"), "Koleksi yang dipinjam"),
    _K("PKLL", "Layanan Perpustakaan Keliling", "perpustakaan",
       ("Surat permohonan sekolah atau komunitas",), P_REKOMENDASI,
       (3, "hari_kerja"), "Kunjungan mobil perpustakaan keliling"),
    _K("ARSP", "Penelusuran dan Peminjaman Arsip Statis", "perpustakaan",
       (_FORM, _KTP), P_INFORMASI, (3, "hari_kerja"), "Salinan arsip autentik"),
    # Ketertiban, kebakaran, bencana.
    _K("TRTB", "Penanganan Pengaduan Gangguan Ketertiban Umum", "ketertiban",
       ("Identitas pelapor (boleh dirahasiakan)", "Lokasi dan uraian gangguan"),
       P_LAPANGAN, (24, "jam"), "Penertiban dan laporan tindak lanjut"),
    _K("PGMN", "Permohonan Pengamanan Kegiatan", "ketertiban",
       (_SURAT, "Rencana kegiatan"), P_REKOMENDASI, (3, "hari_kerja"),
       "Personel pengamanan kegiatan"),
    _K("PMDM", "Pemadaman Kebakaran", "kebakaran", ("Tidak ada",), P_LAPANGAN,
       (15, "menit"), "Pemadaman dan laporan kejadian kebakaran"),
    _K("PYLM", "Penyelamatan dan Evakuasi Non-Kebakaran", "kebakaran",
       ("Tidak ada",), P_LAPANGAN, (15, "menit"),
       "Penyelamatan korban, hewan atau barang"),
    _K("RPK", "Rekomendasi Sistem Proteksi Kebakaran Bangunan Gedung", "kebakaran",
       (_SURAT, "Gambar rencana sistem proteksi kebakaran"), P_REKOMENDASI,
       (7, "hari_kerja"), "Rekomendasi proteksi kebakaran"),
    _K("APAR", "Pemeriksaan dan Pengujian Alat Pemadam Api Ringan", "kebakaran",
       (_FORM, "APAR yang akan diperiksa"), P_RETRIBUSI, (1, "hari_kerja"),
       "Label hasil pemeriksaan APAR",
       25000, perda("Lampiran V: retribusi pemeriksaan alat pemadam, per tabung")),
    _K("DRBN", "Penanganan Darurat Bencana", "bencana", ("Tidak ada",), P_LAPANGAN,
       (1, "jam"), "Kaji cepat, evakuasi dan penanganan darurat"),
    _K("INFB", "Informasi Peringatan Dini Bencana", "bencana", ("Tidak ada",),
       P_INFORMASI, (15, "menit"), "Informasi peringatan dini"),
    _K("LOGB", "Bantuan Logistik Korban Bencana", "bencana",
       ("Data korban dari kelurahan",), P_LAPANGAN, (1, "hari"),
       "Bantuan logistik kebutuhan dasar"),
    _K("KRB", "Rekomendasi Kajian Risiko Bencana", "bencana",
       (_SURAT, "Dokumen rencana kegiatan"), P_REKOMENDASI, (14, "hari_kerja"),
       "Rekomendasi kajian risiko bencana"),
    _K("EDB", "Edukasi Kebencanaan untuk Sekolah dan Masyarakat", "bencana",
       (_SURAT,), P_REKOMENDASI, (7, "hari_kerja"), "Kegiatan edukasi kebencanaan"),
    # Kesatuan bangsa dan politik.
    _K("SKT", "Pendaftaran Organisasi Kemasyarakatan", "kesbangpol",
       ("Akta pendirian", "AD/ART", "Susunan pengurus", "Surat keterangan domisili"),
       P_REKOMENDASI, (15, "hari_kerja"), "Surat Keterangan Terdaftar"),
    _K("SKP", "Surat Keterangan Penelitian", "kesbangpol",
       (_SURAT, "Proposal penelitian", "Surat pengantar perguruan tinggi"),
       P_REKOMENDASI, (3, "hari_kerja"), "Surat Keterangan Penelitian"),
    # Perencanaan, riset dan inovasi.
    _K("DTPR", "Permintaan Data Perencanaan Pembangunan", "perencanaan",
       (_SURAT, "Uraian kebutuhan data"), P_INFORMASI, (5, "hari_kerja"),
       "Data perencanaan pembangunan"),
    _K("INOV", "Pendampingan Inovasi Daerah", "perencanaan",
       ("Proposal inovasi", "Surat pengantar kepala perangkat daerah"),
       P_KONSULTASI, (14, "hari_kerja"), "Inovasi terdaftar dan terdampingi"),
    # Pajak daerah.
    _K("PBB", "Pendaftaran Objek Pajak Baru PBB-P2", "pajak",
       ("SPOP dan LSPOP yang telah diisi", "Fotokopi sertifikat tanah", _KTP),
       P_PAJAK, (10, "hari_kerja"), "SPPT PBB-P2"),
    _K("MPBB", "Mutasi dan Balik Nama SPPT PBB-P2", "pajak",
       (_FORM, "Fotokopi akta jual beli atau sertifikat", _KTP,
        "Bukti lunas PBB tahun terakhir"),
       P_PAJAK, (10, "hari_kerja"), "SPPT PBB-P2 atas nama baru"),
    _K("SPPT", "Salinan SPPT PBB-P2", "pajak", (_FORM, _KTP), P_PAJAK,
       (1, "hari_kerja"), "Salinan SPPT PBB-P2"),
    _K("KPBB", "Pengurangan Ketetapan PBB-P2", "pajak",
       (_SURAT, "SPPT tahun berjalan", "Surat Keterangan Tidak Mampu bila ada"),
       P_PAJAK, (30, "hari_kerja"), "Surat keputusan pengurangan"),
    _K("BPHT", "Validasi BPHTB", "pajak",
       ("SSPD BPHTB", "Fotokopi SPPT PBB tahun berjalan", "Fotokopi sertifikat", _KTP),
       P_PAJAK, (3, "hari_kerja"), "SSPD BPHTB tervalidasi"),
    _K("NPWD", "Pendaftaran Wajib Pajak Daerah (NPWPD)", "pajak",
       (_FORM, _KTP, _NIB), P_PAJAK, (1, "hari_kerja"), "Kartu NPWPD"),
    _K("SKLN", "Surat Keterangan Lunas Pajak Daerah", "pajak",
       (_FORM, "Bukti pembayaran pajak"), P_PAJAK, (1, "hari_kerja"),
       "Surat Keterangan Lunas"),
    # Kepegawaian.
    _K("KPNG", "Kenaikan Pangkat Reguler", "kepegawaian",
       ("SK pangkat terakhir", "Penilaian kinerja dua tahun terakhir"), P_ASN,
       (14, "hari_kerja"), "Keputusan kenaikan pangkat"),
    _K("PENS", "Usul Pensiun Aparatur Sipil Negara", "kepegawaian",
       ("SK CPNS dan SK pangkat terakhir", "Daftar susunan keluarga", "Pas foto"),
       P_ASN, (30, "hari_kerja"), "Keputusan pensiun"),
    _K("IZBL", "Izin Belajar Pegawai", "kepegawaian",
       ("Surat permohonan", "Surat keterangan diterima dari perguruan tinggi",
        "Rekomendasi atasan"), P_ASN, (7, "hari_kerja"), "Surat izin belajar"),
    # Pengawasan.
    _K("WBS", "Penanganan Pengaduan Masyarakat (Whistleblowing System)",
       "pengawasan", ("Uraian dugaan pelanggaran", "Bukti pendukung bila ada"),
       P_PENGADUAN, (14, "hari_kerja"), "Hasil penanganan pengaduan"),
    _K("KONS", "Konsultasi Pengawasan dan Pengendalian Intern", "pengawasan",
       (_SURAT,), P_KONSULTASI, (3, "hari_kerja"), "Catatan konsultasi"),
    _K("SKBT", "Surat Keterangan Bebas Temuan", "pengawasan",
       (_SURAT, "SK pangkat atau jabatan terakhir"), P_REKOMENDASI,
       (3, "hari_kerja"), "Surat Keterangan Bebas Temuan"),
    # Sekretariat Daerah.
    _K("FSP", "Fasilitasi Penyusunan Standar Pelayanan dan Maklumat", "organisasi",
       ("Surat permohonan kepala perangkat daerah", "Rancangan standar pelayanan"),
       P_KONSULTASI, (14, "hari_kerja"), "Standar pelayanan yang telah direviu"),
    _K("SKMP", "Pendampingan Survei Kepuasan Masyarakat", "organisasi",
       (_SURAT, "Daftar jenis layanan yang disurvei"), P_KONSULTASI,
       (7, "hari_kerja"), "Rancangan survei dan laporan hasil SKM"),
    _K("JDIH", "Layanan Jaringan Dokumentasi dan Informasi Hukum", "hukum",
       ("Tidak ada",), P_INFORMASI, (1, "hari_kerja"),
       "Salinan produk hukum daerah"),
    _K("BKUM", "Fasilitasi Bantuan Hukum bagi Masyarakat Miskin", "hukum",
       (_KTP_KK, "Surat Keterangan Tidak Mampu", "Uraian perkara"), P_REKOMENDASI,
       (14, "hari_kerja"), "Rujukan ke organisasi bantuan hukum"),
)
# fmt: on

SERVICE_KIND_BY_KEY: dict[str, ServiceKind] = {k.key: k for k in SERVICE_KINDS}

# ---------------------------------------------------------------------------------------
# Organisation: OPD and their units.

HOURS_OFFICE = "Senin–Kamis 08.00–15.30, Jumat 08.00–11.00"
HOURS_MPP = "Senin–Jumat 08.00–15.00, Sabtu 08.00–12.00"
HOURS_PUSKESMAS = "Senin–Kamis 07.30–14.00, Jumat 07.30–11.00, Sabtu 07.30–12.30"
HOURS_24 = "Setiap hari, 24 jam"
HOURS_RAJAL = "Pendaftaran Senin–Jumat 07.00–13.00, Sabtu 07.00–11.00"
HOURS_SCHOOL = "Senin–Jumat 07.00–14.00"
HOURS_LIBRARY = "Senin–Sabtu 08.00–20.00"
HOURS_TERMINAL = "Setiap hari 05.00–22.00"
HOURS_RPH = "Setiap hari 02.00–08.00"
HOURS_UPT = "Senin–Jumat 07.30–15.00"

MPP_ADDRESS = (
    "Gedung Mal Pelayanan Publik, Jl. Jenderal Sudirman No. 45, Kota Prima Raya 99111"
)


@dataclass(frozen=True)
class UnitSpec:
    code: str
    handle: str  # short lowercase name used in usernames and e-mail addresses
    name: str
    kind: str
    services: tuple[str, ...]
    hours: str = HOURS_OFFICE
    address: str = ""  # empty: the OPD's address
    head: str = ""  # position of the unit head; empty: "Kepala <unit name>"


@dataclass(frozen=True)
class OpdSpec:
    code: str
    name: str
    short_name: str
    kind: str
    address: str
    units: tuple[UnitSpec, ...]
    head: str = ""  # fixed head name; empty: generated


_U = UnitSpec


def _addr(street: str) -> str:
    return f"{street}, Kota Prima Raya"


_KELURAHAN_SERVICES = ("SKD", "SKTM")
_KELURAHAN_EXTRA = ("SPN", "SKU", "SPN", "SKK")


def _kecamatan(
    code: str, name: str, street: str, kelurahan: tuple[str, ...], postcode: int
) -> OpdSpec:
    """Return a Kecamatan with its office and one office unit per kelurahan."""
    handle = name.lower().replace(" ", "-")
    office = _U(
        f"KEC-{code}",
        f"kec-{handle}",
        f"Kantor Kecamatan {name}",
        "kecamatan",
        ("LGK", "IKR", "SAW") + (("IUMK",) if postcode % 20 == 1 else ("DSP",)),
        head=f"Camat {name}",
    )
    units = [office]
    for number, kel in enumerate(kelurahan, start=1):
        kel_handle = kel.lower().replace(" ", "-").replace("--", "-")
        extra = (_KELURAHAN_EXTRA[(number - 1) % len(_KELURAHAN_EXTRA)],)
        units.append(
            _U(
                f"KEL-{code}{number}",
                f"kel-{kel_handle}",
                f"Kantor Kelurahan {kel}",
                "kelurahan",
                _KELURAHAN_SERVICES + extra,
                address=_addr(f"Jl. {kel} Raya No. {number * 7}, {postcode}"),
                head=f"Lurah {kel}",
            )
        )
    return OpdSpec(
        f"KEC-{code}",
        f"Kecamatan {name}",
        f"Kec. {name}",
        "kecamatan",
        _addr(f"{street}, {postcode}"),
        tuple(units),
    )


_PKM_CORE = ("RJU", "IMN", "KIAKB", "GIGI")


def _puskesmas(name: str, street: str, extra: tuple[str, ...], n: int) -> UnitSpec:
    handle = name.lower().replace(" ", "-")
    return _U(
        f"PKM-{n:02d}",
        f"pkm-{handle}",
        f"Puskesmas {name}",
        "puskesmas",
        _PKM_CORE + extra,
        HOURS_PUSKESMAS,
        _addr(street),
        head=f"Kepala Puskesmas {name}",
    )


# fmt: off
OPDS: tuple[OpdSpec, ...] = (
    OpdSpec(
        "SETDA", "Sekretariat Daerah", "Setda", "sekretariat",
        _addr("Jl. Jenderal Sudirman No. 1, 99111"),
        (
            _U("SETDA-ORG", "organisasi", "Bagian Organisasi", "kantor",
               ("FSP", "SKMP"), head="Kepala Bagian Organisasi"),
            _U("SETDA-HKM", "hukum", "Bagian Hukum", "kantor",
               ("JDIH", "BKUM"), head="Kepala Bagian Hukum"),
        ),
        head="Dr. Ir. Hendra Siregar, M.T.",
    ),
    OpdSpec(
        "INSPEKTORAT", "Inspektorat Daerah", "Inspektorat", "inspektorat",
        _addr("Jl. Diponegoro No. 8, 99112"),
        (_U("INSP-KTR", "inspektorat", "Kantor Inspektorat Daerah", "kantor",
            ("WBS", "KONS", "SKBT"), head="Inspektur"),),
    ),
    OpdSpec(
        "BAPPERIDA", "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah",
        "Bapperida", "badan", _addr("Jl. Diponegoro No. 10, 99112"),
        (_U("BAPPERIDA-KTR", "bapperida", "Kantor Bapperida", "kantor",
            ("DTPR", "INOV"), head="Kepala Bapperida"),),
    ),
    OpdSpec(
        "BAPENDA", "Badan Pendapatan Daerah", "Bapenda", "badan",
        _addr("Jl. Ahmad Yani No. 21, 99113"),
        (
            _U("BPD-KTR", "bapenda", "Kantor Pelayanan Pajak Daerah", "kantor",
               ("PBB", "MPBB", "SPPT", "KPBB", "BPHT", "NPWD", "SKLN"),
               head="Kepala Bidang Pelayanan Pajak Daerah"),
            _U("BPD-UTR", "upt-pajak-utara", "UPT Pajak Daerah Wilayah Utara", "upt",
               ("SPPT", "MPBB"), HOURS_UPT,
               _addr("Jl. Tanjung Mas No. 4, 99131")),
            _U("BPD-SLT", "upt-pajak-selatan", "UPT Pajak Daerah Wilayah Selatan",
               "upt", ("SPPT", "SKLN"), HOURS_UPT,
               _addr("Jl. Bukit Indah Raya No. 30, 99141")),
            _U("BPD-MPP", "mpp-bapenda", "Gerai Bapenda — Mal Pelayanan Publik", "mpp",
               ("SPPT", "NPWD", "BPHT"), HOURS_MPP, MPP_ADDRESS,
               head="Koordinator Gerai Bapenda"),
        ),
    ),
    OpdSpec(
        "BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM",
        "badan", _addr("Jl. Diponegoro No. 12, 99112"),
        (_U("BKPSDM-KTR", "bkpsdm", "Kantor BKPSDM", "kantor",
            ("KPNG", "PENS", "IZBL"), head="Kepala BKPSDM"),),
    ),
    OpdSpec(
        "BPBD", "Badan Penanggulangan Bencana Daerah", "BPBD", "badan",
        _addr("Jl. Pahlawan No. 5, 99114"),
        (
            _U("BPBD-KTR", "bpbd", "Kantor BPBD", "kantor", ("KRB", "EDB", "LOGB"),
               head="Kepala Pelaksana BPBD"),
            _U("BPBD-PUSDALOPS", "pusdalops", "Pusat Pengendalian Operasi BPBD", "upt",
               ("DRBN", "INFB"), HOURS_24, head="Kepala Pusdalops"),
        ),
    ),
    OpdSpec(
        "KESBANGPOL", "Badan Kesatuan Bangsa dan Politik", "Kesbangpol", "badan",
        _addr("Jl. Pahlawan No. 9, 99114"),
        (_U("KBP-KTR", "kesbangpol", "Kantor Kesbangpol", "kantor", ("SKT", "SKP"),
            head="Kepala Badan Kesbangpol"),),
    ),
    OpdSpec(
        "DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil",
        "dinas", _addr("Jl. Merdeka No. 17, 99111"),
        (
            _U("DKC-KTR", "dukcapil", "Kantor Pelayanan Disdukcapil", "kantor",
               ("KTP", "KTPR", "KIA", "KK", "KKP", "AKL", "AKM", "AKW", "ACR", "PND",
                "DTG", "IKD", "REK", "LGS", "SKTT"),
               head="Kepala Dinas Kependudukan dan Pencatatan Sipil"),
            _U("DKC-MPP", "mpp-dukcapil", "Gerai Disdukcapil — Mal Pelayanan Publik",
               "mpp", ("KTPR", "KIA", "KKP", "AKL", "IKD"), HOURS_MPP,
               MPP_ADDRESS, head="Koordinator Gerai Disdukcapil"),
            _U("DKC-RSUD", "dukcapil-rsud", "Loket Dukcapil RSUD", "loket",
               ("AKL", "KKP", "KIA"), HOURS_RAJAL,
               _addr("Jl. Kesehatan No. 1, 99115"), head="Koordinator Loket"),
            _U("DKC-KLL", "dukcapil-keliling", "Layanan Dukcapil Keliling", "loket",
               ("REK", "IKD"), "Sesuai jadwal kunjungan kelurahan",
               head="Koordinator Layanan Keliling"),
        ),
    ),
    OpdSpec(
        "DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP",
        "dinas", _addr("Jl. Jenderal Sudirman No. 45, 99111"),
        (
            _U("PTSP-FO", "ptsp", "Front Office Pelayanan Perizinan DPMPTSP", "loket",
               ("NIB", "SIUP", "PBG", "SLF", "KKPR", "SIPD", "SIPB", "IAPT", "IKLN",
                "IRKL", "TDUP", "ITRY"), HOURS_MPP,
               head="Kepala Bidang Pelayanan Perizinan"),
            _U("PTSP-MPP", "mpp-ptsp", "Gerai Perizinan — Mal Pelayanan Publik", "mpp",
               ("NIB", "SIPD", "IRKL", "IPAU", "ITKM"), HOURS_MPP, MPP_ADDRESS,
               head="Koordinator Mal Pelayanan Publik"),
        ),
    ),
    OpdSpec(
        "DINKES", "Dinas Kesehatan", "Dinkes", "dinas",
        _addr("Jl. Kesehatan No. 12, 99115"),
        (
            _U("DINKES-KTR", "dinkes", "Kantor Dinas Kesehatan", "kantor",
               ("PIRT", "SLHS", "RKS"), head="Kepala Dinas Kesehatan"),
            _U("LABKESDA", "labkesda", "UPT Laboratorium Kesehatan Daerah", "upt",
               ("UJAIR", "LABKL", "UMAK"), HOURS_UPT,
               _addr("Jl. Kesehatan No. 14, 99115")),
            _puskesmas("Prima Kota", "Jl. Kauman No. 3, 99111",
                       ("LAB", "PTM", "PSL", "SKS"), 1),
            _puskesmas("Kauman", "Jl. Masjid Agung No. 20, 99111", ("PTM",), 2),
            _puskesmas("Sukamaju", "Jl. Sukamaju Raya No. 40, 99121",
                       ("LAB", "PTM", "SKS"), 3),
            _puskesmas("Mekarsari", "Jl. Mekarsari No. 11, 99121", (), 4),
            _puskesmas("Tanjung Harapan", "Jl. Pelabuhan No. 2, 99131",
                       ("LAB", "PSL", "SKS"), 5),
            _puskesmas("Pelabuhan", "Jl. Dermaga No. 9, 99131", ("SKS",), 6),
            _puskesmas("Bukit Indah", "Jl. Bukit Indah Raya No. 12, 99141",
                       ("LAB",), 7),
            _puskesmas("Margorejo", "Jl. Margorejo No. 5, 99141", ("PTM",), 8),
            _puskesmas("Sungai Jernih", "Jl. Sungai Jernih No. 18, 99151",
                       ("LAB", "SKS"), 9),
            _puskesmas("Air Mancur", "Jl. Air Mancur No. 6, 99151", (), 10),
        ),
        head="dr. Lestari Handayani, M.Kes.",
    ),
    OpdSpec(
        "RSUD", "Rumah Sakit Umum Daerah Kota Prima Raya", "RSUD", "rsud",
        _addr("Jl. Kesehatan No. 1, 99115"),
        (
            _U("RSUD-UTAMA", "rsud", "RSUD Kota Prima Raya", "rumah_sakit",
               ("PDL", "PANAK", "PKDG", "RINAP", "RAD", "LABRS", "FARM", "HD", "MCU",
                "RM"), HOURS_RAJAL,
               head="Direktur RSUD Kota Prima Raya"),
            _U("RSUD-DAFTAR", "rsud-pendaftaran", "Loket Pendaftaran Rawat Jalan RSUD",
               "loket", ("DAFT", "INFTT"), HOURS_RAJAL,
               head="Kepala Instalasi Rawat Jalan"),
            _U("RSUD-IGD", "rsud-igd", "Instalasi Gawat Darurat RSUD", "rumah_sakit",
               ("IGD", "AMBL"), HOURS_24, head="Kepala Instalasi Gawat Darurat"),
        ),
    ),
    OpdSpec(
        "DISDIK", "Dinas Pendidikan", "Disdik", "dinas",
        _addr("Jl. Pendidikan No. 2, 99116"),
        (
            _U("DISDIK-KTR", "disdik", "Kantor Dinas Pendidikan", "kantor",
               ("LGI", "SKPI", "MUTS"), head="Kepala Dinas Pendidikan"),
            _U("SDN-01", "sdn-1", "SD Negeri 1 Prima Raya", "sekolah", ("SPMB", "LGIS"),
               HOURS_SCHOOL, _addr("Jl. Pendidikan No. 5, 99116"),
               head="Kepala SD Negeri 1 Prima Raya"),
            _U("SDN-07", "sdn-7", "SD Negeri 7 Prima Raya", "sekolah", ("SPMB",),
               HOURS_SCHOOL, _addr("Jl. Sidomulyo No. 14, 99141"),
               head="Kepala SD Negeri 7 Prima Raya"),
            _U("SMPN-01", "smpn-1", "SMP Negeri 1 Prima Raya", "sekolah",
               ("SPMB", "LGIS"), HOURS_SCHOOL, _addr("Jl. Pendidikan No. 9, 99116"),
               head="Kepala SMP Negeri 1 Prima Raya"),
            _U("SMPN-03", "smpn-3", "SMP Negeri 3 Prima Raya", "sekolah", ("SPMB",),
               HOURS_SCHOOL, _addr("Jl. Karang Anyar No. 22, 99131"),
               head="Kepala SMP Negeri 3 Prima Raya"),
        ),
    ),
    OpdSpec(
        "DINSOS", "Dinas Sosial", "Dinsos", "dinas",
        _addr("Jl. Melati No. 6, 99117"),
        (
            _U("DINSOS-KTR", "dinsos", "Kantor Dinas Sosial", "kantor",
               ("DTSEN", "PBIJK", "RKBP", "RHS", "BSB"),
               head="Kepala Dinas Sosial"),
            _U("DINSOS-RS", "rumah-singgah", "UPT Rumah Singgah", "upt", ("PANTI",),
               HOURS_24, _addr("Jl. Kenanga No. 3, 99117")),
        ),
    ),
    OpdSpec(
        "DISNAKER", "Dinas Tenaga Kerja", "Disnaker", "dinas",
        _addr("Jl. Industri No. 4, 99118"),
        (
            _U("NAKER-KTR", "disnaker", "Kantor Dinas Tenaga Kerja", "kantor",
               ("AK1", "PP", "PHI", "WLKP"), head="Kepala Dinas Tenaga Kerja"),
            _U("NAKER-BLK", "blk", "UPT Balai Latihan Kerja", "upt", ("PLTK",),
               HOURS_UPT, _addr("Jl. Industri No. 30, 99118")),
            _U("NAKER-MPP", "mpp-disnaker", "Gerai Disnaker — Mal Pelayanan Publik",
               "mpp", ("AK1",), HOURS_MPP, MPP_ADDRESS,
               head="Koordinator Gerai Disnaker"),
        ),
    ),
    OpdSpec(
        "DISHUB", "Dinas Perhubungan", "Dishub", "dinas",
        _addr("Jl. Gatot Subroto No. 15, 99119"),
        (
            _U("DISHUB-KTR", "dishub", "Kantor Dinas Perhubungan", "kantor",
               ("RTRY", "ANDL", "DSPJ"), head="Kepala Dinas Perhubungan"),
            _U("DISHUB-PKB", "uji-kir", "UPT Pengujian Kendaraan Bermotor", "upt",
               ("KIR", "KIRP", "NUMU", "MUTU"), HOURS_UPT,
               _addr("Jl. Lingkar Timur Km 3, 99119")),
            _U("DISHUB-TRM", "terminal", "UPT Terminal Prima Raya", "upt", ("TMNL",),
               HOURS_TERMINAL, _addr("Jl. Lingkar Timur Km 5, 99119")),
            _U("DISHUB-MPP", "mpp-dishub", "Gerai Dishub — Mal Pelayanan Publik",
               "mpp", ("MUTU", "PRKR"), HOURS_MPP, MPP_ADDRESS,
               head="Koordinator Gerai Dishub"),
        ),
    ),
    OpdSpec(
        "DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", "dinas",
        _addr("Jl. Gatot Subroto No. 20, 99119"),
        (
            _U("PUPR-KTR", "pupr", "Kantor Dinas PUPR", "kantor", ("KRK", "IPJ", "DRN"),
               head="Kepala Dinas Pekerjaan Umum dan Penataan Ruang"),
            _U("PUPR-LAB", "pupr-lab", "UPT Laboratorium dan Peralatan", "upt",
               ("SWAB", "UJBH"), HOURS_UPT, _addr("Jl. Lingkar Barat No. 8, 99119")),
        ),
    ),
    OpdSpec(
        "DISPERKIM", "Dinas Perumahan dan Kawasan Permukiman", "Disperkim", "dinas",
        _addr("Jl. Gatot Subroto No. 22, 99119"),
        (
            _U("PERKIM-KTR", "disperkim", "Kantor Disperkim", "kantor",
               ("RTLH", "PSU", "PJU"), head="Kepala Disperkim"),
            _U("PERKIM-RSN", "rusunawa", "UPT Rusunawa", "upt", ("RSN",), HOURS_UPT,
               _addr("Jl. Rawa Bening No. 1, 99151")),
            _U("PERKIM-TPU", "pemakaman", "UPT Pemakaman", "upt", ("MAKM",),
               HOURS_UPT, _addr("Jl. Kamboja No. 2, 99141")),
        ),
    ),
    OpdSpec(
        "DLH", "Dinas Lingkungan Hidup", "DLH", "dinas",
        _addr("Jl. Taman Kota No. 3, 99112"),
        (
            _U("DLH-KTR", "dlh", "Kantor Dinas Lingkungan Hidup", "kantor",
               ("SPPL", "UKL", "PCMR", "PHN"),
               head="Kepala Dinas Lingkungan Hidup"),
            _U("DLH-LAB", "lab-lingkungan", "UPT Laboratorium Lingkungan", "upt",
               ("LABL",), HOURS_UPT, _addr("Jl. Taman Kota No. 5, 99112")),
            _U("DLH-SMP", "persampahan", "UPT Persampahan", "upt", ("SMPH",),
               HOURS_UPT, _addr("Jl. Lingkar Selatan No. 11, 99141")),
        ),
    ),
    OpdSpec(
        "DISKOPUKM", "Dinas Koperasi dan Usaha Kecil dan Menengah", "Diskop UKM",
        "dinas", _addr("Jl. Ahmad Yani No. 33, 99113"),
        (
            _U("KOP-KTR", "diskopukm", "Kantor Dinas Koperasi dan UKM", "kantor",
               ("KOPB", "KPK", "HALAL", "KRSI"), head="Kepala Dinas Koperasi dan UKM"),
            _U("KOP-PLUT", "plut", "UPT Pusat Layanan Usaha Terpadu KUMKM", "upt",
               ("PLUK", "KBIS"), HOURS_UPT, _addr("Jl. Ahmad Yani No. 35, 99113")),
        ),
    ),
    OpdSpec(
        "DISDAG", "Dinas Perdagangan", "Disdag", "dinas",
        _addr("Jl. Pasar Baru No. 1, 99111"),
        (
            _U("DAG-KTR", "disdag", "Kantor Dinas Perdagangan", "kantor",
               ("TDG", "STPW", "HRGA"), head="Kepala Dinas Perdagangan"),
            _U("DAG-MTR", "metrologi", "UPT Metrologi Legal", "upt", ("TERA",),
               HOURS_UPT, _addr("Jl. Pasar Baru No. 7, 99111")),
            _U("DAG-PSR", "pasar-sentral", "UPT Pasar Sentral", "upt", ("KIOS",),
               "Setiap hari 05.00–17.00", _addr("Jl. Pasar Baru No. 20, 99111")),
        ),
    ),
    OpdSpec(
        "DISPARBUD", "Dinas Pariwisata dan Kebudayaan", "Disparbud", "dinas",
        _addr("Jl. Alun-Alun Utara No. 2, 99111"),
        (
            _U("PARBUD-KTR", "disparbud", "Kantor Disparbud", "kantor",
               ("CGRB", "RKSB"), head="Kepala Disparbud"),
            _U("PARBUD-GDK", "gedung-kesenian", "UPT Gedung Kesenian", "upt",
               ("SGDK",), HOURS_UPT, _addr("Jl. Alun-Alun Selatan No. 1, 99111")),
        ),
    ),
    OpdSpec(
        "DP3AP2KB",
        "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan "
        "Keluarga Berencana",
        "DP3AP2KB", "dinas", _addr("Jl. Melati No. 10, 99117"),
        (
            _U("DP3A-KTR", "dp3ap2kb", "Kantor DP3AP2KB", "kantor", ("PSPG", "KB"),
               head="Kepala DP3AP2KB"),
            _U("DP3A-PPA", "uptd-ppa", "UPTD Perlindungan Perempuan dan Anak", "upt",
               ("PPA", "RAMN"), HOURS_24, head="Kepala UPTD PPA"),
        ),
    ),
    OpdSpec(
        "DISKOMINFO", "Dinas Komunikasi dan Informatika", "Diskominfo", "dinas",
        _addr("Jl. Jenderal Sudirman No. 3, 99111"),
        (_U("KOMINFO-KTR", "ppid", "Layanan PPID dan Pengaduan Diskominfo", "kantor",
            ("PPID", "KBRT", "LAPR", "STAT"), head="Kepala Diskominfo"),),
    ),
    OpdSpec(
        "DKPP", "Dinas Ketahanan Pangan dan Pertanian", "DKPP", "dinas",
        _addr("Jl. Tani Makmur No. 4, 99141"),
        (
            _U("DKPP-KTR", "dkpp", "Kantor DKPP", "kantor", ("PSAT", "NKV"),
               head="Kepala DKPP"),
            _U("DKPP-KSW", "puskeswan", "UPT Pusat Kesehatan Hewan", "upt",
               ("KSHW", "RBS", "SKKH"), HOURS_UPT, _addr("Jl. Tani Makmur No. 9, 99141")),
            _U("DKPP-RPH", "rph", "UPT Rumah Potong Hewan", "upt", ("RPH",), HOURS_RPH,
               _addr("Jl. Lingkar Selatan No. 25, 99141")),
        ),
    ),
    OpdSpec(
        "DISPUSIP", "Dinas Perpustakaan dan Kearsipan", "Dispusip", "dinas",
        _addr("Jl. Pendidikan No. 20, 99116"),
        (
            _U("PUSIP-PUS", "perpustakaan", "Perpustakaan Daerah Kota Prima Raya",
               "kantor", ("ANGG", "PJM"), HOURS_LIBRARY,
               head="Kepala Dinas Perpustakaan dan Kearsipan"),
            _U("PUSIP-ARS", "depo-arsip", "UPT Depo Arsip", "upt", ("ARSP",),
               HOURS_UPT, _addr("Jl. Pendidikan No. 24, 99116")),
            _U("PUSIP-KLL", "pusling", "UPT Perpustakaan Keliling", "upt", ("PKLL",),
               "Sesuai jadwal kunjungan sekolah dan kelurahan"),
        ),
    ),
    OpdSpec(
        "SATPOLPP", "Satuan Polisi Pamong Praja", "Satpol PP", "satpol",
        _addr("Jl. Pahlawan No. 2, 99114"),
        (_U("SATPOL-KTR", "satpolpp", "Markas Satpol PP", "kantor", ("TRTB", "PGMN"),
            HOURS_24, head="Kepala Satpol PP"),),
    ),
    OpdSpec(
        "DAMKAR", "Dinas Pemadam Kebakaran dan Penyelamatan", "Damkar", "dinas",
        _addr("Jl. Pahlawan No. 20, 99114"),
        (
            _U("DAMKAR-MAKO", "damkar", "Markas Komando Damkar", "kantor",
               ("PMDM", "PYLM", "RPK", "APAR"), HOURS_24,
               head="Kepala Dinas Pemadam Kebakaran dan Penyelamatan"),
            _U("DAMKAR-UTR", "damkar-utara", "Pos Damkar Wilayah Utara", "upt",
               ("PMDM", "PYLM"), HOURS_24, _addr("Jl. Tanjung Mas No. 30, 99131")),
            _U("DAMKAR-SLT", "damkar-selatan", "Pos Damkar Wilayah Selatan", "upt",
               ("PMDM", "PYLM"), HOURS_24, _addr("Jl. Sidoarum No. 4, 99151")),
        ),
    ),
    _kecamatan("PRK", "Prima Kota", "Jl. Alun-Alun Barat No. 5",
               ("Alun-Alun", "Kauman", "Pasar Baru", "Kebon Agung"), 99111),
    _kecamatan("SKM", "Sukamaju", "Jl. Sukamaju Raya No. 1",
               ("Sukamaju", "Sukajadi", "Sukamulya", "Mekarsari"), 99121),
    _kecamatan("TJH", "Tanjung Harapan", "Jl. Pelabuhan No. 10",
               ("Tanjung Harapan", "Tanjung Mas", "Pelabuhan", "Karang Anyar"), 99131),
    _kecamatan("BKI", "Bukit Indah", "Jl. Bukit Indah Raya No. 2",
               ("Bukit Indah", "Sidomulyo", "Margorejo", "Gunung Sari"), 99141),
    _kecamatan("SGJ", "Sungai Jernih", "Jl. Sungai Jernih No. 1",
               ("Sungai Jernih", "Air Mancur", "Rawa Bening", "Sidoarum"), 99151),
)
# fmt: on

# ---------------------------------------------------------------------------------------
# Standard Pelayanan cases a demo should show. Keys are Layanan codes (unit-service).
# Every other service gets a case drawn with the seeded random generator and
# CASE_WEIGHTS.

COMPLETE = "complete"  # published, all 14 components, reviewed within 12 months
INCOMPLETE = "incomplete"  # published, some manufacturing components missing
OVERDUE = "overdue"  # published and complete, last review more than 12 months ago
DRAFT_ONLY = "draft_only"  # only a draft, never published
NO_STANDARD = "no_standard"
VERSIONED = "versioned"  # v1 superseded, v2 published
REVISING = "revising"  # v1 published, v2 draft under revision
AWAITING = "awaiting"  # v1 published, v2 submitted to the OPD admin for approval
RETURNED = "returned"  # v1 published, v2 returned by the OPD admin with a comment
NO_PARTICIPATION = "no_participation"  # published and complete, no citizens involved

STANDARD_CASES: dict[str, str] = {
    "DKC-KTR-KTP": VERSIONED,
    "DKC-KTR-AKL": VERSIONED,
    "DKC-KTR-KK": REVISING,
    "DKC-KTR-AKM": AWAITING,
    "DKC-KTR-PND": RETURNED,
    "DKC-KTR-SKTT": DRAFT_ONLY,
    "DKC-MPP-IKD": NO_STANDARD,
    "PTSP-FO-NIB": VERSIONED,
    "PTSP-FO-PBG": AWAITING,
    "PTSP-FO-SLF": REVISING,
    "PTSP-FO-ITRY": INCOMPLETE,
    "PTSP-MPP-ITKM": DRAFT_ONLY,
    "RSUD-UTAMA-HD": INCOMPLETE,
    "RSUD-IGD-IGD": COMPLETE,
    "DISHUB-PKB-KIR": VERSIONED,
    "DISHUB-PKB-NUMU": OVERDUE,
    "PKM-03-IMN": COMPLETE,
    "PKM-04-GIGI": NO_STANDARD,
    "PKM-06-SKS": OVERDUE,
    "KEL-SKM1-SKD": COMPLETE,
    "KEL-SKM2-SKTM": INCOMPLETE,
    "KEL-TJH3-SPN": DRAFT_ONLY,
    "KEL-SGJ4-SKK": NO_STANDARD,
    "KEC-SKM-IUMK": OVERDUE,
    "BPD-KTR-KPBB": NO_PARTICIPATION,
}

CASE_WEIGHTS: dict[str, int] = {
    COMPLETE: 66,
    NO_PARTICIPATION: 8,
    INCOMPLETE: 8,
    OVERDUE: 7,
    DRAFT_ONLY: 5,
    NO_STANDARD: 4,
    VERSIONED: 1,
    REVISING: 1,
    AWAITING: 1,
    RETURNED: 0,  # shown by the fixed cases only
}

# Units whose Maklumat exists but is not signed yet, and units without one.
MAKLUMAT_UNSIGNED = frozenset(
    {"KEL-TJH3", "KEL-BKI2", "PKM-06", "DAG-PSR", "DKC-KLL", "PERKIM-TPU", "SDN-07"}
)
MAKLUMAT_MISSING = frozenset({"KEL-SGJ4", "PKM-10", "DAMKAR-UTR", "PUSIP-ARS"})

# ---------------------------------------------------------------------------------------
# People. Demo logins are fixed; OPD and unit heads are drawn from the name lists.


@dataclass(frozen=True)
class UserSpec:
    username: str
    full_name: str
    position: str
    role: str = ""  # empty: no membership (the platform superuser)
    opd: str = ""  # OPD code for OPD-level roles
    unit: str = ""  # unit code for unit-level roles
    superuser: bool = False


SUPERUSER = "platform"

# fmt: off
USERS: tuple[UserSpec, ...] = (
    UserSpec(SUPERUSER, "Tim Platform Prima", "Administrator platform",
             superuser=True),
    UserSpec("admin.pemda", "Rina Kusumawati, S.Sos., M.AP.",
             "Kepala Bagian Organisasi Sekretariat Daerah", "admin_pemda"),
    UserSpec("pimpinan", "H. Arief Wicaksono, S.E., M.M.", "Wali Kota Prima Raya",
             "pimpinan"),
    UserSpec("sekda", "Dr. Ir. Hendra Siregar, M.T.",
             "Sekretaris Daerah Kota Prima Raya", "pimpinan"),
    UserSpec("kepala.dinkes", "dr. Lestari Handayani, M.Kes.",
             "Kepala Dinas Kesehatan", "pimpinan", opd="DINKES"),
    UserSpec("evaluator", "Dimas Prasetyo, S.IP.",
             "Analis Kebijakan Ahli Muda, Bagian Organisasi", "evaluator"),
    UserSpec("juri1", "Prof. Dr. Siti Maharani, M.Si.",
             "Guru Besar Administrasi Publik, Universitas Prima Raya", "juri"),
    UserSpec("juri2", "Dr. Bayu Nugroho, S.T., M.Eng.",
             "Praktisi Transformasi Digital", "juri"),
    UserSpec("juri3", "Yuni Astuti, S.Sos.",
             "Ketua Forum Warga Peduli Pelayanan Publik", "juri"),
    UserSpec("mentor", "Dr. Fajar Ramadhan, M.AP.",
             "Widyaiswara Ahli Madya, Pusat Pengembangan Inovasi Daerah", "mentor"),
    UserSpec("admin.disdukcapil", "Eko Wahyudi, S.Kom.",
             "Kepala Subbagian Perencanaan Disdukcapil", "admin_opd",
             opd="DISDUKCAPIL"),
    UserSpec("admin.dpmptsp", "Nurul Fadilah, S.E.",
             "Kepala Subbagian Perencanaan DPMPTSP", "admin_opd", opd="DPMPTSP"),
    UserSpec("admin.dinkes", "Ratna Sari Dewi, S.KM.",
             "Kepala Subbagian Program Dinas Kesehatan", "admin_opd", opd="DINKES"),
    UserSpec("admin.rsud", "Andi Firmansyah, S.Kep., Ners",
             "Kepala Bagian Pelayanan RSUD", "admin_opd", opd="RSUD"),
    UserSpec("admin.dishub", "Rudi Hartono, S.T.", "Sekretaris Dinas Perhubungan",
             "admin_opd", opd="DISHUB"),
    UserSpec("admin.bapenda", "Maya Anggraini, S.E., M.Ak.",
             "Kepala Subbagian Umum Bapenda", "admin_opd", opd="BAPENDA"),
    UserSpec("admin.kec-sukamaju", "Taufik Hidayat, S.STP.",
             "Sekretaris Kecamatan Sukamaju", "admin_opd", opd="KEC-SKM"),
    UserSpec("operator.dukcapil", "Wulan Permatasari, A.Md.", "Operator SIAK",
             "operator_unit", unit="DKC-KTR"),
    UserSpec("operator.mpp-dukcapil", "Gilang Saputra", "Operator Gerai Disdukcapil",
             "operator_unit", unit="DKC-MPP"),
    UserSpec("operator.ptsp", "Fitri Handayani, S.E.", "Analis Perizinan",
             "operator_unit", unit="PTSP-FO"),
    UserSpec("operator.pkm-sukamaju", "Nur Aini, A.Md.Keb.",
             "Pengelola Mutu Puskesmas Sukamaju", "operator_unit", unit="PKM-03"),
    UserSpec("operator.pkm-prima-kota", "Hasan Basri, S.KM.",
             "Pengelola Mutu Puskesmas Prima Kota", "operator_unit", unit="PKM-01"),
    UserSpec("operator.rsud", "Kartika Sari, S.Kep.",
             "Staf Komite Mutu RSUD", "operator_unit", unit="RSUD-UTAMA"),
    UserSpec("operator.uji-kir", "Slamet Riyadi", "Penguji Kendaraan Bermotor",
             "operator_unit", unit="DISHUB-PKB"),
    UserSpec("operator.labkesda", "Indah Permata, A.Md.AK.",
             "Pranata Laboratorium Kesehatan", "operator_unit", unit="LABKESDA"),
    UserSpec("operator.kel-sukamaju", "Yusuf Maulana", "Staf Pelayanan Kelurahan",
             "operator_unit", unit="KEL-SKM1"),
    UserSpec("operator.kec-sukamaju", "Dewi Lestari, S.Sos.",
             "Kepala Seksi Pelayanan Kecamatan Sukamaju", "operator_unit",
             unit="KEC-SKM"),
    UserSpec("operator.bapenda", "Irfan Hakim, S.E.", "Pengelola Pelayanan Pajak",
             "operator_unit", unit="BPD-KTR"),
    UserSpec("operator.ppid", "Putri Ayuningtyas, S.I.Kom.", "Pengelola PPID",
             "operator_unit", unit="KOMINFO-KTR"),
    UserSpec("loket.dukcapil", "Siti Nurhaliza", "Petugas Loket Disdukcapil",
             "petugas_loket", unit="DKC-KTR"),
    UserSpec("loket.mpp-dukcapil", "Ahmad Fauzi", "Petugas Loket MPP",
             "petugas_loket", unit="DKC-MPP"),
    UserSpec("loket.ptsp", "Maria Ulfa", "Petugas Front Office", "petugas_loket",
             unit="PTSP-FO"),
    UserSpec("loket.pkm-sukamaju", "Rizky Ananda", "Petugas Pendaftaran Puskesmas",
             "petugas_loket", unit="PKM-03"),
    UserSpec("loket.rsud", "Ayu Wandira", "Petugas Pendaftaran Rawat Jalan",
             "petugas_loket", unit="RSUD-DAFTAR"),
    UserSpec("loket.uji-kir", "Joko Susilo", "Petugas Loket Pengujian",
             "petugas_loket", unit="DISHUB-PKB"),
    UserSpec("loket.kel-sukamaju", "Anisa Rahmawati", "Petugas Pelayanan Kelurahan",
             "petugas_loket", unit="KEL-SKM1"),
    UserSpec("pengelola.mpp", "Bagus Prasetyo, S.AP.",
             "Kepala UPT Mal Pelayanan Publik", "pengelola_mpp"),
)
# fmt: on

DEMO_USERNAMES: tuple[str, ...] = tuple(u.username for u in USERS)

# Staff without a demo login (their password is unusable): the colleagues who join
# the demo operators in the capacity-building programmes of ``prima.demo.programmes``,
# per unit how many, and two more mentors.
# fmt: off
PROGRAMME_STAFF: dict[str, int] = {
    # The finished workshop: ten teams, 29 participants with the operators.
    "DKC-KTR": 2, "PKM-06": 3, "PTSP-FO": 2, "PKM-03": 2, "PKM-01": 2,
    "RSUD-UTAMA": 2, "DISHUB-PKB": 2, "LABKESDA": 2, "BPD-KTR": 2, "KOMINFO-KTR": 1,
    # The diklat in progress: ten kecamatan and kelurahan teams of four.
    "KEC-PRK": 4, "KEL-PRK1": 4, "KEC-SKM": 3, "KEL-SKM1": 3, "KEC-TJH": 4,
    "KEL-TJH1": 4, "KEC-BKI": 4, "KEL-BKI1": 4, "KEC-SGJ": 4, "KEL-SGJ1": 4,
}
_STAFF_FIRST = (
    "Agus", "Bambang", "Citra", "Dian", "Endang", "Fajar", "Galih", "Hendra", "Intan",
    "Joko", "Kurnia", "Lina", "Made", "Nanda", "Oktaviani", "Prasetyo", "Rahmat", "Sri",
    "Tri", "Umi", "Vina", "Wahyu", "Yogi", "Zahra", "Arif", "Bayu", "Desi", "Eka",
    "Farida", "Gita", "Hesti", "Ilham",
)
_STAFF_LAST = (
    "Saputra", "Wijaya", "Lestari", "Nugroho", "Rahayu", "Hidayat", "Kurniawan",
    "Pratama", "Susanti", "Setiawan", "Utami", "Santoso", "Purnamasari", "Siregar",
    "Harahap", "Nasution", "Wulandari", "Fitriani", "Syahputra",
)
_STAFF_POSITIONS = (
    "Analis Pelayanan", "Pengadministrasi Umum", "Pengelola Layanan Masyarakat",
    "Staf Pelayanan", "Pengolah Data",
)
# fmt: on


def _programme_staff() -> tuple[UserSpec, ...]:
    staff = []
    for unit, count in PROGRAMME_STAFF.items():
        for number in range(1, count + 1):
            n = len(staff)
            staff.append(
                UserSpec(
                    f"staf.{unit.lower()}.{number}",
                    f"{_STAFF_FIRST[n % len(_STAFF_FIRST)]} "
                    f"{_STAFF_LAST[(n * 7) % len(_STAFF_LAST)]}",
                    _STAFF_POSITIONS[n % len(_STAFF_POSITIONS)],
                    "operator_unit",
                    unit=unit,
                )
            )
    return (
        *staff,
        UserSpec(
            "mentor.lan",
            "Dra. Sri Wahyuni, M.Si.",
            "Widyaiswara Ahli Utama, Lembaga Administrasi Negara",
            "mentor",
        ),
        UserSpec(
            "mentor.upr",
            "Dr. Bagus Prakoso, S.Sos., M.AP.",
            "Dosen Administrasi Publik, Universitas Prima Raya",
            "mentor",
        ),
    )


STAFF: tuple[UserSpec, ...] = _programme_staff()
# Every account the demo creates, with or without a login in the table.
ALL_USERNAMES: tuple[str, ...] = DEMO_USERNAMES + tuple(u.username for u in STAFF)

# Heads of units whose name is fixed because a demo login is that person.
UNIT_HEADS: dict[str, str] = {"SETDA-ORG": "Rina Kusumawati, S.Sos., M.AP."}

# Names for the generated heads of OPD and units.
# fmt: off
GIVEN_MALE = (
    "Agus", "Bambang", "Budi", "Dedi", "Eko", "Fajar", "Hendra", "Irfan", "Joko",
    "Rahmat", "Rudi", "Slamet", "Taufik", "Wahyu", "Yusuf", "Arif", "Dimas", "Hasan",
    "Ilham", "Gilang", "Andi", "Teguh", "Bayu", "Rizal", "Made", "Ketut", "Daniel",
    "Yohanes", "Muhammad", "Surya",
)
GIVEN_FEMALE = (
    "Ayu", "Dewi", "Endang", "Fitri", "Indah", "Kartika", "Lestari", "Maya", "Nur",
    "Putri", "Ratna", "Siti", "Sri", "Wulan", "Yuni", "Rina", "Dian", "Anisa",
    "Nurul", "Melati", "Ni Luh", "Theresia", "Yohana", "Aisyah",
)
FAMILY_MALE = (
    "Hidayat", "Saputra", "Wijaya", "Santoso", "Pratama", "Nugroho", "Setiawan",
    "Wibowo", "Syahputra", "Permana", "Gunawan", "Mahendra", "Firmansyah", "Kurniawan",
    "Prasetyo", "Susanto", "Hakim", "Wirawan",
)
FAMILY_FEMALE = (
    "Maharani", "Purnamasari", "Rahayu", "Utami", "Susanti", "Handayani",
    "Anggraini", "Wulandari", "Puspitasari", "Kusumawati", "Permatasari", "Safitri",
)
FAMILY_ANY = (
    "Siregar", "Nasution", "Harahap", "Lubis", "Sinaga", "Tambunan", "Manurung",
    "Sembiring", "Simatupang", "Pangaribuan", "Tanjung", "Pohan",
)
DEGREES = (
    "S.Sos., M.Si.", "S.E., M.M.", "S.T., M.T.", "S.H., M.H.", "S.IP., M.AP.",
    "S.Kom., M.Kom.", "S.STP., M.Si.", "S.Pd., M.Pd.", "S.P., M.P.", "S.AP.",
)
HEALTH_DEGREES = ("M.Kes.", "Sp.PD", "M.K.M.", "MARS")
# fmt: on


def nip(rng: random.Random) -> str:
    """Return an invented 18-digit NIP: birth date, appointment month, gender and
    a sequence number."""
    born = f"{rng.randint(1966, 1988)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    appointed = f"{rng.randint(1990, 2014)}{rng.randint(1, 12):02d}"
    return f"{born}{appointed}{rng.randint(1, 2)}{rng.randint(1, 9):03d}"


def person_name(rng: random.Random, *, medical: bool = False) -> str:
    """Return an invented Indonesian name with academic titles, drawn from ``rng``."""
    female = rng.random() < 0.45
    given = rng.choice(GIVEN_FEMALE if female else GIVEN_MALE)
    family = rng.choice((FAMILY_FEMALE if female else FAMILY_MALE) + FAMILY_ANY)
    if medical:
        return f"dr. {given} {family}, {rng.choice(HEALTH_DEGREES)}"
    return f"{given} {family}, {rng.choice(DEGREES)}"
