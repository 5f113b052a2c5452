"""Caption photos: checked, re-encoded and resized on upload; credits split (issue 5)."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from articles.photos import (
    clean_photo,
    make_renditions,
    photo_srcset,
    rendition_name,
    split_credit,
)
from tests.admin_support import errors_of, form_data, make_staff
from tests.factories import ArticleFactory


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def image_bytes(fmt: str = "JPEG", size=(2000, 1000), *, exif: bool = False) -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    out = io.BytesIO()
    options = {}
    if exif:
        info = Image.Exif()
        info[0x010F] = "SecretCam"  # Make
        info[0x8825] = {1: "N"}  # a GPS block
        options["exif"] = info
    image.save(out, fmt, **options)
    return out.getvalue()


def post_second_block(client, article, **fields):
    """An editor saves `article` in the admin with one more block after its first."""
    client.force_login(make_staff("eve", "Editors"))
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(client.get(url))
    data.update({"blocks-TOTAL_FORMS": "2", "blocks-1-position": "1"})
    data.update({f"blocks-1-{name}": value for name, value in fields.items()})
    return client.post(url, data)


def upload(data: bytes, name: str = "flood.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


@pytest.mark.parametrize(
    ("credit", "parts"),
    [
        ("Bilal Hussein / AP", ("Bilal Hussein", "AP")),
        ("Bilal Hussein/AP", ("Bilal Hussein", "AP")),
        ("AP Photo/Bilal Hussein", ("Bilal Hussein", "AP")),
        ("Photo: Ana Ruiz / Reuters", ("Ana Ruiz", "Reuters")),
        ("Ana Ruiz via Getty Images", ("Ana Ruiz", "Getty Images")),
        ("Reuters", ("Reuters", "")),
        ("", ("", "")),
    ],
)
def test_a_credit_is_split_into_photographer_and_agency(credit, parts):
    """Credits written the usual ways give the photographer and the agency."""
    assert split_credit(credit) == parts


@given(st.text(max_size=80))
def test_splitting_a_credit_never_fails_and_loses_no_words(credit):
    """Any credit splits without error, and both parts come from the credit's text."""
    photographer, agency = split_credit(credit)
    assert photographer.strip() == photographer and agency.strip() == agency
    for part in (photographer, agency):
        assert all(word in credit for word in part.split())


def test_an_upload_that_is_not_an_image_is_refused_in_plain_words():
    """A text file named .jpg is refused."""
    with pytest.raises(ValidationError, match="not a photo we can read"):
        clean_photo(upload(b"<script>alert(1)</script>"))


def test_a_gif_is_refused():
    """Only JPEG, PNG and WebP photos are taken."""
    with pytest.raises(ValidationError, match="GIF file"):
        clean_photo(upload(image_bytes("GIF", (20, 20)), "anim.gif"))


def test_a_photo_is_re_encoded_without_its_metadata():
    """Re-encoding drops the camera and GPS metadata."""
    original = image_bytes(exif=True)
    assert b"SecretCam" in original
    cleaned = clean_photo(upload(original)).read()
    assert b"SecretCam" not in cleaned
    assert not Image.open(io.BytesIO(cleaned)).getexif()


def test_data_smuggled_after_the_image_is_dropped():
    """A polyglot (an image with a script appended) comes out as the image alone."""
    cleaned = clean_photo(upload(image_bytes() + b"<html><script>evil()</script>")).read()
    assert b"evil" not in cleaned
    assert Image.open(io.BytesIO(cleaned)).size == (2000, 1000)


def test_a_png_stays_a_png_and_other_formats_become_jpeg():
    """PNGs keep their format (and transparency); JPEG and WebP are stored as JPEG."""
    assert clean_photo(upload(image_bytes("PNG", (10, 10)), "chart.png")).name == "chart.png"
    assert clean_photo(upload(image_bytes("WEBP", (10, 10)), "a.webp")).name == "a.jpg"


@pytest.mark.django_db
def test_renditions_are_made_at_fixed_widths_with_names_from_the_photo():
    """A 2000-pixel photo gets 480, 960 and 1600-pixel copies beside it."""
    name = default_storage.save("photos/2025/05/flood.jpg", clean_photo(upload(image_bytes())))
    made = make_renditions(name)
    assert made == [rendition_name(name, w) for w in (480, 960, 1600)]
    assert made[0] == "photos/2025/05/flood.480w.jpg"
    with default_storage.open(made[1]) as handle:
        assert Image.open(handle).size == (960, 480)


@pytest.mark.django_db
def test_a_small_photo_is_never_enlarged():
    """Renditions wider than the photo itself are not made."""
    name = default_storage.save(
        "photos/small.jpg", clean_photo(upload(image_bytes(size=(700, 400))))
    )
    assert make_renditions(name) == ["photos/small.480w.jpg"]


@pytest.mark.django_db
def test_srcset_lists_the_renditions_that_exist():
    """Templates get a srcset naming each stored width."""

    class Photo:
        name = default_storage.save("photos/x.jpg", clean_photo(upload(image_bytes())))

    make_renditions(Photo.name)
    assert photo_srcset(Photo) == (
        "/media/photos/x.480w.jpg 480w, /media/photos/x.960w.jpg 960w, "
        "/media/photos/x.1600w.jpg 1600w"
    )
    assert photo_srcset(None) == ""


@pytest.mark.django_db
def test_editor_uploads_a_captioned_photo_with_alt_text(client):
    """A photo uploaded on a caption is stored clean, with renditions, and its alt text."""
    article = ArticleFactory()
    response = post_second_block(
        client,
        article,
        kind="caption",
        text="The river at noon",
        credit="Bilal Hussein / AP",
        alt_text="Brown water over a road",
        photo=upload(image_bytes(exif=True), "river.jpg"),
    )
    assert response.status_code == 302, errors_of(response)
    caption = article.blocks.get(kind="caption")
    assert caption.photo.name.endswith(".jpg")
    assert b"SecretCam" not in caption.photo.read()
    assert "480w" in photo_srcset(caption.photo)
    assert caption.alt_text == "Brown water over a road"


@pytest.mark.django_db
def test_a_photo_without_alt_text_or_on_a_paragraph_is_refused(client):
    """A photo needs a description, and only captions carry photos."""
    response = post_second_block(
        client,
        ArticleFactory(),
        kind="paragraph",
        text="Text",
        photo=upload(image_bytes(size=(50, 50))),
    )
    assert response.status_code == 200
    assert set(errors_of(response)) == {
        "Only a photo caption can carry a photo.",
        "Describe what the photo shows, for readers who cannot see it.",
    }


@pytest.mark.django_db
def test_readers_see_an_uploaded_photo_in_the_sizes_made_for_it(client):
    """The article page shows the photo with its renditions, and the site serves them."""
    article = ArticleFactory()
    post_second_block(
        client,
        article,
        kind="caption",
        text="The river at noon",
        alt_text="Brown water over a road",
        photo=upload(image_bytes(), "river.jpg"),
    )
    client.logout()
    html = client.get(article.get_absolute_url()).text
    caption = article.blocks.get(kind="caption")
    assert f'src="{caption.photo.url}"' in html
    assert 'alt="Brown water over a road"' in html
    assert "480w" in html and "960w" in html
    for url in (caption.photo.url, caption.photo.url.replace(".jpg", ".480w.jpg")):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == "image/jpeg"
