from django.urls import path

from articles import views

app_name = "articles"

urlpatterns = [
    path("", views.FrontPageView.as_view(), name="front-page"),
    path("articles/<str:slug>/", views.article_detail, name="detail"),
    path("search/", views.SearchView.as_view(), name="search"),
]
