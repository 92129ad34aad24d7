"""Role × scope rows for capacity-building programmes.

The scenario (``_scenario``): a Pemda-organised programme of Kota Alpha open to every
OPD, whose accepted participant is the unit operator, in a team of Kota Alpha's first
unit mentored by the mentor, with a session running now and a material (a file). So
the Pemda administrator organises it, the OPD administrator nominates to it, the
operator takes part and the mentor mentors; other roles of Kota Alpha do not see it.
"""

from __future__ import annotations

from tests.access import LOGIN, OTHER_PEMDA, Case, profile

PROGRAMME_LIST = profile(200, anonymous=LOGIN, no_role=403)
PROGRAMME_CREATE = profile(
    403,
    anonymous=LOGIN,
    admin_pemda=200,
    admin_opd=200,
    other_pemda_admin=200,
    superuser=200,
)
# Who sees the scenario's programme.
SEES = profile(
    404,
    anonymous=LOGIN,
    admin_pemda=200,
    admin_opd=200,
    operator_unit=200,
    mentor=200,
    superuser=200,
)
# Only its organisers change it; the others who see it are refused.
CHANGES = {**SEES, "admin_opd": 403, "operator_unit": 403, "mentor": 403}
NOMINATES = {**SEES, "operator_unit": 403, "mentor": 403}
TEAM_VIEW = {**SEES, "admin_opd": 404}
TEAM_CHANGE = {**TEAM_VIEW, "operator_unit": 403, "mentor": 403}
MATERIALS = {**SEES, "admin_opd": 404}
OVERSEES = CHANGES
# The programme report: its overseers and the Pemda's leadership, nobody else.
OVERSEES_PDF = profile(
    404, anonymous=LOGIN, admin_pemda=200, pimpinan=200, superuser=200
)
CHECK_IN = profile(404, anonymous=LOGIN, operator_unit=200)
# A programme organised by Kota Alpha's first OPD: its administrator changes it, the
# Pemda administrator only sees it.
OPD_SEES = profile(404, anonymous=LOGIN, admin_pemda=200, admin_opd=200, superuser=200)
OPD_CHANGES = {**OPD_SEES, "admin_pemda": 403}


def post(expected: dict[str, int]) -> dict[str, int]:
    return {k: (302 if v == 200 else v) for k, v in expected.items()}


def _user(name: str):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=name)


def _scenario(org, *, organiser: str = "pemda") -> dict:
    from django.core.files.base import ContentFile

    from prima.programmes import services
    from prima.programmes.models import Material
    from prima.programmes.testing import make_participant, make_programme, make_session

    if organiser == "other_pemda":
        from prima.core.roles import Role
        from prima.organisations.testing import make_user

        programme = make_programme(pemda=org.other_pemda)
        make_user(role=Role.OPERATOR_UNIT, unit=org.other_pemda_unit)
    else:
        opd = org.opd if organiser == "opd" else None
        programme = make_programme(pemda=org.pemda, organiser_opd=opd)
    facilitator = services.facilitator_add(
        programme, name="Dr. Sari", institution="university"
    )
    session = make_session(programme)
    material = Material(session=session, title="Modul", original_name="modul.pdf")
    material.content_type, material.size = "application/pdf", 8
    material.file.save("modul.pdf", ContentFile(b"%PDF-1.4"), save=True)
    built = {
        "programme": programme,
        "stage": programme.stages.first(),
        "facilitator": facilitator,
        "session": session,
        "material": material,
    }
    if organiser == "pemda":
        participant = make_participant(programme, _user("operator_unit"), unit=org.unit)
        team = services.team_create(programme=programme, name="Tim A", unit=org.unit)
        services.team_member_set(participant, team=team)
        services.team_assign_mentor(team, mentor=_user("mentor"))
        built |= {"participant": participant, "team": team}
    return built


def row(key: str, organiser: str = "pemda"):
    return lambda org: {"pk": _scenario(org, organiser=organiser)[key].pk}


def code(org) -> dict:
    return {"pk": _scenario(org)["session"].pk, "code": "0" * 16}


CASES: list[Case] = [
    Case("programmes:programme_list", expected=PROGRAMME_LIST),
    Case("programmes:programme_create", expected=PROGRAMME_CREATE),
    Case("programmes:programme_detail", row("programme"), SEES),
    Case(
        "programmes:programme_detail",
        row("programme", "opd"),
        OPD_SEES,
        label="programme_detail organised by an OPD",
    ),
    Case(
        "programmes:programme_detail",
        row("programme", "other_pemda"),
        OTHER_PEMDA,
        label="programme_detail other Pemda",
    ),
    Case("programmes:programme_edit", row("programme"), CHANGES),
    Case(
        "programmes:programme_edit",
        row("programme", "opd"),
        OPD_CHANGES,
        label="programme_edit organised by an OPD",
    ),
    Case(
        "programmes:programme_edit",
        row("programme", "other_pemda"),
        OTHER_PEMDA,
        label="programme_edit other Pemda",
    ),
    Case("programmes:stage_edit", row("stage"), CHANGES),
    Case(
        "programmes:facilitator_add",
        row("programme"),
        post(CHANGES),
        method="post",
    ),
    Case(
        "programmes:facilitator_add",
        row("programme", "other_pemda"),
        post(OTHER_PEMDA),
        method="post",
        label="facilitator_add other Pemda",
    ),
    # The Pemda administrator removes it; later users find nothing.
    Case(
        "programmes:facilitator_remove",
        row("facilitator"),
        {**profile(404, anonymous=LOGIN), "admin_pemda": 302},
        method="post",
    ),
    Case("programmes:participant_nominate", row("programme"), NOMINATES),
    Case(
        "programmes:participant_nominate",
        row("programme", "other_pemda"),
        OTHER_PEMDA,
        label="participant_nominate other Pemda",
    ),
    # An empty form declines: after the Pemda administrator, the declined operator
    # no longer sees the programme; its team's mentor still does.
    Case(
        "programmes:participant_decide",
        row("participant"),
        {**post(CHANGES), "operator_unit": 404},
        method="post",
    ),
    Case("programmes:team_create", row("programme"), post(CHANGES), method="post"),
    Case("programmes:team_detail", row("team"), TEAM_VIEW),
    Case(
        "programmes:team_member_add",
        row("team"),
        post(TEAM_CHANGE),
        method="post",
    ),
    Case("programmes:team_mentor", row("team"), post(TEAM_CHANGE), method="post"),
    Case(
        "programmes:team_member_remove",
        row("participant"),
        post(CHANGES),
        method="post",
    ),
    Case("programmes:session_create", row("programme"), CHANGES),
    Case(
        "programmes:session_create",
        row("programme", "other_pemda"),
        OTHER_PEMDA,
        label="session_create other Pemda",
    ),
    Case("programmes:session_detail", row("session"), SEES),
    Case(
        "programmes:session_detail",
        row("session", "other_pemda"),
        OTHER_PEMDA,
        label="session_detail other Pemda",
    ),
    Case("programmes:session_edit", row("session"), CHANGES),
    Case("programmes:attendance_take", row("session"), CHANGES),
    Case(
        "programmes:attendance_take",
        row("session", "opd"),
        OPD_CHANGES,
        label="attendance_take organised by an OPD",
    ),
    Case("programmes:session_qr", row("session"), CHANGES),
    Case("programmes:check_in", code, CHECK_IN),
    Case("programmes:material_add", row("session"), post(CHANGES), method="post"),
    Case("programmes:material_file", row("material"), MATERIALS),
    Case(
        "programmes:material_file",
        row("material", "other_pemda"),
        OTHER_PEMDA,
        label="material_file other Pemda",
    ),
    # The Pemda administrator removes it; later users find nothing.
    Case(
        "programmes:material_remove",
        row("material"),
        {**profile(404, anonymous=LOGIN), "admin_pemda": 302},
        method="post",
    ),
    # Outcomes: every staff member sees the programmes they follow (maybe none).
    Case("programmes:outcomes", expected=PROGRAMME_LIST),
    Case("programmes:report_pdf", row("programme"), OVERSEES_PDF),
    Case(
        "programmes:report_pdf",
        row("programme", "opd"),
        profile(
            404,
            anonymous=LOGIN,
            admin_pemda=200,
            admin_opd=200,
            pimpinan=200,
            superuser=200,
        ),
        label="report_pdf organised by an OPD",
    ),
    Case(
        "programmes:report_pdf",
        row("programme", "other_pemda"),
        OTHER_PEMDA,
        label="report_pdf other Pemda",
    ),
    Case("programmes:attendance_xlsx", row("programme"), OVERSEES),
    Case(
        "programmes:attendance_xlsx",
        row("programme", "opd"),
        profile(404, anonymous=LOGIN, admin_pemda=200, admin_opd=200, superuser=200),
        label="attendance_xlsx organised by an OPD",
    ),
]


# The participant's path and the coaching clinic --------------------------------------
# Team A of the scenario (the unit operator its member, the mentor its mentor) has a
# diagnosis, an innovation draft, a milestone whose report (with a file) awaits review
# and a proposal version awaiting advice. "other team": Tim B of the same unit, whose
# member is the loket officer and which has no mentor, so the operator (of team A)
# and the mentor (not assigned to it) find nothing. "other Pemda": a team of Kabupaten
# Beta's programme. Juri of the Pemda see and advise in the clinic only.
PATH_VIEW = TEAM_VIEW
PATH_MEMBER = {**PATH_VIEW, "admin_pemda": 403, "mentor": 403, "superuser": 403}
PATH_REVIEW = {
    **post(PATH_VIEW),
    "admin_pemda": 403,
    "operator_unit": 403,
    "superuser": 403,
}
CLINIC_VIEW = {**PATH_VIEW, "juri": 200}
CLINIC_SUBMIT = {**post(PATH_MEMBER), "juri": 403}
CLINIC_ADVISE = {
    **post(CLINIC_VIEW),
    "admin_pemda": 403,
    "operator_unit": 403,
    "superuser": 403,
}
OTHER_TEAM_VIEW = profile(
    404, anonymous=LOGIN, admin_pemda=200, petugas_loket=200, superuser=200
)
OTHER_TEAM_MEMBER = {**OTHER_TEAM_VIEW, "admin_pemda": 403, "superuser": 403}


def _path(org, variant: str = "") -> dict:
    from django.utils import timezone

    from prima.core.uploads import CleanFile
    from prima.programmes import path_services as paths
    from prima.programmes import services
    from prima.programmes.testing import make_participant, make_programme

    if variant == "other_pemda":
        programme = make_programme(pemda=org.other_pemda)
        team = services.team_create(
            programme=programme, name="Tim Beta", unit=org.other_pemda_unit
        )
        return {"team": team}
    built = _scenario(org)
    team, member = built["team"], _user("operator_unit")
    if variant == "other_team":
        other = make_participant(
            built["programme"], _user("petugas_loket"), unit=org.unit
        )
        team = services.team_create(
            programme=built["programme"], name="Tim B", unit=org.unit
        )
        services.team_member_set(other, team=team)
        member = other.user
    paths.diagnosis_save(
        team,
        by=member,
        problem_statement="Antrean panjang",
        root_causes="Satu loket",
        unsur=["U3"],
        today=timezone.localdate(),
    )
    innovation = paths.design_start(
        team, by=member, title="Antrean daring", sector="adminduk"
    )
    paths.proposal_save(
        innovation, by=member, title="Antrean daring", sections={"ringkasan": "R"}
    )
    milestone = paths.milestone_add(
        team,
        title="Uji coba",
        due_on=timezone.localdate(),
        evidence_expected="Rekap",
        responsible="Siti",
    )
    clean = CleanFile("rekap.pdf", "application/pdf", b"%PDF-1.4")
    report = paths.report_submit(milestone, by=member, text="Selesai", clean=clean)
    version = paths.version_submit(team, by=member)
    return {"team": team, "milestone": milestone, "report": report, "version": version}


def path_row(key: str, variant: str = ""):
    return lambda org: {"pk": _path(org, variant)[key].pk}


CASES += [
    Case("programmes:team_path", path_row("team"), PATH_VIEW),
    Case(
        "programmes:team_path",
        path_row("team", "other_team"),
        OTHER_TEAM_VIEW,
        label="team_path of another team",
    ),
    Case(
        "programmes:team_path",
        path_row("team", "other_pemda"),
        OTHER_PEMDA,
        label="team_path other Pemda",
    ),
    Case("programmes:diagnosis_edit", path_row("team"), PATH_MEMBER),
    Case(
        "programmes:diagnosis_edit",
        path_row("team", "other_team"),
        OTHER_TEAM_MEMBER,
        label="diagnosis_edit of another team",
    ),
    Case(
        "programmes:diagnosis_edit",
        path_row("team", "other_pemda"),
        {**OTHER_PEMDA, "other_pemda_admin": 403, "superuser": 403},
        label="diagnosis_edit other Pemda",
    ),
    Case("programmes:design_edit", path_row("team"), PATH_MEMBER),
    Case("programmes:milestone_add", path_row("team"), PATH_MEMBER),
    Case("programmes:milestone_edit", path_row("milestone"), PATH_MEMBER),
    # The scenario's milestone is reported, so the member's removal is refused.
    Case(
        "programmes:milestone_remove",
        path_row("milestone"),
        post(PATH_MEMBER),
        method="post",
    ),
    Case(
        "programmes:milestone_remove",
        path_row("milestone", "other_team"),
        post(OTHER_TEAM_MEMBER),
        method="post",
        label="milestone_remove of another team",
    ),
    Case("programmes:report_create", path_row("milestone"), PATH_MEMBER),
    Case(
        "programmes:report_create",
        path_row("milestone", "other_team"),
        OTHER_TEAM_MEMBER,
        label="report_create of another team",
    ),
    Case(
        "programmes:report_review",
        path_row("report"),
        PATH_REVIEW,
        method="post",
    ),
    Case(
        "programmes:report_review",
        path_row("report", "other_team"),
        {
            **post(OTHER_TEAM_VIEW),
            "admin_pemda": 403,
            "petugas_loket": 403,
            "superuser": 403,
        },
        method="post",
        label="report_review of another team",
    ),
    Case("programmes:report_file", path_row("report"), PATH_VIEW),
    Case(
        "programmes:report_file",
        path_row("report", "other_team"),
        OTHER_TEAM_VIEW,
        label="report_file of another team",
    ),
    Case("programmes:clinic", path_row("team"), CLINIC_VIEW),
    Case(
        "programmes:clinic",
        path_row("team", "other_team"),
        {**OTHER_TEAM_VIEW, "juri": 200},
        label="clinic of another team",
    ),
    Case(
        "programmes:clinic",
        path_row("team", "other_pemda"),
        OTHER_PEMDA,
        label="clinic other Pemda",
    ),
    Case(
        "programmes:version_submit",
        path_row("team"),
        CLINIC_SUBMIT,
        method="post",
    ),
    Case(
        "programmes:clinic_review",
        path_row("version"),
        CLINIC_ADVISE,
        method="post",
    ),
    Case(
        "programmes:clinic_review",
        path_row("version", "other_team"),
        {
            **post(OTHER_TEAM_VIEW),
            "juri": 302,
            "admin_pemda": 403,
            "petugas_loket": 403,
            "superuser": 403,
        },
        method="post",
        label="clinic_review of another team",
    ),
]


# Closing, certificates and benchmarking visits ---------------------------------------
# The scenario's programme, closed with the operator present and passed, holding a
# certificate; a benchmarking visit the operator went on, with one innovation seen.
HOLDER = {**CHANGES, "admin_opd": 404, "mentor": 404}
HOLDER_SEES = {**HOLDER, "operator_unit": 200}


def _closed(org, organiser: str = "pemda") -> dict:
    from datetime import date

    from prima.programmes import benchmark_services, certificate_services, services

    built = _scenario(org, organiser=organiser)
    programme, admin = built["programme"], _user("admin_pemda")
    if organiser == "other_pemda":
        return built
    participant = built["participant"]
    services.attendance_record(
        built["session"], by=admin, rows=[(participant, "hadir", "")]
    )
    certificate_services.programme_close(programme, by=admin, passed=[participant])
    [certificate] = certificate_services.certificates_issue(programme, by=admin)
    visit = benchmark_services.visit_save(
        programme=programme,
        by=admin,
        host_region="Kota Surabaya",
        visited_on=date(2026, 5, 4),
        participants=[participant],
    )
    observation = benchmark_services.observation_add(
        visit,
        by=admin,
        title="Klampid New Generation",
        origin_agency="Dispendukcapil Kota Surabaya",
        sector="adminduk",
        observed="Pengajuan dokumen kependudukan daring dari kelurahan.",
        adopting_opd=org.opd,
    )
    return built | {
        "certificate": certificate,
        "visit": visit,
        "observation": observation,
    }


def closed(key: str, organiser: str = "pemda"):
    return lambda org: {"pk": _closed(org, organiser)[key].pk}


def verification(org) -> dict:
    return {"code": _closed(org)["certificate"].code}


CASES += [
    Case("programmes:closing", closed("programme"), OVERSEES),
    Case(
        "programmes:closing",
        closed("programme", "other_pemda"),
        OTHER_PEMDA,
        label="closing other Pemda",
    ),
    Case("programmes:closing", closed("programme"), post(CHANGES), method="post"),
    Case("programmes:plan_score", closed("team"), post(TEAM_CHANGE), method="post"),
    Case(
        "programmes:certificates_issue",
        closed("programme"),
        post(CHANGES),
        method="post",
    ),
    Case("programmes:certificate_revoke", closed("certificate"), HOLDER),
    Case("programmes:certificate_pdf", closed("certificate"), HOLDER_SEES),
    Case("certificates:verify", verification, profile(200)),
    Case("programmes:visit_create", closed("programme"), CHANGES),
    Case("programmes:visit_detail", closed("visit"), SEES),
    Case("programmes:observation_add", closed("visit"), CHANGES),
    Case(
        "programmes:observation_replicate",
        closed("observation"),
        post(CHANGES),
        method="post",
    ),
]
