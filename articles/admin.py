from django.contrib import admin

from articles.models import Article, Block, Section, Topic


class BlockInline(admin.TabularInline):
    model = Block
    fk_name = "article"
    extra = 0
    fields = ["position", "kind", "text", "credit", "link_url", "link_article"]
    raw_id_fields = ["link_article"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["headline", "status", "section", "published_at"]
    list_filter = ["status", "section"]
    search_fields = ["headline"]
    prepopulated_fields = {"slug": ["headline"]}
    inlines = [BlockInline]


@admin.register(Section, Topic)
class NamedAdmin(admin.ModelAdmin):
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]
