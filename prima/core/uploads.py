"""Files citizens and staff upload (complaint attachments, innovation evidence):
checked, cleaned and stored.

The real type is read from the content (magic bytes, then Pillow or pypdf must
parse it), never from the name or the browser's content type, and it must agree
with the file's extension: a text file called ``.jpg`` or a PDF called ``.png`` is
refused. Images are re-encoded with Pillow with their pixels only, so no EXIF or
other metadata (GPS position, camera, owner), comment or text chunk is stored, and
an image of more than ``MAX_PIXELS`` is refused before it is decoded. PDFs are
rewritten by pypdf with their pages only (at most ``MAX_PDF_PAGES``): no document
information or XMP metadata, and no action, JavaScript, form or embedded file, so
opening or clicking one runs nothing. Files are stored through Django's default
storage (``MEDIA_ROOT``, which the web server does not serve) under a random name.
"""

from __future__ import annotations

import io
import uuid
import warnings
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from PIL import Image, ImageOps
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

MAX_FILES = 3
MAX_BYTES = 5 * 1024 * 1024
# Above a 24-megapixel camera; refuses "decompression bombs" before decoding them
# (a 49-megapixel PNG took 3.4 s to re-encode).
MAX_PIXELS = 25_000_000
# Pillow's own guard, for every image this process opens: it warns above this many
# pixels (an error while cleaning an upload) and refuses above twice as many.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
# A letter or a proposal; rewriting 20 000 blank pages took 3 s.
MAX_PDF_PAGES = 500
# The ``original_name`` field of the attachment models.
MAX_NAME_LENGTH = 200

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


class TooManyPixels(ValueError):
    """The image is larger than ``MAX_PIXELS``; refused before it is decoded."""


class TooManyPages(ValueError):
    """The PDF has more than ``MAX_PDF_PAGES`` pages; refused before they are copied."""


def _clean_image(data: bytes, content_type: str) -> bytes:
    """Return the image re-encoded with its pixels only; raise ValueError if broken.

    Nothing but pixels is kept: no EXIF, ICC profile, XMP, JPEG comment (COM) or
    application segment, no PNG text chunk (only a palette's transparency, which is
    image data). The size is read from the header and checked before decoding.
    """
    try:
        with warnings.catch_warnings():
            # Pillow's own bomb guard only warns below twice its limit.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                if probe.width * probe.height > MAX_PIXELS:
                    raise TooManyPixels
                probe.verify()
            with Image.open(io.BytesIO(data)) as image:
                # Keep the photo upright once the orientation tag is gone.
                image = ImageOps.exif_transpose(image)
                kept = {k: v for k, v in image.info.items() if k == "transparency"}
                image.info = kept
                out = io.BytesIO()
                if content_type == JPEG:
                    image = image.convert("RGB")
                    image.info = {}
                    image.save(out, "JPEG", quality=85)
                else:
                    if image.mode not in {"1", "L", "LA", "P", "RGB", "RGBA"}:
                        image = image.convert("RGBA")
                        image.info = {}
                    image.save(out, "PNG")
    except TooManyPixels:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise TooManyPixels from exc
    except Exception as exc:  # Pillow raises many types on a broken file
        raise ValueError(str(exc)) from exc
    return out.getvalue()


#: Keys through which a PDF runs something: document and page open actions, link
#: and field actions, JavaScript, forms (AcroForm, XFA), embedded files and the name
#: trees that hold JavaScript and files.
ACTIVE_PDF_KEYS = (
    "/OpenAction",
    "/AA",
    "/A",
    "/JS",
    "/JavaScript",
    "/Names",
    "/AcroForm",
    "/XFA",
    "/EmbeddedFiles",
    "/URI",
)
#: Annotations that play or carry content of their own.
ACTIVE_ANNOTATIONS = {
    "/FileAttachment",
    "/Screen",
    "/Movie",
    "/Sound",
    "/RichMedia",
    "/3D",
}


def _strip_active(obj: Any) -> None:
    """Remove every active key from ``obj`` and the direct objects inside it."""
    if isinstance(obj, DictionaryObject):
        for key in ACTIVE_PDF_KEYS:
            obj.pop(key, None)
        annots = obj.get("/Annots")
        if isinstance(annots, ArrayObject):
            obj[NameObject("/Annots")] = ArrayObject(
                a
                for a in annots
                if not (
                    isinstance(a.get_object(), DictionaryObject)
                    and a.get_object().get("/Subtype") in ACTIVE_ANNOTATIONS
                )
            )
        children = list(obj.values())
    elif isinstance(obj, ArrayObject):
        children = list(obj)
    else:
        return
    for child in children:
        if not isinstance(child, IndirectObject):
            _strip_active(child)


def _drop_unreachable(writer: PdfWriter) -> None:
    """Forget every object the document no longer reaches (a JavaScript stream
    whose action was removed, say), so it is not written at all."""
    reached: set[int] = set()
    pending: list[Any] = [writer.root_object]
    while pending:
        obj = pending.pop()
        if isinstance(obj, IndirectObject):
            if obj.idnum in reached or obj.pdf is not writer:
                continue
            reached.add(obj.idnum)
            obj = obj.get_object()
        if isinstance(obj, DictionaryObject):
            pending.extend(obj.values())
        elif isinstance(obj, ArrayObject):
            pending.extend(obj)
    reached.add(writer.root_object.indirect_reference.idnum)
    for index in range(len(writer._objects)):
        if index + 1 not in reached:
            writer._objects[index] = None


def _clean_pdf(data: bytes) -> bytes:
    """Return the PDF rewritten with its pages only: no document info or XMP, and no
    action, JavaScript, form or embedded file; raise ValueError if broken."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ValueError("encrypted")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise TooManyPages
        writer = PdfWriter()
        for page in reader.pages:
            added = writer.add_page(page)
            added.pop("/Metadata", None)
        writer.metadata = None
        # pypdf has no public walk over a writer's objects.
        for obj in list(writer._objects):
            _strip_active(obj)
        _drop_unreachable(writer)
        out = io.BytesIO()
        writer.write(out)
    except TooManyPages:
        raise
    except Exception as exc:  # pypdf raises many types on a broken file
        raise ValueError(str(exc)) from exc
    return out.getvalue()


def clean_upload(upload) -> CleanFile:
    """Return the upload checked and stripped, or raise a ValidationError naming it."""
    name = (upload.name or "").rsplit("/", 1)[-1] or _("unnamed file")
    if len(name) > MAX_NAME_LENGTH:
        raise _refuse(
            name[:40] + "…",
            _(
                "the file name is longer than %(max)d characters; rename the file"
                " with a shorter name and send it again."
            )
            % {"max": MAX_NAME_LENGTH},
        )
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
    except TooManyPixels:
        raise _refuse(
            name,
            _(
                "the image is larger than %(mp)d megapixels; send a smaller photo"
                " (a phone camera's normal size is enough)."
            )
            % {"mp": MAX_PIXELS // 1_000_000},
        ) from None
    except TooManyPages:
        raise _refuse(
            name,
            _("the PDF has more than %(max)d pages; send only the pages that matter.")
            % {"max": MAX_PDF_PAGES},
        ) from None
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
