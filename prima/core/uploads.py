"""Files citizens and staff upload (complaint attachments, innovation evidence):
checked, cleaned and stored.

The real type is read from the content (magic bytes, then Pillow or pypdf must
parse it), never from the name or the browser's content type, and it must agree
with the file's extension: a text file called ``.jpg`` or a PDF called ``.png`` is
refused. Images are re-encoded with Pillow so no EXIF or other metadata (GPS
position, camera, owner) is stored; PDFs are rewritten by pypdf without their
document information and XMP metadata. Files are stored through Django's default
storage (``MEDIA_ROOT``, which the web server does not serve) under a random name.
"""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from PIL import Image, ImageOps
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError

MAX_FILES = 3
MAX_BYTES = 5 * 1024 * 1024
# Far above any phone photo; refuses "decompression bombs" before decoding them.
MAX_PIXELS = 50_000_000

JPEG, PNG, PDF = "image/jpeg", "image/png", "application/pdf"
MAGIC = {JPEG: b"\xff\xd8\xff", PNG: b"\x89PNG\r\n\x1a\n", PDF: b"%PDF-"}
EXTENSIONS = {".jpg": JPEG, ".jpeg": JPEG, ".png": PNG, ".pdf": PDF}
STORED_EXTENSION = {JPEG: ".jpg", PNG: ".png", PDF: ".pdf"}


@dataclass(frozen=True)
class CleanFile:
    """A checked upload with its metadata already removed."""

    original_name: str
    content_type: str
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)


def detect_type(head: bytes) -> str | None:
    """Return the content type the first bytes announce, or None if not allowed."""
    for content_type, magic in MAGIC.items():
        if head.startswith(magic):
            return content_type
    return None


def _extension(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot >= 0 else ""


def _refuse(name: str, message: str) -> ValidationError:
    return ValidationError(
        _("“%(name)s”: %(problem)s") % {"name": name, "problem": message},
        code="file",
    )


def _clean_image(data: bytes, content_type: str) -> bytes:
    """Return the image re-encoded without any metadata; raise ValueError if broken."""
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.width * probe.height > MAX_PIXELS:
                raise ValueError("too many pixels")
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            # Keep the photo upright once the orientation tag is gone.
            image = ImageOps.exif_transpose(image)
            out = io.BytesIO()
            if content_type == JPEG:
                image.convert("RGB").save(out, "JPEG", quality=85)
            else:
                if image.mode not in {"1", "L", "LA", "P", "RGB", "RGBA"}:
                    image = image.convert("RGBA")
                image.save(out, "PNG")
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise ValueError(str(exc)) from exc
    return out.getvalue()


def _clean_pdf(data: bytes) -> bytes:
    """Return the PDF rewritten without document info; raise ValueError if broken."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ValueError("encrypted")
        writer = PdfWriter()
        for page in reader.pages:
            added = writer.add_page(page)
            added.pop("/Metadata", None)
        writer.metadata = None
        out = io.BytesIO()
        writer.write(out)
    except (PyPdfError, OSError, KeyError, TypeError, ValueError) as exc:
        raise ValueError(str(exc)) from exc
    return out.getvalue()


def clean_upload(upload) -> CleanFile:
    """Return the upload checked and stripped, or raise a ValidationError naming it."""
    name = (upload.name or "").rsplit("/", 1)[-1][:200] or _("unnamed file")
    if upload.size > MAX_BYTES:
        raise _refuse(name, _("the file is larger than 5 MB."))
    upload.seek(0)
    data = upload.read()
    detected = detect_type(data[:8])
    if detected is None:
        raise _refuse(
            name, _("only JPEG or PNG photos and PDF documents are accepted.")
        )
    if EXTENSIONS.get(_extension(name)) != detected:
        raise _refuse(
            name, _("the file's content does not match its name; it was not accepted.")
        )
    try:
        cleaned = _clean_pdf(data) if detected == PDF else _clean_image(data, detected)
    except ValueError:
        raise _refuse(
            name, _("the file is damaged or protected and could not be read.")
        ) from None
    return CleanFile(original_name=name, content_type=detected, data=cleaned)


def clean_uploads(uploads) -> list[CleanFile]:
    """Return every upload cleaned; raise one ValidationError listing each problem."""
    uploads = [u for u in uploads if u]
    if len(uploads) > MAX_FILES:
        raise ValidationError(
            ngettext(
                "Attach at most %(count)d file.",
                "Attach at most %(count)d files.",
                MAX_FILES,
            )
            % {"count": MAX_FILES},
            code="too_many",
        )
    cleaned, errors = [], []
    for upload in uploads:
        try:
            cleaned.append(clean_upload(upload))
        except ValidationError as exc:
            errors.append(exc)
    if errors:
        raise ValidationError(errors)
    return cleaned


def save_clean_file(field_file, clean: CleanFile) -> None:
    """Store a cleaned file in ``field_file`` (and save its row) under a random name."""
    random_name = uuid.uuid4().hex + STORED_EXTENSION[clean.content_type]
    field_file.save(random_name, ContentFile(clean.data), save=True)
