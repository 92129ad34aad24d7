"""A citizen on a phone finds a service's published standard; staff can sign in."""

from __future__ import annotations

import re
from decimal import Decimal

from playwright.sync_api import Page, expect

from prima.core.roles import Role
from prima.organisations.testing import (
    TEST_PASSWORD,
    make_layanan,
    make_opd,
    make_pemda,
    make_unit,
    make_user,
)
from prima.standards.models import DurationUnit, StandarPelayanan

REQUIREMENTS = [
    "Telah berusia 17 tahun atau sudah kawin",
    "Fotokopi Kartu Keluarga",
]
STEPS = [
    "Pemohon mengambil nomor antrean",
    "Petugas memverifikasi berkas",
    "Pemohon melakukan perekaman biometrik",
    "Petugas menyerahkan KTP-el kepada pemohon",
]
PRODUCT = "Kartu Tanda Penduduk elektronik (KTP-el)"
COMPLAINT_CHANNEL = "SP4N-LAPOR! dan WhatsApp 0812-0000-1111"


def make_published_ktp_standard() -> StandarPelayanan:
    """Create Kota Alpha with a complete, published standard for issuing the KTP-el."""
    pemda = make_pemda(name="Kota Alpha", slug="kota-alpha")
    opd = make_opd(pemda=pemda, name="Dinas Kependudukan dan Pencatatan Sipil")
    unit = make_unit(opd=opd, name="Kantor Disdukcapil Pusat")
    layanan = make_layanan(unit=unit, name="Penerbitan KTP-el")
    make_layanan(unit=unit, name="Penerbitan Akta Kelahiran")
    return StandarPelayanan.objects.create(
        pemda=pemda,
        layanan=layanan,
        version=1,
        status=StandarPelayanan.Status.PUBLISHED,
        persyaratan="\n".join(REQUIREMENTS),
        prosedur="\n".join(STEPS),
        jangka_waktu_value=14,
        jangka_waktu_unit=DurationUnit.HARI_KERJA,
        biaya_tarif=Decimal(0),
        produk=PRODUCT,
        penanganan_pengaduan=COMPLAINT_CHANNEL,
        dasar_hukum="UU 24/2013 tentang Administrasi Kependudukan",
        sarana_prasarana="Ruang tunggu, loket, alat perekam biometrik",
        kompetensi_pelaksana="Memahami administrasi kependudukan",
        pengawasan_internal="Supervisi oleh kepala bidang",
        jumlah_pelaksana=6,
        jaminan_pelayanan="Pelayanan sesuai standar",
        jaminan_keamanan="Data pribadi dilindungi",
        evaluasi_kinerja="Evaluasi setiap triwulan",
    )


def assert_no_javascript(page: Page) -> None:
    """Assert the current page has no <script> element at all."""
    assert page.locator("script").count() == 0, page.url
    assert "<script" not in page.content().lower(), page.url


def test_citizen_on_a_phone_finds_the_ktp_standard(page: Page):
    """From the home page a citizen searches "ktp" and reads the published standard."""
    standard = make_published_ktp_standard()
    scripts: list[str] = []
    failures: list[str] = []
    page.on(
        "request",
        lambda request: (
            scripts.append(request.url) if request.resource_type == "script" else None
        ),
    )
    page.on(
        "response",
        lambda response: (
            failures.append(f"{response.status} {response.url}")
            if response.status >= 400
            else None
        ),
    )

    page.goto("/")
    assert_no_javascript(page)
    page.get_by_role("link", name=re.compile("Kota Alpha")).first.click()
    expect(page).to_have_url(re.compile(r"/kota-alpha/$"))
    assert_no_javascript(page)

    search = page.locator("input[name=q]")
    expect(search).to_be_visible()
    search.fill("ktp")
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"/kota-alpha/layanan/\?(.*&)?q=ktp"))
    assert_no_javascript(page)
    results = page.get_by_role("link", name=re.compile("Penerbitan KTP-el"))
    expect(results.first).to_be_visible()
    expect(page.get_by_role("link", name="Penerbitan Akta Kelahiran")).to_have_count(0)

    results.first.click()
    expect(page).to_have_url(
        re.compile(rf"/kota-alpha/layanan/{standard.layanan.pk}/$")
    )
    assert_no_javascript(page)
    main = page.locator("main")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Penerbitan KTP-el")
    for requirement in REQUIREMENTS:
        expect(main.get_by_text(requirement)).to_be_visible()
    numbered = [text.strip() for text in main.locator("ol > li").all_inner_texts()]
    assert [item for item in numbered if item in STEPS] == STEPS, numbered
    expect(main).to_contain_text(
        re.compile(r"14\s*(hari kerja|working days)", re.IGNORECASE)
    )
    expect(main).to_contain_text(re.compile(r"gratis|free", re.IGNORECASE))
    expect(main.get_by_text(PRODUCT)).to_be_visible()
    expect(main.get_by_text(COMPLAINT_CHANNEL)).to_be_visible()

    assert scripts == [], scripts
    # Every page and its stylesheet loaded: an unstyled page on a phone is unusable.
    assert failures == [], failures


def test_staff_member_signs_in_and_lands_in_the_staff_area(page: Page):
    """The login form takes a staff member from the public site to /staf/."""
    pemda = make_pemda(name="Kota Alpha", slug="kota-alpha")
    unit = make_unit(opd=make_opd(pemda=pemda))
    make_user(username="operator", role=Role.OPERATOR_UNIT, unit=unit)

    page.goto("/")
    page.locator("a[href*='/akun/masuk/']").first.click()
    expect(page).to_have_url(re.compile(r"/akun/masuk/"))
    page.locator("input[name=username]").fill("operator")
    password = page.locator("input[name=password]")
    password.fill(TEST_PASSWORD)
    password.press("Enter")

    expect(page).to_have_url(re.compile(r"/staf/$"))
    expect(page.locator("a[href*='/akun/masuk/']")).to_have_count(0)
