"""Helpers for the admin tests: newsroom users in their groups, and posting admin forms."""

import datetime
from importlib import import_module

from django.contrib.auth.models import Group, Permission, User
from django.forms import MultiWidget
from django.urls import reverse

ROLES = {
    name: list(codenames)
    for name, codenames in import_module("articles.migrations.0002_newsroom_groups").ROLES.items()
}
# Granted to editors by later migrations, which a transactional test's flush does not re-run.
ROLES["Editors"] += import_module("articles.migrations.0020_source_lines").REVIEW_PERMISSIONS


def newsroom_group(name: str) -> Group:
    """The group migration 0002 creates (again, if a transactional test flushed it)."""
    group, _ = Group.objects.get_or_create(name=name)
    if not group.permissions.exists():
        group.permissions.set(
            Permission.objects.filter(content_type__app_label="articles", codename__in=ROLES[name])
        )
    return group


def change_url(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def make_staff(username: str, role: str) -> User:
    user = User.objects.create_user(username, password=f"pw-{username}-1", is_staff=True)
    user.groups.add(newsroom_group(role))
    return user


def form_data(response, *, button: str | None = None) -> dict:
    """POST data that resubmits an admin change form exactly as the page shows it.

    On a live article's form an editor's data presses "Publish changes" (as saving did before
    drafts, issue 13), anyone else's "Save draft"; `button` names another submit button.
    """
    data: dict = {}
    context = response.context
    if button:
        data[button] = "1"
    elif context.get("live_article"):
        data["_publish_changes" if context.get("may_publish") else "_save_draft"] = "1"
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        data.update({management.add_prefix(k): v for k, v in management.initial.items()})
        forms += list(formset.forms)
    for form in forms:
        for name, field in form.fields.items():
            bound = form[name]
            if field.disabled or field.widget.__class__.__name__ == "ClearableFileInput":
                continue
            value = bound.value()
            if value is None:
                continue
            if isinstance(field.widget, MultiWidget):
                parts = field.widget.decompress(value)
                for i, part in enumerate(parts):
                    data[f"{bound.html_name}_{i}"] = encode(part)
            elif isinstance(value, list | tuple):
                data[bound.html_name] = [encode(v) for v in value]
            elif isinstance(value, bool):
                if value:
                    data[bound.html_name] = "on"
            else:
                data[bound.html_name] = encode(value)
    return data


def encode(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(getattr(value, "pk", value))


def add_block(data: dict, *, prefix: str = "blocks", **fields) -> dict:
    """Append one extra inline form to POST data built by form_data()."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    for name, value in fields.items():
        data[f"{prefix}-{index}-{name}"] = value
    return data


def errors_of(response) -> list[str]:
    """Every validation message on an admin change form, the article's and its inlines'."""
    messages = []
    for errors in response.context["adminform"].form.errors.values():
        messages += list(errors)
    for inline in response.context["inline_admin_formsets"]:
        messages += list(inline.formset.non_form_errors())
        for form_errors in inline.formset.errors:
            for errors in form_errors.values():
                messages += list(errors)
    return messages
