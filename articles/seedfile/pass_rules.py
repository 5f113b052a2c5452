"""The context rules' table: each decision passes.py makes from a line's neighbours, named,
with its role, its confidence and an example article (tests/seedfile/test_rules.py checks
that each example's line marked "* " is decided by that rule)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class PassRule:
    """A decision made from a line's neighbours. Examples are articles ("\\n"-separated lines)
    whose line marked "* " this rule decides."""

    name: str
    role: str
    examples: tuple[str, ...]
    confidence: float = 0.8


_BODY = "The council said on Tuesday that the road would reopen next month."
PASS_RULES = (
    PassRule(
        "first-text-line",
        "headline",
        (f"Advertisement\n* Council Approves Bridge\n{_BODY}",),
        confidence=0.9,
    ),
    PassRule(
        "section-kicker",
        "furniture",
        (
            f"* Tech News\nCouncil Approves Plan for New Bridge\n{_BODY}",
            f"* Celebrity\nPosted on 3 Oct 2016\nCouncil Approves Plan for New Bridge\n{_BODY}",
        ),
        confidence=0.7,
    ),
    PassRule(
        "caption-position",
        "caption",
        (
            f"Council Approves Bridge\n{_BODY}\n* Jane Doe, left, and John Smith walk past the bridge.\n{_BODY}",
            f"Council Approves Bridge\n{_BODY}\n* The mayor (centre) opens the new bridge\n{_BODY}",
        ),
        confidence=0.85,
    ),
    PassRule(
        "caption-above-credit",
        "caption",
        (
            f"Council Approves Bridge\n{_BODY}\n* Workers on the bridge on Monday.\nPhoto: DPA\n{_BODY}",
        ),
        confidence=0.85,
    ),
    PassRule(
        "caption-below-credit",
        "caption",
        (
            f"Council Approves Bridge\n{_BODY}\n{' '.join([_BODY] * 7)}\nReuters"
            f"\n* Workers on the bridge on Monday.\n{_BODY}",
        ),
        confidence=0.7,
    ),
    PassRule(
        "photographer-name",
        "credit",
        (
            f"Council Approves Bridge\n{_BODY}\nThe bridge in Haifa, August 16, 2017.\n* Emil Salman\n{_BODY}",
        ),
        confidence=0.75,
    ),
    PassRule(
        "dek-summary",
        "dek",
        (f"Council Approves Plan for New Bridge\n* The vote ends a decade of delays\n{_BODY}",),
        confidence=0.7,
    ),
    PassRule(
        "signed-header",
        "byline",
        (
            f"Council Approves Bridge\n* By Newswire with Agencies\n{_BODY} {_BODY}",
            f"Council Approves Bridge\n* by Jane Doe22 Dec2016\n{_BODY} {_BODY}",
        ),
        confidence=0.8,
    ),
    PassRule(
        "author-under-headline",
        "byline",
        (f"Council Approves Bridge\n* Joshua Caplan\n{_BODY}",),
        confidence=0.7,
    ),
    PassRule(
        "wire-credit",
        "credit",
        (
            f"Council Approves Bridge\n{_BODY}\nWorkers on the bridge on Monday.\n* Reuters\n{_BODY}",
        ),
        confidence=0.8,
    ),
    PassRule(
        "repeated-scrap",
        "furniture",
        (
            f"Council Approves Bridge\n{_BODY}\n* View this photo on Instagram\n{_BODY}"
            f"\nView this photo on Instagram\n{_BODY}",
        ),
        confidence=0.7,
    ),
    PassRule(
        "repeated-link",
        "teaser",
        (
            f"Council Approves Bridge\n{_BODY}\n* Growing sinkhole in the south is ignored\n{_BODY}"
            f"\nGrowing sinkhole in the south is ignored\n{_BODY}",
        ),
        confidence=0.6,
    ),
    PassRule(
        "byline-continued",
        "byline",
        (f"Council Approves Bridge\nBy Jane Doe\n* Los Angeles Times\n{_BODY}",),
        confidence=0.7,
    ),
    PassRule(
        "link-under-heading",
        "teaser",
        (f"Council Approves Bridge\n{_BODY}\nRelated stories\n* Why the bridge matters\n{_BODY}",),
        confidence=0.75,
    ),
    PassRule(
        "caption-under-label",
        "caption",
        (
            f"Council Approves Bridge\n{_BODY}\nImage caption\n* Workers on the new bridge.\n{_BODY}",
        ),
        confidence=0.85,
    ),
    PassRule(
        "link-run",
        "teaser",
        (
            f"Council Approves Bridge\n{_BODY}\nMost Read Stories\n* Why the bridge matters"
            f"\nA new mayor for the city\n{_BODY}",
        ),
        confidence=0.7,
    ),
    PassRule(
        "inline-link",
        "teaser",
        (
            f"Council Approves Bridge\n{_BODY * 2}\n* Mayor calls for a vote on the new bridge\n{_BODY * 2}",
        ),
        confidence=0.6,
    ),
    PassRule(
        "author-name",
        "byline",
        (f"Council Approves Bridge\n{_BODY}\n{_BODY}\n* Rebecca Hersher",),
        confidence=0.7,
    ),
    PassRule(
        "widget-box",
        "furniture",
        (
            f"Council Approves Plan for New Bridge\n{_BODY}\n* The best of the week, picked"
            f" each morning, just for you\nEmail *\n{_BODY}",
            f"Council Approves Plan for New Bridge\n{_BODY}\nShow comments\n* Please read our"
            f" rules before posting\n{_BODY}",
        ),
        confidence=0.7,
    ),
    PassRule(
        "framed-caption",
        "caption",
        (f"Council Approves Bridge\n{_BODY}\nShare\n* The new bridge at dawn.\nMore\n{_BODY * 2}",),
        confidence=0.6,
    ),
    PassRule(
        "link-card",
        "teaser",
        (
            f"Council Approves Bridge\n{_BODY}\n{_BODY}"
            + "".join(f"\nWhy the bridge matters {n}\nPolitics\n{n} hours ago" for n in (1, 2))
            + "\nWhy the bridge matters 3\nPolitics\n* 3 hours ago",
        ),
        confidence=0.7,
    ),
    PassRule(
        "caption-under-photo-tool",
        "caption",
        (
            f"Council Approves Bridge\n{_BODY}\nEnlarge Image\n* The mayor opens the bridge\n{_BODY}",
        ),
        confidence=0.7,
    ),
    PassRule(
        "head-scrap",
        "furniture",
        (f"Council Approves Plan for New Bridge\n* EXCLUSIVE\n{'Long ' * 30}text.",),
        confidence=0.6,
    ),
    PassRule(
        "tail-scrap",
        "furniture",
        (f"Council Approves Plan for New Bridge\n{_BODY}\n{'Long ' * 30}text.\n* Edition: US",),
        confidence=0.6,
    ),
    PassRule(
        "author-box",
        "byline",
        (
            f"Council Approves Bridge\n{_BODY}\n{_BODY}\n{_BODY}\nAbout the author\nJane Doe\n* Twenty years on the city desk",
        ),
        confidence=0.75,
    ),
    PassRule(
        "headline-echo",
        "furniture",
        (
            f"Council Approves Plan -- New Bridge\n{_BODY}\n* Council Approves Plan: New Bridge\n{_BODY}",
        ),
        confidence=0.8,
    ),
    PassRule(
        "link-summary",
        "teaser",
        (
            f"Council Approves Bridge\n{_BODY}\n{_BODY * 2}\nMore stories\nWhy the bridge matters\n* {_BODY}"
            f"\nRelated: A new mayor for the city\n{_BODY}",
        ),
        confidence=0.6,
    ),
    PassRule(
        "title-shaped-link",
        "teaser",
        (f"Council Approves Bridge\n{_BODY}\n* Why The City Needs A New Bridge Now\n{_BODY}",),
        confidence=0.6,
    ),
    PassRule(
        "plain-text", "paragraph", (f"Council Approves Bridge\n{_BODY}\n* {_BODY}",), confidence=0.8
    ),
)
