"""articles.links remembers reversed addresses; they must stay the ones reverse() gives."""

from django.urls import reverse, set_script_prefix

from articles.links import link


def test_link_gives_the_address_reverse_gives():
    assert link("articles:front-page") == reverse("articles:front-page")
    assert link("articles:detail", "a-story") == reverse("articles:detail", args=["a-story"])
    assert link("articles:section", "world") == "/sections/world/"


def test_link_follows_the_script_prefix_a_site_is_mounted_under():
    assert link("articles:section", "world") == "/sections/world/"
    set_script_prefix("/news/")
    try:
        assert link("articles:section", "world") == "/news/sections/world/"
    finally:
        set_script_prefix("/")
    assert link("articles:section", "world") == "/sections/world/"
