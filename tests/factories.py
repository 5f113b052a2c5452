"""Test data: factory_boy factories for the newsroom's models and people.

New tests build their data here (`ArticleFactory(paragraphs=[...])`) rather than
through helpers imported from conftest.
"""

from datetime import timedelta

import factory
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article, Block, Note, Section, Topic
from articles.photos import make_renditions
from tests.admin_support import newsroom_group

# A 1×1 transparent GIF: enough for an ImageField.
TINY_GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00"
    b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


def tiny_photo(name: str = "photo.gif") -> SimpleUploadedFile:
    """An upload of the smallest photo a caption can hold: `CaptionFactory(photo=tiny_photo())`."""
    return SimpleUploadedFile(name, TINY_GIF, content_type="image/gif")


class ListingFactory(factory.django.DjangoModelFactory):
    """What SectionFactory and TopicFactory share: one per name, its slug made from the name."""

    class Meta:
        abstract = True
        django_get_or_create = ("name",)

    slug = factory.LazyAttribute(lambda listing: slugify(listing.name))


class SectionFactory(ListingFactory):
    class Meta:
        model = Section

    name = factory.Sequence(lambda n: f"Section {n}")


class TopicFactory(ListingFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Topic {n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    """A published article (an hour ago) with one paragraph unless told otherwise.

    `paragraphs=[...]` gives its body; `status=Article.Status.DRAFT` leaves it unpublished;
    its body is stored rendered, as an editor's save leaves it, unless `stored_body=False`
    (as the importer leaves it: rendered on the first view).
    """

    class Meta:
        model = Article
        skip_postgeneration_save = True

    headline = factory.Sequence(lambda n: f"A test headline {n}")
    status = Article.Status.PUBLISHED
    published_at = factory.LazyAttribute(
        lambda article: (
            timezone.now() - timedelta(hours=1)
            if article.status == Article.Status.PUBLISHED
            else None
        )
    )

    @factory.post_generation
    def paragraphs(article: Article, create: bool, extracted, **kwargs) -> None:
        if not create:
            return
        texts = ("First paragraph.",) if extracted is None else extracted
        Block.objects.bulk_create(
            Block(article=article, position=i, kind=Block.Kind.PARAGRAPH, text=text)
            for i, text in enumerate(texts)
        )
        article.refresh_derived()

    @factory.post_generation
    def stored_body(article: Article, create: bool, extracted, **kwargs) -> None:
        if create and extracted is False:
            Article.objects.filter(pk=article.pk).discard_bodies()
            article.body_html = ""


class BlockFactory(factory.django.DjangoModelFactory):
    """A block appended to its article's body (paragraph unless `kind` says otherwise)."""

    class Meta:
        model = Block
        skip_postgeneration_save = True

    article = factory.SubFactory(ArticleFactory)
    kind = Block.Kind.PARAGRAPH
    text = factory.Sequence(lambda n: f"Block text {n}.")
    position = factory.LazyAttribute(lambda block: block.article.blocks.count())

    @factory.post_generation
    def refresh_article(block: Block, create: bool, extracted, **kwargs) -> None:
        if create:
            block.article.refresh_derived()


class CaptionFactory(BlockFactory):
    """A photo caption appended to its article: `CaptionFactory(article=a, credit="AP")`."""

    kind = Block.Kind.CAPTION
    text = "A photo caption."


class PhotoCaptionFactory(CaptionFactory):
    """A captioned photo with its credit and alt text, as an editor uploads one."""

    text = "Protesters in Beirut."
    credit = "Bilal Hussein / AP"
    photo = factory.LazyFunction(tiny_photo)
    alt_text = "A crowd holding flags"


class TeaserFactory(BlockFactory):
    """A related-link teaser appended to its article: `TeaserFactory(article=a, link_article=b)`."""

    kind = Block.Kind.TEASER
    text = "A related story"


class SubheadingFactory(BlockFactory):
    kind = Block.Kind.SUBHEADING
    text = "What happens next"


class QuoteFactory(BlockFactory):
    """A quotation with inline marks and who said it."""

    kind = Block.Kind.QUOTE
    html = "The bridge will <em>change</em> the city."
    attribution = "Ada Lovelace, mayor"


class BulletedListFactory(BlockFactory):
    """A bulleted list: items one a line, in `html` with their marks."""

    kind = Block.Kind.BULLETED_LIST
    html = "Steel from Sheffield\n<strong>Glass</strong> from Murano"


class NumberedListFactory(BlockFactory):
    kind = Block.Kind.NUMBERED_LIST
    text = "The council votes\nThe work starts"


class DividerFactory(BlockFactory):
    kind = Block.Kind.DIVIDER
    text = ""


class EmbedFactory(BlockFactory):
    """A link card for a page elsewhere."""

    kind = Block.Kind.EMBED
    text = ""
    embed_url = "https://example.org/council-report"
    embed_title = "The council's report"
    embed_description = "What the bridge costs and when it opens."


def every_kind_of_block(article: Article) -> None:
    """Append one block of each kind an editor writes, marks and all, after its paragraphs."""
    BlockFactory(
        article=article,
        html='A <strong>firm</strong> vote, says <a href="https://example.org/vote">the record</a>'
        ' and <a href="/about/">our desk</a>.',
    )
    for factory_class in (
        SubheadingFactory,
        QuoteFactory,
        BulletedListFactory,
        NumberedListFactory,
        DividerFactory,
        EmbedFactory,
    ):
        factory_class(article=article)


class LargePhotoCaptionFactory(BlockFactory):
    """A photo caption with a generated 1200 × 800 photo and its resized copies, as pages show."""

    kind = Block.Kind.CAPTION
    text = factory.Sequence(lambda n: f"A photo caption {n}.")
    credit = "Photographer / Agency"
    alt_text = "What the photo shows"
    photo = factory.django.ImageField(
        width=1200, height=800, color="steelblue", filename="photo.jpg"
    )

    @factory.post_generation
    def renditions(block: Block, create: bool, extracted, **kwargs) -> None:
        if create and block.photo:
            make_renditions(block.photo.name)


class NoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Note

    article = factory.SubFactory(ArticleFactory)
    kind = Note.Kind.CORRECTION
    text = "An earlier version of this article misspelled a name."


class StaffFactory(factory.django.DjangoModelFactory):
    """A staff account in a newsroom group: `StaffFactory(role="Editors")`, Reporters by default."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"staff{n}")
    is_staff = True
    password = factory.django.Password("pw-staff-1")

    @factory.post_generation
    def role(user: User, create: bool, extracted, **kwargs) -> None:
        if create:
            user.groups.add(newsroom_group(extracted or "Reporters"))
