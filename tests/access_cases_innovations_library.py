"""Role × scope rows for the public innovation library: the catalogue, an
innovation's public page and its evidence files. Everything published is public to
everyone; a draft is unreachable for everyone, its own OPD included (staff open
drafts through the registry pages)."""

from __future__ import annotations

from tests.access import PUBLIC, Case, profile

NOBODY = profile(404)


def innovation(published: bool = True, pemda_attr: str = ""):
    def build(org) -> dict:
        from prima.innovations.testing import make_innovation

        if pemda_attr:
            item = make_innovation(
                pemda=getattr(org, pemda_attr),
                published=published,
                origin_region="Kota Contoh",
                origin_agency="Dinas Contoh",
            )
        else:
            item = make_innovation(unit=org.unit, published=published)
        return {"pk": item.pk}

    return build


def evidence(published: bool = True):
    def build(org) -> dict:
        from django.core.files.base import ContentFile

        from prima.innovations.models import Evidence
        from prima.innovations.testing import make_innovation

        item = Evidence(
            innovation=make_innovation(unit=org.unit, published=published),
            kind=Evidence.Kind.DOCUMENT,
            original_name="laporan.pdf",
            content_type="application/pdf",
            size=8,
        )
        item.file.save("laporan.pdf", ContentFile(b"%PDF-1.4"), save=True)
        return {"pk": item.pk}

    return build


CASES: list[Case] = [
    Case("innovations:library"),
    Case("innovations:public_detail", innovation(), PUBLIC),
    Case(
        "innovations:public_detail",
        innovation(pemda_attr="other_pemda"),
        PUBLIC,
        label="public_detail recorded from another region",
    ),
    Case(
        "innovations:public_detail",
        innovation(published=False),
        NOBODY,
        label="public_detail draft",
    ),
    Case("innovations:public_evidence", evidence(), PUBLIC),
    Case(
        "innovations:public_evidence",
        evidence(published=False),
        NOBODY,
        label="public_evidence of a draft",
    ),
]
