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
    return {
        "published": published.get_absolute_url(),
        "draft": draft.pk,
        "draft_public": draft.get_absolute_url(),
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
