from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig


class NewsroomAdminConfig(AdminConfig):
    """The Django admin, on our admin site (two-factor login: newsroom/admin_site.py)."""

    default_site = "newsroom.admin_site.NewsroomAdminSite"


class NewsroomConfig(AppConfig):
    """The project itself, as an app for its operations commands (ensure, back up, restore the database)."""

    name = "newsroom"
    default_auto_field = "django.db.models.BigAutoField"
