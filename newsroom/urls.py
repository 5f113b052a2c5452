from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from newsroom import views

handler500 = "newsroom.views.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("", include("articles.reader.urls")),
]

# The benchmark's yardstick (bench/run.py), only in the servers the benchmark starts.
if settings.BENCH_BASELINE:
    urlpatterns.insert(0, path("bench/baseline", views.baseline, name="bench-baseline"))

# Uploaded photos, when they live on this server's disk (with S3 storage MEDIA_URL
# is a full address and the object store serves them).
if not settings.MEDIA_URL.startswith(("http://", "https://", "//")):
    urlpatterns.insert(
        0, re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", views.media, name="media")
    )
