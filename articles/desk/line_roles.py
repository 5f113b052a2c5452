"""An editor's decision on a line the importer was unsure of (issue 15): "looks right", or
another role, which changes the article's blocks and header fields at once.

The blocks are changed where they stand, not rebuilt from the file: the article may have
been edited since the import (a photo on a caption, a reworded paragraph), and that work
stays. A line's new block text is what the parser makes of the line in that role
(parser.block_for), unless an editor has reworded the line's block: then their words move.
A change is an editor's version in the article's history (django-reversion), bumps the
article's version (an older copy open in a form is refused as stale) and names the editor
as its last; it does not set `edited_at`, so the next import of a changed file is no
conflict: it keeps the chosen role by the line's text (articles/importing/source_lines.py).
"""

import reversion
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from articles.desk import workflow
from articles.importing.history import record_imports
from articles.importing.store import FIELD_LIMITS
from articles.models import Article, Block, PendingChange
from articles.seedfile.parser import block_for
from articles.sourcelines import SourceLine

BODY_ROLES = ("paragraph", "caption", "teaser", "furniture")
HEADER_ROLES = ("headline", "dek", "byline", "dateline")
# The buttons' order on the review screen.
ROLES = ("paragraph", "caption", "credit", "teaser", "byline", "dateline", "furniture", "dek")
LABELS = {"dek": "standfirst", "furniture": "furniture (hidden)"}


class RoleRefused(Exception):
    """Why a change of role was not made, in words for the editor; nothing was changed."""


def offered_roles(line: SourceLine, lines: list[SourceLine]) -> list[str]:
    """The roles an editor may give this line. The headline stays (change it in the form);
    headline and standfirst are offered only above the body, as far as the kept lines show."""
    if line.role == "headline":
        return []
    above_body = not any(
        other.number < line.number and other.role not in (*HEADER_ROLES, "furniture")
        for other in lines
    )
    roles = [role for role in ROLES if role != "dek" or above_body]
    if above_body:
        roles.append("headline")
    return [role for role in roles if role != line.role]


def confirm(line_id: int, *, from_role: str, user) -> SourceLine:
    """ "Looks right": the line keeps its role, reviewed by `user` (and kept on re-import)."""
    with transaction.atomic():
        line = _locked_line(line_id, from_role)
        _mark_reviewed(line, line.role, user)
    return line


def change_role(line_id: int, role: str, *, from_role: str, user) -> SourceLine:
    """Give the line `role`: its article's blocks, fields, search text and stored body
    change at once, as a version of the article by `user`. RoleRefused says why not."""
    with transaction.atomic():
        line = _locked_line(line_id, from_role)
        article = Article.objects.select_for_update().get(pk=line.article_id)
        lines = list(SourceLine.objects.filter(article=article).order_by("number"))
        if role not in offered_roles(line, lines):
            raise RoleRefused(f"A {line.role} line cannot be made a {role} here.")
        if PendingChange.objects.filter(article=article).exists():
            raise RoleRefused(
                "This article has changes waiting to be published: publish or discard them"
                " first, or they would undo this change when they go live."
            )
        record_imports([article.pk])  # the imported text is in the history before it changes
        with reversion.create_revision():
            old = line.role
            _LineMove(article, line, lines).to(role)
            if not workflow.has_body_text(article.blocks.values_list("kind", "text")):
                raise RoleRefused("That would leave the article without a paragraph of body text.")
            _mark_reviewed(line, role, user)
            article.last_editor = user
            article.version += 1
            article.save()
            article.refresh_derived()  # body text, word count and the body readers see
            reversion.set_user(user)
            reversion.set_comment(
                f"Line {line.number} changed from {old} to {role} (line review): “{line.text[:60]}”"
            )
    return line


def _locked_line(line_id: int, from_role: str) -> SourceLine:
    line = SourceLine.objects.select_for_update().filter(pk=line_id).first()
    if line is None:
        raise RoleRefused("That line is no longer stored: the article was imported again.")
    if line.role != from_role:
        raise RoleRefused(
            f"Line {line.number} was made a {line.role} meanwhile (the page showed"
            f" {from_role}); nothing was changed. Look at it again below."
        )
    return line


def _mark_reviewed(line: SourceLine, role: str, user) -> None:
    line.role = line.editor_role = role
    line.reviewed_by, line.reviewed_at = user, timezone.now()
    line.save()


class _LineMove:
    """Takes a line's text out of where it is (a block, a caption's credit, a header field)
    and puts it where its new role belongs."""

    def __init__(self, article: Article, line: SourceLine, lines: list[SourceLine]):
        self.article, self.line = article, line
        self.lines = [other for other in lines if other.pk != line.pk]
        self.block = (
            Block.objects.filter(pk=line.block_id, article=article).first()
            if line.block_id
            else None
        )
        self.partners = [o for o in self.lines if self.block and o.block_id == self.block.pk]

    def to(self, role: str) -> None:
        old = self.line.role
        if old not in HEADER_ROLES and self.block is None:
            raise RoleRefused(
                f"Line {self.line.number}'s block has been removed or replaced since the"
                " import; change the article in its form instead."
            )
        if old in BODY_ROLES and role in BODY_ROLES and not self.partners:
            self._convert_block(old, role)
            return
        text, position = self._take_out(old)
        self._put_in(role, text, position)

    def _parsed_text(self, role: str) -> str:
        return block_for(self.line.text, role).text

    def _convert_block(self, old: str, role: str) -> None:
        block, new = self.block, block_for(self.line.text, role)
        if block.text == self._parsed_text(old):  # not reworded: the parser's text for the role
            # A caption's glued credit goes back into the text of a line that is no caption.
            block.text = self.line.text if block.credit and role != "caption" else new.text
            block.html = new.html  # the line's inline marks, where the new kind keeps them
        if role == "caption":
            block.credit = block.credit or new.credit
        else:
            block.credit = ""
        block.kind = role
        block.save()

    def _take_out(self, old: str) -> tuple[str | None, int | None]:
        """Remove the line; its block's text if an editor reworded it, and where it stood."""
        if old in HEADER_ROLES:
            entries = getattr(self.article, old).split("\n")
            if self.line.text not in entries:
                raise RoleRefused(
                    f"The article's {old} no longer holds this line's text (it was edited);"
                    " change it in the article form instead."
                )
            entries.remove(self.line.text)
            setattr(self.article, old, "\n".join(entries))
            return None, None
        block = self.block
        partner = self.partners[0] if self.partners else None
        after = partner is None or partner.number < self.line.number
        position = block.position + 1 if after else block.position
        if old == "credit":
            if block.text or partner is not None:
                block.credit = ""
                block.save()
                return None, position
            block.delete()
            return None, block.position
        reworded = block.text if block.text != self._parsed_text(old) else None
        if partner is not None:  # the caption of a credited photo: the credit stays
            block.text = ""
            block.save()
            return reworded, position
        block.delete()
        return reworded, block.position

    def _put_in(self, role: str, reworded: str | None, position: int | None) -> None:
        if role in HEADER_ROLES:
            self._into_field(role, reworded or self.line.text)
            return
        if position is None:
            position = self._position_in_body()
        new = block_for(self.line.text, role)
        if role == "credit":
            before = (
                Block.objects.filter(article=self.article, position__lt=position)
                .order_by("-position")
                .first()
            )
            if before is not None and before.kind == Block.Kind.CAPTION and not before.credit:
                before.credit = new.credit
                before.save()
                self.line.block = before
                return
        marks = "" if reworded else new.html
        self.line.block = self._insert(
            position, new.kind, reworded or new.text, new.credit, html=marks
        )

    def _insert(self, position: int, kind: str, text: str, credit: str, html: str = "") -> Block:
        # The positions' unique constraint is checked at commit: the shift may overlap.
        Block.objects.filter(article=self.article, position__gte=position).update(
            position=F("position") + 1
        )
        block = Block(
            article=self.article, position=position, kind=kind, text=text, credit=credit, html=html
        )
        block.save()
        return block

    def _position_in_body(self) -> int:
        """Just after the block of the nearest line above that has one, else first."""
        above = [o.block_id for o in self.lines if o.number < self.line.number and o.block_id]
        positions = Block.objects.filter(article=self.article, pk__in=above).values_list(
            "position", flat=True
        )
        return max(positions, default=-1) + 1

    def _into_field(self, role: str, text: str) -> None:
        article = self.article
        self.line.block = None
        if role == "headline":
            # The headline it replaces stays in the article, hidden: furniture at the top.
            former = [o for o in self.lines if o.role == "headline"]
            furniture = self._insert(0, Block.Kind.FURNITURE, article.headline, "")
            for other in former:
                other.role, other.block = "furniture", furniture
                other.save()
            entries = [text]
        else:
            entries = [e for e in getattr(article, role).split("\n") if e]
            later = {o.text for o in self.lines if o.role == role and o.number > self.line.number}
            at = next((i for i, e in enumerate(entries) if e in later), len(entries))
            entries.insert(at, text)
        value = "\n".join(entries)
        limit = FIELD_LIMITS.get(role)
        if limit and len(value) > limit:
            raise RoleRefused(
                f"The {role} would be {len(value):,} characters long; the limit is {limit:,}."
            )
        setattr(article, role, value)
