"""The benchmark corpus: published articles in sections and topics, kept between runs."""

from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Article

pytestmark = pytest.mark.django_db


def generate(articles: int) -> str:
    out = StringIO()
    call_command("generate_corpus", "--articles", str(articles), stdout=out)
    return out.getvalue()


def test_corpus_articles_are_published_in_sections_and_topics_newest_numbers_first():
    """Every generated article is published, in a section and one to three topics."""
    generate(5)
    corpus = Article.objects.published().filter(source_file__startswith="corpus_")
    assert corpus.count() == 5
    assert not corpus.filter(section=None).exists()
    assert all(1 <= article.topics.count() <= 3 for article in corpus)
    newest_first = list(corpus.order_by("-published_at").values_list("source_file", flat=True))
    assert newest_first == sorted(newest_first, reverse=True)


def test_a_larger_run_adds_only_the_missing_articles():
    """Asking for more articles imports only the new ones and leaves the others as they were."""
    generate(3)
    before = dict(Article.objects.values_list("source_file", "published_at"))
    assert "2 articles through the importer" in generate(5)
    after = dict(Article.objects.values_list("source_file", "published_at"))
    assert len(after) == 5
    assert {name: after[name] for name in before} == before
    assert "already there" in generate(5)


def test_corpus_articles_are_signed_by_reporters_with_pages_of_their_own(client):
    """Each article carries a byline naming one of the desk's reporters, whose author page
    lists it: the benchmark's author pages are real pages, not the front page."""
    generate(5)
    corpus = Article.objects.published().filter(source_file__startswith="corpus_")
    assert all(article.byline.startswith("By ") for article in corpus)
    article = corpus.order_by("pk").first()
    author = article.authors.get()
    assert article.byline == f"By {author.name}"
    page = client.get(f"/authors/{author.slug}/")
    assert page.status_code == 200 and article.headline in page.content.decode()
