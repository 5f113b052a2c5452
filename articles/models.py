"""Articles and the blocks of their body, in the order they stood in the source."""

import re
import unicodedata
from collections.abc import Iterable

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.validators import URLValidator
from django.db import DEFAULT_DB_ALIAS, models
from django.db.models import Q
from django.db.models.functions import Now
from django.utils import timezone

from articles.body import body_text, count_words, render_body, teasers_last
from articles.inline import check_block, derive_block, inline_html
from articles.language import direction
from articles.links import link
from articles.listings import Listing, Section, Topic  # noqa: F401  (models of their own module)
from articles.photos import record_photo_size
from articles.slugs import SLUG_LENGTH, free_slugs

# The length of Article.headline_key and Block.link_key, which headline_key() keeps to.
KEY_LENGTH = 300


def headline_key(text: str) -> str:
    """A loose form of a headline, so that a teaser naming it finds it despite quotes and case."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(re.sub(r"[^\w']+", " ", text).split())[:KEY_LENGTH]


def staff_account() -> models.ForeignKey:
    """A newsroom account an article names, set by the desk; the article outlives it."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )


class ArticleQuerySet(models.QuerySet):
    # The one definition of what readers may see. Hand-written SQL uses published_sql(),
    # compiled from it; Article.is_published says it of an article already in memory.
    def published(self) -> "ArticleQuerySet":
        """What readers may see: published, and not scheduled for later."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=Now())

    def scheduled(self) -> "ArticleQuerySet":
        """Published for a time still to come, when the article appears by itself."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__gt=Now())

    def discard_bodies(self) -> int:
        """Have these articles' bodies rendered afresh on their next view: the one way a
        stored body is given up (a block changed, or a teaser's target did)."""
        return self.exclude(body_html="").update(body_html="")


def published_sql(alias: str | None = None) -> str:
    """Article.objects.published() as an SQL condition, for the hand-written queries of
    the reader's pages; `alias` is the name such a query gives the article table."""
    query = Article.objects.published().query
    compiler = query.get_compiler(DEFAULT_DB_ALIAS)
    condition, params = query.where.as_sql(compiler, compiler.connection)
    # Written in, not passed: these queries take named parameters. They are statuses only.
    if not set(params) <= set(Article.Status.values):
        raise ValueError(f"published() has a parameter that is not a status: {params}")
    condition %= tuple(f"'{param}'" for param in params)
    if alias:
        table = compiler.quote_name_unless_alias(Article._meta.db_table)
        condition = condition.replace(f"{table}.", f"{alias}.")
    return condition


class Article(models.Model):
    """A story: its headline, standfirst, byline and dateline, its place in the workflow, and
    its body as ordered blocks (Block), with what is derived from them stored beside it."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted for review"
        # An article PUBLISHED with a future published_at is "scheduled": it appears
        # by itself at that time because published() compares with the clock.
        PUBLISHED = "published", "Published"
        UNPUBLISHED = "unpublished", "Unpublished"

    headline = models.CharField(max_length=300)
    slug = models.SlugField(
        max_length=SLUG_LENGTH,
        unique=True,
        allow_unicode=True,
        help_text="The article's address on the site.",
    )
    dek = models.TextField(
        "standfirst", blank=True, help_text="One or two sentences under the headline."
    )
    byline = models.CharField(max_length=300, blank=True)
    # Derived from the byline on every save (articles/authors.py), not edited by hand.
    authors = models.ManyToManyField(
        "articles.Author", blank=True, related_name="articles", editable=False
    )
    dateline = models.CharField(max_length=200, blank=True)
    language = models.CharField(
        max_length=12, default="en", help_text="ISO 639-1 code, e.g. en, he, ar."
    )
    # False: the desk guesses the language from the text on each save (articles/language.py).
    # A database default too, so that rows written without the ORM (SQL, COPY) get it.
    language_chosen = models.BooleanField(default=False, db_default=False, editable=False)
    # Indexed by article_section_newest, whose first column it is.
    section = models.ForeignKey(
        Section, null=True, blank=True, on_delete=models.SET_NULL, db_index=False
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="articles")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        null=True, blank=True, help_text="Set a future time to schedule the article."
    )
    updated_at = models.DateTimeField(
        null=True, blank=True, help_text="Shown to readers as 'Updated'."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)
    headline_key = models.CharField(max_length=KEY_LENGTH, editable=False)
    author = staff_account()
    last_editor = staff_account()
    # Bumped on every editor save: a save based on an older version is refused.
    version = models.PositiveIntegerField(default=1, editable=False)

    # Derived on save from the blocks, so that pages and search need no extra work.
    body_text = models.TextField(blank=True, editable=False)
    # Its words, for the page's reading time: the page never has to fetch body_text.
    word_count = models.PositiveIntegerField(default=0, editable=False)
    # The body as the page shows it (issue 6). Empty means "render it on the next view":
    # the importer leaves it so, and ArticleQuerySet.discard_bodies() empties it again.
    body_html = models.TextField(blank=True, editable=False)
    search_vector = models.GeneratedField(
        expression=SearchVector("headline", weight="A", config="english")
        + SearchVector("dek", weight="B", config="english")
        + SearchVector("body_text", weight="C", config="english"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    # The headline and standfirst alone: what search ranks its matches by. Small enough
    # to stay in the row, where ranking the whole search_vector reads it from TOAST (issue 6).
    rank_vector = models.GeneratedField(
        expression=SearchVector("headline", weight="A", config="english")
        + SearchVector("dek", weight="B", config="english"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    # Import bookkeeping: the seed file's name identifies the article across re-imports.
    # NULL, not "", for articles written in the admin: article_source_file_unique allows many NULLs.
    source_file = models.CharField(max_length=255, null=True, blank=True, editable=False)  # noqa: DJ001
    source_hash = models.CharField(max_length=64, blank=True, editable=False)
    imported_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Who imported it: its "Imported from" history entry's author. No index: nothing looks
    # articles up by it, and each import would write one.
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, db_index=False,
        on_delete=models.SET_NULL, related_name="+", editable=False,
    )  # fmt: skip
    edited_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="Last change made by an editor."
    )

    objects = ArticleQuerySet.as_manager()
    # What derive_fields() computes from the headline and the blocks.
    DERIVED_FIELDS = ("headline_key", "body_text", "word_count")

    class Meta:
        ordering = ["-published_at", "-id"]
        permissions = [("publish_article", "Can publish, schedule and unpublish articles")]
        # Plain btree indexes and constraints, not db_index/unique on the fields: those add a
        # second, pattern-matching index for CharFields that nothing here uses, and
        # every index is written again for each imported article (issue 6).
        indexes = [
            models.Index(fields=["status", "-published_at"]),
            # A section's page and its capped count walk this alone (issue 17: the count read
            # the heap of a thousand rows through section_id and took 20 ms at 100,000 articles).
            models.Index(
                fields=["section", "status", "-published_at", "-id"], name="article_section_newest"
            ),
            GinIndex(fields=["search_vector"], name="article_search_gin"),
            models.Index(fields=["headline_key"], name="article_headline_key"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["source_file"], name="article_source_file_unique"),
        ]

    def __str__(self) -> str:
        return self.headline

    def save(self, *args, **kwargs) -> None:
        self.derive_fields()
        if not self.slug:
            self.slug = free_slugs(Article.objects.exclude(pk=self.pk), [self.headline])[0]
        previous = (
            Article.objects.filter(pk=self.pk)
            .values("slug", "status", "published_at", "byline", "headline_key")
            .first()
            if self.pk
            else None
        )
        # What readers will notice, for the page cache (articles/signals.py): other pages
        # link to a live article by its address, so its arrival, departure or move
        # renews the whole site; a change in place renews only its own pages and lists.
        was_live = previous is not None and is_live(previous["status"], previous["published_at"])
        moved = previous is not None and previous["slug"] != self.slug
        self.readers_notice = (
            "site"
            if was_live != self.is_published or (moved and was_live)
            else "article"
            if self.is_published
            else ""
        )
        super().save(*args, **kwargs)
        link_by_name(self, previous)
        if previous and (previous["slug"], previous["status"], previous["published_at"]) != (
            self.slug,
            self.status,
            self.published_at,
        ):
            # Teasers elsewhere link here only while this article is live, by its slug.
            Article.objects.filter(blocks__link_article=self).discard_bodies()
        previous_slug = previous and previous["slug"]
        if previous_slug and previous_slug != self.slug:
            # Old links keep working: the old address redirects to the new one.
            SlugRedirect.objects.update_or_create(
                old_slug=previous_slug, defaults={"article": self}
            )
            SlugRedirect.objects.filter(old_slug=self.slug).delete()

    def get_absolute_url(self) -> str:
        return link("articles:detail", self.slug)

    def derive_fields(self, blocks: Iterable | None = None) -> None:
        """Set the fields derived from the headline and, given the body's blocks (stored or
        just parsed), from those: what save(), refresh_derived() and the importer store."""
        self.headline_key = headline_key(self.headline)
        if blocks is not None:
            self.body_text = body_text(blocks)
            self.word_count = count_words(self.body_text)

    def refresh_derived(self) -> None:
        """Recompute what is derived from the blocks: the searchable text and the page's body."""
        blocks = self.blocks_to_render()
        self.derive_fields(blocks)
        self.body_html = render_body(self, blocks) if teasers_last(blocks) else ""
        Article.objects.filter(pk=self.pk).update(
            body_text=self.body_text, word_count=self.word_count, body_html=self.body_html
        )

    def rendered_body(self) -> str:
        """The body's HTML: the stored one, or rendered now (and stored when it may be)."""
        if self.body_html:
            return self.body_html
        blocks = self.blocks_to_render()
        html = render_body(self, blocks)
        if teasers_last(blocks):
            self.body_html = html
            Article.objects.filter(pk=self.pk).update(body_html=html)
        return html

    def blocks_to_render(self) -> list["Block"]:
        return list(
            self.blocks.select_related("link_article").defer(
                "link_article__body_text", "link_article__body_html", "link_article__search_vector"
            )
        )

    @property
    def is_published(self) -> bool:
        """Whether readers may see it: ArticleQuerySet.published()'s rule, in memory."""
        return is_live(self.status, self.published_at)

    @property
    def is_scheduled(self) -> bool:
        """Published for later: ArticleQuerySet.scheduled()'s rule, in memory."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def direction(self) -> str:
        return direction(self.language)


def is_live(status: str, published_at) -> bool:
    """Whether readers may see an article in this state now (as ArticleQuerySet.published())."""
    return (
        status == Article.Status.PUBLISHED
        and published_at is not None
        and published_at <= timezone.now()
    )


def unlink_teasers(collector, field, sub_objs, using) -> None:
    """on_delete for teasers' targets: SET_NULL, and re-render the bodies that linked there."""
    Article.objects.using(using).filter(pk__in=sub_objs.values("article_id")).discard_bodies()
    models.SET_NULL(collector, field, sub_objs, using)


# The most blocks an article may have: the importer refuses more, and the admin's article
# screen, which edits every block at once, stays quick to open at this many (README).
MAX_BLOCKS = 80


class Block(models.Model):
    """One piece of an article's body, kept at its position in the source text."""

    class Kind(models.TextChoices):
        PARAGRAPH = "paragraph", "Paragraph"
        CAPTION = "caption", "Photo caption"
        TEASER = "teaser", "Related-link teaser"
        FURNITURE = "furniture", "Page furniture (hidden from readers)"
        SUBHEADING = "subheading", "Subheading"
        QUOTE = "quote", "Quote"
        BULLETED_LIST = "bulleted_list", "Bulleted list"
        NUMBERED_LIST = "numbered_list", "Numbered list"
        DIVIDER = "divider", "Divider"
        EMBED = "embed", "Embedded link (shown as a card)"

    # No index of its own: block_position_unique's index starts with article_id.
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="blocks", db_index=False
    )
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PARAGRAPH)
    # The plain text (a list's items one per line) that search, word counts and the API read.
    # Derived from html on every save when html is set (articles/inline.py).
    text = models.TextField(blank=True)
    # The new fields have database defaults too: a COPY (the importer) may leave them out.
    html = models.TextField(
        default="",
        db_default="",
        blank=True,
        help_text="Paragraphs, quotes and lists: the text with its inline marks (bold, italic,"
        " links), sanitised on save; empty when it has none.",
    )
    attribution = models.CharField(
        default="",
        db_default="",
        max_length=300,
        blank=True,
        help_text="Quotes: who said it, e.g. “Ada Lovelace”.",
    )
    embed_url = models.URLField(
        default="",
        db_default="",
        max_length=2000,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text="Embeds: the page shown as a link card (http or https).",
    )
    embed_title = models.CharField(
        default="", db_default="", max_length=300, blank=True, help_text="Embeds: the card's title."
    )
    embed_description = models.TextField(
        default="", db_default="", blank=True, help_text="Embeds: the card's summary."
    )
    credit = models.CharField(
        max_length=300,
        blank=True,
        help_text="Captions: who took the photo, e.g. “Bilal Hussein / AP”.",
    )
    photo = models.ImageField(
        upload_to="photos/%Y/%m/", blank=True, help_text="Captions: the photo (JPEG, PNG or WebP)."
    )
    alt_text = models.CharField(
        max_length=300,
        blank=True,
        help_text="Captions: what the photo shows, for readers who cannot see it.",
    )
    # The photo's size in pixels, for <img width height>: read once, when the block is saved.
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    link_url = models.URLField(
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text="Teasers: an explicit link (http or https).",
    )
    link_key = models.CharField(max_length=KEY_LENGTH, blank=True, editable=False)
    link_article = models.ForeignKey(
        Article,
        null=True,
        blank=True,
        db_index=False,  # block_link_article, below
        on_delete=unlink_teasers,
        related_name="teased_by",
        help_text="Teasers: the article this teaser points to.",
    )

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "position"],
                name="block_position_unique",
                deferrable=models.Deferrable.DEFERRED,
            )
        ]
        # Only teasers have a link key, and few teasers a linked article: partial indexes
        # leave out the other blocks, a score of which every imported article writes (issue 6).
        indexes = [
            models.Index(fields=["link_key"], name="block_link_key", condition=~Q(link_key="")),
            models.Index(
                fields=["link_article"],
                name="block_link_article",
                condition=Q(link_article__isnull=False),
            ),
            # An article's first photo, which every card and page with a picture looks up
            # (queries.LEAD_PHOTO_ROW): without it, each lookup read all of the article's blocks.
            models.Index(
                fields=["article", "position"],
                name="block_photo",
                condition=Q(kind="caption") & ~Q(photo=""),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"

    def save(self, *args, **kwargs) -> None:
        derive_block(self, loaded=getattr(self, "_loaded_marks", None))
        previous_key, self.link_key = self.link_key, teaser_link_key(self.kind, self.text)
        link_teaser_by_name(self, previous_key)
        super().save(*args, **kwargs)
        record_photo_size(self)
        Article.objects.filter(pk=self.article_id).discard_bodies()

    def delete(self, *args, **kwargs):
        Article.objects.filter(pk=self.article_id).discard_bodies()
        return super().delete(*args, **kwargs)

    @classmethod
    def from_db(cls, db, field_names, values):
        block = super().from_db(db, field_names, values)
        # As loaded, so that save() can tell whether the text or the marked html was edited.
        block._loaded_marks = (block.__dict__.get("text"), block.__dict__.get("html"))
        return block

    def clean(self) -> None:
        check_block(self)

    @property
    def inline_html(self) -> str:
        """The text with its inline marks, as HTML: html, or the plain text escaped."""
        return inline_html(self)

    @property
    def href(self) -> str:
        """Where a teaser leads (articles.linking.teaser_destination); "" for a plain line."""
        return teaser_destination(
            self.text,
            link_url=self.link_url,
            link_article=self.link_article,
            in_article=self.article_id,
        ).url


def teaser_link_key(kind: str, text: str) -> str:
    """What a block stores to find the article it names: a teaser's headline key, else ""."""
    return headline_key(text) if kind == Block.Kind.TEASER else ""


class SlugRedirect(models.Model):
    """An address an article used to have, so that old links keep working."""

    old_slug = models.CharField(max_length=SLUG_LENGTH, unique=True)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="old_slugs")

    def __str__(self) -> str:
        return self.old_slug


# Models of their own modules, imported here so that Django finds them.
from articles.authors import Author  # noqa: E402, F401
from articles.changes import ArticleChange  # noqa: E402, F401
from articles.desk.models import Autosave, PendingChange, Presence  # noqa: E402, F401
from articles.frontpage import FrontPagePin  # noqa: E402, F401
from articles.linking import (  # noqa: E402, F401
    link_by_name,
    link_teaser_by_name,
    link_teasers_naming,
    teaser_destination,
)
from articles.notes import Note  # noqa: E402, F401
from articles.sourcelines import ArticleToReview, SourceLine  # noqa: E402, F401
from articles.vocabulary import SearchWord  # noqa: E402, F401
