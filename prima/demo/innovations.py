"""Demo step: the innovations of Kota Prima Raya.

About sixty innovations across the OPD (six OPD have none, so the One Agency One
Innovation coverage has a reminder list), each aimed at the SKM unsur its unit is
weak on in the demo survey: ideas, trials, applied and replicated ones, drafts and
published ones, four recorded from other regions on benchmarking visits (fictional
regions, no awards claimed), and replications with their lineage, one chain two
generations deep. For four applied innovations (``prima.demo.surveys.IMPACTS``, among
them the Disdukcapil office's queue innovation) the demo SKM moves the targeted unsur
from the applied date on, so their measured impact shows an improvement, or for one a
worsening.

The competition they enter is ``prima.demo.competitions``'s.

Everything is written through the registry services; only the timestamps the
services set to "now" are moved back to the dates the story needs.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from prima.demo import city, surveys
from prima.demo.context import DemoContext
from prima.innovations import services
from prima.innovations.models import SECTIONS, Group, Innovation, Stage
from prima.organisations.models import Pemda
from prima.surveys.ikm import Unsur

IDE, UJI, TERAP, REPL = (
    Stage.IDE,
    Stage.UJI_COBA,
    Stage.DITERAPKAN,
    Stage.DIREPLIKASI,
)
_MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


@dataclass(frozen=True)
class Spec:
    """One innovation of the demo city.

    ``since`` is how many days ago it was applied (applied stages) or started
    (trials); ideas have no date. ``targets`` are the SKM unsur it aims at: the weak
    unsur of its unit where the demo SKM makes the unit weak.
    """

    key: str
    opd: str
    unit: str  # empty: the OPD as a whole
    title: str
    sector: str
    stage: str
    since: int | None
    targets: tuple[str, ...]
    services: tuple[str, ...]
    problem: str
    solution: str
    novelty: str
    steps: str
    result: str
    draft: bool = False
    group: str = Group.UMUM
    origin: str = ""  # key of the innovation it replicates
    # Replikasi: the replication process and what was modified. Khusus: the original
    # innovation and what was renewed.
    process: str = ""
    changed: str = ""
    video: bool = False


@dataclass(frozen=True)
class External:
    """An innovation of another region, recorded after a benchmarking visit."""

    key: str
    region: str
    agency: str
    title: str
    sector: str
    since: int
    targets: tuple[str, ...]
    visit: str
    problem: str
    solution: str
    novelty: str
    steps: str
    result: str
    stage: str = TERAP
    draft: bool = False


# The innovation whose measured impact the demo shows (see ``prima.demo.surveys``).
IMPACT_KEY = "dkc-siap-antre"

# fmt: off
SPECS: tuple[Spec, ...] = (
    # --- Disdukcapil: the office is weak on U3 (waktu penyelesaian) -------------------
    Spec(
        IMPACT_KEY, "DISDUKCAPIL", "DKC-KTR",
        "SIAP ANTRE: Antrean Daring dan Notifikasi Dokumen Jadi", "adminduk", TERAP,
        surveys.IMPACT_APPLIED_DAYS_AGO, ("U3",),
        ("KTP", "KTPR", "KIA", "KK", "KKP", "AKL", "AKM", "AKW", "ACR", "PND", "DTG",
         "IKD", "REK", "LGS", "SKTT"),
        problem="Warga datang sejak subuh untuk mengambil nomor antrean dan rata-rata "
        "menunggu 3 jam 40 menit; separuh pengaduan ke Disdukcapil menyangkut antrean "
        "dan dokumen yang belum jadi saat diambil.",
        solution="Warga memesan jadwal kedatangan per 30 menit melalui laman dan "
        "WhatsApp, lalu menerima pesan otomatis ketika dokumennya selesai dicetak.",
        novelty="Kuota antrean per jam diatur dari kapasitas loket yang tercatat di "
        "SIAK, sehingga jadwal yang ditawarkan selalu dapat dilayani; notifikasi "
        "dokumen jadi menghapus kunjungan sia-sia.",
        steps="Uji coba tiga bulan di loket KTP-el dan KK, lalu diperluas ke semua "
        "layanan kantor; 20 persen kuota tetap disediakan untuk warga tanpa ponsel, "
        "lansia dan penyandang disabilitas.",
        result="Waktu tunggu rata-rata turun dari 3 jam 40 menit menjadi 55 menit; "
        "kunjungan ulang karena dokumen belum jadi turun 72 persen; nilai unsur "
        "waktu penyelesaian pada SKM naik sejak penerapan.",
        video=True,
    ),
    Spec(
        "dkc-akta-rsud", "DISDUKCAPIL", "DKC-RSUD",
        "Bayi Lahir Pulang Bawa Akta, KK dan KIA", "adminduk", TERAP, 1320,
        ("U3", "U2"), ("AKL", "KKP", "KIA"),
        problem="Orang tua harus datang tiga kali ke kantor Disdukcapil untuk akta "
        "kelahiran, perubahan KK dan KIA, sehingga banyak kelahiran terlambat dicatat.",
        solution="Petugas loket Dukcapil di RSUD memproses akta kelahiran, KK baru dan "
        "KIA sebelum ibu dan bayi pulang dari ruang nifas.",
        novelty="Surat keterangan lahir dari bidan langsung menjadi berkas permohonan "
        "elektronik, tanpa fotokopi dan tanpa antre di kantor.",
        steps="Perjanjian kerja sama Disdukcapil dan RSUD; petugas jaga di loket RSUD "
        "enam hari seminggu; bidan ruang nifas membantu melengkapi formulir.",
        result="Cakupan akta kelahiran bayi baru lahir di RSUD naik dari 61 persen "
        "menjadi 97 persen; orang tua tidak lagi datang ke kantor untuk tiga dokumen.",
    ),
    Spec(
        "dkc-ikd-sekolah", "DISDUKCAPIL", "DKC-KLL",
        "Aktivasi IKD Masuk Sekolah", "adminduk", TERAP, 540, ("U2",), ("IKD",),
        problem="Aktivasi Identitas Kependudukan Digital masih rendah di kalangan "
        "pemula karena harus dilakukan di kantor pada jam sekolah.",
        solution="Tim layanan keliling mendatangi SMA dan SMK untuk aktivasi IKD dan "
        "perekaman KTP-el siswa yang berusia 17 tahun.",
        novelty="Jadwal kunjungan disusun bersama sekolah dari data siswa yang genap "
        "17 tahun, sehingga perekaman dan aktivasi selesai dalam satu kunjungan.",
        steps="Kunjungan ke 14 sekolah per semester; guru BK mengoordinasikan siswa; "
        "siswa yang belum membawa ponsel dilayani pada kunjungan berikutnya.",
        result="4.850 siswa mengaktifkan IKD dalam satu tahun; perekaman KTP-el pemula "
        "tepat waktu naik dari 68 persen menjadi 93 persen.",
    ),
    Spec(
        "dkc-chatbot", "DISDUKCAPIL", "DKC-KTR",
        "Asisten Persyaratan Adminduk di WhatsApp", "adminduk", IDE, None,
        ("U3", "U1"), ("KK", "AKM", "PND"),
        problem="Sepertiga warga kembali pulang karena berkasnya kurang, sehingga "
        "waktu penyelesaian molor dan antrean bertambah.",
        solution="Asisten WhatsApp menanyakan keperluan warga dan menyusun daftar "
        "persyaratan yang tepat sebelum mereka berangkat ke kantor.",
        novelty="Daftar persyaratan disusun dari Standar Pelayanan yang berlaku, "
        "bukan dari jawaban petugas yang berbeda-beda.",
        steps="Rancangan alur percakapan untuk lima layanan terbanyak; uji coba "
        "direncanakan bersama Diskominfo.",
        result="Target: berkas kurang saat pengajuan turun separuhnya pada tahun "
        "pertama.",
        draft=True,
    ),
    # --- DPMPTSP ------------------------------------------------------------------
    Spec(
        "ptsp-pbg-kawal", "DPMPTSP", "PTSP-FO",
        "KAWAL PBG: Pendampingan Persetujuan Bangunan Gedung sampai Terbit",
        "perizinan", TERAP, 1160, ("U3", "U2"), ("PBG", "SLF"),
        problem="Permohonan PBG rata-rata terbit dalam 58 hari karena berkas teknis "
        "bolak-balik diperbaiki di SIMBG.",
        solution="Setiap pemohon didampingi satu petugas pendamping dari konsultasi "
        "awal, penilaian Tim Profesi Ahli sampai PBG terbit.",
        novelty="Pemeriksaan kelengkapan teknis dilakukan bersama pemohon sebelum "
        "berkas diunggah, bukan setelah ditolak sistem.",
        steps="Empat petugas pendamping bersertifikat; jadwal konsultasi daring dan "
        "tatap muka; rapat TPA dua kali seminggu.",
        result="Waktu terbit PBG turun dari 58 hari menjadi 24 hari; berkas yang "
        "dikembalikan turun 64 persen.",
    ),
    Spec(
        "ptsp-oss-sabtu", "DPMPTSP", "PTSP-MPP",
        "Klinik OSS Sabtu di Mal Pelayanan Publik", "perizinan", TERAP, 760, ("U2",),
        ("NIB", "IRKL"),
        problem="Pelaku usaha mikro kesulitan mengurus NIB di OSS-RBA dan tidak bisa "
        "meninggalkan usahanya pada hari kerja.",
        solution="Klinik pendampingan OSS dibuka setiap Sabtu di Mal Pelayanan Publik, "
        "dengan petugas yang membantu dari pendaftaran akun sampai NIB terbit.",
        novelty="Pendampingan satu meja untuk satu pelaku usaha sampai selesai, "
        "pada hari ketika pelaku usaha mikro justru sempat datang.",
        steps="Jadwal piket petugas lintas bidang; kerja sama dengan Diskop UKM untuk "
        "mengarahkan binaan PLUT.",
        result="2.140 NIB usaha mikro terbit dari klinik Sabtu dalam setahun; 83 "
        "persen pengunjung menyelesaikan NIB pada hari yang sama.",
    ),
    Spec(
        "ptsp-pantas", "DPMPTSP", "PTSP-FO",
        "PANTAS: Perizinan Antar Sampai ke Tempat Usaha", "perizinan", UJI, 120,
        ("U3",), ("SIPD", "SIPB", "IAPT"),
        problem="Dokumen izin yang sudah terbit masih harus diambil sendiri di kantor, "
        "padahal banyak pemohon adalah tenaga kesehatan dengan jadwal jaga.",
        solution="Izin praktik yang telah terbit dicetak dan diantar kurir ke tempat "
        "praktik pemohon tanpa biaya.",
        novelty="Pengantaran memakai kurir kantor pos berdasarkan perjanjian kerja "
        "sama, dengan bukti terima elektronik.",
        steps="Uji coba untuk izin praktik dokter, bidan dan apoteker selama enam "
        "bulan.",
        result="Selama uji coba 312 izin diantar; rata-rata izin diterima 1,5 hari "
        "setelah terbit.",
    ),
    # --- Dinas Kesehatan and puskesmas --------------------------------------------
    Spec(
        "pkm03-si-antre", "DINKES", "PKM-03",
        "SI-ANTRE: Antrean Puskesmas lewat WhatsApp", "kesehatan", REPL, 1280,
        ("U3",), ("RJU", "GIGI", "KIAKB"),
        problem="Pasien rawat jalan menumpuk di ruang pendaftaran sejak pukul 06.00 "
        "dan sebagian pulang sebelum dilayani.",
        solution="Pasien mendaftar dan memilih poli lewat WhatsApp sehari sebelumnya "
        "dan datang sesuai perkiraan jam layanan yang dikirimkan.",
        novelty="Perkiraan jam layanan dihitung dari rata-rata waktu layanan per poli, "
        "dan pasien lansia tetap dilayani tanpa pendaftaran daring.",
        steps="Nomor WhatsApp resmi puskesmas; petugas pendaftaran memverifikasi "
        "pendaftaran pagi hari; poster di posyandu dan masjid.",
        result="Waktu tunggu pendaftaran turun dari 75 menit menjadi 20 menit; "
        "kunjungan rawat jalan naik 12 persen tanpa tambahan petugas.",
    ),
    Spec(
        "pkm08-si-antre", "DINKES", "PKM-08",
        "Antrean WhatsApp Puskesmas Margorejo", "kesehatan", TERAP, 690, ("U3",),
        ("RJU", "PTM"),
        problem="Pasien penyakit tidak menular yang kontrol rutin menunggu lama "
        "bersama pasien umum.",
        solution="Antrean WhatsApp ala SI-ANTRE dengan slot khusus pagi hari untuk "
        "pasien kontrol penyakit tidak menular.",
        novelty="Slot khusus kontrol rutin dan pengingat jadwal kontrol bulanan.",
        steps="Replikasi dalam dua bulan dengan pendampingan petugas Puskesmas "
        "Sukamaju.",
        result="Waktu tunggu pasien kontrol turun dari 90 menit menjadi 25 menit; "
        "kepatuhan kontrol hipertensi naik dari 54 persen menjadi 71 persen.",
        group=Group.REPLIKASI, origin="pkm03-si-antre",
        process="Tim Puskesmas Margorejo magang dua hari di Puskesmas Sukamaju, "
        "menyalin SOP dan templat pesan, lalu menyesuaikannya dengan jadwal poli.",
        changed="Menambah slot khusus pasien kontrol penyakit tidak menular dan "
        "pengingat jadwal kontrol; pendaftaran lansia dibantu kader posyandu.",
    ),
    Spec(
        "pkm10-si-antre", "DINKES", "PKM-10",
        "Antrean WhatsApp Puskesmas Air Mancur", "kesehatan", UJI, 80, ("U3",),
        ("RJU",),
        problem="Ruang pendaftaran sempit sehingga antrean meluber ke halaman.",
        solution="Replikasi antrean WhatsApp untuk poli umum.",
        novelty="Pendaftaran dibantu kader di tiap kelurahan bagi warga tanpa ponsel.",
        steps="Uji coba di poli umum sejak dua bulan lalu.",
        result="Antrean di halaman berkurang; data waktu tunggu masih dikumpulkan.",
        draft=True, group=Group.REPLIKASI, origin="pkm03-si-antre",
        process="Mengikuti panduan SI-ANTRE yang dibagikan Dinas Kesehatan.",
        changed="Kader kelurahan mendaftarkan warga tanpa ponsel.",
    ),
    Spec(
        "pkm06-ruang-tunggu", "DINKES", "PKM-06",
        "Ruang Tunggu Nyaman Ramah Anak dan Lansia", "kesehatan", TERAP, 300,
        ("U9",), ("RJU", "KIAKB"),
        problem="Ruang tunggu Puskesmas Pelabuhan panas, kursinya kurang dan toilet "
        "sering kotor; sarana prasarana menjadi keluhan utama di SKM.",
        solution="Ruang tunggu ditata ulang dengan ventilasi silang, kursi tambahan, "
        "pojok bermain anak, kursi prioritas lansia dan jadwal kebersihan toilet "
        "per dua jam.",
        novelty="Penataan dirancang bersama warga dan kader melalui dua kali "
        "musyawarah, dibiayai dari kapitasi JKN dan CSR pelabuhan.",
        steps="Renovasi ringan tiga minggu; papan jadwal kebersihan yang diparaf "
        "petugas; kotak saran sarana prasarana.",
        result="Keluhan sarana prasarana turun dari 41 menjadi 9 per triwulan; "
        "pengunjung menilai ruang tunggu jauh lebih nyaman.",
    ),
    Spec(
        "pkm01-posyandu-digital", "DINKES", "PKM-01",
        "Posyandu Digital: Buku KIA dalam Genggaman", "kesehatan", TERAP, 880,
        ("U5",), ("KIAKB", "IMN"),
        problem="Catatan tumbuh kembang balita di buku KIA sering hilang atau tidak "
        "terbaca, sehingga balita gizi kurang terlambat ditemukan.",
        solution="Kader mencatat penimbangan balita di aplikasi, orang tua menerima "
        "grafik pertumbuhan dan jadwal imunisasi di ponsel.",
        novelty="Grafik pertumbuhan langsung menandai balita yang berat badannya "
        "tidak naik dua bulan berturut-turut untuk dikunjungi bidan.",
        steps="Pelatihan 96 kader di 24 posyandu; tablet dari dana desa kelurahan; "
        "rekap bulanan ke Dinas Kesehatan.",
        result="Balita gizi kurang yang ditemukan dini naik dua kali lipat; cakupan "
        "imunisasi dasar lengkap naik dari 84 persen menjadi 95 persen.",
    ),
    Spec(
        "pkm05-home-care", "DINKES", "PKM-05",
        "Dokter Datang: Layanan Kunjungan Rumah Lansia", "kesehatan", TERAP, 620,
        ("U2",), ("RJU", "PSL"),
        problem="Lansia dengan keterbatasan gerak jarang kontrol ke puskesmas "
        "sehingga penyakit kronisnya tidak terkendali.",
        solution="Tim dokter dan perawat mengunjungi lansia terdaftar sebulan sekali "
        "untuk pemeriksaan dan pengantaran obat rutin.",
        novelty="Pendaftaran melalui ketua RT dan pemetaan lansia risiko tinggi dari "
        "data posbindu.",
        steps="Dua tim kunjungan berjadwal; satu mobil puskesmas keliling; koordinasi "
        "dengan kader lansia.",
        result="214 lansia dikunjungi rutin; lansia dengan tekanan darah terkendali "
        "naik dari 38 persen menjadi 66 persen.",
    ),
    Spec(
        "labkesda-qr", "DINKES", "LABKESDA",
        "Hasil Laboratorium Cukup Pindai QR", "kesehatan", TERAP, 410, ("U3",),
        ("UJAIR", "LABKL"),
        problem="Pelanggan harus kembali ke laboratorium untuk mengambil hasil uji "
        "yang dicetak, padahal banyak yang datang dari luar kota.",
        solution="Hasil uji ditandatangani elektronik dan dapat diunduh dengan "
        "memindai kode QR pada tanda terima sampel.",
        novelty="Keaslian hasil dapat diperiksa siapa pun dengan memindai kode QR "
        "yang sama.",
        steps="Integrasi sistem informasi laboratorium dengan tanda tangan "
        "elektronik; sosialisasi kepada depot air minum dan rumah makan.",
        result="89 persen hasil diunduh tanpa datang kembali; waktu penyerahan hasil "
        "rata-rata satu hari lebih cepat.",
    ),
    Spec(
        "dinkes-pirt", "DINKES", "DINKES-KTR",
        "SPP-IRT Tuntas dalam Sepekan", "kesehatan", UJI, 150, ("U3",), ("PIRT",),
        problem="Sertifikat produksi pangan industri rumah tangga baru terbit setelah "
        "dua bulan karena menunggu jadwal penyuluhan keamanan pangan.",
        solution="Penyuluhan keamanan pangan dibuka setiap pekan secara daring dan "
        "pemeriksaan sarana dijadwalkan pada pekan yang sama.",
        novelty="Kelas daring bersertifikat menggantikan penyuluhan tatap muka yang "
        "hanya dua kali setahun.",
        steps="Uji coba enam bulan bersama PLUT KUMKM.",
        result="Selama uji coba 186 SPP-IRT terbit rata-rata dalam 7 hari kerja.",
    ),
    # --- RSUD: the main hospital is weak on U4 (biaya/tarif) ---------------------
    Spec(
        "rsud-tarif-terang", "RSUD", "RSUD-UTAMA",
        "TARIF TERANG: Rincian Biaya Rawat Jalan Sebelum Dilayani", "kesehatan",
        TERAP, 420, ("U4",), ("PDL", "PANAK", "RAD", "LABRS"),
        problem="Pasien umum baru mengetahui biaya setelah dilayani, dan keluhan "
        "biaya yang tidak dijelaskan menjadi unsur terendah SKM RSUD.",
        solution="Pasien umum menerima perkiraan rincian biaya sesuai Perwal tarif "
        "sebelum pemeriksaan, di loket dan lewat pesan singkat.",
        novelty="Perkiraan biaya dihitung dari paket tindakan yang paling sering "
        "diberikan di tiap poli, lalu dikoreksi dengan tindakan yang benar-benar "
        "diberikan.",
        steps="Tabel tarif Perwal dimasukkan ke sistem pendaftaran; papan tarif di "
        "setiap poli; petugas kasir menjelaskan selisih bila ada.",
        result="Keluhan biaya turun dari 63 menjadi 14 per triwulan; selisih "
        "perkiraan dan tagihan di bawah 10 persen pada 91 persen kunjungan.",
        group=Group.REPLIKASI, origin="ext-klinik-tarif",
        process="Tim RSUD mempelajari Klinik Tarif Terbuka saat kunjungan "
        "benchmarking, lalu menyusun tabel tarif dari Perwal tarif BLUD sendiri.",
        changed="Perkiraan biaya dikirim lewat pesan singkat sebelum pemeriksaan, "
        "bukan hanya ditempel di loket; kasir menjelaskan setiap selisih.",
    ),
    Spec(
        "rsud-daftar-online", "RSUD", "RSUD-DAFTAR",
        "Daftar Poli dari Rumah untuk Peserta JKN", "kesehatan", TERAP, 1120,
        ("U3",), ("DAFT",),
        problem="Antrean pendaftaran rawat jalan mengular sejak pukul 05.00 dan "
        "rata-rata pasien menunggu dua jam sebelum sampai di poli.",
        solution="Peserta JKN dengan rujukan aktif mendaftar poli dari rumah dan "
        "datang 30 menit sebelum jam yang dijadwalkan.",
        novelty="Pendaftaran terhubung dengan data rujukan dan jadwal dokter, "
        "sehingga kuota per jam sesuai kapasitas poli.",
        steps="Integrasi sistem informasi rumah sakit dengan aplikasi JKN; anjungan "
        "mandiri untuk pasien yang datang langsung.",
        result="62 persen pasien rawat jalan mendaftar dari rumah; waktu tunggu "
        "pendaftaran turun dari 118 menit menjadi 31 menit.",
    ),
    Spec(
        "rsud-obat-antar", "RSUD", "RSUD-UTAMA",
        "Obat Kronis Diantar ke Rumah", "kesehatan", UJI, 100, ("U4", "U3"),
        ("FARM",),
        problem="Pasien penyakit kronis menghabiskan ongkos dan setengah hari hanya "
        "untuk mengambil obat rutin bulanan.",
        solution="Obat rutin pasien kronis yang stabil diantar ke rumah tanpa ongkos "
        "kirim bagi lansia dan penyandang disabilitas.",
        novelty="Resep ulang dikonfirmasi apoteker lewat telepon sebelum dikirim.",
        steps="Uji coba untuk pasien hipertensi dan diabetes di dua kecamatan.",
        result="Selama uji coba 420 paket obat diantar; antrean farmasi berkurang "
        "sekitar 15 persen.",
    ),
    Spec(
        "rsud-igd-layar", "RSUD", "RSUD-IGD",
        "Layar Informasi Status Pasien IGD untuk Keluarga", "kesehatan", IDE, None,
        ("U2",), ("IGD",),
        problem="Keluarga pasien IGD tidak tahu tahap penanganan pasien dan terus "
        "bertanya ke perawat jaga.",
        solution="Layar di ruang tunggu menampilkan tahap penanganan setiap pasien "
        "dengan kode, tanpa nama.",
        novelty="Informasi tahap triase sampai pindah ruang tanpa membuka data "
        "pribadi pasien.",
        steps="Kajian kebutuhan bersama komite mutu.",
        result="Target: pertanyaan keluarga ke perawat jaga berkurang separuhnya.",
        draft=True,
    ),
    # --- Dishub: the vehicle test unit is weak on U4 -----------------------------
    Spec(
        "dishub-kir-nontunai", "DISHUB", "DISHUB-PKB",
        "Uji KIR Nontunai dengan Tarif Terpampang", "infrastruktur", TERAP, 1060,
        ("U4",), ("KIR", "KIRP", "NUMU"),
        problem="Pemilik kendaraan mengeluhkan pungutan di luar tarif retribusi dan "
        "calo di area pengujian.",
        solution="Retribusi uji berkala dibayar nontunai melalui QRIS dan bank, "
        "dengan tarif Perda terpampang di loket dan kartu uji elektronik.",
        novelty="Tidak ada uang tunai di area pengujian; bukti bayar terhubung "
        "langsung dengan nomor uji kendaraan.",
        steps="Kerja sama dengan bank daerah; penutupan loket tunai; kanal aduan "
        "pungutan ke Inspektorat.",
        result="Pendapatan retribusi uji naik 23 persen; keluhan pungutan liar "
        "turun dari 37 menjadi 3 per tahun.",
    ),
    Spec(
        "dishub-terminal-info", "DISHUB", "DISHUB-TRM",
        "Papan Jadwal Angkutan Real-Time Terminal", "infrastruktur", UJI, 200,
        ("U9",), ("TMNL",),
        problem="Penumpang tidak tahu jadwal keberangkatan dan menunggu tanpa "
        "kepastian di ruang tunggu terminal.",
        solution="Papan digital menampilkan jadwal dan posisi bus dari data "
        "operator.",
        novelty="Data posisi bus dari pelacak operator dipakai bersama tanpa "
        "perangkat baru di bus.",
        steps="Uji coba dengan tiga operator AKDP.",
        result="Tiga operator sudah terhubung; survei penumpang dijadwalkan.",
    ),
    Spec(
        "dishub-parkir", "DISHUB", "DISHUB-KTR",
        "Parkir Tepi Jalan Bayar dengan QRIS", "infrastruktur", IDE, None,
        ("U4",), ("RTRY",),
        problem="Warga tidak yakin tarif parkir tepi jalan yang ditarik sesuai Perda.",
        solution="Setiap juru parkir memakai rompi berkode QRIS dengan tarif resmi.",
        novelty="Setoran juru parkir tercatat otomatis per titik.",
        steps="Pemetaan 120 titik parkir tepi jalan.",
        result="Target: setoran retribusi parkir tercatat seluruhnya.",
    ),
    # --- Bapenda ------------------------------------------------------------------
    Spec(
        "bpd-esppt", "BAPENDA", "BPD-KTR",
        "e-SPPT PBB: Tagihan Pajak Bumi dan Bangunan dalam Genggaman", "ekonomi",
        REPL, 1480, ("U2",), ("SPPT", "PBB"),
        problem="SPPT PBB dibagikan berjenjang lewat kelurahan dan RT; sebagian tidak "
        "sampai, dan wajib pajak harus ke kantor untuk salinannya.",
        solution="Wajib pajak mengunduh SPPT, mengecek tunggakan dan membayar PBB "
        "dari ponsel dengan NOP.",
        novelty="SPPT elektronik berkode QR dapat diperiksa keasliannya dan dibayar "
        "di kanal mana pun.",
        steps="Migrasi data SISMIOP ke layanan daring; kerja sama dengan bank dan "
        "gerai ritel; sosialisasi melalui kelurahan.",
        result="Realisasi PBB naik dari 71 persen menjadi 86 persen dari ketetapan; "
        "permintaan salinan SPPT di loket turun 80 persen.",
        video=True,
    ),
    Spec(
        "bpd-jempol", "BAPENDA", "BPD-UTR",
        "JEMPOL: Jemput Bola Pajak di Kelurahan", "ekonomi", TERAP, 330, ("U3",),
        ("SPPT", "MPBB"),
        problem="Wajib pajak di wilayah utara menempuh jarak jauh untuk mutasi dan "
        "salinan SPPT.",
        solution="Petugas UPT melayani mutasi PBB dan salinan SPPT di kantor "
        "kelurahan sesuai jadwal bulanan.",
        novelty="Berkas mutasi diverifikasi di tempat dan SPPT baru dikirim "
        "elektronik.",
        steps="Jadwal keliling 16 kelurahan; pengumuman lewat RT.",
        result="1.230 permohonan mutasi dilayani di kelurahan; waktu penyelesaian "
        "mutasi turun dari 14 menjadi 5 hari kerja.",
    ),
    Spec(
        "bpd-bphtb", "BAPENDA", "BPD-MPP",
        "Cek Nilai BPHTB Mandiri", "ekonomi", TERAP, 240, ("U1",), ("BPHT",),
        problem="Notaris dan warga tidak tahu dasar pengenaan BPHTB sebelum "
        "mengajukan validasi, sehingga banyak berkas dikembalikan.",
        solution="Kalkulator BPHTB daring menampilkan NJOP acuan dan persyaratan "
        "validasi sebelum pengajuan.",
        novelty="Persyaratan ditampilkan sesuai jenis perolehan hak.",
        steps="Kalkulator di laman Bapenda dan gerai MPP.",
        result="Berkas validasi yang dikembalikan turun dari 27 persen menjadi "
        "8 persen.",
    ),
    Spec(
        "bpd-esppt-qris", "BAPENDA", "BPD-KTR",
        "e-SPPT 2.0: Bayar PBB dengan QRIS dan Pengingat Jatuh Tempo", "ekonomi",
        TERAP, 420, ("U2",), ("SPPT", "PBB"),
        problem="",
        solution="e-SPPT dikembangkan dengan kode QRIS pada setiap tagihan dan "
        "pengingat jatuh tempo lewat WhatsApp.",
        novelty="",
        steps="Pengembangan bersama bank daerah; pengingat dikirim 30, 7 dan 1 hari "
        "sebelum jatuh tempo.",
        result="Pembayaran sebelum jatuh tempo naik dari 52 persen menjadi 69 persen; "
        "denda keterlambatan turun 31 persen.",
        group=Group.KHUSUS,
        process="e-SPPT PBB, inovasi terbaik kompetisi inovasi Kota Prima Raya tiga "
        "tahun lalu, menggantikan pembagian SPPT kertas berjenjang dan menaikkan "
        "realisasi PBB dari 71 menjadi 86 persen.",
        changed="Kode QRIS pada setiap SPPT sehingga dapat dibayar dari aplikasi "
        "bank atau dompet digital mana pun, dan pengingat jatuh tempo otomatis.",
    ),
    # --- BKPSDM, Setda, Bapperida, BPBD --------------------------------------------
    Spec(
        "bkpsdm-pangkat", "BKPSDM", "BKPSDM-KTR",
        "Naik Pangkat Tanpa Tatap Muka", "tata_kelola", TERAP, 1210, ("U3",),
        ("KPNG", "PENS"),
        problem="Usulan kenaikan pangkat ASN menumpuk di meja verifikator dan ASN "
        "harus datang berkali-kali melengkapi berkas.",
        solution="ASN mengunggah berkas sekali, verifikator memeriksa secara "
        "elektronik, dan SK diterima dalam bentuk elektronik.",
        novelty="Dokumen yang sudah ada di arsip kepegawaian tidak diminta lagi.",
        steps="Digitalisasi 6.200 arsip kepegawaian; jadwal verifikasi harian.",
        result="Waktu proses usulan turun dari 45 hari menjadi 12 hari; tidak ada "
        "lagi ASN yang terlambat naik pangkat karena berkas hilang.",
    ),
    Spec(
        "setda-jdih", "SETDA", "SETDA-HKM",
        "JDIH Mobile: Produk Hukum Daerah Sekali Klik", "tata_kelola", TERAP, 820,
        ("U1",), ("JDIH",),
        problem="Warga dan pelaku usaha sulit menemukan Perda dan Perwal terbaru "
        "beserta perubahannya.",
        solution="Aplikasi JDIH menampilkan produk hukum daerah lengkap dengan "
        "status berlaku, perubahan dan abstraknya.",
        novelty="Setiap produk hukum ditautkan dengan perubahan dan pencabutannya.",
        steps="Digitalisasi 1.400 produk hukum sejak 2001.",
        result="Rata-rata 5.300 unduhan per bulan; permintaan salinan di loket turun "
        "70 persen.",
    ),
    Spec(
        "setda-klinik-sp", "SETDA", "SETDA-ORG",
        "Klinik Standar Pelayanan untuk Unit Layanan", "tata_kelola", TERAP, 500,
        ("U6",), ("FSP",),
        problem="Banyak unit menyusun Standar Pelayanan hanya menyalin contoh, "
        "tanpa melibatkan masyarakat.",
        solution="Bagian Organisasi membuka klinik pendampingan penyusunan Standar "
        "Pelayanan dan Maklumat setiap Kamis.",
        novelty="Setiap unit pulang membawa draf yang sudah diuji bersama perwakilan "
        "pengguna layanan.",
        steps="Jadwal klinik terbuka; pendamping dari Bagian Organisasi dan Ombudsman "
        "perwakilan.",
        result="Unit dengan Standar Pelayanan lengkap 14 komponen naik dari 38 "
        "persen menjadi 81 persen.",
    ),
    Spec(
        "bapperida-bank-ide", "BAPPERIDA", "BAPPERIDA-KTR",
        "Bank Ide Inovasi Warga", "tata_kelola", IDE, None, ("U8",), ("INOV",),
        problem="Usulan perbaikan dari warga tersebar di berbagai kanal dan tidak "
        "pernah ditindaklanjuti menjadi inovasi.",
        solution="Usulan warga dikumpulkan, dikurasi dan dicocokkan dengan OPD yang "
        "berwenang setiap triwulan.",
        novelty="Usulan terpilih didampingi Bapperida sampai menjadi proposal "
        "inovasi OPD.",
        steps="Rancangan kurasi bersama forum warga.",
        result="Target: sepuluh usulan warga menjadi inovasi OPD per tahun.",
    ),
    Spec(
        "bpbd-peta-rawan", "BPBD", "BPBD-KTR",
        "Peta Rawan Bencana per Kelurahan untuk Warga", "ketertiban", TERAP, 680,
        ("U5",), ("KRB",),
        problem="Kajian risiko bencana hanya tersedia dalam dokumen tebal yang tidak "
        "dibaca warga.",
        solution="Peta rawan banjir, longsor dan kebakaran per kelurahan dalam "
        "bentuk poster dan peta daring lengkap dengan jalur evakuasi.",
        novelty="Peta disusun bersama warga melalui pemetaan partisipatif.",
        steps="Pemetaan di 20 kelurahan; poster di balai RW.",
        result="Seluruh 20 kelurahan memiliki peta rawan dan jalur evakuasi; waktu "
        "evakuasi simulasi turun dari 40 menjadi 18 menit.",
    ),
    Spec(
        "bpbd-kelurahan-tangguh", "BPBD", "BPBD-PUSDALOPS",
        "Grup Siaga Banjir Kelurahan", "ketertiban", UJI, 160, ("U3",), ("INFB",),
        problem="Peringatan banjir dari Pusdalops terlambat sampai ke warga bantaran "
        "sungai.",
        solution="Peringatan tinggi muka air dikirim ke grup siaga setiap RW.",
        novelty="Ketua RW meneruskan peringatan dengan pengeras suara masjid.",
        steps="Uji coba di enam kelurahan bantaran.",
        result="Peringatan sampai ke RW rata-rata dalam 7 menit.",
    ),
    # --- Education, social, manpower ----------------------------------------------
    Spec(
        "disdik-peta-zonasi", "DISDIK", "DISDIK-KTR",
        "Peta Zonasi Terbuka Penerimaan Murid Baru", "pendidikan", TERAP, 1010,
        ("U2",), ("MUTS",),
        problem="Orang tua tidak tahu zona dan daya tampung sekolah, sehingga "
        "pengaduan penerimaan murid baru menumpuk setiap tahun.",
        solution="Peta daring menunjukkan jarak rumah ke sekolah, daya tampung dan "
        "peringkat sementara pendaftar secara terbuka.",
        novelty="Jarak dihitung dari titik koordinat KK yang diverifikasi Dukcapil, "
        "bukan dari pengakuan pendaftar.",
        steps="Integrasi data kependudukan dan Dapodik; posko pengaduan di setiap "
        "kecamatan.",
        result="Pengaduan penerimaan murid baru turun dari 412 menjadi 96; tidak ada "
        "sengketa jarak yang berlanjut.",
    ),
    Spec(
        "smpn1-legalisir", "DISDIK", "SMPN-01",
        "Legalisir Ijazah Daring", "pendidikan", TERAP, 260, ("U3",), ("LGIS",),
        problem="Alumni yang bekerja di luar kota harus pulang hanya untuk legalisir "
        "ijazah.",
        solution="Alumni mengajukan legalisir secara daring dan menerima salinan "
        "berlegalisir elektronik.",
        novelty="Legalisir elektronik dapat diverifikasi lewat kode QR.",
        steps="Pemindaian buku induk; layanan dibuka untuk alumni sejak 1990.",
        result="640 permohonan dalam setahun, 84 persen dari luar kota.",
    ),
    Spec(
        "sdn7-ramah-difabel", "DISDIK", "SDN-07",
        "Sekolah Inklusif Ramah Murid Berkebutuhan Khusus", "pendidikan", UJI, 180,
        ("U9",), ("SPMB",),
        problem="Murid berkebutuhan khusus kesulitan mengakses kelas di lantai dua "
        "dan toilet sekolah.",
        solution="Kelas dipindah ke lantai dasar, ramp dan toilet aksesibel dibangun, "
        "guru pendamping khusus disediakan.",
        novelty="Perubahan dirancang bersama orang tua murid.",
        steps="Uji coba tahun ajaran berjalan.",
        result="Sebelas murid berkebutuhan khusus bersekolah tanpa pindah sekolah.",
    ),
    Spec(
        "dinsos-cek-bansos", "DINSOS", "DINSOS-KTR",
        "Cek Bansos Mandiri dan Sanggah Daring", "sosial", TERAP, 1090,
        ("U8", "U1"), ("DTSEN", "PBIJK"),
        problem="Warga tidak tahu apakah terdaftar sebagai penerima bantuan sosial "
        "dan tidak punya jalur resmi untuk menyanggah.",
        solution="Warga memeriksa status kepesertaan dengan NIK dan mengajukan "
        "sanggahan atau usulan dengan bukti foto.",
        novelty="Sanggahan ditindaklanjuti dengan verifikasi lapangan berjadwal dan "
        "hasilnya dikirim ke warga.",
        steps="Integrasi DTSEN; pelatihan operator kelurahan.",
        result="3.900 sanggahan diproses dalam setahun; 1.120 penerima tidak layak "
        "diganti warga yang layak.",
    ),
    Spec(
        "dinsos-disabilitas", "DINSOS", "DINSOS-KTR",
        "Layanan Satu Pintu Penyandang Disabilitas", "sosial", IDE, None,
        ("U2",), ("RKBP",),
        problem="Penyandang disabilitas harus mendatangi beberapa kantor untuk kartu "
        "disabilitas, alat bantu dan jaminan kesehatan.",
        solution="Satu loket mengurus semua layanan tersebut dengan pendamping.",
        novelty="Petugas juru bahasa isyarat di loket.",
        steps="Kajian bersama organisasi penyandang disabilitas.",
        result="Target: satu kunjungan untuk tiga layanan.",
        draft=True,
    ),
    Spec(
        "naker-ak1", "DISNAKER", "NAKER-KTR",
        "Kartu Kuning Sehari Jadi Tanpa Datang", "lainnya", TERAP, 1240, ("U3",),
        ("AK1",),
        problem="Pencari kerja antre sejak pagi untuk kartu AK/1 menjelang musim "
        "rekrutmen.",
        solution="Pencari kerja mengisi data daring dan mencetak kartu AK/1 "
        "elektronik sendiri setelah diverifikasi.",
        novelty="Verifikasi ijazah dengan data sekolah dan kampus secara daring.",
        steps="Integrasi dengan SIAPkerja; verifikasi harian.",
        result="Kartu AK/1 rata-rata terbit dalam 4 jam; antrean di kantor hilang.",
    ),
    Spec(
        "naker-blk", "DISNAKER", "NAKER-BLK",
        "Pelatihan Kerja Sesuai Pesanan Industri", "lainnya", TERAP, 560, ("U5",),
        ("PLTK",),
        problem="Lulusan pelatihan BLK sulit terserap karena materi tidak sesuai "
        "kebutuhan industri.",
        solution="Kurikulum disusun bersama perusahaan yang berkomitmen merekrut "
        "lulusan.",
        novelty="Perusahaan ikut menguji peserta di akhir pelatihan.",
        steps="Nota kesepahaman dengan 12 perusahaan.",
        result="Penyerapan lulusan naik dari 34 persen menjadi 72 persen.",
    ),
    # --- Infrastructure, housing, environment --------------------------------------
    Spec(
        "pupr-krk-peta", "DPUPR", "PUPR-KTR",
        "Cek KRK di Peta Daring", "infrastruktur", TERAP, 450, ("U2",), ("KRK",),
        problem="Pemohon KRK tidak tahu ketentuan ruang lahannya sampai berkas "
        "diproses.",
        solution="Warga memeriksa zona, KDB dan KLB bidang tanahnya di peta daring "
        "sebelum mengajukan.",
        novelty="Peta RDTR dilapiskan dengan persil sehingga ketentuan terbaca per "
        "bidang.",
        steps="Digitalisasi RDTR; konsultasi daring.",
        result="Permohonan KRK yang ditolak turun dari 22 persen menjadi 6 persen.",
    ),
    Spec(
        "perkim-pju", "DISPERKIM", "PERKIM-KTR",
        "Lapor Lampu Jalan Padam", "infrastruktur", TERAP, 1030, ("U8",), ("PJU",),
        problem="Laporan lampu penerangan jalan padam tidak jelas diterima siapa dan "
        "perbaikannya bisa berbulan-bulan.",
        solution="Warga memotret tiang lampu bernomor dan mengirim laporan; tim "
        "perbaikan menerima tugas dan foto sesudah perbaikan dikirim ke pelapor.",
        novelty="Setiap tiang lampu bernomor dan terpetakan.",
        steps="Penomoran 9.800 tiang; dua tim perbaikan siaga.",
        result="Waktu perbaikan rata-rata turun dari 21 hari menjadi 3 hari.",
    ),
    Spec(
        "perkim-rusunawa", "DISPERKIM", "PERKIM-RSN",
        "Sewa Rusunawa Transparan", "infrastruktur", UJI, 140, ("U1",), ("RSN",),
        problem="Calon penghuni rusunawa tidak tahu daftar tunggu dan syaratnya.",
        solution="Daftar tunggu dan unit kosong diumumkan daring.",
        novelty="Urutan daftar tunggu dapat dilihat setiap pendaftar.",
        steps="Uji coba di dua blok.",
        result="Pendaftar dapat memantau urutannya sendiri.",
    ),
    Spec(
        "dlh-bank-sampah", "DLH", "DLH-SMP",
        "Bank Sampah Digital Tabungan Warga", "lingkungan", TERAP, 1390,
        ("U5",), ("SMPH",),
        problem="Sampah yang masuk TPA terus naik, sementara bank sampah kelurahan "
        "mencatat tabungan di buku tulis.",
        solution="Setoran sampah terpilah dicatat di aplikasi dan saldo dapat "
        "dipakai membayar retribusi sampah dan PBB.",
        novelty="Saldo bank sampah dapat membayar kewajiban daerah.",
        steps="58 bank sampah terhubung; timbangan digital.",
        result="Sampah yang dipilah naik menjadi 41 ton per bulan; 6.300 nasabah "
        "aktif.",
    ),
    Spec(
        "dlh-sppl-sehari", "DLH", "DLH-KTR",
        "SPPL Sehari Jadi untuk Usaha Mikro", "lingkungan", TERAP, 350, ("U3",),
        ("SPPL",),
        problem="Usaha mikro menunggu dua minggu untuk SPPL sederhana.",
        solution="SPPL usaha mikro berisiko rendah diverifikasi pada hari yang sama.",
        novelty="Daftar periksa singkat per jenis usaha.",
        steps="Petugas piket verifikasi di MPP.",
        result="94 persen SPPL usaha mikro terbit di hari yang sama.",
    ),
    # --- Economy ------------------------------------------------------------------
    Spec(
        "kop-halal", "DISKOPUKM", "KOP-KTR",
        "Klinik Sertifikasi Halal Gratis UMKM", "ekonomi", TERAP, 1070, ("U4",),
        ("HALAL",),
        problem="Pelaku usaha mikro mengira sertifikasi halal mahal dan rumit, "
        "sehingga banyak yang membayar perantara.",
        solution="Klinik mendampingi UMKM mengikuti sertifikasi halal jalur "
        "pernyataan pelaku usaha tanpa biaya.",
        novelty="Pendamping proses produk halal dari kampus dan pesantren mitra.",
        steps="Jadwal klinik mingguan; kuota gratis dari program nasional.",
        result="1.740 sertifikat halal terbit; tidak ada laporan biaya perantara.",
    ),
    Spec(
        "plut-izin-usaha", "DISKOPUKM", "KOP-PLUT",
        "Sekali Datang Usaha Legal", "ekonomi", TERAP, 480, ("U2",), ("PLUK",),
        problem="UMKM binaan harus ke beberapa kantor untuk NIB, PIRT dan halal.",
        solution="PLUT membantu NIB, PIRT dan sertifikasi halal dalam satu kunjungan.",
        novelty="Berkas dipakai bersama untuk ketiga layanan.",
        steps="Kerja sama DPMPTSP, Dinkes dan Diskop UKM.",
        result="820 UMKM mendapat tiga legalitas sekaligus dalam setahun.",
    ),
    Spec(
        "dag-tera-pasar", "DISDAG", "DAG-MTR",
        "Tera Ulang Jemput Bola di Pasar", "ekonomi", TERAP, 1170, ("U3",),
        ("TERA",),
        problem="Pedagang pasar jarang menera ulang timbangan karena harus membawanya "
        "ke kantor metrologi.",
        solution="Petugas tera datang ke pasar sesuai jadwal dan menera timbangan "
        "di lapak pedagang.",
        novelty="Timbangan yang sudah ditera ditandai stiker berkode QR.",
        steps="Jadwal 14 pasar; mobil tera.",
        result="Timbangan bertanda tera sah naik dari 39 persen menjadi 88 persen.",
    ),
    Spec(
        "dag-harga", "DISDAG", "DAG-KTR",
        "Info Harga Pangan Harian", "ekonomi", IDE, None, ("U5",), ("HRGA",),
        problem="Warga tidak tahu harga wajar bahan pokok di pasar.",
        solution="Harga harian dari petugas pasar diumumkan di papan digital.",
        novelty="Harga dari tiga pasar utama setiap pagi.",
        steps="Kajian bersama UPT pasar.",
        result="Target: harga diumumkan sebelum pukul 07.00.",
    ),
    # --- Women and children, information, libraries, fire service -----------------
    Spec(
        "dp3a-sapa", "DP3AP2KB", "DP3A-PPA",
        "SAPA 24 Jam: Pengaduan Kekerasan Perempuan dan Anak", "sosial", TERAP,
        1340, ("U8",), ("PPA",),
        problem="Korban kekerasan tidak tahu ke mana melapor di luar jam kerja, dan "
        "kasus baru tertangani berhari-hari kemudian.",
        solution="Layanan pengaduan 24 jam lewat telepon dan WhatsApp dengan "
        "konselor jaga dan penjangkauan dalam dua jam.",
        novelty="Rujukan langsung ke rumah aman, rumah sakit dan kepolisian dengan "
        "satu formulir.",
        steps="Tiga sif konselor; kendaraan penjangkauan; kerja sama rujukan.",
        result="Kasus yang ditangani dalam 24 jam naik dari 35 persen menjadi "
        "92 persen.",
    ),
    Spec(
        "dp3a-kb-keliling", "DP3AP2KB", "DP3A-KTR",
        "Pelayanan KB Keliling Malam Hari", "kesehatan", UJI, 90, ("U2",), ("KB",),
        problem="Pasangan pekerja tidak sempat ke layanan KB pada jam kerja.",
        solution="Mobil layanan KB mendatangi permukiman padat pada malam hari.",
        novelty="Jadwal disepakati dengan ketua RW.",
        steps="Uji coba di empat kelurahan.",
        result="148 akseptor baru selama uji coba.",
    ),
    Spec(
        "kominfo-lapor", "DISKOMINFO", "KOMINFO-KTR",
        "Satu Pintu Pengaduan Terintegrasi SP4N-LAPOR!", "tata_kelola", TERAP, 1440,
        ("U8",), ("LAPR", "PPID"),
        problem="Pengaduan masuk lewat belasan kanal OPD dan banyak yang tidak "
        "dijawab atau dijawab ganda.",
        solution="Semua kanal pengaduan diteruskan ke satu meja admin yang "
        "mendisposisi ke OPD dan memantau tenggat jawabannya.",
        novelty="Tenggat jawaban dipantau dan ditegur otomatis kepada pimpinan OPD.",
        steps="Penetapan admin penghubung di setiap OPD; rapat evaluasi bulanan.",
        result="Pengaduan yang dijawab tepat waktu naik dari 48 persen menjadi "
        "89 persen.",
    ),
    Spec(
        "kominfo-ppid-difabel", "DISKOMINFO", "KOMINFO-KTR",
        "Layanan Informasi Publik Ramah Disabilitas", "tata_kelola", UJI, 170,
        ("U9",), ("PPID",),
        problem="Laman PPID tidak dapat dibaca pembaca layar.",
        solution="Laman diperbaiki agar aksesibel dan tersedia permohonan lewat "
        "video juru bahasa isyarat.",
        novelty="Diuji bersama komunitas tunanetra dan tuli.",
        steps="Uji coba tiga bulan.",
        result="Lima permohonan dari penyandang disabilitas selama uji coba.",
    ),
    Spec(
        "pusip-keliling-digital", "DISPUSIP", "PUSIP-KLL",
        "Perpustakaan Keliling Berbasis Permintaan", "pendidikan", TERAP, 520,
        ("U5",), ("PKLL",),
        problem="Koleksi mobil perpustakaan keliling tidak sesuai minat sekolah yang "
        "dikunjungi.",
        solution="Sekolah dan kelurahan memesan judul buku daring sebelum jadwal "
        "kunjungan.",
        novelty="Koleksi mobil disusun per kunjungan dari pesanan.",
        steps="Katalog daring; jadwal 40 titik.",
        result="Peminjaman per kunjungan naik dari 45 menjadi 130 buku.",
    ),
    Spec(
        "pusip-arsip-keluarga", "DISPUSIP", "PUSIP-ARS",
        "Arsip Digital Dokumen Keluarga", "tata_kelola", IDE, None, ("U5",),
        ("ARSP",),
        problem="Warga kehilangan dokumen penting saat banjir.",
        solution="Warga dapat menitipkan salinan digital dokumen keluarga.",
        novelty="Penyimpanan tersertifikasi arsiparis.",
        steps="Kajian perlindungan data pribadi.",
        result="Target: layanan dibuka untuk kelurahan rawan banjir.",
        draft=True,
    ),
    Spec(
        "damkar-lokasi", "DAMKAR", "DAMKAR-MAKO",
        "Lapor Kebakaran dengan Berbagi Lokasi", "ketertiban", TERAP, 1000, ("U3",),
        ("PMDM", "PYLM"),
        problem="Petugas kehilangan waktu mencari alamat pelapor kebakaran di gang "
        "permukiman padat.",
        solution="Pelapor mengirim lokasi langsung lewat WhatsApp dan armada "
        "terdekat diberangkatkan.",
        novelty="Lokasi pelapor langsung tampil di peta ruang kendali.",
        steps="Nomor WhatsApp darurat; peta hidran dan akses gang.",
        result="Waktu tanggap rata-rata turun dari 17 menjadi 9 menit.",
    ),
    Spec(
        "damkar-apar", "DAMKAR", "DAMKAR-MAKO",
        "Uji APAR Gratis untuk Warung dan UMKM", "ketertiban", TERAP, 300, ("U4",),
        ("APAR",),
        problem="Warung makan jarang memeriksa alat pemadam api ringan karena "
        "mengira biayanya mahal.",
        solution="Pemeriksaan dan pelatihan APAR gratis di lokasi usaha.",
        novelty="Jadwal bersama paguyuban pedagang.",
        steps="Kunjungan setiap Jumat.",
        result="620 APAR diperiksa; 85 warung membeli APAR baru.",
    ),
    # --- Kecamatan and kelurahan ------------------------------------------------------
    Spec(
        "prk-paten-sore", "KEC-PRK", "KEC-PRK",
        "PATEN Sore: Layanan Kecamatan sampai Pukul 19.00", "adminduk", TERAP, 380,
        ("U3",), ("LGK", "IKR"),
        problem="Warga pekerja harus izin kerja untuk mengurus surat di kecamatan.",
        solution="Layanan PATEN dibuka sampai pukul 19.00 pada Selasa dan Kamis.",
        novelty="Petugas bergiliran dengan jam kerja bergeser, tanpa lembur.",
        steps="Pengaturan sif; pengumuman di kelurahan.",
        result="27 persen permohonan kini dilayani pada jam sore.",
    ),
    Spec(
        "skm1-surat-tanpa-antre", "KEC-SKM", "KEL-SKM1",
        "Surat Keterangan Kelurahan Tanpa Antre", "adminduk", TERAP, 290, ("U3",),
        ("SKD", "SKTM"),
        problem="Warga menunggu lurah atau sekretaris kelurahan untuk tanda tangan "
        "surat keterangan.",
        solution="Surat keterangan ditandatangani elektronik dan dikirim ke "
        "WhatsApp pemohon.",
        novelty="Pengantar RT dikirim foto, tidak perlu dibawa.",
        steps="Tanda tangan elektronik lurah; nomor layanan.",
        result="Waktu penyelesaian surat keterangan turun dari 2 hari menjadi "
        "3 jam.",
    ),
    Spec(
        "skm-paten-keliling", "KEC-SKM", "KEC-SKM",
        "PATEN Keliling Sukamaju", "adminduk", TERAP, 250, ("U3", "U2"),
        ("LGK", "IKR"),
        problem="Warga lansia di kelurahan pinggiran sulit datang ke kantor "
        "kecamatan.",
        solution="Layanan PATEN dan pengantar adminduk dilayani keliling di balai "
        "kelurahan bersama tim Dukcapil keliling.",
        novelty="Satu kunjungan untuk layanan kecamatan dan adminduk.",
        steps="Jadwal dua kali sebulan di empat kelurahan.",
        result="610 warga dilayani di kelurahan dalam enam bulan, 40 persen lansia.",
        group=Group.REPLIKASI, origin="dkc-dukling",
        process="Kecamatan mempelajari DUKLING Disdukcapil dan menggabungkan jadwal "
        "keliling kecamatan dengan jadwal tim Dukcapil.",
        changed="Menambah layanan PATEN kecamatan pada kunjungan yang sama; "
        "pendaftaran lewat ketua RT.",
    ),
    Spec(
        "dkc-dukling", "DISDUKCAPIL", "DKC-KLL",
        "DUKLING: Dukcapil Keliling Kelurahan", "adminduk", REPL, 800, ("U3",),
        ("REK", "IKD"),
        problem="Warga lansia, penyandang disabilitas dan warga pinggiran belum "
        "merekam KTP-el karena sulit datang ke kantor.",
        solution="Tim Dukcapil keliling melayani perekaman KTP-el, KK dan akta di "
        "balai kelurahan dan rumah warga yang tidak dapat bepergian.",
        novelty="Data sasaran dari SIAK dipetakan per RW sebelum kunjungan.",
        steps="Mobil layanan dengan perangkat perekaman; jadwal bulanan per "
        "kelurahan.",
        result="2.900 perekaman KTP-el di luar kantor dalam dua tahun; cakupan "
        "perekaman naik menjadi 99,1 persen.",
        group=Group.REPLIKASI, origin="ext-jemput-bola",
        process="Tim Disdukcapil mempelajari layanan jemput bola saat kunjungan "
        "benchmarking, lalu menyusun SOP dan jadwal sendiri.",
        changed="Kunjungan ke rumah untuk warga yang tidak dapat bepergian, dan "
        "sasaran dipetakan per RW dari SIAK.",
    ),
    Spec(
        "tjh-pelayanan-malam", "KEC-TJH", "KEL-TJH3",
        "Kelurahan Melayani Nelayan Malam Hari", "adminduk", TERAP, 430, ("U3",),
        ("SKD", "SPN"),
        problem="Nelayan melaut pada siang hari dan tidak sempat ke kelurahan.",
        solution="Kantor kelurahan dibuka pukul 18.00–21.00 setiap Rabu.",
        novelty="Jadwal disesuaikan dengan musim melaut.",
        steps="Sif petugas; pengumuman di tempat pelelangan ikan.",
        result="35 persen permohonan dari keluarga nelayan dilayani malam hari.",
    ),
    Spec(
        "sgj-lurah-menyapa", "KEC-SGJ", "KEL-SGJ1",
        "Lurah Menyapa: Tanggapan Keluhan dalam Sehari", "tata_kelola", UJI, 60,
        ("U8",), ("SKD",),
        problem="Keluhan warga ke kelurahan tidak pernah dijawab.",
        solution="Lurah menjawab keluhan warga paling lambat sehari kerja.",
        novelty="Rekap keluhan dibahas setiap Senin pagi.",
        steps="Uji coba tiga bulan.",
        result="Uji coba baru berjalan dua bulan.",
        draft=True,
    ),
)

EXTERNALS: tuple[External, ...] = (
    External(
        "ext-jemput-bola", "Kabupaten Sumber Makmur",
        "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sumber Makmur",
        "Jemput Bola Adminduk ke Desa", "adminduk", 1800, ("U3",),
        "Kunjungan benchmarking Bagian Organisasi dan Disdukcapil",
        problem="Desa-desa terpencil berjarak dua jam dari ibu kota kabupaten "
        "sehingga perekaman KTP-el tertinggal.",
        solution="Tim Disdukcapil bermalam di desa sesuai jadwal dan melayani "
        "perekaman serta pencetakan dokumen di balai desa.",
        novelty="Perangkat desa menyiapkan daftar warga sasaran sebelum tim datang.",
        steps="Jadwal triwulanan per kecamatan; mobil layanan.",
        result="Cakupan perekaman KTP-el naik dari 89 persen menjadi 98 persen.",
        stage=REPL,
    ),
    External(
        "ext-klinik-tarif", "Kota Bandar Lestari",
        "RSUD Kota Bandar Lestari", "Klinik Tarif Terbuka", "kesehatan", 1500,
        ("U4",), "Kunjungan benchmarking RSUD dan Bagian Organisasi",
        problem="Pasien umum sering terkejut dengan tagihan rawat jalan.",
        solution="Loket khusus menjelaskan tarif tindakan sebelum pasien dilayani.",
        novelty="Petugas kasir bertugas sebagai penjelas tarif di depan poli.",
        steps="Papan tarif di setiap poli; loket penjelasan.",
        result="Keluhan biaya turun lebih dari separuh dalam setahun.",
        stage=REPL,
    ),
    External(
        "ext-sekolah-sampah", "Kabupaten Lembah Hijau",
        "Dinas Lingkungan Hidup Kabupaten Lembah Hijau",
        "Sekolah Lapang Pemilahan Sampah", "lingkungan", 900, ("U5",),
        "Kunjungan benchmarking DLH",
        problem="Warga belum memilah sampah rumah tangga.",
        solution="Kelas praktik pemilahan dan pengomposan di setiap RW.",
        novelty="Lulusan kelas menjadi kader yang melatih RW lain.",
        steps="Kurikulum enam pertemuan; kader lulusan.",
        result="Sampah yang diangkut ke TPA dari RW peserta turun 28 persen.",
    ),
    External(
        "ext-posyandu-remaja", "Kota Tirta Kencana",
        "Dinas Kesehatan Kota Tirta Kencana", "Posyandu Remaja Digital",
        "kesehatan", 700, ("U5",), "Kunjungan benchmarking Dinas Kesehatan",
        problem="Remaja jarang datang ke posyandu.",
        solution="Pemeriksaan anemia dan konseling remaja dijadwalkan lewat "
        "aplikasi.",
        novelty="Kader sebaya memandu layanan.",
        steps="Jadwal bulanan di sekolah.",
        result="Skrining anemia remaja mencapai 80 persen siswi.",
        draft=True,
    ),
)
# fmt: on

_SKM_SENTENCES = (
    "Pada SKM {unit}, unsur {unsur} mendapat nilai terendah, dan keluhan yang sama "
    "berulang di kanal pengaduan.",
    "Hasil SKM {unit} menempatkan unsur {unsur} sebagai titik lemah yang harus "
    "diperbaiki lebih dulu.",
    "Unsur {unsur} tercatat paling rendah dalam SKM {unit}; rencana tindak lanjut "
    "SKM memasukkan inovasi ini sebagai perbaikannya.",
)
_ADAPTABILITY = (
    "Inovasi ini dapat diterapkan di unit lain yang melayani permohonan serupa; "
    "perangkatnya sederhana dan langkah kerjanya sudah dibakukan dalam SOP.",
    "Model ini mudah ditiru OPD lain karena memakai aplikasi dan perangkat yang "
    "sudah tersedia, tanpa infrastruktur baru.",
    "Panduan teknis, formulir dan materi sosialisasi dibagikan terbuka sehingga "
    "unit lain dapat mengadaptasinya tanpa biaya lisensi.",
    "Kuncinya pembagian peran yang jelas antara petugas depan dan petugas "
    "pemroses, sehingga dapat diadaptasi kecamatan dan kelurahan.",
)
_RESOURCES = (
    "Tim pelaksana {people} orang ASN {opd} dan {helpers} tenaga pendukung; "
    "anggaran Rp{budget} juta dari DPA {opd} untuk perangkat dan sosialisasi.",
    "Dikerjakan {people} petugas {opd} tanpa tambahan pegawai; biaya Rp{budget} juta "
    "untuk perangkat, dibiayai APBD melalui DPA {opd}.",
    "Sumber daya: {people} petugas terlatih, {helpers} kader atau relawan mitra, dan "
    "anggaran Rp{budget} juta per tahun dalam DPA {opd}.",
)
_SUSTAINABILITY = (
    "Ditetapkan dengan Keputusan Kepala {opd_name} dan dimasukkan ke dalam Standar "
    "Pelayanan; hasilnya dipantau setiap triwulan melalui SKM.",
    "Biaya dianggarkan rutin dalam Renja {opd}; petugas baru dilatih lewat magang "
    "internal sehingga layanan tidak bergantung pada satu orang.",
    "Diusulkan untuk dikuatkan dengan Peraturan Wali Kota; evaluasi dilakukan "
    "bersama forum warga setiap semester.",
    "Aplikasi dan data dikelola bersama Diskominfo sehingga pemeliharaan terjamin; "
    "capaian dilaporkan dalam rapat pimpinan setiap bulan.",
)


def _month_year(day: date) -> str:
    return f"{_MONTHS[day.month - 1]} {day.year}"


def _dates(ctx: DemoContext, stage: str, since: int | None, rng: random.Random):
    """Return (started_on, applied_on) of an innovation ``since`` days back."""
    if since is None:
        return None, None
    day = ctx.days_ago(since)
    if stage in (TERAP, REPL):
        return day - timedelta(days=rng.randint(60, 150)), day
    return day, None


def _stage_sentence(stage: str, started: date | None, applied: date | None) -> str:
    if applied is not None:
        return f"Diterapkan sejak {_month_year(applied)}."
    if started is not None:
        return f"Diuji coba sejak {_month_year(started)}."
    return "Masih berupa gagasan yang sedang dimatangkan."


@dataclass
class _Text:
    """The context a proposal's common sections are written from."""

    unit_name: str
    opd_short: str
    opd_name: str
    targets: tuple[str, ...]
    rng: random.Random = field(repr=False)

    def skm(self) -> str:
        unsur = " dan ".join(Unsur(code).nama for code in self.targets)
        return self.rng.choice(_SKM_SENTENCES).format(unit=self.unit_name, unsur=unsur)

    def adaptability(self) -> str:
        return self.rng.choice(_ADAPTABILITY)

    def resources(self) -> str:
        return self.rng.choice(_RESOURCES).format(
            people=self.rng.randint(3, 12),
            helpers=self.rng.randint(2, 20),
            budget=self.rng.choice((0, 15, 25, 40, 60, 85, 120, 175)) or 10,
            opd=self.opd_short,
        )

    def sustainability(self) -> str:
        return self.rng.choice(_SUSTAINABILITY).format(
            opd=self.opd_short, opd_name=self.opd_name
        )


def _sections(spec: Spec, text: _Text, started, applied) -> dict[str, str]:
    """Return the proposal sections of the spec's group, written out."""
    every = {
        "ringkasan": f"{spec.solution} {_stage_sentence(spec.stage, started, applied)}",
        "latar_belakang": f"{spec.problem} {text.skm()}",
        "kebaruan": spec.novelty,
        "implementasi": spec.steps,
        "signifikansi": spec.result,
        "adaptabilitas": text.adaptability(),
        "sumber_daya": text.resources(),
        "keberlanjutan": text.sustainability(),
        "proses_replikasi": spec.process,
        "faktor_pembeda": spec.changed,
        "deskripsi_awal": spec.process,
        "pembaruan": f"{spec.changed} {spec.steps}",
        "dampak": spec.result,
    }
    # The replication service writes the inspiration from the origin.
    return {name: every[name] for name in SECTIONS[spec.group] if name != "inspirasi"}


def _author(ctx: DemoContext, opd_code: str, unit_code: str):
    """Return who registers an innovation: the unit's operator, the OPD's admin, or
    the Pemda admin for OPD without a demo login."""
    if unit_code:
        return ctx.editor_for(ctx.units[unit_code])
    opd_admins = {
        u.opd: ctx.users[u.username]
        for u in city.USERS
        if u.role == "admin_opd" and u.username in ctx.users
    }
    return opd_admins.get(opd_code) or ctx.users.get("admin.pemda")


def _services_of(ctx: DemoContext, unit_code: str, keys: Iterable[str]):
    return [
        ctx.layanan[f"{unit_code}-{key}"]
        for key in keys
        if f"{unit_code}-{key}" in ctx.layanan
    ]


def _backdate(innovation: Innovation, ctx: DemoContext, rng: random.Random) -> None:
    """Move the registration and publication times to when the story has them."""
    day = innovation.started_on or ctx.days_ago(rng.randint(20, 200))
    created = _moment(day - timedelta(days=rng.randint(5, 30)), rng)
    changes = {"created_at": created, "updated_at": created}
    if innovation.published_at is not None:
        published = created + timedelta(days=rng.randint(2, 20))
        changes["published_at"] = min(published, timezone.now())
    Innovation.objects.filter(pk=innovation.pk).update(**changes)


def _moment(day: date, rng: random.Random) -> datetime:
    tz = timezone.get_current_timezone()
    return datetime.combine(day, time(rng.randint(8, 15), rng.randint(0, 59)), tz)


def _create_external(ctx: DemoContext, spec: External, rng) -> Innovation:
    started, applied = _dates(ctx, spec.stage, spec.since, rng)
    by = ctx.users.get("admin.pemda")
    text = _Text("", "", "", spec.targets, rng)
    innovation = Innovation(
        pemda=ctx.pemda,
        title=spec.title,
        group=Group.UMUM,
        stage=spec.stage,
        sector=spec.sector,
        started_on=started,
        applied_on=applied,
        origin_region=spec.region,
        origin_agency=spec.agency,
        ringkasan=f"{spec.solution} Dicatat dari {spec.visit.lower()} ke "
        f"{spec.region}.",
        latar_belakang=spec.problem,
        kebaruan=spec.novelty,
        implementasi=spec.steps,
        signifikansi=f"{spec.result} (data dari paparan {spec.agency}).",
        adaptabilitas=text.adaptability(),
        sumber_daya=f"Dijalankan oleh {spec.agency} dengan anggaran daerahnya sendiri.",
        keberlanjutan=f"Menurut {spec.agency}, layanan ini sudah menjadi bagian "
        "Standar Pelayanan mereka.",
    )
    services.innovation_save(innovation, by=by, targets=spec.targets)
    if not spec.draft:
        services.innovation_publish(innovation, by=by)
    return innovation


def _create_own(ctx: DemoContext, spec: Spec, rng, made: dict) -> Innovation:
    opd = ctx.opds[spec.opd]
    unit = ctx.units[spec.unit] if spec.unit else None
    by = _author(ctx, spec.opd, spec.unit)
    started, applied = _dates(ctx, spec.stage, spec.since, rng)
    text = _Text(
        unit.name if unit else opd.name, opd.short_name, opd.name, spec.targets, rng
    )
    if spec.origin:
        innovation = services.innovation_replicate(
            made[spec.origin],
            by=by,
            pemda=ctx.pemda,
            opd=opd,
            unit=unit,
            title=spec.title,
        )
    else:
        innovation = Innovation(pemda=ctx.pemda, opd=opd, unit=unit, title=spec.title)
    innovation.group = spec.group
    innovation.stage = spec.stage
    innovation.sector = spec.sector
    innovation.started_on, innovation.applied_on = started, applied
    if spec.video:
        innovation.video_url = f"https://video.kotaprimaraya.example/{spec.key}"
    for name, value in _sections(spec, text, started, applied).items():
        setattr(innovation, name, value)
    services.innovation_save(
        innovation,
        by=by,
        targets=spec.targets,
        layanan=_services_of(ctx, spec.unit, spec.services) if unit else (),
    )
    if not spec.draft:
        services.innovation_publish(innovation, by=by)
    return innovation


def create_innovations(ctx: DemoContext) -> None:
    """Register the city's innovations, the recorded ones and the replications."""
    rng = ctx.rng("innovations")
    made: dict[str, Innovation] = {}
    for external in EXTERNALS:
        made[external.key] = _create_external(ctx, external, rng)
    # Replications come after their origin, whatever their place in SPECS.
    pending = list(SPECS)
    while pending:
        ready = [s for s in pending if not s.origin or s.origin in made]
        if not ready:
            raise ValueError("a replication names an origin that does not exist")
        for spec in ready:
            made[spec.key] = _create_own(ctx, spec, rng, made)
            pending.remove(spec)
    for innovation in made.values():
        _backdate(innovation, ctx, rng)
    ctx.innovations = made
    ctx.count("innovations", len(made))


def delete_innovations(pemda: Pemda) -> None:
    """Delete the Pemda's innovations, which PROTECT its OPD and units."""
    Innovation.objects.filter(pemda=pemda).delete()
