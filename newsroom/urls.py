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
