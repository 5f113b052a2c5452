"""What the migrations that give the Editors group new permissions share.

(A module whose name starts with "_" is not a migration to Django's loader.)
"""


def grant_to_editors(apps, codenames: list[str]) -> None:
    """Give the Editors group these permissions of the articles app, as of this migration."""
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; these are needed now.
    app_config = apps.get_app_config("articles")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    granted = Permission.objects.filter(
        content_type__app_label="articles", codename__in=codenames
    )
    for group in apps.get_model("auth", "Group").objects.filter(name="Editors"):
        group.permissions.add(*granted)
