"""The lineage of an innovation (amati, tiru, modifikasi): where it came from and who
copied it.

``lineage_of`` walks the ``origin`` links up to the root and the ``replications``
down, one query per generation, so the cost grows with the depth, never with the
number of copies: at most ``MAX_DEPTH`` queries up, ``MAX_DEPTH`` + 1 down, and one
for the viewer's scope. Deeper generations and more than ``MAX_NODES`` copies are
cut off and the result says so. A cycle of origins (which the registry should never
create) simply ends the walk at the first innovation seen twice.

What a viewer may open: a published innovation links to its public page. An
unpublished one is named only to a viewer whose scope reaches it (given ``user`` and
``private_url``, e.g. the staff page); to anyone else it is counted, never named.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse

from prima.innovations.models import Innovation, Status

MAX_DEPTH = 6
MAX_NODES = 200

_FIELDS = (
    "pk",
    "title",
    "status",
    "origin_id",
    "pemda__name",
    "opd__name",
    "opd__short_name",
    "origin_region",
    "origin_agency",
)


@dataclass
class Node:
    """One innovation of a lineage as the viewer may see it.

    ``title`` is empty when the viewer may not see the innovation; ``url`` is empty
    when it is not a link; ``hidden`` counts the copies below it that are not named.
    """

    pk: int
    title: str
    owner: str
    region: str
    url: str = ""
    is_current: bool = False
    children: list[Node] = field(default_factory=list)
    hidden: int = 0

    @property
    def named(self) -> bool:
        return bool(self.title)


@dataclass
class Lineage:
    """Ancestors from the root down, then the innovation with its tree of copies."""

    ancestors: list[Node]
    current: Node
    copies: int
    truncated: bool

    @property
    def is_empty(self) -> bool:
        return not self.ancestors and not self.copies


def _base():
    return Innovation.objects.select_related("pemda", "opd").only(*_FIELDS)


def _ancestors(innovation: Innovation, seen: set[int]) -> tuple[list[Innovation], bool]:
    """Return the origins, nearest first, and whether the depth limit cut the chain."""
    chain: list[Innovation] = []
    next_id = innovation.origin_id
    while next_id and next_id not in seen:
        if len(chain) == MAX_DEPTH:
            return chain, True
        row = _base().filter(pk=next_id).first()
        if row is None:
            break
        chain.append(row)
        seen.add(row.pk)
        next_id = row.origin_id
    return chain, False


def _descendants(
    innovation: Innovation, seen: set[int]
) -> tuple[dict[int, list[Innovation]], bool]:
    """Return the copies per origin id, generation by generation, and whether cut."""
    by_origin: dict[int, list[Innovation]] = {}
    frontier = [innovation.pk]
    total = 0
    for _generation in range(MAX_DEPTH):
        rows = list(
            _base()
            .filter(origin_id__in=frontier)
            .exclude(pk__in=seen)
            .order_by("created_at", "pk")[: MAX_NODES - total + 1]
        )
        if len(rows) > MAX_NODES - total:
            rows = rows[: MAX_NODES - total]
            _attach(rows, by_origin, seen)
            return by_origin, True
        if not rows:
            return by_origin, False
        _attach(rows, by_origin, seen)
        total += len(rows)
        frontier = [row.pk for row in rows]
    deeper = _base().filter(origin_id__in=frontier).exclude(pk__in=seen).exists()
    return by_origin, deeper


def _attach(rows, by_origin: dict[int, list[Innovation]], seen: set[int]) -> None:
    for row in rows:
        by_origin.setdefault(row.origin_id, []).append(row)
        seen.add(row.pk)


class _Namer:
    """Decide for each innovation whether the viewer sees its name and a link."""

    def __init__(self, rows, user, private_url: Callable[[int], str] | None) -> None:
        self.private_url = private_url
        unpublished = [r.pk for r in rows if r.status != Status.PUBLISHED]
        self.reachable: set[int] = set()
        if user is not None and private_url is not None and unpublished:
            self.reachable = set(
                Innovation.objects.visible_to(user)
                .filter(pk__in=unpublished)
                .values_list("pk", flat=True)
            )

    def node(self, row: Innovation, *, current: bool = False) -> Node:
        owner, region = _where(row)
        node = Node(pk=row.pk, title="", owner=owner, region=region, is_current=current)
        if row.status == Status.PUBLISHED:
            node.title = row.title
            if not current:
                node.url = reverse("innovations:public_detail", kwargs={"pk": row.pk})
        elif current or row.pk in self.reachable:
            node.title = row.title
            if not current and self.private_url is not None:
                node.url = self.private_url(row.pk)
        else:
            # Not even where it runs: an OPD's drafts stay its own business.
            node.owner = node.region = ""
        return node


def _where(row: Innovation) -> tuple[str, str]:
    """Return who runs the innovation and where: its OPD and Pemda, or its origin."""
    if row.opd_id is None:
        return row.origin_agency, row.origin_region or row.pemda.name
    return row.opd.short_name or row.opd.name, row.pemda.name


def _tree(namer: _Namer, parent: Node, by_origin: dict[int, list[Innovation]]) -> None:
    """Hang the copies below ``parent``; copies the viewer may not see become counts.

    An unseen copy that has seen copies below it stays as an unnamed node, so the
    visible branch keeps its place in the tree.
    """
    for row in by_origin.get(parent.pk, []):
        child = namer.node(row)
        _tree(namer, child, by_origin)
        if child.named or child.children:
            parent.children.append(child)
        else:
            parent.hidden += 1 + child.hidden


def lineage_of(
    innovation: Innovation,
    *,
    user=None,
    private_url: Callable[[int], str] | None = None,
) -> Lineage:
    """Return the lineage of ``innovation`` as ``user`` may see it (public if None)."""
    seen = {innovation.pk}
    origins, cut_above = _ancestors(innovation, seen)
    by_origin, cut_below = _descendants(innovation, seen)
    copies = [row for rows in by_origin.values() for row in rows]
    namer = _Namer([*origins, *copies], user, private_url)
    current = namer.node(innovation, current=True)
    _tree(namer, current, by_origin)
    return Lineage(
        ancestors=[namer.node(row) for row in reversed(origins)],
        current=current,
        copies=len(copies),
        truncated=cut_above or cut_below,
    )
