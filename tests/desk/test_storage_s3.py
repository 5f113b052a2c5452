"""Uploaded photos in S3-compatible object storage (issue 6).

The settings are read from the environment in a fresh process, as a deployment
would, and the same settings then carry an editor's upload, through the admin, into
a bucket on moto's S3 server running in this process: a real HTTP endpoint, as
MinIO or AWS would be.
"""

import io
import json
import os
import subprocess
import sys
import urllib.request

import boto3
import pytest
from django.db import connection
from moto.server import ThreadedMotoServer
from PIL import Image

from articles.photos import RENDITION_WIDTHS, rendition_name
from tests.admin_support import add_block, change_url, errors_of, form_data
from tests.desk.test_photos import image_bytes, upload
from tests.factories import ArticleFactory
from tests.serving import ROOT, database_url

BUCKET = "newsroom-photos"
# Readers' browsers fetch photos without credentials: the bucket lets anyone read objects.
PUBLIC_READ = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/*",
        }
    ],
}
CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "newsroom-test",
    "AWS_SECRET_ACCESS_KEY": "newsroom-test-secret",
    "AWS_DEFAULT_REGION": "us-east-1",
}

# Printed by a fresh process: what newsroom/settings.py made of its environment.
PROBE = """
import json
from django.conf import settings
from django.core.files.storage import storages
from django.urls import NoReverseMatch, reverse
storage = storages["default"]
try:
    reverse("media", args=["photos/x.jpg"])
    media_view = True
except NoReverseMatch:
    media_view = False
print(json.dumps({
    "STORAGES": settings.STORAGES,
    "MEDIA_URL": settings.MEDIA_URL,
    "backend": f"{type(storage).__module__}.{type(storage).__qualname__}",
    "url": storage.url("photos/2025/05/flood.480w.jpg"),
    "media_view": media_view,
    "img_src": [str(s) for s in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]],
}))
"""


def settings_from_env(**env: str) -> subprocess.CompletedProcess:
    """Run PROBE under `env` (and no other AWS_* or MEDIA_URL variable)."""
    inherited = {
        k: v for k, v in os.environ.items() if not k.startswith("AWS_") and k != "MEDIA_URL"
    }
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", PROBE],
        cwd=ROOT,
        env={**inherited, "DATABASE_URL": database_url(connection.settings_dict), **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def probe(**env: str) -> dict:
    result = settings_from_env(**env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


# --- Settings picked from the environment. -------------------------------------


def test_without_a_bucket_photos_stay_on_this_servers_disk():
    """Unset, the storage is the local one and the site serves /media/ itself."""
    found = probe()
    assert found["backend"] == "django.core.files.storage.filesystem.FileSystemStorage"
    assert found["MEDIA_URL"] == "/media/"
    assert found["url"] == "/media/photos/2025/05/flood.480w.jpg"
    assert found["media_view"] is True
    assert found["img_src"] == ["'self'", "data:"]


def test_a_bucket_on_an_s3_compatible_server_is_used_for_photos():
    """AWS_STORAGE_BUCKET_NAME and AWS_S3_ENDPOINT_URL (MinIO, say) switch to S3Storage."""
    found = probe(
        AWS_STORAGE_BUCKET_NAME="newsroom",
        AWS_S3_ENDPOINT_URL="http://127.0.0.1:9000/",
        **CREDENTIALS,
    )
    assert found["backend"] == "storages.backends.s3.S3Storage"
    assert found["STORAGES"]["staticfiles"]["BACKEND"].endswith("StaticFilesStorage")
    assert found["MEDIA_URL"] == "http://127.0.0.1:9000/newsroom/"
    assert found["url"] == "http://127.0.0.1:9000/newsroom/photos/2025/05/flood.480w.jpg"
    assert found["media_view"] is False  # the object store serves the photos
    assert found["img_src"] == ["'self'", "data:", "http://127.0.0.1:9000"]


@pytest.mark.parametrize(
    ("env", "url", "origin"),
    [
        (
            {"MEDIA_URL": "https://cdn.example.com/newsroom/"},
            "https://cdn.example.com/newsroom/photos/2025/05/flood.480w.jpg",
            "https://cdn.example.com",
        ),
        (
            {},
            "https://newsroom.s3.amazonaws.com/photos/2025/05/flood.480w.jpg",
            "https://newsroom.s3.amazonaws.com",
        ),
    ],
    ids=["cdn", "aws"],
)
def test_photos_are_addressed_at_media_url_or_at_the_bucket_on_aws(env, url, origin):
    """A CDN's MEDIA_URL is where readers fetch photos; without one, the AWS bucket's address."""
    found = probe(AWS_STORAGE_BUCKET_NAME="newsroom", **CREDENTIALS, **env)
    assert found["backend"] == "storages.backends.s3.S3Storage"
    assert found["url"] == url
    assert found["media_view"] is False
    assert found["img_src"] == ["'self'", "data:", origin]


def test_a_relative_media_url_with_a_bucket_is_refused():
    """Photos in a bucket cannot be served at this site's own /media/: say so at start."""
    result = settings_from_env(AWS_STORAGE_BUCKET_NAME="newsroom", MEDIA_URL="media/")
    assert result.returncode != 0
    assert "MEDIA_URL must be an http(s) address" in result.stderr


# --- An editor's upload, into a bucket on moto's S3 server. ----------------------


@pytest.fixture(scope="module")
def s3_endpoint():
    """moto's S3-compatible HTTP server on a free port, for this module's tests."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture(scope="module")
def s3_settings(s3_endpoint):
    """What newsroom/settings.py makes of a bucket on that server."""
    return probe(AWS_STORAGE_BUCKET_NAME=BUCKET, AWS_S3_ENDPOINT_URL=s3_endpoint, **CREDENTIALS)


@pytest.fixture
def bucket(s3_endpoint, s3_settings, settings, monkeypatch, tmp_path):
    """An empty bucket that the default storage writes to, as deployed with those settings."""
    for name, value in CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    client = boto3.client("s3", endpoint_url=s3_endpoint)
    client.create_bucket(Bucket=BUCKET)
    client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_READ))
    settings.STORAGES = s3_settings["STORAGES"]
    # Not MEDIA_URL: it only decides whether newsroom/urls.py routes /media/ when first
    # imported (checked in a fresh process above); overridden here, it could leave this
    # process's URLconf without that route for the tests that follow.
    settings.MEDIA_ROOT = tmp_path / "media"  # must stay empty: nothing goes to local disk
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)
    assert not settings.MEDIA_ROOT.exists()


def keys(client) -> set[str]:
    return {item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def upload_caption_photo(editor_client, article, data: bytes, name: str = "river.jpg"):
    """An editor adds a caption with a photo to `article` in the admin; the stored block."""
    url = change_url(article)
    post = add_block(
        form_data(editor_client.get(url)),
        position=str(article.blocks.count()),
        kind="caption",
        text="The river at noon",
        credit="Bilal Hussein / AP",
        alt_text="Brown water over a road",
        photo=upload(data, name),
    )
    response = editor_client.post(url, post)
    assert response.status_code == 302, errors_of(response)
    return article.blocks.get(kind="caption")


def fetch(url: str) -> tuple[int, str, str, bytes]:
    """Status, Content-Type, Cache-Control and body, fetched as a reader's browser would."""
    with urllib.request.urlopen(url, timeout=10) as response:
        return (
            response.status,
            response.headers["Content-Type"],
            response.headers["Cache-Control"],
            response.read(),
        )


@pytest.mark.django_db
def test_an_uploaded_photo_and_its_renditions_land_in_the_bucket(editor_client, bucket):
    """The cleaned photo and its 480, 960 and 1600-pixel copies are objects in the bucket."""
    caption = upload_caption_photo(editor_client, ArticleFactory(), image_bytes(exif=True))
    name = caption.photo.name
    assert name.startswith("photos/") and name.endswith("/river.jpg")
    assert keys(bucket) == {name} | {rendition_name(name, w) for w in RENDITION_WIDTHS}
    original = bucket.get_object(Bucket=BUCKET, Key=name)
    assert original["ContentType"] == "image/jpeg"
    assert original["CacheControl"] == "public, max-age=86400"
    data = original["Body"].read()
    assert b"SecretCam" not in data  # re-encoded before it was stored
    assert Image.open(io.BytesIO(data)).size == (2000, 1000)
    copy = bucket.get_object(Bucket=BUCKET, Key=rendition_name(name, 960))["Body"].read()
    assert Image.open(io.BytesIO(copy)).size == (960, 480)


@pytest.mark.django_db
def test_readers_page_shows_the_photo_from_the_bucket(editor_client, bucket, s3_endpoint):
    """The article's <img> and srcset point at the bucket, and the bucket serves them."""
    article = ArticleFactory()
    caption = upload_caption_photo(editor_client, article, image_bytes())
    editor_client.logout()
    html = editor_client.get(article.get_absolute_url()).text
    base = f"{s3_endpoint}/{BUCKET}/"
    photo_url = base + caption.photo.name
    srcset = ", ".join(
        f"{base}{rendition_name(caption.photo.name, w)} {w}w" for w in RENDITION_WIDTHS
    )
    assert f'<img src="{photo_url}" srcset="{srcset}"' in html
    assert f'<meta property="og:image" content="{photo_url}">' in html
    renditions = [(f"{base}{rendition_name(caption.photo.name, w)}", w) for w in RENDITION_WIDTHS]
    for url, width in [(photo_url, 2000), *renditions]:
        status, content_type, cache_control, body = fetch(url)
        assert (status, content_type) == (200, "image/jpeg"), url
        assert cache_control == "public, max-age=86400"
        assert Image.open(io.BytesIO(body)).width == width


@pytest.mark.django_db
def test_two_photos_of_the_same_name_are_both_kept(editor_client, bucket):
    """A second "river.jpg" gets a name of its own instead of replacing the first."""
    first = upload_caption_photo(
        editor_client, ArticleFactory(headline="One"), image_bytes(size=(600, 300))
    )
    second = upload_caption_photo(
        editor_client, ArticleFactory(headline="Two"), image_bytes(size=(800, 400))
    )
    assert first.photo.name != second.photo.name
    assert {first.photo.name, second.photo.name} <= keys(bucket)
    stored = bucket.get_object(Bucket=BUCKET, Key=first.photo.name)["Body"].read()
    assert Image.open(io.BytesIO(stored)).size == (600, 300)
    assert rendition_name(first.photo.name, 480) in keys(bucket)
