"""Every kind of public and admin page loads under the strict CSP with no violation."""

from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from articles.models import Article, Section, Topic
from tests.factories import PhotoCaptionFactory, TeaserFactory

# A 1×1 PNG, for the preview of a chosen photo.
TINY_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_ce89d911b5e9762c.txt"

pytestmark = pytest.mark.usefixtures("media_in_tmp")


@pytest.fixture
def site(transactional_db):
    call_command("import_seeds", str(SEED), stdout=StringIO())
    article = Article.objects.get()
    section = Section.objects.create(name="Middle East", slug="middle-east")
    topic = Topic.objects.create(name="Iran", slug="iran")
    article.section = section
    article.save()
    article.topics.add(topic)
    draft = Article.objects.create(headline="A draft", status=Article.Status.DRAFT)
    # The article screen's thumbnails, teaser destinations and language guess (issue 14).
    PhotoCaptionFactory(article=draft)
    TeaserFactory(article=draft, text=article.headline)
    User.objects.create_superuser("sue", password="a-long-password-1")
    return {"article": article, "draft": draft}


def test_no_page_breaks_the_content_security_policy(new_page, site):
    """Public pages, the admin's log-in, lists, forms, history, preview and import: no CSP refusal."""
    page = new_page()
    problems: list[str] = []

    # A refused script, style or image is reported on the console; so is a script error.
    def note(message) -> None:
        if any(
            word in message.text for word in ("Content Security Policy", "Refused to", "Uncaught")
        ):
            problems.append(f"{page.url}: {message.text}")

    page.on("console", note)
    page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))
    article, draft = site["article"], site["draft"]
    public = [
        "/",
        article.get_absolute_url(),
        "/sections/middle-east/",
        "/topics/iran/",
        "/search/?q=Baqeri",
        "/search/?q=Baqerri",  # no results: "did you mean" and a search without a word
        "/articles/no-such-article/",
    ]
    for url in public:
        page.goto(url)

    page.goto("/admin/login/")
    page.fill("#id_username", "sue")
    page.fill("#id_password", "a-long-password-1")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    admin = [
        "/admin/",
        "/admin/articles/article/",
        "/admin/articles/article/add/",
        f"/admin/articles/article/{article.pk}/change/",
        f"/admin/articles/article/{draft.pk}/change/",
        f"/admin/articles/article/teaser-link/?text={article.headline}",
        f"/admin/articles/article/{article.pk}/history/",
        f"/admin/articles/article/{draft.pk}/preview/",
        "/admin/articles/article/import/",
        f"/admin/articles/article/{article.pk}/lines/",
        "/admin/articles/articletoreview/",
        "/admin/articles/section/add/",
        "/admin/articles/author/add/",
        "/admin/articles/frontpagepin/add/",
        f"/admin/articles/article/?q={article.headline.split()[0]}",
        "/admin/auth/user/",
        "/admin/otp_totp/totpdevice/add/",
    ]
    for url in admin:
        response = page.goto(url)
        assert response.status < 400, (url, response.status)
    # The line review's buttons post without a script; the page after one is CSP-clean too.
    page.goto(f"/admin/articles/article/{article.pk}/lines/")
    page.locator(".line-review-choices button[value=looks-right]").first.click()
    page.wait_for_load_state("networkidle")
    # The change form's own scripts run: the inline block rows, the autocomplete widgets.
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.wait_for_load_state("networkidle")
    # The body editor (issue 14): a block opens, the "+" menu, a styled paste read by the desk,
    # a link's field.
    page.locator(".newsroom-editable").nth(1).click()
    page.locator(".newsroom-block").nth(1).locator(".newsroom-plus").click()
    page.locator(".newsroom-block").nth(1).get_by_role("button", name="Insert a paragraph").click()
    page.locator(".newsroom-editable:focus").evaluate(
        """el => {
            const data = new DataTransfer();
            data.setData('text/html', '<p style="color:red"><b>Bold</b> words</p><p>And more words of the story, in a sentence of its own.</p>');
            el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true}));
        }"""
    )
    page.wait_for_selector("#newsroom-body-status:has-text('Pasted 2 paragraphs')")
    # The link field, with a refused address and then a good one.
    page.keyboard.press("Control+A")
    page.keyboard.press("Control+K")
    page.keyboard.type("ftp://example.org/")
    page.keyboard.press("Enter")
    page.wait_for_selector(".newsroom-link-error:has-text('Not linked')")
    page.keyboard.press("Control+A")
    page.keyboard.type("https://example.org/")
    page.keyboard.press("Enter")
    page.wait_for_selector(".newsroom-editable a[href='https://example.org/']")
    page.keyboard.press("Alt+ArrowUp")
    # A caption's thumbnail, a teaser's destination, the language guess and, once a file
    # is chosen, its preview (a data: address): all within the policy.
    page.goto(f"/admin/articles/article/{draft.pk}/change/")
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-desk-teaser-link]").count() == 1
    # ...answered by teaser-links/, which the screen posts every teaser to as it opens.
    page.wait_for_selector(
        "[data-desk-teaser-link]:has-text('Readers: Links to the article')", state="attached"
    )
    assert page.locator("[data-desk-language-guess]").inner_text().startswith("Looks like")
    page.set_input_files(
        "[data-desk-photo] input[type=file]",
        files=[{"name": "p.png", "mimeType": "image/png", "buffer": TINY_PNG}],
    )
    preview = ".desk-photo__thumb[src^='data:image/png']"
    page.wait_for_function(f'() => document.querySelector("{preview}")?.naturalWidth > 0')
    assert problems == []
