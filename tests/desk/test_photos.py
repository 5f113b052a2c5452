"""Caption photos: checked, re-encoded and resized on upload; credits split (issue 5)."""

import io
import os
import re
import time

import pytest
from django.contrib.auth.models import User
from django.contrib.messages import get_messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from articles.desk import photo_upload, workflow
from articles.desk.drafts import publish
from articles.desk.photo_upload import KEPT_DIR
from articles.models import Article, PendingChange
from articles.photos import (
    clean_photo,
    make_renditions,
    photo_srcset,
    rendition_name,
    split_credit,
)
from tests.admin_support import add_block, errors_of, form_data, make_staff
from tests.factories import ArticleFactory

ADD_URL = "/admin/articles/article/add/"


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


# Issue 14: the photo on the article screen.


def draft_with_a_caption(client, *, headline: str = "River rises", **caption):
    """An editor posts a new draft with a paragraph and a caption carrying a photo."""
    client.force_login(User.objects.filter(username="eve").first() or make_staff("eve", "Editors"))
    data = form_data(client.get(ADD_URL))
    data.update(headline=headline, status="draft")
    add_block(data, position="0", kind="paragraph", text="The river rose overnight.")
    fields = {"kind": "caption", "text": "The river at noon", "alt_text": "Brown water"}
    add_block(data, position="1", **{**fields, **caption})
    return data, client.post(ADD_URL, data)


def kept_files() -> list[str]:
    """The names of the photos kept for a retry (each in a folder of its own)."""
    folders, _ = default_storage.listdir(KEPT_DIR) if default_storage.exists(KEPT_DIR) else ([], [])
    return [
        name for folder in folders for name in default_storage.listdir(f"{KEPT_DIR}{folder}")[1]
    ]


@pytest.mark.django_db
def test_a_photo_survives_an_error_elsewhere_on_the_form_and_is_saved_on_the_next_try(client):
    """A headline left empty sends the form back; the photo stays, shown, and is stored after."""
    data, response = draft_with_a_caption(
        client, headline="", photo=upload(image_bytes(exif=True), "river.jpg")
    )
    assert response.status_code == 200
    assert errors_of(response) == ["Every article needs a headline."]
    html = response.text
    assert "Your photo river.jpg is kept from your last try" in html
    token = re.search(r'name="blocks-1-photo_kept" value="([^"]+)"', html).group(1)
    thumbnail = re.search(r'<img class="desk-photo__thumb"[^>]* src="([^"]+)"', html).group(1)
    assert client.get(thumbnail).status_code == 200  # the thumbnail shows the photo itself
    assert kept_files() == ["river.jpg"]

    # The browser sends no file the second time: only the hidden token.
    data.update({"headline": "River rises", "blocks-1-photo_kept": token})
    data.pop("blocks-1-photo", None)
    response = client.post(ADD_URL, data)
    assert response.status_code == 302, errors_of(response)
    caption = Article.objects.get(headline="River rises").blocks.get(kind="caption")
    assert caption.photo.name.startswith("photos/") and caption.photo.name.endswith(".jpg")
    assert KEPT_DIR not in caption.photo.name
    assert b"SecretCam" not in caption.photo.read()
    assert (caption.photo_width, caption.photo_height) == (2000, 1000)
    assert "480w" in photo_srcset(caption.photo)
    assert kept_files() == []  # the temporary copy is gone once the block has its own


@pytest.mark.django_db
@pytest.mark.parametrize(
    "token",
    [
        signing.dumps("photos/2025/05/someone-elses.jpg", salt=photo_upload.SALT),
        signing.dumps(f"{KEPT_DIR}x/flood.jpg", salt="another-salt"),
        "photos/unsaved/x/flood.jpg",
    ],
    ids=["outside-the-kept-folder", "not-signed-by-us", "a-bare-name"],
)
def test_a_forged_or_foreign_token_brings_no_photo(client, token):
    """Only a token this site signed for a kept photo brings one; others are ignored."""
    default_storage.save("photos/2025/05/someone-elses.jpg", upload(image_bytes(size=(40, 40))))
    default_storage.save(f"{KEPT_DIR}x/flood.jpg", upload(image_bytes(size=(40, 40))))
    _, response = draft_with_a_caption(client, photo_kept=token)
    assert response.status_code == 302, errors_of(response)
    assert not Article.objects.get().blocks.get(kind="caption").photo


@pytest.mark.django_db
def test_a_saved_photo_shows_its_thumbnail_on_the_article_screen(client):
    """Reopening the article shows the caption's photo as a thumbnail, with the alt hint."""
    _, response = draft_with_a_caption(client, photo=upload(image_bytes(), "river.jpg"))
    assert response.status_code == 302, errors_of(response)
    article = Article.objects.get()
    caption = article.blocks.get(kind="caption")
    html = client.get(reverse("admin:articles_article_change", args=[article.pk])).text
    assert re.search(rf'<img class="desk-photo__thumb"[^>]* src="{caption.photo.url}"', html)
    assert "Say what the photo shows for readers who cannot see it" in html


@pytest.mark.django_db
def test_a_draft_may_keep_a_photo_without_alt_text_but_is_told(client):
    """Saving a draft is not blocked; the editor is warned that publishing will be."""
    _, response = draft_with_a_caption(client, alt_text="", photo=upload(image_bytes()))
    assert response.status_code == 302, errors_of(response)
    warnings = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("the photo at position 1 has no alt text" in m for m in warnings), warnings
    assert Article.objects.get().blocks.get(kind="caption").photo


@pytest.mark.django_db
def test_publishing_a_photo_without_alt_text_is_refused_and_keeps_the_photo(client):
    """ "Published" with a photo lacking alt text is refused; the photo waits for the retry."""
    data, response = draft_with_a_caption(
        client, alt_text="", photo=upload(image_bytes(), "river.jpg")
    )
    article = Article.objects.get()
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(client.get(url))
    data["status"] = "published"
    response = client.post(url, data)
    assert response.status_code == 200
    assert errors_of(response) == ["Describe what the photo shows, for readers who cannot see it."]
    assert Article.objects.get().status == Article.Status.DRAFT
    data["blocks-1-alt_text"] = "Brown water over a road"
    response = client.post(url, data)
    assert response.status_code == 302, errors_of(response)
    assert Article.objects.get().is_published


@pytest.mark.django_db
def test_pending_changes_with_a_photo_without_alt_text_are_not_published(client):
    """A live article's draft may lack alt text; "Publish changes" and the review page refuse it."""
    article = ArticleFactory(paragraphs=["The river rose."])
    editor = make_staff("eve", "Editors")
    client.force_login(editor)
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(client.get(url), button="_save_draft")
    add_block(data, position="1", kind="caption", text="The river", photo=upload(image_bytes()))
    response = client.post(url, data)
    assert response.status_code == 302, errors_of(response)
    pending = PendingChange.objects.get(article=article)
    assert not article.blocks.filter(kind="caption").exists()  # readers see no change

    data = form_data(client.get(url), button="_publish_changes")
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Describe what the photo shows, for readers who cannot see it." in errors_of(response)
    assert publish(pending, user=editor) == workflow.MISSING_ALT_TEXT
    assert not article.blocks.filter(kind="caption").exists()


@pytest.mark.django_db
def test_the_bulk_publish_action_skips_a_photo_without_alt_text_and_says_why(client):
    """ "Publish selected" holds back the draft whose photo has no description."""
    draft_with_a_caption(client, headline="No alt", alt_text="", photo=upload(image_bytes()))
    draft_with_a_caption(client, headline="With alt", photo=upload(image_bytes()))
    response = client.post(
        "/admin/articles/article/",
        {"action": "publish_selected", "_selected_action": list(Article.objects.values_list("pk", flat=True))},
        follow=True,
    )  # fmt: skip
    shown = [str(m) for m in response.context["messages"]]
    assert f"Not published: “No alt”. {workflow.MISSING_ALT_TEXT}" in shown, shown
    assert list(Article.objects.published().values_list("headline", flat=True)) == ["With alt"]


@pytest.mark.django_db
def test_photos_kept_for_abandoned_forms_are_deleted_after_a_day():
    """A kept photo whose form was never saved is gone once its token has expired."""
    old = photo_upload.kept_name(photo_upload.keep(clean_photo(upload(image_bytes(), "old.jpg"))))
    a_day_ago = time.time() - photo_upload.KEPT_SECONDS - 60
    os.utime(default_storage.path(old), (a_day_ago, a_day_ago))
    fresh = photo_upload.keep(clean_photo(upload(image_bytes(), "new.jpg")))
    assert kept_files() == ["new.jpg"]
    assert photo_upload.kept_name(fresh)
