"""The furniture rules: page chrome a reader should never see, and headings over links.

Part of the line rules' table (rules.py runs these first): each is judged on the line in lower
case without trailing " :,", and at most FURNITURE_MAX characters long; a pattern rule's own
widest match limits it further (matching.py). LIST_HEADINGS name the headings whose next lines
share a role.
"""

import re

from articles.seedfile import readers
from articles.seedfile.guards import guard
from articles.seedfile.matching import Rule, reader

FURNITURE_MAX = 300  # longer lines are text, whatever words they use
UI_LINE_MAX = 100  # a page tool's label, or a notice, is short
COMMAND_MAX = 60  # a button's or a prompt's six words
SITE_VOICE_MAX = 250  # the site's note to its reader is a sentence or two


def furniture(
    name: str,
    pattern: str,
    *examples: str,
    how: str = "full",
    keywords=(),
    role="furniture",
    max_chars: int = FURNITURE_MAX,
) -> Rule:
    """A page-chrome pattern (furniture, or the heading of a list of links), judged on the
    lower-cased line of at most `max_chars` (FURNITURE_MAX) characters."""
    return Rule(name, role, examples, pattern, how, tuple(keywords), None, max_chars, 0.95)


# The heading of an author box: the name, title and biography under it are the byline's.
AUTHOR_BOX = r"about the (?:authors?|writers?|reporters?|columnist|contributors?)|about me"

# Headings whose next lines share a role: links, topic tags, or (one line) the caption.
LIST_HEADINGS = (
    (
        re.compile(
            r"related(?: stories| articles| content| coverage| posts| links| reading)?"
            r"|more on this (?:story|topic)|you (?:may|might) also like|recommended(?: for you)?"
            r"|most (?:read|popular|viewed)|more stories|top stories"
        ),
        "teaser",
    ),
    (re.compile(r"related topics|topics|tags|more on|more about|explore|filed under"), "teaser"),
    (re.compile(r"image caption|media caption|photo caption|caption"), "caption"),
    (re.compile(AUTHOR_BOX), "author-box"),
)

FURNITURE_RULES = (
    reader(
        "markup-only", "furniture", readers.read_markup_only, 0, "<div><script>x()</script></div>"
    ),
    # Whole lines of page chrome.
    furniture(
        "advertisement",
        r"advertisements?|advertising|advert|ads?|sponsored(?: content| links?| stories)?"
        r"|promoted(?: content| stories)?|paid (?:content|post)|partner content|supported by"
        r"|advertisement\s*[-–—:]\s*(?:continue reading|story continues)(?: below)?",
        "Advertisement",
        "Sponsored content",
        "ADVERTISEMENT - CONTINUE READING BELOW",
    ),
    furniture(
        "continue-reading",
        r"(?:the )?(?:story|article|content|text) continues(?: (?:below|after)(?: (?:this|the))?"
        r"(?: advertisement| ad)?)?"
        r"|continue reading(?: (?:below|the main story|after (?:the )?advertisement))?"
        r"|scroll (?:down )?to (?:continue|read)(?: with content)?"
        r"|skip (?:advertisement|ad|to (?:main )?content|next section)",
        "Story continues below",
        "Continue reading the main story",
    ),
    furniture(
        "comments",
        r"comments?(?: \(\d+\))?|\d+ comments?|(?:show|view|read) comments|leave a (?:comment|reply)"
        r"|add (?:a )?comment|join the (?:conversation|discussion)|post a comment",
        "Comments",
        "12 comments",
        "Join the conversation",
    ),
    furniture(
        "list-heading",
        r"related(?: topics| stories| articles| content| coverage| posts| links| reading)?"
        r"|topics|tags|more on this (?:story|topic)|you (?:may|might) also like"
        r"|recommended(?: for you| stories| reading)?|most (?:read|popular|viewed|shared|watched)"
        r"|trending(?: now)?|editor['’]?s['’]? picks|top stories|latest(?: news| stories)?"
        r"|more stories|from the web|around the web|promoted stories|more (?:on|about)|explore"
        r"|filed under",
        "Related Topics",
        "You may also like",
        "Most Read",
        role="teaser",
    ),
    furniture(
        "author-box-heading", AUTHOR_BOX, "About the author", "ABOUT THE AUTHORS", role="byline"
    ),
    furniture(
        "tag-list",
        r"(?:tags?|filed under|topics|categories|posted in)\s*:.*",
        "Tags: Iran, Syria, Israel",
        "Filed under: World news",
        role="teaser",
    ),
    furniture(
        "caption-label",
        r"image copyright|image caption|media caption|image source|photo caption|caption",
        "Image copyright",
        "Image caption",
    ),
    furniture(
        "media-player",
        r"media playback is unsupported on your device|(?:play|watch|replay) (?:video|now)"
        r"|video|audio|listen(?: to (?:this )?(?:article|story))?|(?:photo|image|video) gallery"
        r"|view (?:gallery|photos|slideshow|full caption)|click to (?:enlarge|expand|play)"
        r"|enlarge(?: this image)?|hide caption|toggle caption|photos?|images?|gallery"
        r"|watch(?: below| video| now| live)?",
        "Media playback is unsupported on your device",
        "Play video",
        "Hide caption",
    ),
    furniture(
        "navigation",
        r"close|menu|next|previous|prev|back to top|loading(?:\.\.\.|…)?|show more|read less"
        r"|report an? (?:error|typo)|log ?in|sign ?in|register|home|please wait(?:\.\.\.|…)?"
        r"|story highlights|click the alert icon to follow topics",
        "Back to top",
        "Loading...",
        "Report an error",
    ),
    furniture(
        "subscribe-button",
        r"subscribe(?: now| today)?|already a subscriber\??|(?:free )?sign up(?: now| today| here"
        r"| for free)?",
        "Subscribe now",
        "Already a subscriber?",
        "Sign up",
    ),
    furniture(
        "share-prompt",
        r"share(?: or comment on)? (?:this|the)(?: article| story| page| post)?"
        r"|share (?:on|via) \w+(?: \w+)?|(?:email|contact) the (?:author|reporter)"
        r"|(?:tweet|email|e-mail|print) this(?: article| story| page)?|print this (?:article|page)"
        r"|send (?:in|via|by|to) (?:e-?mail|whatsapp|messenger|a friend)",
        "Share this article",
        "Share on Facebook",
        "Send in e-mail",
    ),
    furniture("bare-date-label", r"updated|published|posted", "Updated", "Published"),
    furniture(
        "trust-principles",
        r"our standards: the thomson reuters trust principles\.",
        "Our Standards: The Thomson Reuters Trust Principles.",
    ),
    furniture("punctuation-only", r"[\W_]*", "___", "***", "•"),
    furniture(
        "counter",
        r"[+]?\d(?:[\d.,]*\d)?\s?[km]?|\d+ (?:photos?|images?|comments?|shares?|views?)|\d+ of \d+"
        r"|slideshow \( ?\d+ images? ?\)|\d+ min(?:ute)?s? read|\d{1,2}:\d{2}(?: - source: \w+)?"
        r"|\d{1,2}:\d{2}:\d{2}",  # a player's running time: "00:00:49"
        "1.94 M",
        "4 PHOTOS",
        "1 of 15",
        "5 Min Read",
    ),
    furniture(
        "link-or-file",
        r"(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?|permalink: \S+"
        r"|.*\.(?:jpe?g|png|gif|webp|mp4)",
        "uproxx.it",
        "Permalink: http://heise.de/-2596987",
        "skimming scheme seized cash and cards.jpg",
    ),
    furniture(
        "page-tools",
        r"(?:print|order reprint of) (?:this )?(?:article|story|page)|suggest a correction"
        r"|corrections and clarifications.*|view author archive|get author rss feed|link copied"
        r"|social sharing|thanks for watching!?|visit website|show caption \+?|back to slide"
        r"|toggle more options|live tv(?: audio)?|audio live tv|version zum drucken"
        r"|ajouter (?:aux favoris|à vos sélections)|se connecter|créer un compte|identifiez-vous",
        "Print Article",
        "Suggest a correction",
        "Thanks for watching!",
        "Se connecter",
    ),
    reader(
        "player-stamp",
        "furniture",
        readers.read_player_stamp,
        readers.PLAYER_STAMP_MAX,
        "Dec. 19, 201602:46",
        "VIDEO3:4903:49",
        guard=guard(closes="0123456789", holds=(":",)),
    ),
    reader(
        "ui-glyph",
        "furniture",
        readers.read_ui_glyph,
        UI_LINE_MAX,
        "More ▾",
        "⇤ Back",
        "View this image ›",
        guard=guard(holds=tuple(readers.UI_GLYPHS)),
    ),
    reader(
        "button-run",
        "furniture",
        readers.read_button_run,
        FURNITURE_MAX,
        "Twitter Facebook Google Plus",
        "Share 12",
        "Yes No",
        "Share on Facebook654 Tweet Email Print",
        "Reply Retweet Favorite",
        guard=guard(opens=readers.may_open_button_run),
    ),
    reader(
        "page-tool-phrase",
        "furniture",
        readers.read_page_tool,
        UI_LINE_MAX,
        "Partagez via Facebook (Fenêtre modale)",
        "Terms of Use",
        "READ COMMENTS - JOIN THE DISCUSSION",
    ),
    furniture(
        "form-field",
        r"[\w’' -]{1,30}\*|i agree.{0,80}|by (?:clicking|signing up|subscribing)\b.{0,200}"
        r"|(?:please )?(?:enter|type|confirm) (?:your|a valid|an? )\b.{0,60}",  # a form's prompt
        "Email *",
        "I agree to the terms",
        "By clicking Submit, you accept the rules of this site.",
        "Please enter your email address here",
    ),
    # Lines that open like a notice or a prompt.
    furniture(
        "click-here", r"click (?:here|to)\b", "Click here for the full interview", how="start"
    ),
    # A short line that tells the reader to work the page ("Subscribe to & follow Politics",
    # "Join Discussion", "Add us on Snapchat"): a button or a prompt. Not "Watch", "Read" or
    # "See", which open links to other stories, nor "Get", which opens subheads too; "Share"
    # and "Sign" only as verbs ("Share prices fall" is a headline).
    furniture(
        "page-command",
        r"(?:subscribe|follow|download|join|register|log ?in|install|click|tap|tweet|pin"
        r"|bookmark|add|sign (?:up|in|out)|share (?:this|on|via|with|your))\b(?:\s+\S+){0,5}",
        "SUBSCRIBE TO & FOLLOW POLITICS",
        "Register Log in",
        "Install the app on your phone",
        max_chars=COMMAND_MAX,
    ),
    furniture(
        "copyright-notice",
        r"copyright\s*(?:©\s*)?\d{4}",
        "Copyright 2017 The Associated Press. All rights reserved.",
        how="start",
    ),
    furniture(
        "javascript-notice",
        r"please enable javascript\b",
        "Please enable JavaScript to view the comments",
        how="start",
    ),
    furniture(
        "follow-us",
        r"follow (?:us|him|her|them|@\w+|\w+(?: \w+)?) on (?:twitter|facebook|instagram|linkedin)",
        "Follow us on Twitter for the latest news",
        how="start",
    ),
    furniture(
        "reprint-notice",
        r"this (?:article|story|piece|content|report) (?:has been|was|is) (?:originally )?"
        r"(?:re)?(?:printed|published|posted|reproduced)\b"
        r"|a version of this article appears in print\b",
        "This article was originally published on The Conversation.",
        "A version of this article appears in print on September 28, 2017.",
        how="start",
    ),
    furniture(
        "opinion-disclaimer",
        r"the views (?:and opinions )?expressed\b",
        "The views expressed in this article are the author's own.",
        how="start",
    ),
    # Phrases that make a line a prompt or a notice wherever they stand in it.
    furniture(
        "newsletter-prompt",
        r"sign(?:ing)? up\b.{0,80}\b(?:newsletters?|inbox|alerts?|e-?mails?|updates|briefing)\b"
        r"|(?:newsletters?|briefing)\b.{0,80}\b(?:sign up|subscribe)\b"
        r"|subscrib(?:e|ing) to (?:our|the)\b|(?:in|to) your inbox\b|never miss (?:a|an|our|the)\b",
        "Sign up for our daily newsletter on the Middle East",
        "Get the best of the news delivered to your inbox every morning",
        how="search",
        keywords=("sign", "subscribe", "inbox", "never miss"),
    ),
    furniture(
        "app-prompt",
        r"(?:download|get) (?:our|the)\b.{0,60}\bapp\b",
        "Download our free app for breaking news",
        how="search",
        keywords=("app",),
    ),
    furniture(
        "social-prompt",
        r"like us on facebook",
        "Like us on Facebook to see similar stories",
        how="search",
        keywords=("facebook",),
    ),
    furniture(
        "rights-notice",
        r"all rights reserved|may not be (?:re)?published, broadcast, rewritten,? or redistributed",
        "© 2017 Cable News Network. All Rights Reserved.",
        "This material may not be published, broadcast, rewritten or redistributed.",
        how="search",
        keywords=("reserved", "may not be"),
    ),
    furniture(
        "newsletter-mention",
        r"newsletter|abonnez-vous|subscribe on youtube",
        "Immobilien-Newsletter für Hamburg",
        "A variety of newsletters you'll love, delivered straight to you.",
        how="search",
        keywords=("newsletter", "abonnez", "subscribe on"),
    ),
    furniture(
        "reader-callout",
        r"^(?![“\"‘']).*?\b(?:comment below|sound off|tell us (?:what|how)|let us know|send us a tip"
        r"|scroll down to comment|what do you think|logged in to leave a comment|got a tip"
        r"|opinions expressed in reader comments|interested in your feedback)\b",
        "What do you think? Scroll down to comment below.",
        "Do you know the scoop? Comment below or Send us a Tip",
        how="search",
        keywords=("comment", "sound off", "tell us", "let us know", "tip", "think", "feedback"),
    ),
    furniture(
        "consent-notice",
        r"privacy (?:policy|notice|statement)|terms (?:of (?:use|service)|and conditions)"
        r"|affiliate (?:advertising|links?|commissions?|program(?:me)?)",
        "I would like to be emailed about offers and events (see the privacy notice)",
        "We are a participant in an affiliate advertising program.",
        how="search",
        keywords=("privacy", "terms", "affiliate"),
        max_chars=SITE_VOICE_MAX,
    ),
    furniture(
        "form-check",
        r"\b(?:invalid|incorrect) (?:e-?mail|address|entry|input|password)\b|this field is required",
        "You have entered an incorrect email address!",
        how="search",
        keywords=("invalid", "incorrect", "required"),
        max_chars=UI_LINE_MAX,
    ),
    furniture(
        "cookie-notice",
        r"uses? cookies\b",
        "This site uses cookies to improve your experience.",
        how="search",
        keywords=("cookies",),
    ),
    reader(
        "site-voice",
        "furniture",
        readers.read_site_voice,
        SITE_VOICE_MAX,
        "Note to readers: if you purchase something through one of our links we may earn a"
        " commission.",
        "We accept credit card, PayPal and bank transfer for your order.",
        guard=guard(holds=readers.SITE_VOICE_WORDS),
    ),
)
