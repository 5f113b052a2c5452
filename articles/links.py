"""Addresses of the site's pages, reversed once per process.

Every page links to the same few views again and again (masthead, footer,
story cards, topics), and reverse() matches its arguments against the URLconf
each time: a quarter of the article page's template time (issue 6). An address
depends only on the view, its arguments, the URLconf and the script prefix, so
one computed for that key stays right for the life of the process.
"""

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse


def link(viewname: str, *args: object) -> str:
    """reverse(viewname, args=args), remembered."""
    return _reverse(get_urlconf(settings.ROOT_URLCONF), get_script_prefix(), viewname, args)


@lru_cache(maxsize=20_000)
def _reverse(urlconf, prefix: str, viewname: str, args: tuple) -> str:
    return reverse(viewname, urlconf=urlconf, args=args)
