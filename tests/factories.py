"""Test data: factory_boy factories for the newsroom's models and people.

New tests build their data here (`ArticleFactory(paragraphs=[...])`) rather than
through helpers imported from conftest.
"""

from datetime import timedelta

import factory
from django.contrib.auth.models import User
from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article, Block, Note, Section, Topic
from articles.photos import make_renditions
from tests.admin_support import newsroom_group


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.LazyAttribute(lambda section: slugify(section.name))


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda topic: slugify(topic.name))


class ArticleFactory(factory.django.DjangoModelFactory):
    """A published article (an hour ago) with one paragraph unless told otherwise.

    `paragraphs=[...]` gives its body; `status=Article.Status.DRAFT` leaves it unpublished.
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
        article.save()


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
            block.article.save()


class CaptionFactory(BlockFactory):
    """A photo caption with a generated photo (1200 × 800) and its resized copies; `photo=None` for none."""

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
