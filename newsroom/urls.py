from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from newsroom import views

handler500 = "newsroom.views.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("bench/baseline", views.baseline, name="bench-baseline"),
    path("", include("articles.urls")),
]

# Uploaded photos in development (DEBUG=1); static() adds nothing otherwise.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
