"""Caption photos: checked and re-encoded on upload, then resized to a few fixed widths.

An upload is opened with Pillow (so anything that is not really an image is refused)
and saved again from its pixels, which drops EXIF/GPS metadata and anything smuggled
after the image data (polyglot files). Renditions sit beside the original under names
derived from it (`photos/2025/05/flood.jpg` -> `photos/2025/05/flood.960w.jpg`), so
templates can build a srcset from the photo's name alone.
"""

import io
import re
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps, UnidentifiedImageError

RENDITION_WIDTHS = (480, 960, 1600)
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
MAX_PIXELS = 50_000_000  # a 50-megapixel photo is plenty; larger is likely a decompression bomb
JPEG_QUALITY = 85


def split_credit(credit: str) -> tuple[str, str]:
    """The photographer and the agency in a credit: "Bilal Hussein / AP" -> ("Bilal Hussein", "AP")."""
    credit = re.sub(r"^\s*(photo(graph)?|credit|image)\s*:\s*", "", credit.strip(), flags=re.I)
    # "AP Photo/Bilal Hussein" is the Associated Press's own style: agency first.
    agency_first = re.match(r"^(.+?)\s+Photo\s*/\s*(.+)$", credit)
    if agency_first:
        return agency_first.group(2).strip(), agency_first.group(1).strip()
    for separator in ("/", " via ", " for "):
        if separator in credit:
            photographer, _, agency = credit.rpartition(separator)
            if photographer.strip() and agency.strip():
                return photographer.strip(), agency.strip()
    return credit.strip(), ""


def clean_photo(upload) -> ContentFile:
    """The upload re-encoded from its pixels, or a ValidationError in plain words."""
    try:
        with Image.open(upload) as probe:
            image_format = probe.format
            width, height = probe.size
            probe.verify()
        if image_format not in ACCEPTED_FORMATS:
            raise ValidationError(
                "This photo is a %(format)s file; upload a JPEG, PNG or WebP image.",
                params={"format": image_format},
            )
        if width * height > MAX_PIXELS:
            raise ValidationError(
                "This photo is %(w)s × %(h)s pixels, too large to handle; "
                "upload one under 50 megapixels.",
                params={"w": width, "h": height},
            )
        upload.seek(0)
        with Image.open(upload) as image:
            image = ImageOps.exif_transpose(image)
            image.load()
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            "This file is not a photo we can read; upload a JPEG, PNG or WebP image."
        ) from None
    name = PurePosixPath(upload.name or "photo").name
    return ContentFile(encode(image, image_format), name=reencoded_name(name, image_format))


def encode(image: Image.Image, image_format: str) -> bytes:
    """The image's pixels alone: PNGs and transparent WebPs stay PNG, the rest become JPEG."""
    out = io.BytesIO()
    if image_format == "PNG" or (image_format == "WEBP" and image.mode in ("RGBA", "LA", "P")):
        image.save(out, "PNG", optimize=True)
    else:
        image.convert("RGB").save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue()


def reencoded_name(name: str, image_format: str) -> str:
    stem = PurePosixPath(name).stem or "photo"
    return f"{stem}.png" if image_format == "PNG" else f"{stem}.jpg"


def rendition_name(name: str, width: int) -> str:
    """Where the `width`-pixel copy of the stored photo `name` lives."""
    path = PurePosixPath(name)
    return str(path.with_name(f"{path.stem}.{width}w.jpg"))


def make_renditions(name: str, *, storage=default_storage) -> list[str]:
    """Store JPEG copies of photo `name` at each width narrower than the original; their names."""
    with storage.open(name, "rb") as handle, Image.open(handle) as image:
        image = image.convert("RGB")
        made = []
        for width in RENDITION_WIDTHS:
            if width >= image.width:
                break
            height = round(image.height * width / image.width)
            out = io.BytesIO()
            image.resize((width, height), Image.Resampling.LANCZOS).save(
                out, "JPEG", quality=JPEG_QUALITY, optimize=True
            )
            target = rendition_name(name, width)
            if storage.exists(target):
                storage.delete(target)
            made.append(storage.save(target, ContentFile(out.getvalue())))
    return made


def photo_srcset(photo, *, storage=default_storage) -> str:
    """A srcset for a Block's photo, "…/flood.480w.jpg 480w, …/flood.960w.jpg 960w"; "" if none."""
    if not photo:
        return ""
    return ", ".join(
        f"{storage.url(rendition)} {width}w"
        for width in RENDITION_WIDTHS
        if storage.exists(rendition := rendition_name(photo.name, width))
    )


def photo_size(photo, *, storage=default_storage) -> tuple[int | None, int | None]:
    """A stored photo's width and height in pixels; (None, None) when it cannot be read."""
    try:
        with storage.open(photo.name, "rb") as handle, Image.open(handle) as image:
            return image.size
    except (OSError, ValueError, UnidentifiedImageError, Image.DecompressionBombError):
        return None, None


def record_photo_size(block) -> None:
    """Store a saved caption's photo size (for <img width height>) when it has changed."""
    size = photo_size(block.photo) if block.photo else (None, None)
    if size != (block.photo_width, block.photo_height):
        block.photo_width, block.photo_height = size
        type(block).objects.filter(pk=block.pk).update(photo_width=size[0], photo_height=size[1])
