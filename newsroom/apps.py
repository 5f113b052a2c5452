from django.contrib.admin.apps import AdminConfig


class NewsroomAdminConfig(AdminConfig):
    """The Django admin, on our admin site (two-factor login: newsroom/admin_site.py)."""

    default_site = "newsroom.admin_site.NewsroomAdminSite"
