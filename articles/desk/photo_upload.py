"""A photo chosen on the article screen survives a form that comes back with errors.

A browser never sends a file twice: when anything on the form is wrong, the page comes back
with an empty file input and the editor's photo is gone. So each accepted upload (already
checked and re-encoded by articles/photos.py) is stored at once under a temporary name in
`photos/unsaved/`, and the form carries a signed token naming it in a hidden field; the next
submission takes the photo from there unless a new one is chosen. The token is signed, so a
form can only ever point at a file this module stored.

Not django-file-resubmit: its last release is from 2018 (before Django 3), and it keeps
uploads in the cache, which here is each worker's own memory unless CACHE_URL is set, so a
retry landing on another gunicorn worker would lose the photo anyway.
"""

from datetime import datetime, timedelta
from pathlib import PurePosixPath
from uuid import uuid4

from django.contrib.admin.widgets import AdminFileWidget
from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

KEPT_DIR = "photos/unsaved/"
SALT = "articles.desk.photo_upload"
# A form left open longer than this has to have its photo chosen again.
KEPT_SECONDS = 24 * 3600


def keep(photo: ContentFile) -> str:
    """Store a checked photo under a temporary name; the token that names it."""
    prune()
    stem = PurePosixPath(photo.name or "photo.jpg").name
    name = default_storage.save(f"{KEPT_DIR}{uuid4().hex}/{stem}", photo)
    return signing.dumps(name, salt=SALT)


def prune(*, now: datetime | None = None) -> int:
    """Delete kept photos whose token has expired (their forms were abandoned); how many.

    Run on each new upload rather than by a job: the folder holds only the photos of the
    last day's forms that were never saved, so listing it is cheap.
    """
    if not default_storage.exists(KEPT_DIR):
        return 0
    oldest = (now or timezone.now()) - timedelta(seconds=KEPT_SECONDS)
    folders, _ = default_storage.listdir(KEPT_DIR)
    pruned = 0
    for folder in folders:
        for file_name in default_storage.listdir(f"{KEPT_DIR}{folder}")[1]:
            name = f"{KEPT_DIR}{folder}/{file_name}"
            if default_storage.get_modified_time(name) < oldest:
                default_storage.delete(name)
                pruned += 1
    return pruned


def kept_name(token: str) -> str | None:
    """The stored name a token names, if it is ours, recent and still there."""
    try:
        name = signing.loads(token, salt=SALT, max_age=KEPT_SECONDS)
    except signing.BadSignature:
        return None
    if not isinstance(name, str) or not name.startswith(KEPT_DIR):
        return None
    return name if default_storage.exists(name) else None


def forget(token: str) -> None:
    """Delete a kept photo once its block has stored its own copy."""
    name = kept_name(token)
    if name:
        default_storage.delete(name)


def read(name: str) -> bytes:
    with default_storage.open(name, "rb") as handle:
        return handle.read()


class KeptPhotoInput(AdminFileWidget):
    """The caption's photo input, with a thumbnail and the token of a photo kept from the
    last submission (articles/desk/photo_upload.py); desk-photos.js previews a chosen file."""

    # Around the admin's own file input (which the form renderer draws): the project's
    # template, with the admin's other article templates.
    frame_template = "admin/articles/article/widgets/kept_photo.html"
    # Set by the form once the photo is checked: the token of its kept copy.
    kept_token = ""

    def __init__(self, attrs=None):
        super().__init__({"accept": "image/jpeg,image/png,image/webp", **(attrs or {})})

    def token_name(self, name: str) -> str:
        return f"{name}_kept"

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        if value is not None:  # a new file, or "Clear" ticked: the editor's latest word
            return value
        token = data.get(self.token_name(name), "")
        if not token:
            return None
        # Django asks for the value several times per request: the file is read once.
        cache = self.__dict__.setdefault("_kept", {})
        if token not in cache:
            stored = kept_name(token)
            cache[token] = stored and (PurePosixPath(stored).name, read(stored))
        if not cache[token]:
            return None
        file_name, content = cache[token]
        photo = ContentFile(content, name=file_name)
        photo.kept_token = token
        return photo

    def render(self, name, value, attrs=None, renderer=None):
        # A file input is never filled in again: the form tells its widget what it kept.
        token = self.kept_token
        kept = kept_name(token) if token else None
        saved_url = getattr(value, "url", "") if self.is_initial(value) else ""
        frame = {
            "input_html": super().render(name, value, attrs, renderer),
            "token_name": self.token_name(name),
            "kept_token": token if kept else "",
            "kept_file": PurePosixPath(kept).name if kept else "",
            "thumbnail_url": default_storage.url(kept) if kept else saved_url,
        }
        return mark_safe(render_to_string(self.frame_template, frame))
