"""Bylines resolved to authors: their pages, feeds, JSON-LD and the importer's links (issue 16)."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from articles.authors import byline_names
from articles.models import Article, Author
from tests.factories import ArticleFactory, StaffFactory

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Rita Reporter", ["Rita Reporter"]),
        ("by Rita Reporter and Sam Smith", ["Rita Reporter", "Sam Smith"]),
        ("Ann Lee, Bo Chan & Cy Diaz", ["Ann Lee", "Bo Chan", "Cy Diaz"]),
        ("By Joshua Caplan\nLos Angeles Times", ["Joshua Caplan", "Los Angeles Times"]),
        ("מאת דנה כהן", ["דנה כהן"]),
        ("بقلم سامي علي و أحمد حسن", ["سامي علي", "أحمد حسن"]),
        ("", []),
    ],
)
def test_a_byline_names_its_authors_without_by(byline, names):
    """ "By", "and", commas and the Hebrew and Arabic "by" are not part of anyone's name."""
    assert byline_names(byline) == names


def json_ld(html: str) -> dict:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(found.group(1))


def test_an_article_links_each_author_in_its_byline_to_their_page(db, client):
    """The byline's names lead to author pages that show the bio and list the article."""
    article = ArticleFactory(headline="Rain in Haifa", byline="By Rita Reporter and Sam Smith")
    Author.objects.filter(name="Rita Reporter").update(bio="Covers the weather in the north.")
    html = client.get(article.get_absolute_url()).content.decode()
    assert (
        'By <a class="byline__author" href="/authors/rita-reporter/">Rita Reporter</a> and '
        '<a class="byline__author" href="/authors/sam-smith/">Sam Smith</a>'
    ) in html
    author_page = client.get("/authors/rita-reporter/").content.decode()
    assert "<h1>Rita Reporter</h1>" in author_page
    assert "Covers the weather in the north." in author_page
    assert "Rain in Haifa" in author_page
    assert 'href="/authors/rita-reporter/rss/"' in author_page


def test_an_author_page_lists_only_their_published_articles(db, client):
    """Drafts and other writers' stories stay off an author's page."""
    ArticleFactory(headline="Hers, published", byline="Rita Reporter")
    ArticleFactory(headline="Hers, a draft", byline="Rita Reporter", status=Article.Status.DRAFT)
    ArticleFactory(headline="His", byline="Sam Smith")
    html = client.get("/authors/rita-reporter/").content.decode()
    assert "Hers, published" in html
    assert "Hers, a draft" not in html and "His" not in html
    assert client.get("/authors/nobody/").status_code == 404


def test_changing_the_byline_moves_the_article_to_the_new_author(db, client):
    """An editor's corrected byline links the article to the right person."""
    article = ArticleFactory(headline="A story", byline="By Rita Repotrer")
    article.byline = "By Rita Reporter"
    article.save()
    assert list(article.authors.values_list("name", flat=True)) == ["Rita Reporter"]
    assert "A story" not in client.get("/authors/rita-repotrer/").content.decode()


def test_json_ld_names_every_author_as_a_person_with_their_page(db, client):
    """Machines read each author as a Person with an address, not "By …" as one name."""
    article = ArticleFactory(byline="By Rita Reporter and Sam Smith")
    data = json_ld(client.get(article.get_absolute_url()).content.decode())
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Rita Reporter",
            "url": "http://testserver/authors/rita-reporter/",
        },
        {"@type": "Person", "name": "Sam Smith", "url": "http://testserver/authors/sam-smith/"},
    ]


def test_json_ld_date_modified_follows_an_editors_later_edit(db, client):
    """An edit after publication moves dateModified, as search engines should see it."""
    article = ArticleFactory(published_at=timezone.now() - timedelta(days=2))
    edited = (timezone.now() - timedelta(hours=3)).replace(microsecond=0)
    Article.objects.filter(pk=article.pk).update(edited_at=edited)
    data = json_ld(client.get(article.get_absolute_url()).content.decode())
    assert data["dateModified"] == timezone.localtime(edited).isoformat()
    assert data["datePublished"] < data["dateModified"]


def test_feeds_carry_author_names_and_no_empty_author(db, client):
    """RSS and Atom name the authors without "By"; an article with no byline has no empty author."""
    ArticleFactory(headline="Bylined", byline="By Rita Reporter and Sam Smith")
    ArticleFactory(headline="Unsigned", byline="")
    atom = ET.fromstring(client.get("/feeds/atom/").content)
    authors = {
        entry.findtext(f"{ATOM}title"): [n.text for n in entry.iter(f"{ATOM}name")]
        for entry in atom.iter(f"{ATOM}entry")
    }
    assert authors == {"Bylined": ["Rita Reporter, Sam Smith"], "Unsigned": []}
    rss = ET.fromstring(client.get("/feeds/rss/").content)
    creators = [item.findtext(f"{DC}creator") for item in rss.iter("item")]
    assert "Rita Reporter, Sam Smith" in creators


def test_an_author_has_rss_and_atom_feeds_of_their_articles(db, client):
    """Readers can follow one writer."""
    ArticleFactory(headline="By her", byline="Rita Reporter")
    ArticleFactory(headline="By him", byline="Sam Smith")
    rss = ET.fromstring(client.get("/authors/rita-reporter/rss/").content)
    assert [item.findtext("title") for item in rss.iter("item")] == ["By her"]
    atom = ET.fromstring(client.get("/authors/rita-reporter/atom/").content)
    assert [e.findtext(f"{ATOM}title") for e in atom.iter(f"{ATOM}entry")] == ["By her"]


def test_the_importer_links_bylines_to_authors_by_name_keeping_their_bio(db, tmp_path):
    """An imported byline finds the editor's author record; a new name gets a record of its own."""
    Author.objects.create(name="Rita Reporter", slug="rita", bio="Our weather writer.")
    (tmp_path / "one.txt").write_text(
        "Storm Hits the Coast\n\nBy Rita Reporter and Sam Smith\n\nWaves broke over the wall.\n"
    )
    (tmp_path / "two.txt").write_text(
        "Calm After the Storm\n\nBy Rita Reporter\n\nThe sea was flat by noon.\n"
    )
    call_command("import_seeds", str(tmp_path), verbosity=0)
    rita = Author.objects.get(name="Rita Reporter")
    assert rita.bio == "Our weather writer." and rita.slug == "rita"
    assert sorted(rita.articles.values_list("headline", flat=True)) == [
        "Calm After the Storm",
        "Storm Hits the Coast",
    ]
    assert list(
        Author.objects.get(name="Sam Smith").articles.values_list("headline", flat=True)
    ) == ["Storm Hits the Coast"]


def test_an_editor_gives_an_author_a_bio_in_the_admin(db, client):
    """Editors manage authors: the bio they write appears on the author's page."""
    client.force_login(StaffFactory(role="Editors"))
    response = client.post(
        "/admin/articles/author/add/",
        {"name": "Dana Levi", "slug": "dana-levi", "bio": "Writes about the sea."},
    )
    assert response.status_code == 302
    ArticleFactory(headline="The sea", byline="By Dana Levi")
    assert "Writes about the sea." in client.get("/authors/dana-levi/").content.decode()


def test_an_author_page_shows_the_authors_photo_with_its_size(db, client, settings, tmp_path):
    """A photo an editor gave the author appears on their page, sized so the page does not jump."""
    import io

    from django.core.files.base import ContentFile
    from PIL import Image

    settings.MEDIA_ROOT = tmp_path / "media"
    ArticleFactory(byline="By Dana Levi")
    author = Author.objects.get(name="Dana Levi")
    image = io.BytesIO()
    Image.new("RGB", (300, 200), "gray").save(image, "JPEG")
    author.photo.save("dana.jpg", ContentFile(image.getvalue()))
    html = client.get("/authors/dana-levi/").content.decode()
    assert re.search(
        r'<img class="author-card__photo" src="/media/authors/dana[^"]*\.jpg" width="300" height="200"',
        html,
    )
