"""The line rules: what a line says about itself, read alone, as one table of named rules.

Each entry names the role it gives, its pattern or reader function, its own guard (the longest
line it applies to; for a searched pattern, the words a line must hold) and the example lines it
exists for: tests/seedfile/test_rules.py parses every example and checks that this rule decided
it, with this role. Rules run in the order of LINE_RULES and the first that recognises a line
wins; passes.py then decides what depends on the lines around (the headline, the dek, which
caption a credit belongs to). matching.py derives every speed guard from this table, so adding
a phrase is one entry, or one alternative in an entry's pattern, that nothing can shadow.
"""

import re

from articles.seedfile import attribution, markdown, readers, shapes
from articles.seedfile.decoding import MAX_LINE_CHARS
from articles.seedfile.furniture import FURNITURE_RULES, LIST_HEADINGS
from articles.seedfile.guards import guard
from articles.seedfile.matching import compile_rules, reader, widest
from articles.seedfile.vocabulary import POST_PLATFORMS

TEASER_MAX = 300
BYLINE_MAX = 250
DATELINE_MAX = 80
GLUED_CAPTION_MAX = 800
CREDIT_MAX = 120
CAPTION_MAX = 500


_PHOTO_AGENCY = shapes.PHOTO_AGENCY.pattern
_BBC_GLUED = re.compile(
    r"^(?i:image copyright)\s+(?P<credit>.+?)\s+(?i:image caption),?\s+(?P<caption>.+)$"
)
_CREDIT_FIRST = re.compile(
    rf"^(?P<credit>©\s*(?:\d{{4}}\s+)?(?:{_PHOTO_AGENCY}|[A-Z][A-Z0-9&./-]+"
    r"(?:\s+[A-Z][A-Z0-9&./-]+)*))\s+(?P<caption>\S+(?:\s+\S+){2,})$"
)

TEXT_RULES = (
    reader(
        "post-credit",
        "credit",
        attribution.read_post_credit,
        attribution.POST_CREDIT_MAX,
        "sexlikelovato_ / Instagram",
        "Instagram: @vladyart",
        "@delafro_ / Twitter / Via Twitter: @delafro_",
        guard=guard(closes=lambda char: char.isalnum() or char == "_", holds=POST_PLATFORMS),
    ),
    reader(
        "social-post-attribution",
        "paragraph",
        readers.read_post_attribution,
        TEASER_MAX,
        "— Paul Betts (@paulcbetts) June 7, 2016",
        guard=guard(opens=readers.POST_ATTRIBUTION, holds=("(@",)),
    ),
    reader(
        "link-label",
        "teaser",
        readers.read_teaser_label,
        TEASER_MAX,
        "Read more:",
        "See also",
        "Also on Haaretz:",
        guard=guard(opens=readers.TEASER_LABEL),
    ),
    reader(
        "link-heading",
        "teaser",
        readers.read_link_heading,
        readers.LINK_HEADING_MAX,
        "More Alabama news",
        "À lire aussi :",
        "Read More Stories About:",
        guard=guard(opens=readers.LINK_HEADING),
    ),
    reader(
        "marked-link",
        "teaser",
        readers.read_marked_teaser,
        TEASER_MAX,
        ">> Israel's Explosive Message to Russia >>",
        "Why the bridge matters to the city »",
        guard=guard(holds=readers.MARKER_CHARS),
    ),
    reader(
        "labelled-link",
        "teaser",
        readers.read_labelled_teaser,
        TEASER_MAX,
        "READ MORE: Iran's army chief visits Damascus",
        "Related: Why the bridge matters",
        guard=guard(holds=(":", "|")),
    ),
    reader(
        "invitation-link",
        "teaser",
        readers.read_invitation,
        TEASER_MAX,
        "Read the full transcript of his interview",
        "Check out more articles on BuzzFeed.com!",
        "See our gallery of the winners",
        guard=guard(opens=readers.INVITATION),
    ),
    reader(
        "signed-byline",
        "byline",
        readers.read_signed_byline,
        BYLINE_MAX,
        "By Noah Bierman and Chris Megerian",
        "by Ben Hubbard Sept. 27, 2017",
        "— Jane Doe",
        guard=guard(opens=readers.SIGNED_START),
    ),
    reader(
        "byline-label",
        "byline",
        readers.read_byline_label,
        20,
        "Author:",
        guard=guard(opens=readers.BYLINE_LABEL),
    ),
    reader(
        "contributors",
        "byline",
        readers.read_contributors,
        BYLINE_MAX,
        "Reporting by Jane Doe; Editing by John Smith",
        guard=guard(opens=readers.CONTRIBUTORS),
    ),
    reader(
        "contributed-reporting",
        "byline",
        readers.read_contributed,
        BYLINE_MAX,
        "CNN’s Dana Bash and Gloria Borger contributed to this story",
        "Kristen Hayford contributed to this report.",
        guard=guard(holds=("contributed",)),
    ),
    reader(
        "author-bio",
        "byline",
        readers.read_author_bio,
        BYLINE_MAX,
        "Alyssa Newcomb is an NBC News contributor who writes about business and technology.",
        "Jane van Doe is Opinion Editor of the Courier.",
        "Jane Doe writes a weekly column for The Courier.",
        "Jane Doe is on Twitter at jane_doe.",
        guard=guard(opens=readers.AUTHOR_BIO),
    ),
    reader(
        "name-with-contact",
        "byline",
        readers.read_name_with_contact,
        readers.CONTACT_LINE_MAX,
        "Mike Cason | mcason@al.com",
        "Pete Evans · CBC News · Posted: Oct 14, 2022 9:27 AM ET",
        "October 14, 2009|Jane Doe",
        guard=guard(holds=readers.CONTACT_MARKS),
    ),
    reader(
        "name-with-handle",
        "byline",
        attribution.read_name_with_handle,
        80,
        "Tom DiChristopher@tdichristopher",
        guard=guard(holds=("@",)),
    ),
    reader(
        "contact-line",
        "byline",
        attribution.read_contact_line,
        BYLINE_MAX,
        "Contact Mark Di Stefano at mark.distefano@buzzfeed.com",
        guard=guard(holds=("@",)),
    ),
    reader(
        "author-email",
        "byline",
        readers.read_email,
        BYLINE_MAX,
        "jane.doe@example.com",
        guard=guard(holds=("@",)),
    ),
    reader(
        "author-handle",
        "byline",
        readers.read_handle,
        BYLINE_MAX,
        "@janedoe",
        guard=guard(holds=("@",)),
    ),
    # A wire name is a byline in the header and after the story; passes.py makes it the
    # credit of a caption above it in the body.
    reader(
        "wire-name",
        "byline",
        readers.read_wire,
        widest(shapes.WIRE.pattern),
        f"Council Approves Plan for New Bridge\n{'The council voted on Tuesday.'}\n* Reuters",
        "Council Approves Plan for New Bridge\n* ASSOCIATED PRESS\nThe council voted on Tuesday.",
        guard=guard(opens=shapes.WIRE, closes=shapes.WIRE),
    ),
    reader(
        "name-for-outlet",
        "byline",
        attribution.read_name_for_outlet,
        90,
        "Council Approves Plan for New Bridge\n* Jane Doe for Dailymail.com\nThe council voted.",
        guard=guard(opens=str.isupper, closes=str.isalnum, holds=(" for ",)),
    ),
    reader(
        "place-dateline",
        "dateline",
        readers.read_place_dateline,
        DATELINE_MAX,
        "BEIRUT (Reuters) -",
        "WASHINGTON —",
        guard=guard(opens=readers.OWN_DATELINE),
    ),
    reader(
        "date-only",
        "dateline",
        readers.read_date_only,
        DATELINE_MAX,
        "Updated 10:29 AM ET, Wed September 27, 2017",
        "27 Sep 2017",
        "Jun 7, 2023, 8:54 PM UTC|",
    ),
    # Captions with their credit glued to them.
    reader(
        "bbc-credit-and-caption",
        "caption",
        readers.glued(lambda text: 0, _BBC_GLUED.pattern),
        GLUED_CAPTION_MAX,
        "Image copyright Getty Images Image caption Pope Francis waves to the crowd",
        guard=guard(opens=_BBC_GLUED),
    ),
    reader(
        "credit-then-caption",
        "caption",
        readers.glued(lambda text: 0, _CREDIT_FIRST.pattern),
        GLUED_CAPTION_MAX,
        "© EPA Pope Francis's trip to Myanmar is his first",
        guard=guard(opens=_CREDIT_FIRST),
    ),
    reader(
        "caption-then-labelled-credit",
        "caption",
        readers.glued(
            lambda text: 0 if ":" in text or "Credit" in text else None,
            r"\s(?P<credit>(?:(?:Photograph|Photos?|Pictures?|Image|Illustration|Composite|Credit"
            r"|Photo credit)\s*:|Credit(?= [A-Z]))\s*[^:]{2,80})$",
        ),
        GLUED_CAPTION_MAX,
        "Protesters gather outside parliament in 1975. Photograph: Getty Images",
        guard=guard(holds=(":", "credit")),
    ),
    reader(
        "caption-then-bracketed-credit",
        "caption",
        readers.glued(
            lambda text: 0 if text.endswith((")", "]")) else None,
            r"(?P<credit>[(\[][^()\[\]]{2,80}[)\]])$",
        ),
        GLUED_CAPTION_MAX,
        "A boy walks past a mural in Kabul on Monday. (AP Photo/Rahmat Gul)",
        guard=guard(closes=")]"),
    ),
    # "… in Kabul. Dibyangshu Sarkar/AFP/Getty Images": after the last sentence, so the credit
    # holds no ". ". Nearly every paragraph has a last sentence, so this runs on most lines: it
    # starts at the last sentence break, its loop is unrolled into runs of plain characters,
    # and possessive (a line holds no newline, so giving characters back could never match).
    reader(
        "caption-then-credit",
        "caption",
        readers.glued(
            readers.after_last_sentence_break,
            r"[.!?\"”’]\s+(?P<credit>[^.!?\s][^!?.]*+(?:\.(?!\s)[^!?.]*+)*+)$",
        ),
        GLUED_CAPTION_MAX,
        "Rescuers search the rubble in Kolkata. Dibyangshu Sarkar/AFP/Getty Images",
    ),
    reader(
        "caption-then-piped-credit",
        "caption",
        readers.glued(lambda text: 0, r"\s\|\s*(?P<credit>[^|]{2,80})$"),
        GLUED_CAPTION_MAX,
        "A man walks past a mural in Kabul on Monday. | Rahmat Gul/AP",
        guard=guard(holds=("|",)),
    ),
    # "… after her surgery. Emma Roma Jayne": a name with no full stop after the last sentence.
    reader(
        "caption-then-name",
        "caption",
        readers.read_caption_then_name,
        GLUED_CAPTION_MAX,
        "Rescuers search the rubble in Kolkata on Monday. Jane Doe",
        "No, the striker is not overpaid. USATSI",
        guard=guard(closes=str.isalpha, holds=(". ",)),  # a name ends in a letter
    ),
    reader(
        "caption-then-copyright",
        "caption",
        readers.glued(lambda text: 0 if "©" in text else None, r"\s(?P<credit>©\s*[^©]{1,60})$"),
        GLUED_CAPTION_MAX,
        "Pope Francis greets pilgrims in Rome © EPA",
        guard=guard(holds=("©",)),
    ),
    # Credits alone on their line: the caption they belong to is decided in passes.py.
    reader(
        "labelled-credit",
        "credit",
        readers.credit_when(shapes.is_labelled_credit),
        CREDIT_MAX,
        "Photo: DPA",
        "Image copyright Getty Images",
        "צילום: אמיל סלמן",
        guard=guard(opens=shapes.LABELLED_CREDIT),
    ),
    reader(
        "copyright-credit",
        "credit",
        readers.credit_when(shapes.is_copyright_credit),
        CREDIT_MAX,
        "© EPA",
        guard=guard(opens="©"),
    ),
    reader(
        "slash-credit",
        "credit",
        readers.credit_when(shapes.is_slash_credit),
        CREDIT_MAX,
        "Bilal Hussein / AP",
        "AFP/Getty Images",
        guard=guard(holds=("/", "\\")),
    ),
    reader(
        "photo-agency",
        "credit",
        readers.credit_when(shapes.is_photo_agency),
        CREDIT_MAX,
        "Getty Images",
        "Getty Image",
        "(Shutterstock)",
    ),
    # Captions with no credit glued to them.
    reader(
        "caption-label-text",
        "caption",
        readers.read_caption_label,
        CAPTION_MAX,
        "Image caption Crowds gather in the square",
        guard=guard(opens=readers.CAPTION_LABEL),
    ),
    reader(
        "caption-opener",
        "caption",
        readers.caption_when(readers.is_caption_opener),
        CAPTION_MAX,
        "FILE - A view of the bridge over the river",
        "In this photo taken on Monday, a man walks past the council building",
        guard=guard(opens=readers.CAPTION_OPENER),
    ),
    reader(
        "reuters-caption",
        "caption",
        readers.caption_when(readers.is_reuters_caption),
        CAPTION_MAX,
        "A girl walks in the rain in Delhi. Picture taken with a mobile phone",
        guard=guard(holds=("picture taken", "reuters/")),
    ),
    reader(
        "caption-date",
        "caption",
        readers.caption_when(shapes.ends_with_caption_date),
        CAPTION_MAX,
        "Tayyip Erdogan meets Mohammad Baqeri in Ankara, Turkey, August 16, 2017.",
        guard=guard(closes=shapes.may_end_caption_date),
    ),
)

# The seed format's own marks (markdown.py), which export_articles writes: never what
# scraped text says of itself, so they go first. A divider and an embed are read before the
# furniture that "* * *" and a bare address would otherwise be; the rest after it, so a line
# of page chrome stays furniture whatever it starts with.
MARK_RULES_FIRST = (
    reader("divider", "furniture", markdown.read_divider, 5, "* * *", starts="*"),
    reader(
        "embed",
        "teaser",
        markdown.read_embed,
        2400,
        "<https://example.com/council-report>",
        "[The council's report](<https://example.com/report>) What the plan costs.",
        starts="<[",
    ),
)
MARK_RULES = (
    reader(
        "escaped-line", "paragraph", markdown.read_escaped, MAX_LINE_CHARS,
        "\\## Not a heading", starts="\\",
    ),
    reader(
        "subheading", "paragraph", markdown.read_subheading, 300,
        "## What happens next", starts="#",
    ),
    reader(
        "quote-attribution", "paragraph", markdown.read_quote_attribution, 300,
        "> The bridge will change the city.\n* > — Ada Lovelace, mayor\nThe council voted.",
        starts=">",
    ),
    reader(
        "quote", "paragraph", markdown.read_quote, MAX_LINE_CHARS,
        "> The bridge will change the city.", starts=">",
    ),
    reader(
        "bulleted-item", "paragraph", markdown.read_bulleted_item, MAX_LINE_CHARS,
        "- First item", starts="-",
    ),
    reader(
        "numbered-item", "paragraph", markdown.read_numbered_item, MAX_LINE_CHARS,
        "1. First step", starts="0123456789",
    ),
)  # fmt: skip

LINE_RULES = MARK_RULES_FIRST + FURNITURE_RULES + MARK_RULES + TEXT_RULES


read_line = compile_rules(LINE_RULES, LIST_HEADINGS)
