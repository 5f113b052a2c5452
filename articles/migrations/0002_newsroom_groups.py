"""The two newsroom roles: reporters write and submit, editors also publish."""

from django.db import migrations

ARTICLE_PERMISSIONS = ["add_article", "change_article", "view_article"]
CONTENT_PERMISSIONS = [
    f"{action}_{model}"
    for model in ("block", "note", "section", "topic", "slugredirect")
    for action in ("add", "change", "delete", "view")
]
ROLES = {
    "Reporters": ARTICLE_PERMISSIONS
    + [p for p in CONTENT_PERMISSIONS if "block" in p]
    + ["view_section", "view_topic"],
    "Editors": ARTICLE_PERMISSIONS
    + ["delete_article", "publish_article"]
    + CONTENT_PERMISSIONS,
}


def create_groups(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; this one needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(
            Permission.objects.filter(content_type__app_label="articles", codename__in=codenames)
        )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
