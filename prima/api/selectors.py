"""The reads behind the API, composed from the apps' own selectors and rollups.

Open data (catalogue, standards, IKM, a Pemda's complaint figures, published
innovations) is the same for every caller. What a staff member's token adds (per
unit complaint figures, innovation drafts) starts from the token's owner and goes
through ``prima.core.scoping``, so an API reader sees what the pages show them.
SKM figures are summed from the rollups, never from raw responses.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.functions import Lower
from django.http import Http404
from django.utils import timezone

from prima.complaints import statistics
from prima.complaints.stats_selectors import pemda_summary, user_statistics
from prima.core.periods import Period, parse_key
from prima.core.scoping import user_grants
from prima.innovations.impact_selectors import measured_impact
from prima.innovations.library import LibraryFilter, library_innovations
from prima.innovations.library import published_get as innovation_published_get
from prima.innovations.lineage import Node, lineage_of
from prima.innovations.models import Innovation
from prima.organisations.models import Layanan, Pemda, PerangkatDaerah, Unit
from prima.standards.models import StandarPelayanan
from prima.surveys import ikm, publication
from prima.surveys.reporting import latest_complete_period
from prima.surveys.selectors import Scope, results_by, scope_result, survey_periods


class BadParameter(ValueError):
    """A query parameter that is well formed but names nothing usable."""

    def __init__(self, field: str, detail: str) -> None:
        super().__init__(detail)
        self.field = field
        self.detail = detail


def _today() -> date:
    return timezone.localdate()


def paginate(rows: QuerySet | list, *, page: int, page_size: int) -> dict[str, Any]:
    """Return one page of ``rows`` with the counts a client needs to walk them."""
    count = rows.count() if isinstance(rows, QuerySet) else len(rows)
    start = (page - 1) * page_size
    return {
        "count": count,
        "page": page,
        "pages": max(math.ceil(count / page_size), 1),
        "page_size": page_size,
        "items": list(rows[start : start + page_size]),
    }


# Organisation ---------------------------------------------------------------


def pemda_list() -> QuerySet[Pemda]:
    return Pemda.objects.order_by(Lower("name"), "pk")


def pemda_get(slug: str) -> Pemda:
    """Return the Pemda at ``slug``; an unknown slug is a bad parameter."""
    pemda = Pemda.objects.filter(slug=slug).first()
    if pemda is None:
        raise BadParameter("pemda", f"No Pemda has the slug {slug!r}.")
    return pemda


def _filtered(qs: QuerySet, pemda: str | None, opd: int | None, unit_field: str):
    if pemda:
        qs = qs.filter(pemda=pemda_get(pemda))
    if opd:
        qs = qs.filter(**{f"{unit_field}opd_id": opd})
    return qs


def unit_rows(*, pemda: str | None, opd: int | None) -> list[dict]:
    qs = _filtered(Unit.objects.active(), pemda, opd, "")
    return qs.select_related("pemda", "opd").order_by(
        "pemda__slug", Lower("name"), "pk"
    )


def unit_out(unit: Unit) -> dict[str, Any]:
    return {
        "id": unit.pk,
        "pemda": unit.pemda.slug,
        "opd": unit.opd_id,
        "opd_name": unit.opd.name,
        "code": unit.code,
        "name": unit.name,
        "kind": unit.kind,
        "address": unit.address,
        "phone": unit.phone,
        "opening_hours": unit.opening_hours,
    }


def service_rows(
    *, pemda: str | None, opd: int | None, unit: int | None
) -> QuerySet[Layanan]:
    qs = _filtered(Layanan.objects.active(), pemda, opd, "unit__")
    if unit:
        qs = qs.filter(unit_id=unit)
    published = StandarPelayanan.objects.published().filter(layanan=OuterRef("pk"))
    return (
        qs.select_related("pemda", "unit")
        .annotate(has_published_standard=Exists(published))
        .order_by("pemda__slug", Lower("name"), "pk")
    )


def service_out(layanan: Layanan) -> dict[str, Any]:
    return {
        "id": layanan.pk,
        "pemda": layanan.pemda.slug,
        "opd": layanan.unit.opd_id,
        "unit": layanan.unit_id,
        "unit_name": layanan.unit.name,
        "code": layanan.code,
        "name": layanan.name,
        "description": layanan.description,
        "has_published_standard": layanan.has_published_standard,
    }


def standard_out(standard: StandarPelayanan) -> dict[str, Any]:
    """Return the citizen-facing components of a published standard (the portal's
    service page shows the same; drafts and internal components never leave)."""
    return {
        "version": standard.version,
        "decree_number": standard.decree_number,
        "decree_date": standard.decree_date,
        "decree_signatory": standard.decree_signatory,
        "published_at": standard.published_at,
        "requirements": standard.requirement_items(),
        "procedure": standard.procedure_steps(),
        "service_time": standard.service_time_display(),
        "tariff": standard.biaya_tarif,
        "is_free": standard.is_free,
        "tariff_legal_basis": standard.biaya_dasar_hukum,
        "product": standard.produk,
        "complaint_channel": standard.penanganan_pengaduan,
    }


def service_detail(pk: int) -> dict[str, Any]:
    """Return an active service with its published standard, else raise 404."""
    layanan = service_rows(pemda=None, opd=None, unit=None).filter(pk=pk).first()
    if layanan is None:
        raise Http404
    standard = (
        StandarPelayanan.objects.published()
        .filter(layanan=layanan)
        .order_by("-version")
        .first()
    )
    return {
        **service_out(layanan),
        "standard": standard_out(standard) if standard else None,
    }


# SKM ------------------------------------------------------------------------


def period_of(key: str | None, pemda: Pemda | None) -> Period:
    """Return the period named by ``key``, else the Pemda's current survey period
    (the current triwulan when no Pemda is named)."""
    if not key:
        return survey_periods(pemda, today=_today(), count=1)[0]
    try:
        return parse_key(key)
    except ValueError as exc:
        raise BadParameter("period", str(exc)) from exc


def public_skm_period(key: str | None, pemda: Pemda) -> Period:
    """Return the SKM period an open-data request names, refusing one the Pemda
    does not publish yet; by default its newest published period."""
    if not key and publication.hides_running_period(pemda):
        return latest_complete_period(pemda, _today())
    chosen = period_of(key, pemda)
    if publication.withheld(pemda, chosen, _today()):
        raise BadParameter(
            "period",
            f"The results of {chosen.key} are published once the period has closed.",
        )
    return chosen


def _scope(
    pemda: Pemda, opd: int | None, unit: int | None, service: int | None
) -> Scope:
    if service:
        found = (
            Layanan.objects.filter(pemda=pemda, pk=service)
            .select_related("unit__opd")
            .first()
        )
        if found is None:
            raise BadParameter("service", "No service of this Pemda has this id.")
        return Scope.of(found)
    if unit:
        found = Unit.objects.filter(pemda=pemda, pk=unit).select_related("opd").first()
        if found is None:
            raise BadParameter("unit", "No unit of this Pemda has this id.")
        return Scope.of(found)
    if opd:
        found = PerangkatDaerah.objects.filter(pemda=pemda, pk=opd).first()
        if found is None:
            raise BadParameter("opd", "No OPD of this Pemda has this id.")
        return Scope.of(found)
    return Scope.of(pemda)


def ikm_out(scope: Scope, period: Period, result: ikm.IkmResult | None) -> dict:
    kind = (
        "service"
        if scope.layanan
        else "unit"
        if scope.unit
        else "opd"
        if scope.opd
        else "pemda"
    )
    unsur = []
    if result is not None:
        unsur = [
            {
                "code": u.value,
                "name": u.nama,
                "nrr": ikm.display_round(result.nrr[u], 4),
                "nrr_converted": ikm.display_round(result.nrr_converted(u)),
                "mutu": result.unsur_mutu[u].value,
            }
            for u in ikm.CODE_ORDER
        ]
    return {
        "scope": kind,
        "pemda": scope.pemda.slug,
        "opd": scope.opd.pk if scope.opd else None,
        "unit": scope.unit.pk if scope.unit else None,
        "service": scope.layanan.pk if scope.layanan else None,
        "name": scope.subject.name,
        "period": period.key,
        "period_label": period.label,
        "start": period.start,
        "end": period.end,
        "respondents": result.respondents if result else 0,
        "ikm": result.ikm_display if result else None,
        "mutu": result.mutu.value if result else None,
        "kinerja": result.kinerja if result else None,
        "unsur": unsur,
    }


def ikm_of(
    *,
    pemda: str,
    opd: int | None,
    unit: int | None,
    service: int | None,
    period: str | None,
) -> dict[str, Any]:
    """Return the IKM of the narrowest scope named, with each unsur's NRR."""
    found = pemda_get(pemda)
    scope = _scope(found, opd, unit, service)
    chosen = public_skm_period(period, found)
    return ikm_out(scope, chosen, scope_result(scope, chosen))


def ikm_per_unit(
    *, pemda: str, opd: int | None, period: str | None, page: int, page_size: int
) -> dict[str, Any]:
    """Return a page of the Pemda's (or OPD's) active units, each with its IKM."""
    found = pemda_get(pemda)
    chosen = public_skm_period(period, found)
    units = _filtered(Unit.objects.active(), pemda, opd, "").select_related(
        "pemda", "opd"
    )
    listing = paginate(
        units.order_by(Lower("name"), "pk"), page=page, page_size=page_size
    )
    within = {"opd_id": opd} if opd else None
    # One grouped rollup query for the whole Pemda (or OPD), as the public page does.
    results = results_by(chosen, pemda=found, group="unit", within=within)
    items = [
        ikm_out(Scope.of(unit), chosen, results.get(unit.pk))
        for unit in listing["items"]
    ]
    return {**listing, "items": items}


# Complaints -----------------------------------------------------------------


def figures_out(
    scope: str, subject, pemda: Pemda, period: Period, summary: statistics.Summary
) -> dict[str, Any]:
    return {
        "scope": scope,
        "id": subject.pk if scope != "pemda" else None,
        "pemda": pemda.slug,
        "name": subject.name,
        "period": period.key,
        "total": summary.total,
        "by_status": summary.by_status,
        "by_kind": summary.by_kind,
        "answered": summary.answered,
        "answered_within_deadline": summary.answered_within,
        "within_deadline_percent": summary.within_deadline_percent,
        "days_to_verify_median": summary.verify.median,
        "days_to_answer_median": summary.answer.median,
        "days_to_answer_p90": summary.answer.p90,
        "reopened": summary.reopened,
        "rating_count": summary.rating_count,
        "rating_mean": summary.rating_mean,
        "overdue_now": summary.overdue_now,
    }


def public_complaint_figures(*, pemda: str, period: str | None) -> dict[str, Any]:
    """Return a Pemda's complaint figures, as its public statistics page shows."""
    found = pemda_get(pemda)
    chosen = period_of(period, found)
    return figures_out("pemda", found, found, chosen, pemda_summary(found, chosen))


LEVELS = ("pemda", "opd", "unit")


def staff_complaint_figures(
    user, *, pemda: str | None, opd: int | None, unit: int | None, period: str | None
) -> list[dict[str, Any]]:
    """Return the figures per Pemda, OPD and unit of the cases ``user`` sees.

    Only the cases the user's complaint grants reach are counted, so a Pemda, OPD
    or unit outside them gives no row. Naming an OPD leaves out the Pemda's row,
    naming a unit the OPD's too.
    """
    wanted = pemda_get(pemda) if pemda else None
    chosen = period_of(period, wanted)
    tables = user_statistics(user, chosen, _today())
    narrowest = LEVELS.index("unit" if unit else "opd" if opd else "pemda")
    pemdas = {
        p.pk: p
        for p in Pemda.objects.filter(pk__in=[r.subject.pk for r in tables.pemdas])
    }
    rows = []
    for level, table in zip(
        LEVELS, (tables.pemdas, tables.opds, tables.units), strict=True
    ):
        if LEVELS.index(level) < narrowest:
            continue
        for row in table:
            subject = row.subject
            pemda_id = subject.pk if level == "pemda" else subject.pemda_id
            opd_id = {
                "pemda": None,
                "opd": subject.pk,
                "unit": getattr(subject, "opd_id", None),
            }[level]
            if (
                (wanted is not None and pemda_id != wanted.pk)
                or (opd and opd_id != opd)
                or (unit and subject.pk != unit)
            ):
                continue
            owner = pemdas.get(pemda_id) or Pemda.objects.get(pk=pemda_id)
            rows.append(figures_out(level, subject, owner, chosen, row.summary))
    return rows


# Innovations ----------------------------------------------------------------


def innovation_out(innovation: Innovation) -> dict[str, Any]:
    return {
        "id": innovation.pk,
        "pemda": innovation.pemda.slug,
        "opd": innovation.opd_id,
        "unit": innovation.unit_id,
        "title": innovation.title,
        "group": innovation.group,
        "stage": innovation.stage,
        "sector": innovation.sector,
        "status": innovation.status,
        "started_on": innovation.started_on,
        "applied_on": innovation.applied_on,
        "published_at": innovation.published_at,
        "target_unsur": innovation.target_codes(),
        "origin": innovation.origin_id,
        "origin_region": innovation.origin_region,
        "origin_agency": innovation.origin_agency,
    }


def _by_owner(qs: QuerySet, opd: int | None, unit: int | None) -> QuerySet:
    if opd:
        qs = qs.filter(opd_id=opd)
    if unit:
        qs = qs.filter(unit_id=unit)
    return qs


def published_innovations(
    *, pemda: str | None, opd: int | None, unit: int | None
) -> QuerySet[Innovation]:
    """Return the published innovations of the replication library, newest first."""
    filters = LibraryFilter(pemda=pemda_get(pemda) if pemda else None)
    return _by_owner(library_innovations(filters), opd, unit).order_by(
        "-published_at", "-pk"
    )


def staff_innovations(
    user, *, pemda: str | None, opd: int | None, unit: int | None, status: str | None
) -> QuerySet[Innovation]:
    """Return the innovations ``user`` sees, drafts of their own OPD included."""
    qs = Innovation.objects.visible_to(user).select_related("pemda")
    if pemda:
        qs = qs.filter(pemda=pemda_get(pemda))
    if status:
        qs = qs.filter(status=status)
    return _by_owner(qs.prefetch_related("targets"), opd, unit).order_by("-pk")


def _node_out(node: Node) -> dict[str, Any]:
    return {
        "id": node.pk if node.named else None,
        "title": node.title,
        "owner": node.owner if node.named else "",
        "region": node.region,
        "hidden_copies": node.hidden,
    }


def _copies(node: Node) -> list[dict[str, Any]]:
    rows = []
    for child in node.children:
        rows.append(_node_out(child))
        rows += _copies(child)
    return rows


def _impact_out(innovation: Innovation) -> dict[str, Any]:
    measured = measured_impact(innovation, today=_today())
    before, after = measured.before or (None, None), measured.after or (None, None)
    return {
        "window_days": measured.window_days,
        "missing": measured.missing.value if measured.missing else None,
        "before_start": before[0],
        "before_end": before[1],
        "after_start": after[0],
        "after_end": after[1],
        "ikm_before": measured.ikm_before,
        "ikm_after": measured.ikm_after,
        "unsur": [
            {
                "unsur": row.unsur.value,
                "n_before": row.n_before,
                "n_after": row.n_after,
                "nrr_before": row.nrr_before,
                "nrr_after": row.nrr_after,
                "difference": row.difference,
                "low": row.low,
                "high": row.high,
                "verdict": row.verdict.value,
            }
            for row in measured.rows
        ],
    }


def innovation_detail(pk: int) -> dict[str, Any]:
    """Return a published innovation with its public lineage and measured impact."""
    innovation = innovation_published_get(pk)
    lineage = lineage_of(innovation)
    return {
        **innovation_out(innovation),
        "summary": innovation.ringkasan,
        "services": sorted(layanan.pk for layanan in innovation.layanan.all()),
        "lineage": {
            "ancestors": [_node_out(node) for node in lineage.ancestors],
            "copies": _copies(lineage.current),
            "copies_total": lineage.copies,
            "truncated": lineage.truncated,
        },
        "impact": _impact_out(innovation),
    }


def me(user, token=None) -> dict[str, Any]:
    """Return who the caller is and the grants their reads are scoped by."""
    return {
        "username": user.get_username(),
        "full_name": user.full_name,
        "token": token.name if token is not None else None,
        "grants": [
            {
                "role": g.role,
                "level": g.level,
                "target": g.target_id,
                "pemda": g.pemda_id,
            }
            for g in user_grants(user)
        ],
    }
