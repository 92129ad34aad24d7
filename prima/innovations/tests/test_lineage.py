"""Tests of an innovation's lineage: its origins and the tree of its copies."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from prima.innovations import lineage
from prima.innovations.lineage import lineage_of
from prima.innovations.models import Innovation
from prima.innovations.services import innovation_publish, innovation_replicate
from prima.innovations.testing import make_innovation

pytestmark = pytest.mark.django_db


def replicate(origin, unit, *, by=None, published=True, title=""):
    copy = innovation_replicate(
        origin, by=by, pemda=unit.pemda, opd=unit.opd, unit=unit, title=title
    )
    for name in ("signifikansi", "proses_replikasi", "faktor_pembeda"):
        setattr(copy, name, f"{name} of {copy.title}")
    copy.save()
    if published:
        innovation_publish(copy, by=by)
    return copy


@pytest.fixture
def family(org):
    """Root in Kota Alpha; a published copy in Kabupaten Beta and a draft copy in
    a sibling unit of the root's OPD; a grandchild of the Beta copy back in Kota
    Alpha, in another OPD."""
    root = make_innovation(unit=org.unit, title="Antrean daring")
    beta = replicate(root, org.other_pemda_unit, title="Antrean daring Beta")
    draft = replicate(root, org.sibling_unit, published=False, title="Draf Timur")
    grandchild = replicate(beta, org.other_opd_unit, title="Antrean daring Melati")
    return root, beta, draft, grandchild


def test_three_generations_across_two_pemda_from_the_root(family, org):
    """The root shows its copy in Beta, the copy's copy, and one unnamed draft."""
    root, beta, _draft, grandchild = family
    result = lineage_of(root)
    assert result.ancestors == []
    assert result.copies == 3
    (child,) = result.current.children
    assert (child.title, child.region) == ("Antrean daring Beta", org.other_pemda.name)
    assert child.url == reverse("innovations:public_detail", kwargs={"pk": beta.pk})
    (grand,) = child.children
    assert grand.title == "Antrean daring Melati" and grand.region == org.pemda.name
    assert result.current.hidden == 1


def test_unpublished_copy_is_counted_not_named(family):
    """Nothing of the draft copy appears, neither its title nor who made it."""
    root, *_ = family
    result = lineage_of(root)
    named = [n.title for n in result.current.children]
    assert "Draf Timur" not in named
    assert all(n.named for n in result.current.children)


def test_grandchild_sees_its_chain_up_to_the_root(family):
    """The copy of a copy lists its origins from the root down, each a link."""
    root, beta, _draft, grandchild = family
    result = lineage_of(grandchild)
    assert [n.title for n in result.ancestors] == [root.title, beta.title]
    assert all(n.url for n in result.ancestors)
    assert result.current.is_current and not result.current.url
    assert result.copies == 0


def test_unpublished_origin_is_not_named(family):
    """An origin taken back to draft later stays in the chain, without its name."""
    root, beta, _draft, grandchild = family
    Innovation.objects.filter(pk=beta.pk).update(status="draft")
    first, second = lineage_of(grandchild).ancestors
    assert first.title == root.title
    assert not second.named and not second.url and not second.region


def test_hidden_copy_with_a_published_copy_keeps_the_branch(family):
    """A draft in the middle stays an unnamed node so its published copy shows."""
    root, beta, _draft, grandchild = family
    Innovation.objects.filter(pk=beta.pk).update(status="draft")
    (middle,) = lineage_of(root).current.children
    assert not middle.named
    assert [n.title for n in middle.children] == [grandchild.title]


def test_staff_viewer_sees_drafts_in_scope(family, users, org):
    """Given a user and a private URL, drafts in the user's scope are named."""
    root, _beta, draft, _grandchild = family
    result = lineage_of(
        root, user=users["admin_opd"], private_url=lambda pk: f"/staf/x/{pk}/"
    )
    titles = {n.title: n.url for n in result.current.children}
    assert titles[draft.title] == f"/staf/x/{draft.pk}/"
    assert result.current.hidden == 0
    # Drafts stay private to their OPD, even from the Pemda administrator.
    pemda_admin = lineage_of(
        root, user=users["admin_pemda"], private_url=lambda pk: "/x/"
    )
    assert pemda_admin.current.hidden == 1


def test_a_cycle_of_origins_ends_the_walk(org):
    """Two innovations naming each other as origin do not loop forever."""
    a = make_innovation(unit=org.unit, title="A")
    b = make_innovation(unit=org.unit, title="B")
    Innovation.objects.filter(pk=a.pk).update(origin=b)
    Innovation.objects.filter(pk=b.pk).update(origin=a)
    a.refresh_from_db()
    result = lineage_of(a)
    assert [n.title for n in result.ancestors] == ["B"]
    assert result.current.children == []


def test_depth_limit_cuts_a_long_chain(org, monkeypatch):
    """Beyond MAX_DEPTH generations the walk stops and says the lineage is longer."""
    monkeypatch.setattr(lineage, "MAX_DEPTH", 2)
    chain = [make_innovation(unit=org.unit, title="G0")]
    for n in range(1, 5):
        chain.append(replicate(chain[-1], org.unit, title=f"G{n}"))
    middle = lineage_of(chain[2])
    assert [n.title for n in middle.ancestors] == ["G0", "G1"]
    assert not middle.truncated
    top = lineage_of(chain[0])
    assert top.truncated and top.copies == 2
    bottom = lineage_of(chain[4])
    assert bottom.truncated and [n.title for n in bottom.ancestors] == ["G2", "G3"]


def test_queries_grow_with_depth_not_with_copies(org):
    """Ten copies of one innovation cost the same queries as one copy."""
    root = make_innovation(unit=org.unit, title="Root")
    replicate(root, org.other_pemda_unit)
    with CaptureQueriesContext(connection) as one:
        lineage_of(root)
    for _ in range(9):
        replicate(root, org.other_pemda_unit)
    with CaptureQueriesContext(connection) as ten:
        result = lineage_of(root)
    assert result.copies == 10
    assert len(ten) == len(one)
