"""The editors' review of the lines the importer was unsure of (issue 15): the change form's
count, the review screen, one-click roles that change the article, the queue, who may."""

import pytest
from django.test import Client
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, Block, PendingChange, SourceLine
from tests.admin_support import change_url
from tests.factories import StaffFactory
from tests.line_review_support import BRIDGE, UNSURE, bridge, import_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return StaffFactory(role="Editors")


@pytest.fixture
def article():
    import_text()
    return bridge()


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def lines_url(article) -> str:
    return f"/admin/articles/article/{article.pk}/lines/"


def unsure_line(article) -> SourceLine:
    return SourceLine.objects.get(article=article, text=UNSURE)


def choose(client, article, role: str, *, from_role: str | None = None, line=None):
    line = line or unsure_line(article)
    data = {"line": line.pk, "from_role": from_role or line.role, "role": role}
    return client.post(lines_url(article), data, follow=True)


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_the_change_form_says_how_many_lines_need_a_look_and_links_to_them(editor_client, article):
    page = editor_client.get(change_url(article)).content.decode()
    assert f'<a href="{lines_url(article)}">1 line needs a look</a>' in page


def test_the_review_screen_shows_the_line_among_its_neighbours_with_their_roles(
    editor_client, article
):
    response = editor_client.get(lines_url(article))
    page = response.content.decode()
    assert "1 line needs a look" in page
    assert "Line 13: furniture?" in page and "rule tail-scrap" in page
    rows = response.context["waiting"][0]["around"]
    assert [(row["line"].number, row["line"].role) for row in rows] == [
        (9, "credit"),
        (11, "paragraph"),
        (13, "furniture"),
        (15, "paragraph"),
    ]
    assert 'class="line-review-flagged"' in page
    for label in ("Paragraph", "Caption", "Credit", "Teaser", "Byline", "Dateline"):
        assert f'value="{label.lower()}" class="button">{label}</button>' in page
    assert "Looks right (furniture)" in page
    assert 'value="headline"' not in page  # line 13 is below the body's first paragraph


def test_a_new_role_changes_the_body_readers_see_its_search_text_and_the_history(
    editor_client, editor, article
):
    assert UNSURE not in article.body_text  # furniture: hidden from readers
    response = choose(editor_client, article, "paragraph")
    assert "Line 13 is now a paragraph; the article is updated." in messages_of(response)
    article.refresh_from_db()
    assert Block.objects.get(article=article, text=UNSURE).kind == "paragraph"
    assert UNSURE in article.body_text
    assert f"<p>{UNSURE}</p>" in article.body_html
    assert Article.objects.filter(search_vector="skies").exists()
    assert (article.last_editor, article.version) == (editor, 2)
    version = Version.objects.get_for_object(article).order_by("-pk")[0]
    assert version.revision.user == editor
    assert "Line 13 changed from furniture to paragraph" in version.revision.comment
    history = editor_client.get(f"/admin/articles/article/{article.pk}/history/").content.decode()
    assert "Line 13 changed from furniture to paragraph" in history
    assert "Imported from bridge.txt." in history  # the import's text kept before it
    # Reviewed: the form no longer asks, the screen lists it as done.
    assert "need a look" not in editor_client.get(change_url(article)).content.decode()
    page = editor_client.get(lines_url(article)).content.decode()
    assert "No line needs a look." in page and 'id="reviewed-13"' in page


def test_a_caption_a_credit_and_a_byline_go_where_they_belong(editor_client, article):
    choose(editor_client, article, "caption")
    block = Block.objects.get(article=article, text=UNSURE)
    assert (block.kind, block.credit) == ("caption", "")
    choose(editor_client, article, "credit")
    figure = Block.objects.get(article=article, credit=UNSURE)
    assert (figure.kind, figure.text) == ("caption", "")  # a photo known by its credit
    choose(editor_client, article, "byline")
    article.refresh_from_db()
    assert article.byline == f"By Rita Reporter\n{UNSURE}"
    assert not Block.objects.filter(article=article, credit=UNSURE).exists()
    assert UNSURE not in article.body_text
    choose(editor_client, article, "paragraph")
    article.refresh_from_db()
    assert article.byline == "By Rita Reporter"
    texts = list(Block.objects.filter(article=article).values_list("text", flat=True))
    assert texts[-2] == UNSURE  # back where it stood: above the last paragraph


def test_looks_right_keeps_the_role_and_ends_the_question(editor_client, editor, article):
    response = choose(editor_client, article, "looks-right")
    assert "Line 13 stays a furniture: marked reviewed." in messages_of(response)
    line = unsure_line(article)
    assert (line.role, line.reviewed_by) == ("furniture", editor)
    assert Block.objects.get(article=article, text=UNSURE).kind == "furniture"
    assert not Version.objects.get_for_object(article).exists()  # nothing in it changed


def test_a_choice_made_on_an_old_page_changes_nothing_and_says_why(editor_client, article):
    choose(editor_client, article, "paragraph")
    response = choose(editor_client, article, "teaser", from_role="furniture")
    assert any("was made a paragraph meanwhile" in m for m in messages_of(response))
    assert Block.objects.get(article=article, text=UNSURE).kind == "paragraph"


def test_a_role_the_line_cannot_take_here_is_refused_in_words(editor_client, article):
    response = choose(editor_client, article, "headline")
    assert "Not changed: A furniture line cannot be made a headline here." in messages_of(response)
    assert article.headline == bridge().headline


def test_the_last_paragraph_cannot_be_taken_away(editor_client, editor):
    import_text("Short story headline here today\n\nthe bridge opens today\n")
    article = bridge()
    only = SourceLine.objects.get(article=article, text="the bridge opens today")
    assert only.flagged  # a scrap of text: the importer is unsure
    response = choose(editor_client, article, "furniture", line=only)
    assert any("without a paragraph of body text" in m for m in messages_of(response))
    assert Block.objects.get(article=article, text="the bridge opens today").kind == "paragraph"


def test_a_live_article_with_changes_waiting_is_not_changed_under_them(editor_client, article):
    PendingChange.objects.create(article=article, content={})
    response = choose(editor_client, article, "paragraph")
    assert any("changes waiting to be published" in m for m in messages_of(response))
    assert Block.objects.get(article=article, text=UNSURE).kind == "furniture"


def test_reporters_are_refused_and_change_nothing(client, article):
    client.force_login(StaffFactory(role="Reporters"))
    assert client.get(lines_url(article)).status_code == 403
    assert choose(client, article, "paragraph").status_code == 403
    assert Block.objects.get(article=article, text=UNSURE).kind == "furniture"
    page = client.get(change_url(article)).content.decode()
    assert "1 line needs a look" in page and lines_url(article) not in page
    assert client.get("/admin/articles/articletoreview/").status_code == 403


def test_a_post_without_the_csrf_token_is_refused(editor, article):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    line = unsure_line(article)
    data = {"line": line.pk, "from_role": "furniture", "role": "paragraph"}
    assert client.post(lines_url(article), data).status_code == 403
    assert Block.objects.get(article=article, text=UNSURE).kind == "furniture"


def test_the_queue_lists_articles_with_unreviewed_lines_newest_first_with_counts(
    editor_client, article
):
    import_text(BRIDGE.replace("harbour bridge after", "river bridge after"), name="river.txt")
    import_text(BRIDGE.replace(UNSURE, "Rain later"), name="sure.txt")
    SourceLine.objects.filter(article__source_file="sure.txt").update(reviewed_at=timezone.now())
    index = editor_client.get("/admin/").content.decode()
    assert 'href="/admin/articles/articletoreview/">Lines to review</a>' in index
    response = editor_client.get("/admin/articles/articletoreview/")
    listed = [(a.source_file, a.lines_waiting) for a in response.context["cl"].result_list]
    assert listed == [("river.txt", 1), ("bridge.txt", 1)]
    assert lines_url(article) in response.content.decode()


def test_a_reporters_upload_of_the_live_article_keeps_the_editors_role_in_its_draft(
    editor_client, client, article
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.line_review_support import BRIDGE_UPDATED

    choose(editor_client, article, "paragraph")
    client.force_login(StaffFactory(role="Reporters"))
    upload = SimpleUploadedFile("bridge.txt", BRIDGE_UPDATED.encode())
    response = client.post("/admin/articles/article/import/", {"files": [upload]})
    assert [r["outcome"] for r in response.context["rows"]] == ["waiting for an editor"]
    blocks = PendingChange.objects.get(article=article).content["blocks"]
    assert {b["text"]: b["kind"] for b in blocks}[UNSURE] == "paragraph"


def test_an_editors_rewording_of_the_lines_block_survives_a_change_of_role(editor_client, article):
    Block.objects.filter(article=article, text=UNSURE).update(text="Blue skies are ahead")
    choose(editor_client, article, "paragraph")
    assert Block.objects.get(article=article, text="Blue skies are ahead").kind == "paragraph"
    choose(editor_client, article, "byline")  # the editor's words move into the byline
    article.refresh_from_db()
    assert article.byline == "By Rita Reporter\nBlue skies are ahead"


def test_a_standfirst_made_the_headline_keeps_the_old_headline_hidden(editor_client):
    from articles.importing.pipeline import import_files
    from tests.line_review_support import SEED

    (report,) = import_files([(SEED.name, SEED.read_bytes())])
    article = Article.objects.get(pk=report.article_id)
    old_headline, dek = article.headline, article.dek
    line = SourceLine.objects.get(article=article, role="dek")
    response = choose(editor_client, article, "headline", line=line)
    assert "Line 3 is now a headline; the article is updated." in messages_of(response)
    article.refresh_from_db()
    assert (article.headline, article.dek) == (dek, "")
    first = Block.objects.filter(article=article).order_by("position").first()
    assert (first.kind, first.text) == ("furniture", old_headline)
    assert SourceLine.objects.get(article=article, number=1).role == "furniture"
