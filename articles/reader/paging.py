"""Pages of lists that never count the whole archive.

Counting every published article on each view of the front page cost more than the
rest of the page at 100,000 articles (issue 17: 82 requests a second uncached). So a
list counts at most COUNT_CAP articles: below that, "Page 2 of 3" as before; above it,
"Page 2", and each page reads one article more than it shows to know whether an older
page follows.
"""

import sys
from functools import cached_property

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator

COUNT_CAP = 1000
# PostgreSQL's OFFSET is a bigint: a page that would start beyond it is empty, not an error.
MAX_OFFSET = 2**63 - 1


class ArchivePage(Page):
    """A page that knows whether an older one follows without knowing how many do."""

    def __init__(self, object_list, number, paginator, *, has_older: bool) -> None:
        super().__init__(object_list, number, paginator)
        self.has_older = has_older

    def has_next(self) -> bool:
        return self.has_older


class ArchivePaginator(Paginator):
    """A paginator whose count stops at COUNT_CAP (`capped` then), and whose pages go on."""

    @cached_property
    def count(self) -> int:
        if hasattr(self.object_list, "capped_count"):  # queries.ListedArticles
            return self.object_list.capped_count(COUNT_CAP + 1)
        counted = self.object_list[: COUNT_CAP + 1]
        return len(counted) if isinstance(counted, list) else counted.count()

    def validate_number(self, number, *, counted: bool = True) -> int:
        """Django's check of a page number, and that its rows are within PostgreSQL's reach;
        `counted=False` leaves out the check against the last page, which needs the count."""
        if counted:
            number = super().validate_number(number)
        try:
            if isinstance(number, float) and not number.is_integer():
                raise ValueError
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from None
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        if number * self.per_page + 1 > MAX_OFFSET:
            raise EmptyPage(self.error_messages["no_results"])
        return number

    @property
    def capped(self) -> bool:
        """True when the list holds more than COUNT_CAP articles, and the total is unknown."""
        return self.count > COUNT_CAP

    @cached_property
    def num_pages(self) -> int:
        # Unknown beyond the cap: any page may exist, until one turns out empty.
        return sys.maxsize if self.capped else super().num_pages

    def page(self, number) -> Page:
        if "count" not in self.__dict__ and hasattr(self.object_list, "counted_page"):
            return self._counted_page(number)
        if not self.capped:
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        return self._archive_page(
            list(self.object_list[bottom : bottom + self.per_page + 1]), number
        )

    def _counted_page(self, number) -> Page:
        """The page and the count in one statement (queries.ListedArticles), one round trip
        fewer for every list."""
        number = self.validate_number(number, counted=False)
        rows, self.count = self.object_list.counted_page(
            (number - 1) * self.per_page, self.per_page + 1, COUNT_CAP + 1
        )
        number = self.validate_number(number)  # past the last page: EmptyPage, as Django's
        if not self.capped:
            return self._get_page(rows[: self.per_page], number, self)
        return self._archive_page(rows, number)

    def _archive_page(self, rows: list, number: int) -> Page:
        """A page of a list beyond the cap, from its rows and one more if an older page follows."""
        if not rows:
            raise EmptyPage(self.error_messages["no_results"])
        return ArchivePage(rows[: self.per_page], number, self, has_older=len(rows) > self.per_page)
