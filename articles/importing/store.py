"""Write parsed seed files to the database: the second half of the importer.

Files arrive parsed (articles/seedfile/parser.py); this module decides, per file,
whether it is new, changed, unchanged or in conflict with an editor's work,
and writes a whole batch with a handful of bulk queries inside one transaction,
so that an import killed at any moment leaves each article whole or untouched.
Several batches may be written at once, on connections of their own
(articles/importing/pipeline.py); they take turns where they meet (_take_turn).
"""

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from types import SimpleNamespace

from django.db import connection, transaction
from django.utils import timezone

from articles.authors import link_authors
from articles.caching import site_changed
from articles.clock import stamp
from articles.importing import source_lines
from articles.importing.history import record_imports
from articles.importing.outcomes import Outcome
from articles.inline import derive_block
from articles.language import guess_language
from articles.linking import link_teasers_naming, teaser_targets
from articles.models import MAX_BLOCKS, Article, Block, teaser_link_key
from articles.reader.queries import SEARCH_COLUMNS
from articles.seedfile.parser import ParsedArticle
from articles.sequences import next_ids
from articles.slugs import free_slugs
from articles.sourcelines import SourceLine
from articles.vocabulary import remember_words

# Longest values the columns take, as the model says; a file exceeding them is rejected
# before any write.
FIELD_LIMITS = {
    name: Article._meta.get_field(name).max_length for name in ("headline", "byline", "dateline")
}
CREDIT_LIMIT = Block._meta.get_field("credit").max_length
# The other short block fields a seed file can fill, and what a reason calls them.
BLOCK_FIELD_LIMITS = {
    name: (label, Block._meta.get_field(name).max_length)
    for name, label in (
        ("attribution", "a quote's attribution"),
        ("embed_url", "an embed's address"),
        ("embed_title", "an embed's title"),
    )
}
# What an updated file rewrites of its article.
STORED_FIELDS = ["headline", "dek", "byline", "dateline", "language", *Article.DERIVED_FIELDS]


@dataclass(frozen=True)
class SeedFile:
    """One file to load: its identifying name, its raw bytes' hash and what the parser made
    of it; its bytes, to parse it again with the roles editors chose for its lines."""

    name: str
    digest: str
    parsed: ParsedArticle
    data: bytes = b""


@dataclass(frozen=True)
class LoadResult:
    """What load() did with one file, and the article it wrote (or kept, unchanged or in conflict)."""

    name: str
    outcome: Outcome
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
    problems += [
        f"{label} is {len(value):,} characters long; the limit is {limit:,}"
        for block in parsed.blocks
        for name, (label, limit) in BLOCK_FIELD_LIMITS.items()
        if len(value := getattr(block, name)) > limit
    ]
    if len(parsed.blocks) > MAX_BLOCKS:
        problems.append(
            f"the article has {len(parsed.blocks):,} blocks (paragraphs, captions, teasers,"
            f" lists and the rest); the limit is {MAX_BLOCKS:,}"
        )
    return problems


def plan(files: Sequence[SeedFile], *, force: bool = False) -> dict[str, Outcome]:
    """What loading these files would do to each, without writing anything."""
    existing = _stored().in_bulk([f.name for f in files], field_name="source_file")
    return {f.name: _outcome(f, existing.get(f.name), force) for f in files}


def conflict_reason(article: Article) -> str:
    """Why a file was not imported: whose edit, and when, it would have overwritten."""
    editor = article.last_editor.get_username() if article.last_editor else "an editor"
    return (
        f"changed by {editor} on {stamp(article.edited_at)} since its last import; "
        "kept as they left it"
    )


def _stored():
    """Articles without the columns an import replaces but never reads: the body and its
    search vectors would be most of what a re-import of unchanged files fetches."""
    return Article.objects.defer("body_text", "body_html", *SEARCH_COLUMNS)


def _outcome(seed: SeedFile, article: Article | None, force: bool) -> Outcome:
    if article is None:
        return Outcome.IMPORTED
    if article.source_hash == seed.digest and not force:
        return Outcome.UNCHANGED
    edited = article.edited_at and (
        not article.imported_at or article.edited_at > article.imported_at
    )
    if edited and not force:
        return Outcome.CONFLICT
    return Outcome.UPDATED


@transaction.atomic
def load(
    files: Sequence[SeedFile],
    *,
    publish: bool = True,
    force: bool = False,
    user_id: int | None = None,
) -> list[LoadResult]:
    """Store a batch of parsed files; re-loading the same files changes nothing."""
    names = [f.name for f in files]
    existing = _stored().in_bulk(names, field_name="source_file")
    if existing:
        # Another batch's teasers may change these very rows (link_teasers_naming):
        # lock them only in turn, or each batch could wait for the other.
        _take_turn()
        existing = _stored().select_for_update().in_bulk(names, field_name="source_file")
    now = timezone.now()
    outcomes = {seed.name: _outcome(seed, existing.get(seed.name), force) for seed in files}
    # The roles editors chose for these files' lines hold in their new versions too.
    decided = source_lines.decisions(
        existing[s.name].pk for s in files if outcomes[s.name] == Outcome.UPDATED
    )
    files = [_with_decisions(seed, existing.get(seed.name), decided) for seed in files]
    new = [seed for seed in files if outcomes[seed.name] == Outcome.IMPORTED]
    # Each written file's blocks as they are stored: sanitised, with what derives from them.
    stored = {
        seed.name: [stored_block(block) for block in seed.parsed.blocks]
        for seed in files
        if outcomes[seed.name] in (Outcome.IMPORTED, Outcome.UPDATED)
    }
    changed = [
        _fill(existing[seed.name], seed, stored[seed.name], now, publish, user_id)
        for seed in files
        if outcomes[seed.name] == Outcome.UPDATED
    ]
    # The text these files replace gets its history entry first, if it has none yet.
    record_imports(existing[s.name].pk for s in files if outcomes[s.name] == Outcome.UPDATED)
    created = _copy_articles(new, stored, now, publish, user_id)
    Article.objects.bulk_update(
        changed,
        [*STORED_FIELDS, "updated_at", "source_hash", "imported_at", "imported_by", "edited_at"],
    )
    # Rendering every body here would halve import throughput: the first view does it.
    Article.objects.filter(pk__in=[a.pk for a in changed]).discard_bodies()
    written = {a.source_file: a for a in created + changed}
    pairs = [(written[seed.name], seed) for seed in files if seed.name in written]
    # The blocks' ids are drawn first, so that the source lines kept for review name them.
    # Both need no turn: these articles' rows are this batch's (new, or locked above).
    ids = iter(next_ids(Block, sum(len(seed.parsed.blocks) for _, seed in pairs)))
    block_ids = {seed.name: [next(ids) for _ in seed.parsed.blocks] for _, seed in pairs}
    SourceLine.objects.filter(article__in=changed).delete()
    source_lines.copy_lines(
        row
        for article, seed in pairs
        for row in source_lines.line_rows(
            article.pk, seed.parsed, block_ids[seed.name], decided.get(article.pk, {})
        )
    )
    # Up to here batches run side by side; teasers and authors are linked by one batch at a
    # time, each after the batches before it have committed, so that every link is seen from
    # one side and two batches never wait on each other's new authors.
    _take_turn()
    Block.objects.filter(article__in=changed).delete()
    link_keys = {
        block.text: teaser_link_key(block.kind, block.text)
        for _, seed in pairs
        for block in seed.parsed.blocks
        if block.kind == Block.Kind.TEASER
    }
    # Looked up before the blocks are written, so that a new teaser is stored linked
    # instead of written twice (issue 6); the batch's own new articles are already in.
    targets = teaser_targets(link_keys.values())
    _copy_blocks(
        row
        for article, seed in pairs
        for row in _block_rows(article, stored[seed.name], block_ids[seed.name], link_keys, targets)
    )
    link_teasers_naming(written.values())
    link_authors(written.values())
    remember_words(written.values())
    if written:
        site_changed()
    return [
        LoadResult(seed.name, outcomes[seed.name], written.get(seed.name) or existing[seed.name])
        for seed in files
    ]


# Any number, the same for every import into this database.
TURN_LOCK = 0x5EED5


def _take_turn() -> None:
    """Wait until no other import transaction is linking teasers; hold the turn until commit."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [TURN_LOCK])


def stored_block(parsed_block) -> SimpleNamespace:
    """A parsed block as it will be stored: through the same derivation as Block.save()."""
    b = parsed_block
    block = SimpleNamespace(
        kind=b.kind, text=b.text, credit=b.credit, html=b.html, attribution=b.attribution,
        embed_url=b.embed_url, embed_title=b.embed_title, embed_description=b.embed_description,
    )  # fmt: skip
    derive_block(block)
    return block


MARKED = ("html", "attribution", "embed_url", "embed_title", "embed_description")


def _fill(
    article: Article, seed: SeedFile, blocks: list, now, publish: bool, user_id: int | None
) -> Article:
    parsed = seed.parsed
    article.headline = parsed.headline
    article.dek, article.byline, article.dateline = parsed.dek, parsed.byline, parsed.dateline
    article.language = guess_language(
        parsed.headline, parsed.dek, (block.text for block in parsed.blocks)
    )
    article.derive_fields(blocks)
    article.source_hash, article.imported_at, article.edited_at = seed.digest, now, None
    article.imported_by_id = user_id
    stated, updated = _aware(parsed.published), _aware(parsed.updated)
    if article._state.adding:
        # A proposed headline waits for an editor: the article arrives as a draft.
        publish = publish and not parsed.headline_missing
        article.status = Article.Status.PUBLISHED if publish else Article.Status.DRAFT
        article.published_at = stated or (now if publish else None)
        article.updated_at = updated
    elif article.status == Article.Status.PUBLISHED:
        article.updated_at = updated or now
    return article


def _aware(moment: datetime | None) -> datetime | None:
    """A stated time; one given without its time zone is read in the site's."""
    if moment is None or timezone.is_aware(moment):
        return moment
    return timezone.make_aware(moment)


def _with_decisions(seed: SeedFile, article: Article | None, decided: dict[int, dict]) -> SeedFile:
    if article is None or article.pk not in decided:
        return seed
    parsed = source_lines.with_decisions(seed.parsed, seed.data, decided[article.pk])
    return SeedFile(seed.name, seed.digest, parsed, seed.data)


def _block_rows(
    article: Article,
    blocks: list,
    ids: list[int],
    link_keys: dict[str, str],
    targets: dict[str, int],
) -> Iterator[tuple]:
    """Rows for BLOCK_COLUMNS, one per stored block with its id from `ids`, numbered in
    source order (the kept source lines name their blocks by these ids); a teaser's link
    key is looked up in `link_keys` (by its text), the article it names in `targets`."""
    # Each row is the defaults' row with this block's columns put in (tens of thousands of
    # rows a batch: no dict per row).
    article_id = article.pk
    for position, (pk, block) in enumerate(zip(ids, blocks, strict=True)):
        row = list(_DEFAULT_ROW)
        if block.kind == Block.Kind.TEASER:
            row[_LINK_KEY] = link_key = link_keys[block.text]
            row[_LINK_ARTICLE] = targets.get(link_key)
        else:
            row[_LINK_KEY], row[_LINK_ARTICLE] = "", None
        row[_ID], row[_ARTICLE], row[_POSITION], row[_KIND] = pk, article_id, position, block.kind
        row[_TEXT], row[_CREDIT] = block.text, block.credit
        for at, name in _MARKED_AT:
            row[at] = getattr(block, name)
        yield row


# What a block says, by column: not its id, its article, nor what derives from the rest (the
# photo's size, a teaser's link key). The COPY below writes these; so do the desk's drafts.
BLOCK_CONTENT = [
    field.attname
    for field in Block._meta.concrete_fields
    if field.editable and field.name not in ("id", "article")
]
BLOCK_COLUMNS = ["id", "article_id", *BLOCK_CONTENT, "link_key"]
# A seed file fills some of them; the others (a photo, its alt text) take their defaults.
_BLOCK_DEFAULTS = {
    field.attname: field.get_default()
    for field in Block._meta.concrete_fields
    if field.attname in BLOCK_COLUMNS
}
_DEFAULT_ROW = tuple(_BLOCK_DEFAULTS.get(name) for name in BLOCK_COLUMNS)
_ID, _ARTICLE, _POSITION, _KIND, _TEXT, _CREDIT, _LINK_KEY, _LINK_ARTICLE = map(
    BLOCK_COLUMNS.index,
    ("id", "article_id", "position", "kind", "text", "credit", "link_key", "link_article_id"),
)
_MARKED_AT = tuple((BLOCK_COLUMNS.index(name), name) for name in MARKED)


def _copy_blocks(rows: Iterable[tuple]) -> None:
    """Insert blocks with PostgreSQL's COPY: a batch holds tens of thousands of them, and
    building an INSERT for each through the ORM costs more than parsing the files."""
    sql = f"COPY {Block._meta.db_table} ({', '.join(BLOCK_COLUMNS)}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)


def _copy_articles(
    seeds: list[SeedFile], stored: dict[str, list], now, publish: bool, user_id: int | None
) -> list[Article]:
    """New articles for these files, inserted with COPY.

    PostgreSQL reads a COPY's rows as they arrive, so it computes each article's search
    vectors (most of an import's cost) while Python builds the next article: with an
    INSERT the two would take turns (issue 6). Ids and slugs are therefore settled first.
    """
    if not seeds:
        return []
    table = Article._meta.db_table
    slugs = free_slugs(Article.objects.all(), [seed.parsed.headline for seed in seeds])
    ids = next_ids(Article, len(seeds))
    fields = [f for f in Article._meta.concrete_fields if not f.generated]
    sql = f"COPY {table} ({', '.join(f.column for f in fields)}) FROM STDIN"
    articles = []
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for seed, slug, pk in zip(seeds, slugs, ids, strict=True):
            article = Article(pk=pk, slug=slug, source_file=seed.name)
            _fill(article, seed, stored[seed.name], now, publish, user_id)
            copy.write_row([f.pre_save(article, True) for f in fields])
            article._state.adding = False
            articles.append(article)
    return articles
