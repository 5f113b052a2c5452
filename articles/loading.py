"""Write parsed seed files to the database: the second half of the importer.

Files arrive parsed (articles/seedparser.py); this module decides, per file,
whether it is new, changed, unchanged or in conflict with an editor's work,
and writes a whole batch with a handful of bulk queries inside one transaction,
so that an import killed at any moment leaves each article whole or untouched.
"""

import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from articles.cache import content_changed
from articles.models import (
    Article,
    Block,
    base_slug,
    body_text,
    headline_key,
    next_free_slug,
    slugs_taken,
)
from articles.seedparser import ParsedArticle

IMPORTED, UPDATED, UNCHANGED, CONFLICT = "imported", "updated", "unchanged", "conflict"

# Longest values the columns take; a file exceeding them is rejected before any write.
FIELD_LIMITS = {"headline": 300, "byline": 300, "dateline": 200}
CREDIT_LIMIT = 300
STORED_FIELDS = [
    "headline",
    "headline_key",
    "dek",
    "byline",
    "dateline",
    "language",
    "body_text",
    "body_html",
]


@dataclass(frozen=True)
class SeedFile:
    """One file to load: its identifying name, its raw bytes' hash and what the parser made of it."""

    name: str
    digest: str
    parsed: ParsedArticle


@dataclass(frozen=True)
class LoadResult:
    name: str
    outcome: str
    article: Article


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def oversized_fields(parsed: ParsedArticle) -> list[str]:
    """Plain-English reasons why this article cannot be stored as it is."""
    problems = [
        f"the {field} is {len(value):,} characters long; the limit is {limit:,}"
        for field, limit in FIELD_LIMITS.items()
        if len(value := getattr(parsed, field)) > limit
    ]
    problems += [
        f"a photo credit is {len(block.credit):,} characters long; the limit is {CREDIT_LIMIT:,}"
        for block in parsed.blocks
        if len(block.credit) > CREDIT_LIMIT
    ]
    return problems


_HEBREW, _ARABIC = "\u0590-\u05ff", "\u0600-\u06ff\u0750-\u077f"
HEBREW = re.compile(f"[{_HEBREW}]")
ARABIC = re.compile(f"[{_ARABIC}]")
RIGHT_TO_LEFT = re.compile(f"[{_HEBREW}{_ARABIC}]")
LETTER = re.compile(r"[^\W\d_]")


def guess_language(parsed: ParsedArticle) -> str:
    """Hebrew or Arabic when most letters are, else English: enough to set text direction."""
    text = " ".join([parsed.headline, parsed.dek, *(b.text for b in parsed.blocks[:5])])
    # Regular expressions, not a loop over characters: this runs for every imported file.
    if not RIGHT_TO_LEFT.search(text):
        return "en"
    letters = "".join(LETTER.findall(text))
    hebrew, arabic = len(HEBREW.findall(letters)), len(ARABIC.findall(letters))
    if max(hebrew, arabic) > len(letters) / 2:
        return "he" if hebrew >= arabic else "ar"
    return "en"


def plan(files: Sequence[SeedFile], *, force: bool = False) -> dict[str, str]:
    """What loading these files would do to each, without writing anything."""
    existing = Article.objects.in_bulk([f.name for f in files], field_name="source_file")
    return {f.name: _outcome(f, existing.get(f.name), force) for f in files}


def _outcome(seed: SeedFile, article: Article | None, force: bool) -> str:
    if article is None:
        return IMPORTED
    if article.source_hash == seed.digest and not force:
        return UNCHANGED
    edited = article.edited_at and (
        not article.imported_at or article.edited_at > article.imported_at
    )
    if edited and not force:
        return CONFLICT
    return UPDATED


@transaction.atomic
def load(
    files: Sequence[SeedFile], *, publish: bool = True, force: bool = False
) -> list[LoadResult]:
    """Store a batch of parsed files; re-loading the same files changes nothing."""
    names = [f.name for f in files]
    existing = Article.objects.select_for_update().in_bulk(names, field_name="source_file")
    now = timezone.now()
    results, to_create, to_update = [], [], []
    for seed in files:
        article = existing.get(seed.name)
        outcome = _outcome(seed, article, force)
        if outcome in (IMPORTED, UPDATED):
            article = _fill(article or Article(source_file=seed.name), seed, now, publish)
            (to_create if outcome == IMPORTED else to_update).append(article)
        results.append(LoadResult(seed.name, outcome, article))

    _assign_slugs(to_create)
    Article.objects.bulk_create(to_create)
    Article.objects.bulk_update(
        to_update,
        [*STORED_FIELDS, "updated_at", "source_hash", "imported_at", "edited_at"],
    )
    written = {a.source_file: a for a in to_create + to_update}
    Block.objects.filter(article__in=to_update).delete()
    _copy_blocks(
        row
        for seed in files
        if seed.name in written
        for row in _block_rows(written[seed.name], seed)
    )
    _link_teasers(written.values())
    if written:
        content_changed()
    return results


def _fill(article: Article, seed: SeedFile, now, publish: bool) -> Article:
    parsed = seed.parsed
    article.headline = parsed.headline
    article.headline_key = headline_key(parsed.headline)
    article.dek, article.byline, article.dateline = parsed.dek, parsed.byline, parsed.dateline
    article.language = guess_language(parsed)
    article.body_text = body_text(parsed.blocks)
    # Rendering every body here would halve import throughput: the first view does it.
    article.body_html = ""
    article.source_hash, article.imported_at, article.edited_at = seed.digest, now, None
    if article.pk is None:
        article.status = Article.Status.PUBLISHED if publish else Article.Status.DRAFT
        article.published_at = now if publish else None
    elif article.status == Article.Status.PUBLISHED:
        article.updated_at = now
    return article


def _block_rows(article: Article, seed: SeedFile) -> Iterator[tuple]:
    """Rows for BLOCK_COLUMNS, one per parsed block, numbered in source order."""
    for position, block in enumerate(seed.parsed.blocks):
        link_key = headline_key(block.text) if block.kind == Block.Kind.TEASER else ""
        yield (article.pk, position, block.kind, block.text, block.credit, "", "", "", link_key)


BLOCK_COLUMNS = [
    "article_id",
    "position",
    "kind",
    "text",
    "credit",
    "photo",
    "alt_text",
    "link_url",
    "link_key",
]


def _copy_blocks(rows: Iterable[tuple]) -> None:
    """Insert blocks with PostgreSQL's COPY: a batch holds tens of thousands of them, and
    building an INSERT for each through the ORM costs more than parsing the files."""
    sql = f"COPY {Block._meta.db_table} ({', '.join(BLOCK_COLUMNS)}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)


def _assign_slugs(articles: list[Article]) -> None:
    """Readable unique slugs for new articles, with one query for the whole batch."""
    bases = [base_slug(a.headline) for a in articles]
    taken = slugs_taken(set(bases))
    for article, base in zip(articles, bases, strict=True):
        article.slug = next_free_slug(base, taken)
        taken.add(article.slug)


def _link_teasers(articles: Iterable[Article]) -> None:
    """Point teasers at the article whose headline they name, in both directions.

    A teaser written before its target existed is linked when the target arrives;
    links an editor set by hand are never overwritten.
    """
    keys = {a.headline_key for a in articles}
    own = [a.pk for a in articles]
    if not own:
        return
    target = (
        Article.objects.filter(headline_key=OuterRef("link_key")).order_by("pk").values("pk")[:1]
    )
    unlinked = Block.objects.filter(kind=Block.Kind.TEASER, link_article=None, link_url="")
    unlinked.filter(article__in=own).update(link_article=Subquery(target))
    naming = unlinked.filter(link_key__in=keys)
    # Their stored bodies show these teasers as searches: render them again on next view.
    Article.objects.filter(pk__in=naming.values("article_id")).update(body_html="")
    naming.update(link_article=Subquery(target))
