"""Who may open what: every role against every kind of page, with no mismatch."""

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from articles.models import Article, Section
from tests.admin_support import make_staff
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "reporter", "editor", "superuser"]

# page -> expected status for (anonymous, reporter, editor, superuser).
# 302 is the admin sending an anonymous visitor to its log-in page.
MATRIX = {
    "front page": ("/", (200, 200, 200, 200)),
    "published article": ("{published}", (200, 200, 200, 200)),
    "draft article (public address)": ("{draft_public}", (404, 404, 404, 404)),
    "draft preview": ("/admin/articles/article/{draft}/preview/", (302, 200, 200, 200)),
    "admin index": ("/admin/", (302, 200, 200, 200)),
    "article list": ("/admin/articles/article/", (302, 200, 200, 200)),
    "add article": ("/admin/articles/article/add/", (302, 200, 200, 200)),
    "change article": ("/admin/articles/article/{draft}/change/", (302, 200, 200, 200)),
    "delete article": ("/admin/articles/article/{draft}/delete/", (302, 403, 200, 200)),
    "article history": ("/admin/articles/article/{draft}/history/", (302, 200, 200, 200)),
    "import seed files": ("/admin/articles/article/import/", (302, 200, 200, 200)),
    "changes not yet live": ("/admin/articles/article/{live}/changes/", (302, 200, 200, 200)),
    "preview of the changes": (
        "/admin/articles/article/{live}/changes/preview/",
        (302, 200, 200, 200),
    ),
    "withdraw a note": (
        "/admin/articles/article/{live}/notes/{note}/withdraw/",
        (302, 403, 200, 200),
    ),
    "restore a live article": (
        "/admin/articles/article/{live}/history/{live_version}/",
        (302, 403, 200, 200),
    ),
    "lines to review": ("/admin/articles/articletoreview/", (302, 403, 200, 200)),
    "an article's line review": ("/admin/articles/article/{draft}/lines/", (302, 403, 200, 200)),
    "section list": ("/admin/articles/section/", (302, 200, 200, 200)),
    "add section": ("/admin/articles/section/add/", (302, 403, 200, 200)),
    "users": ("/admin/auth/user/", (302, 403, 403, 200)),
    "groups": ("/admin/auth/group/", (302, 403, 403, 200)),
    "TOTP devices": ("/admin/otp_totp/totpdevice/", (302, 403, 403, 200)),
    "login lockouts": ("/admin/axes/accessattempt/", (302, 403, 403, 200)),
}


@pytest.fixture
def users():
    return {
        "anonymous": None,
        "reporter": make_staff("ray", "Reporters"),
        "editor": make_staff("eve", "Editors"),
        "superuser": User.objects.create_superuser("sue", password="pw-sue-1"),
    }


@pytest.fixture
def addresses():
    published = ArticleFactory(headline="Published story")
    draft = ArticleFactory(headline="Draft story", status=Article.Status.DRAFT)
    Section.objects.create(name="World", slug="world")
    import reversion
    from reversion.models import Version

    from tests.factories import NoteFactory

    with reversion.create_revision():
        published.save()
    _pending(published)
    return {
        "published": published.get_absolute_url(),
        "draft": draft.pk,
        "draft_public": draft.get_absolute_url(),
        "live": published.pk,
        "note": NoteFactory(article=published).pk,
        "live_version": Version.objects.get_for_object(published).get().pk,
    }


@pytest.mark.parametrize("page", MATRIX)
def test_each_role_gets_exactly_the_access_it_should(client, users, addresses, page):
    """Each role's answer for this page matches the matrix."""
    template, expected = MATRIX[page]
    url = template.format(**addresses)
    seen = []
    for role in ROLES:
        client.logout()
        if users[role] is not None:
            client.force_login(users[role])
        seen.append(client.get(url).status_code)
    assert tuple(seen) == expected, dict(zip(ROLES, seen, strict=True))


def test_only_editors_and_superusers_can_publish(client, users):
    """The publish action is refused to reporters and works for editors."""
    for role, may_publish in (("reporter", False), ("editor", True), ("superuser", True)):
        draft = ArticleFactory(headline=f"Draft by {role}", status=Article.Status.DRAFT)
        client.force_login(users[role])
        client.post(
            "/admin/articles/article/",
            {"action": "publish_selected", "_selected_action": [draft.pk]},
        )
        draft.refresh_from_db()
        published = (
            draft.status == Article.Status.PUBLISHED and draft.published_at <= timezone.now()
        )
        assert published is may_publish, role


# Role × action (issue 13): each action is tried by each role, and its effect checked.

ACTION_MATRIX = {
    # action: who may do it (anonymous, reporter, editor, superuser)
    "edit live": (False, False, True, True),
    "save draft": (False, True, True, True),
    "submit": (False, True, True, True),
    "approve": (False, False, True, True),
    "send back": (False, False, True, True),
    "publish": (False, False, True, True),
    "schedule": (False, False, True, True),
    "withdraw a note": (False, False, True, True),
    "restore": (False, False, True, True),
}


def _post_form(client, article, button: str, **changes) -> None:
    from tests.admin_support import change_url, form_data

    page = client.get(change_url(article))
    if page.status_code != 200:
        return
    data = form_data(page, button=button)
    data.update(changes)
    client.post(change_url(article), data)


def _pending(article):
    from articles.desk import drafts

    content = drafts.snapshot(article.pk)
    content["fields"]["headline"] = "Pending headline"
    return drafts.keep(article.pk, content, user=None, state="submitted")


def _try(action: str, client) -> bool:
    """Attempt the action as the logged-in client; whether its effect happened."""
    from datetime import timedelta

    from django.urls import reverse
    from reversion.models import Version

    from articles.models import PendingChange
    from tests.factories import ArticleFactory, NoteFactory

    live = ArticleFactory(headline="Live headline")
    if action == "edit live":
        _post_form(client, live, "_publish_changes", headline="Changed")
        return Article.objects.get(pk=live.pk).headline == "Changed"
    if action in ("save draft", "submit"):
        button = "_save_draft" if action == "save draft" else "_submit_changes"
        _post_form(client, live, button, headline="Changed")
        state = "draft" if action == "save draft" else "submitted"
        return PendingChange.objects.filter(article=live, state=state).exists()
    review = reverse("admin:articles_article_changes", args=[live.pk])
    if action == "approve":
        _pending(live)
        client.post(review, {"action": "publish"})
        return Article.objects.get(pk=live.pk).headline == "Pending headline"
    if action == "send back":
        _pending(live)
        client.post(review, {"action": "send_back", "note": "Fix the date."})
        return PendingChange.objects.get(article=live).state == "sent_back"
    draft = ArticleFactory(status=Article.Status.DRAFT)
    if action == "publish":
        client.post(
            "/admin/articles/article/",
            {"action": "publish_selected", "_selected_action": [draft.pk]},
        )
        return Article.objects.published().filter(pk=draft.pk).exists()
    if action == "schedule":
        later = timezone.localtime() + timedelta(days=1)
        _post_form(
            client,
            draft,
            "_save",
            status="published",
            published_at_0=later.date().isoformat(),
            published_at_1="10:00:00",
        )
        return Article.objects.filter(pk=draft.pk, status="published").exists()
    if action == "withdraw a note":
        note = NoteFactory(article=live)
        url = reverse("admin:articles_article_withdraw_note", args=[live.pk, note.pk])
        client.post(url, {"reason": "It was right."})
        note.refresh_from_db()
        return note.withdrawn_at is not None
    if action == "restore":
        import reversion

        with reversion.create_revision():
            live.save()
        Article.objects.filter(pk=live.pk).update(headline="Newer headline")
        version = Version.objects.get_for_object(live).get()
        url = reverse("admin:articles_article_revision", args=[live.pk, version.pk])
        from tests.admin_support import form_data

        page = client.get(url)
        if page.status_code == 200:
            client.post(url, form_data(page))
        return Article.objects.get(pk=live.pk).headline == "Live headline"
    raise AssertionError(action)


@pytest.mark.parametrize("action", ACTION_MATRIX)
def test_each_role_may_do_exactly_the_actions_it_should(client, users, action):
    """Each role's attempt at this action has its effect exactly when the matrix says so."""
    seen = []
    for role in ROLES:
        client.logout()
        if users[role] is not None:
            client.force_login(users[role])
        seen.append(_try(action, client))
    assert tuple(seen) == ACTION_MATRIX[action], dict(zip(ROLES, seen, strict=True))
