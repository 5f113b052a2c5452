"""The word lists the line rules read: calendar words, name particles, buttons, agencies.

Adding a wire agency, a photo agency or a share button is one edit here; the rules in
rules.py and the line shapes in shapes.py build their patterns from these lists.
"""


def words(text: str) -> frozenset[str]:
    """A set of the space-separated words of `text`."""
    return frozenset(text.split())


WEEKDAYS = words(
    "monday tuesday wednesday thursday friday saturday sunday "
    "mon tue tues wed thu thur thurs fri sat sun"
)
MONTHS = words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
# Month and weekday names of the other languages scraped pages come in (French, German,
# Spanish), for date lines; not for names, where "Mai" or "Mars" may be a word of a name.
FOREIGN_DATE_WORDS = words(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre "
    "lundi mardi mercredi jeudi vendredi samedi dimanche "
    "januar februar märz april juni juli oktober dezember "
    "montag dienstag mittwoch donnerstag freitag samstag sonntag mo di mi do fr sa so "
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
)
# Words around a date on a page's date line: "Publié le 07 mai 2019 à 13h59", "5 min read",
# "Lesedauer: 8 Minuten", "4 months ago".
DATE_LINE_WORDS = words(
    "publié le à mis jour am um uhr lesedauer minuten min read publicado el de actualizado "
    "weeks week months month years year ago original"
)
# Capitalised words that follow "By" in sentences ("By Monday, …", "By Then"), never in names.
NOT_NAMES = (
    WEEKDAYS
    | MONTHS
    | words(
        "then now far contrast comparison law day night noon midnight morning afternoon evening "
        "tonight tomorrow today yesterday early late next last this that these those some most "
        "many all design default nature chance accident way"
    )
)
# Lower-case words allowed inside a name or organisation ("Ludwig van Beethoven", "Times of
# India", "Special to CNN").
NAME_PARTICLES = words(
    "de da di del della der den van von la le du dos das bin ibn al el ter ten y "
    "of for at the in on via to staff"
)
# Words a Title Case headline leaves in lower case.
MINOR_WORDS = words(
    "a an and as at but by for from in into of on onto or nor over per the to up via vs vs. with"
)
# Prefixes of Arabic names ("al-Assad", "el-Sisi") that may be in lower case.
ARABIC_NAME_PREFIXES = ["al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "bin", "abu", "abd"]

# Share, social and poll buttons: a line made only of these (and counts) is a widget.
BUTTON_WORDS = words(
    "twitter facebook google plus google+ g+ share shares email e-mail mail whatsapp print "
    "linkedin reddit pinterest tumblr tweet messenger telegram flipboard pocket copy link sms "
    "save x vk instagram youtube comment comments more yes no maybe vote results "
    "embed download transcript podcast snapchat pin search info apps privacy cookies "
    "reply retweet favorite reblog follow bookmark bio cancel saved copied send "
    "imprimer courriel partager partagez commentaires teilen drucken kommentare "
    "פרסומת שתפו שתף תגובות إعلان شارك مشاركة تعليقات"
)

# Sites whose posts a page embeds: "<handle> / Instagram", "Via Twitter: @name" credit the post.
POST_PLATFORMS = (
    "twitter",
    "instagram",
    "facebook",
    "youtube",
    "tiktok",
    "flickr",
    "tumblr",
    "vine",
)

# Wire services, as regex alternatives (case-insensitive), in the order they are tried.
WIRE_AGENCIES = (
    "(?:the )?associated press",
    "reuters",
    "afp",
    "agence france[- ]presse",
    "ap",
    "dpa",
    "xinhua",
    "bloomberg(?: news)?",
    "upi",
    "tass",
    "efe",
    "ansa",
    "anadolu(?: agency)?",
    "press association",
    "pa media",
    "ians",
    "pti",
    "wire services",
    "news agencies",
    "agencies",
    "(?:guardian )?staff and agencies",
)
# Photo agencies and picture desks, as regex alternatives (case-insensitive), in the order
# they are tried: a credit glued before a caption ends where the first that fits ends.
PHOTO_AGENCIES = (
    "getty(?: images?)?",
    "shutterstock",
    "alamy(?: stock photo)?",
    "istock(?:photo)?",
    "epa(?:-efe)?",
    "ap photo",
    "corbis",
    "handout",
    "pool(?: photo)?",
    "sipa(?: press)?",
    "zuma(?: press)?",
    "rex(?: features)?",
    "abaca(?: press)?",
    "afp via getty images",
    "getty images for [\\w ]{2,30}",
)
# Labels that open a photo credit ("Photo: …", "Image copyright …", "צילום: …").
CREDIT_LABELS = (
    "image copyright",
    "image source",
    "(?:photo |image |picture )?courtesy(?: of)?",
    "copyright",
    "(?:photo |image )?credits?",
    "photo(?:graph)?s?",
    "pictures?",
    "images?",
    "illustration",
    "graphic",
    "composite",
    "foto",
    "צילום",
    "تصوير",
)
# Month and weekday names as written in dates ("Sept.", "Wednesday").
MONTH_NAME = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|July|Aug(?:ust|\.)?"
    r"|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
WEEKDAY_NAME = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# Time-zone abbreviations a date line may end in ("10:29 AM ET").
TIME_ZONES = (
    r"[ecmp][sd]?t|gmt|bst|utc|cet|cest|idt|ist|msk|jst|kst|hkt|sgt|sast|aest|aedt|nzst|nzdt"
    r"|wat|eat|cat|wib"
)


def longest_first(options: frozenset[str]) -> str:
    """Regex alternatives of a set of words, longest first so that "sept" goes before "sep"."""
    return "|".join(sorted(options, key=len, reverse=True))


# Words of section headings and link-list labels, never of a person's name ("Most Popular
# Stories", "See All"): a line of capitalised words holding one is not a byline.
HEADING_WORDS = words(
    "stories story news more most popular read latest related top trending videos video photos "
    "gallery next up see all discover like this business politics opinion opinions world sports "
    "live tv audio home section sections editor's editors choice featured today week"
)
# Phrases of page tools, sharing, comments, accounts and notices, in the languages pages come
# in: a short line holding one is furniture ("Partagez via Facebook", "Terms of Use").
UI_PHRASES = (
    "partagez",
    "partage ",
    "partager",
    "commentaires",
    "abonner",
    "abonné",
    "se connecter",
    "courriel",
    "imprimer",
    "fenêtre modale",
    "journal numérique",
    "édition du jour",
    "advertise with",
    "advertising guidelines",
    "terms of use",
    "terms of service",
    "privacy policy",
    "do not sell",
    "join discussion",
    "join the discussion",
    "read comments",
    "view comments",
    "show comments",
    "reuse this content",
    "report error",
    "report typos",
    "all quotes delayed",
    "add us on",
    "enlarge image",
    "kommentare",
    "lesedauer",
    "vorige",
    "nächste",
    "teilen",
    "drucken",
    "temps de lecture",
    "video has expired",
    "affiliate link",
    "associates program",
    "share this page",
)

# Words that address the reader: a widget's pitch speaks to "you" ("Get the best of …
# delivered to your inbox"), a story seldom does.
# "Please" asks the reader to do something: a form's or a comment box's request.
READER_WORDS = words(
    "you your you're you’ll you'll yourself please vous votre vos sie ihre ihr du dein"
)
# Words by which a site speaks of itself: with a word addressing the reader, and outside any
# quotation, a line is the site talking to its reader ("if you buy through our links we may
# earn a commission"), not the story.
SITE_WORDS = words("we we're we’re we've we’ve we'll we’ll we'd we’d our ours us")
