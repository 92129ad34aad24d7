"""Static files stored next to a gzipped copy, for a web server to send as they are."""

from __future__ import annotations

import gzip

from django.contrib.staticfiles.storage import StaticFilesStorage
from django.core.files.base import ContentFile

# Text formats; images other than SVG, and fonts, are compressed already.
COMPRESSIBLE_SUFFIXES = (".css", ".js", ".svg", ".ico", ".txt", ".html", ".json")


class PrecompressedStaticFilesStorage(StaticFilesStorage):
    """Write ``name.gz`` beside each text file that ``collectstatic`` gathers.

    nginx's ``gzip_static on`` then sends the copy to browsers that accept gzip,
    without compressing on every request. Static files hold no secret, so the
    BREACH padding that pages need does not apply here.
    """

    def post_process(self, paths, dry_run=False, **options):
        if dry_run:
            return
        for name in sorted(paths):
            if not name.endswith(COMPRESSIBLE_SUFFIXES):
                continue
            with self.open(name) as original:
                content = original.read()
            compressed = gzip.compress(content, compresslevel=9, mtime=0)
            gz_name = f"{name}.gz"
            if self.exists(gz_name):
                self.delete(gz_name)
            if len(compressed) < len(content):
                self.save(gz_name, ContentFile(compressed))
                yield name, gz_name, True
