"""Benchmarking visits (kunjungan benchmark): the visit, the innovations seen there
recorded into the replication library as innovations of the host region, what an
OPD will copy and how it adapts them (amati, tiru, modifikasi), and the
replication draft started from one.

The library's own services record and replicate: an observed innovation is a
draft of the Pemda without OPD (``Innovation.is_external``) until the Pemda
administrator completes and publishes it; only a published one can be
replicated.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from prima.innovations import services as innovation_services
from prima.innovations.models import Innovation
from prima.organisations.models import PerangkatDaerah
from prima.programmes.models import (
    BenchmarkVisit,
    Observation,
    Participant,
    ParticipantStatus,
    Programme,
)


def _check_participants(programme: Programme, participants) -> None:
    """Refuse anyone but accepted participants of ``programme`` (read from the
    database: a caller's row may predate the organiser's decision)."""
    ids = {p.pk for p in participants}
    accepted = Participant.objects.filter(
        pk__in=ids, programme=programme, status=ParticipantStatus.ACCEPTED
    )
    if accepted.count() != len(ids):
        raise ValidationError(
            {"participants": _("Only accepted participants of the programme.")}
        )


@transaction.atomic
def visit_save(
    visit: BenchmarkVisit | None = None,
    *,
    programme: Programme,
    by,
    host_region: str,
    visited_on: date,
    participants: Iterable[Participant] = (),
    notes: str = "",
) -> BenchmarkVisit:
    """Record a benchmarking visit of ``programme``, or change ``visit``."""
    participants = list(participants)
    _check_participants(programme, participants)
    visit = visit or BenchmarkVisit(programme=programme, created_by=by)
    visit.host_region = host_region
    visit.visited_on = visited_on
    visit.notes = notes
    visit.full_clean()
    visit.save()
    visit.participants.set(participants)
    return visit


def _check_opd(programme: Programme, opd: PerangkatDaerah | None) -> None:
    if opd is not None and opd.pemda_id != programme.pemda_id:
        raise ValidationError({"adopting_opd": _("The OPD belongs to another Pemda.")})


@transaction.atomic
def observation_add(
    visit: BenchmarkVisit,
    *,
    by,
    title: str,
    origin_agency: str,
    sector: str,
    observed: str,
    adopting_opd: PerangkatDaerah | None = None,
    copy_what: str = "",
    adapt_how: str = "",
) -> Observation:
    """Record an innovation seen on the visit into the library, as a draft of the
    programme's Pemda from the host region (``observed`` is its summary), with
    what ``adopting_opd`` will copy and how it will adapt it."""
    programme = visit.programme
    _check_opd(programme, adopting_opd)
    innovation = Innovation(
        pemda=programme.pemda,
        opd=None,
        title=title,
        sector=sector,
        origin_region=visit.host_region,
        origin_agency=origin_agency,
        ringkasan=observed,
    )
    innovation.full_clean()
    innovation_services.innovation_save(innovation, by=by)
    observation = Observation(
        visit=visit,
        innovation=innovation,
        adopting_opd=adopting_opd,
        copy_what=copy_what,
        adapt_how=adapt_how,
    )
    observation.full_clean()
    observation.save()
    return observation


@transaction.atomic
def observation_replicate(observation: Observation, *, by) -> Innovation:
    """Start the adopting OPD's replication draft of the observed innovation through
    the library's replication; its replication process and modification sections
    start from what the OPD said it will copy and adapt."""
    observation = Observation.objects.select_for_update().get(pk=observation.pk)
    if observation.replication_id is not None:
        raise ValidationError(_("A replication was already started from this."))
    if observation.adopting_opd is None:
        raise ValidationError(_("Choose the OPD that will copy it first."))
    origin = observation.innovation
    if not origin.is_published:
        raise ValidationError(
            _(
                "The observed innovation is still a draft in the library: complete"
                " and publish it before starting a replication."
            )
        )
    opd = observation.adopting_opd
    copy = innovation_services.innovation_replicate(
        origin, by=by, pemda=opd.pemda, opd=opd
    )
    copy.proses_replikasi = observation.copy_what
    copy.faktor_pembeda = observation.adapt_how
    copy.save(update_fields=["proses_replikasi", "faktor_pembeda", "updated_at"])
    observation.replication = copy
    observation.save(update_fields=["replication"])
    return copy


def replications_of(programme: Programme):
    """Return the replication drafts started from the programme's visits."""
    ids = Observation.objects.filter(
        visit__programme=programme, replication__isnull=False
    ).values("replication")
    return Innovation.objects.filter(pk__in=ids).select_related("opd", "unit")
