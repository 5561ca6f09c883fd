"""What a page's headline is not: the site's own name (its banner, or a part of the `<title>` beside
the headline), a menu of sections, a time stamp. Shared by the plain-text cleaner and the HTML reader."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newstrace.clean.dates import is_date_line
from newstrace.clean.normalize import BROWSER_HEAD_LINKS
from newstrace.sentences.words import count_words

# A menu of sections ("IOL News | IOL Sport | IOL Business | ..."), no headline: this many parts or
# more between separators, of MENU_PART_WORDS words or fewer on average ("Headline | Section | Site"
# has three). With FIGURES_SHARE, on the 2,167 training and measuring pages: titles agreeing with
# the page's own og:title or <h1> 1,224 -> 1,228 of 1,497, none lost (four parts: 1,229, but two
# titles lost to their <title> lines' menus); bodies unchanged but for two pages (F1 +0.01, -0.004).
MENU_PARTS = 5
MENU_PART_WORDS = 3
# No headline is half figures.
FIGURES_SHARE = 0.5
# A site's name spelt in a headline line: of this many letters at least (no "ap" or "bbc" in a word),
# alone or with this many more words ("News", "Blog"), the line is the site's banner. On the 2,167
# training and measuring pages with their addresses: titles agreeing with the page's og:title or
# <h1> 1,228 -> 1,238 of 1,497 (with the prefixes and suffixes taken off), none lost, bodies unchanged.
SITE_NAME_LETTERS = 4
SITE_BANNER_EXTRA_WORDS = 1
SITE_SUFFIX_EXTRA_WORDS = 3
_POSSESSIVE = re.compile(r"['’]s\b")
_APOSTROPHE = re.compile(r"['’]")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
_SITE_NAME_SEPARATOR = re.compile(r"\s*(?:[-|–—»«•:]|::)\s+")
_SITE_NAME_SUFFIX = re.compile(r"\s+(?:[-|–—»«•]|::)\s+(?=[^-|–—»«•]*$)")
_WORD = re.compile(r"\w+")
# An accessibility skip link ("Skip to main content", "Jump to navigation"), which some scrapers glue
# to the `<title>` line before it ("... skip to main | skip to sidebar" on Blogger's pages).
_SKIP_LINK = r"(?:skip|jump) to (?:main|content|sidebar|navigation|search)\b"
_SKIP_LINK_LINE = re.compile(_SKIP_LINK, re.IGNORECASE)
_TRAILING_SKIP_LINK = re.compile(r"\s+" + _SKIP_LINK + r".*$", re.IGNORECASE)
# A colon set apart by spaces before three words or more, the first in small letters, is the
# headline's own, French style ("Grève des contrôleurs : plus de 900 vols annulés"), not a separator:
# a site's name in small letters is a word or two ("Headline : thewest.com.au").
TITLE_COLON = r":(?!\s+[a-zß-öø-ÿ][^\s|]*(?:\s+[^\s|–—-]+){2})"
# What sets a `<title>` line's parts apart ("Headline - Site", "Site | Section | Headline").
TITLE_SEPARATOR = re.compile(rf"\s+(?:[-|–—»•]|::|{TITLE_COLON})\s+")
# Parts of a <title>: "Site: Headline", "Headline « Site", "Headline - Site", "Site | Headline".
TITLE_PARTS = re.compile(rf"\s*(?:[|–—»«•]|::)\s+|(?<=\S):\s+|\s+{TITLE_COLON}\s+|\s+-\s+")
# A scraped page's first line is its <title> where it holds such parts and is no longer than this.
TITLE_LINE_CHARACTERS = 200


def site_names(outlet: str | None, url: str | None) -> tuple[str, ...]:
    """The names a site goes by, each its words run together and lower-cased: the outlet's ("The
    Washington Post": "thewashingtonpost"), its address's host with and without its first label
    ("blogs.nfl.com": "blogsnflcom", "nflcom"), and the host's labels but the last
    ("www.paulocoelhoblog.com": "paulocoelhoblog")."""
    names = [outlet or ""]
    if url:
        try:
            host = urlsplit(url.strip()).hostname or ""
        except ValueError:
            host = ""
        host = host.removeprefix("www.")
        parent = host.partition(".")[2]
        names += [host, parent if "." in parent else "", *host.split(".")[:-1]]
    keys = (_run_together(name) for name in names)
    return tuple(dict.fromkeys(key for key in keys if len(key) >= SITE_NAME_LETTERS))


def _run_together(text: str) -> str:
    return "".join(_WORD.findall(_POSSESSIVE.sub("", text.lower()))).replace("_", "")


def _site_name_end(text: str, site_names: tuple[str, ...], one_word: bool = False) -> int | None:
    """Where a line's opening words, run together, spell one of the site's names (two words at
    least, or the whole line, or `one_word`; the longest such run): the end of those words in the
    text, else None."""
    if not site_names:
        return None
    # A host keeps or drops a possessive's "s" ("paulocoelhoblog" for "Paulo Coelho's Blog").
    lowered = text.lower()
    ends = [
        _spelt_end(_POSSESSIVE.sub(lambda match: " " * len(match[0]), lowered), site_names, one_word),
        _spelt_end(_APOSTROPHE.sub(" ", lowered), site_names, one_word),
    ]
    return max((end for end in ends if end is not None), default=None)


def _spelt_end(text: str, site_names: tuple[str, ...], one_word: bool) -> int | None:
    run = ""
    end = None
    for count, word in enumerate(_WORD.finditer(text)):
        if count == 0 and word[0] == "the" and not any(name.startswith("the") for name in site_names):
            # An address drops the article its site's name opens with ("The White House" on whitehouse.gov).
            continue
        run += word[0].replace("_", "")
        if run in site_names and (one_word or count >= 1 or not _WORD.search(text, word.end())):
            end = word.end()
        if not any(name.startswith(run) for name in site_names):
            break
    return end


def is_site_banner(text: str, site_names: tuple[str, ...]) -> bool:
    """Whether a line is the site's name, alone or with one more word ("Planet-F1 News", "Paulo
    Coelho's Blog" on paulocoelhoblog.com): the site's banner, no headline."""
    end = _site_name_end(text, site_names)
    if end is None:
        return False
    # "Site: Headline" is a <title> line that holds the headline.
    separator = _SITE_NAME_SEPARATOR.match(text, end)
    if separator is not None and _WORD.search(text, separator.end()):
        return False
    return len(_WORD.findall(text[end:])) <= SITE_BANNER_EXTRA_WORDS


# A <title> part of at most this many words can be the site's name with words around it
# ("Chambersburg Public Opinion" on publicopiniononline.com, "LA Daily News" on dailynews.com).
SITE_PART_WORDS = 5


def names_the_site_within(part: str, site_names: tuple[str, ...]) -> bool:
    """Whether a short <title> part holds the site's name: two or more of its words in a row, run
    together, lie inside the site's address name ("Public Opinion" in "publicopiniononline")."""
    words = [word.lower() for word in _WORD.findall(part)]
    if not words or len(words) > SITE_PART_WORDS or not site_names:
        return False
    runs = ("".join(words[start:end]) for start in range(len(words)) for end in range(start + 2, len(words) + 1))
    return any(run in name for run in runs for name in site_names)


def headline_after_site_name(title: str, site_names: tuple[str, ...]) -> str:
    """The headline of a title that the site's name opens or ends, set apart by a separator ("The
    Fischbowl: Backwards!" on thefischbowl.blogspot.com, "Why You're Lazy « Scott H Young" on
    scotthyoung.com), else the title. Acts on the field alone."""
    while (end := _site_name_end(title, site_names)) is not None:
        separator = _SITE_NAME_SEPARATOR.match(title, end)
        rest = title[separator.end() :].strip() if separator is not None else ""
        # "The State | 01/19/2008" names the site and a day, no headline.
        if not _WORD.search(rest) or mostly_figures(rest):
            break
        title = rest
    # After the headline, the site's name may be one word and carry a few more ("Nintendo Official Site").
    while True:
        *before, last = _SITE_NAME_SUFFIX.split(title)
        end = _site_name_end(last, site_names, one_word=True) if before else None
        if end is None or len(_WORD.findall(last[end:])) > SITE_SUFFIX_EXTRA_WORDS or not _WORD.search(before[-1]):
            return title
        title = before[-1].strip()


# What sets the site's name, and sections before it, apart at a title's end: " - ", " | ", ": ", "_",
# " / ", "(from ", and a hyphen between words ("first round- Tennis-Sections-Indiatimes Sports").
_TAIL_BREAK = re.compile(r"\s*(?:[|–—»«•/_]|::?|\(from\b)\s*|\s-\s*|-\s+|(?<=[a-z])-(?=[A-Z][a-z])")
# Hyphens between words that make a chain of parts ("...-India Buzz-Entertainment-The Times of India").
JOINED_SECTIONS = 2
# A site's name and the sections before it: this many parts at most.
TAIL_PARTS = 5
# Letters of a word run that may name the site: a prefix of its address's name ("Xinhua" for
# "xinhuanet") covering at least SITE_PREFIX_SHARE of it.
SITE_RUN_LETTERS = 5
SITE_PREFIX_SHARE = 0.6


def without_site_name_tail(title: str, site_names: tuple[str, ...]) -> str:
    """A title without the site's name at its end and the sections' names before it, all set apart by
    one kind of separator ("...: Sport: Rugby: News24", "..._English_Xinhua", "... (from Harrow Times)",
    "...- Tennis-Sections-Indiatimes Sports"); a part after the name may follow another separator ("... |
    KOMO-TV - Seattle, Washington"). A site's name is known by a part's words run together (the site
    pass reads titles of one outlet together; this reads one title alone). At least HEADLINE_LEFT_WORDS
    words stay."""
    if not site_names:
        return title
    breaks = list(_TAIL_BREAK.finditer(title))
    joined = [found for found in breaks if found[0] == "-"]
    if len(joined) < JOINED_SECTIONS:
        # One hyphen between words is a compound's ("Open-Source"), a chain of them a <title>'s parts.
        breaks = [found for found in breaks if found[0] != "-"]
    for number, cut in enumerate(breaks):
        head = title[: cut.start()].strip()
        if len(_WORD.findall(head)) < HEADLINE_LEFT_WORDS:
            continue
        later = breaks[number:]
        ends = [found.start() for found in later[1:]] + [len(title)]
        parts = [title[start.end() : end] for start, end in zip(later, ends, strict=True)]
        if len(parts) > TAIL_PARTS or any(len(_WORD.findall(part)) > SITE_PART_WORDS for part in parts):
            continue
        kinds = [_break_kind(found) for found in later]
        for site in (len(parts) - 1, len(parts) - 2):
            if site >= 0 and len(set(kinds[: site + 1])) == 1 and _part_names_site(parts[site], site_names):
                return head.rstrip(" -|:_/(")
    return title


def _break_kind(found: re.Match[str]) -> str:
    mark = found[0].strip()
    return "-" if mark in ("-", "–", "—") or not mark else mark


def _part_names_site(part: str, site_names: tuple[str, ...]) -> bool:
    """Whether a title's part is the site's name: a run of its words spells one of the site's names,
    opens one (most of it), or opens with one ("Indiatimes Sports")."""
    words = [word.lower() for word in _WORD.findall(_POSSESSIVE.sub("", part))]
    if not words or len(words) > SITE_PART_WORDS:
        return False
    for start in range(len(words)):
        for end in range(start + 1, len(words) + 1):
            run = "".join(words[start:end])
            if len(run) < SITE_RUN_LETTERS:
                continue
            for name in site_names:
                if run == name or (name.startswith(run) and len(run) >= SITE_PREFIX_SHARE * len(name)):
                    return True
                if start == 0 and run.startswith(name) and len(name) >= SITE_RUN_LETTERS:
                    return True
    return False


def title_line(text: str) -> str | None:
    """A scraped page's first line where it has the form of a <title> (parts set apart by a
    separator: the headline and the site's name), else None."""
    first = text.lstrip().split("\n", 1)[0].strip()
    if not first or len(first) > TITLE_LINE_CHARACTERS or not TITLE_PARTS.search(first):
        return None
    # lynx's list of the page's feeds ("#[1]Site » Feed") stands where a scraper saves the <title>.
    if first.startswith("#") and BROWSER_HEAD_LINKS.match(text):
        return None
    return first


def mostly_figures(text: str) -> bool:
    """Whether a line is mostly figures, as a date and time the rules cannot read are ("1/10/2008, 6:07 a.m.")."""
    digits = len(_DIGIT.findall(text))
    # Counted by regular expressions, not character by character: 0.08 -> 0.01 s on three passes
    # over the 97 measuring pages (profiled), most headlines holding no figure at all.
    return digits > 0 and digits >= FIGURES_SHARE * (digits + len(_LETTER.findall(text)))


def is_menu(text: str) -> bool:
    """Whether a line lists a site's sections between separators rather than saying a headline."""
    parts = [part for part in TITLE_SEPARATOR.split(text) if part.strip()]
    return len(parts) >= MENU_PARTS and sum(len(part.split()) for part in parts) <= MENU_PART_WORDS * len(parts)


# A table's row as trafilatura writes it ("| cell | cell |"); a bar inside a cell comes escaped ("\|").
_CELL_BAR = re.compile(r"(?<!\\)\|")
# A row's cell of at least this many words can be its headline; the others of a headline's row are
# links beside it ("Print", "Email this").
ROW_HEADLINE_WORDS = 3
ROW_LINK_WORDS = 2


def row_headline(text: str) -> str | None:
    """The headline in a line that is a table's row ("| Headline | | Print |"): its one cell of
    ROW_HEADLINE_WORDS words or more, beside cells of links at most; "" for a row that holds none
    (a date beside a menu, a weather widget's cells); None for a line that is no row."""
    stripped = text.strip()
    if not stripped.startswith("|"):
        return None
    cells = [cell.strip() for cell in _CELL_BAR.split(stripped) if _WORD.search(cell)]
    long = [cell for cell in cells if len(_WORD.findall(cell)) >= ROW_HEADLINE_WORDS]
    if len(long) != 1 or any(len(_WORD.findall(cell)) > ROW_LINK_WORDS for cell in cells if cell is not long[0]):
        return ""
    headline = long[0].replace("\\|", "|")
    # A cell of links set apart by bars of its own (escaped: "Local News \| State News \| ...") is a
    # menu; a cell of a date and a time is the page's stamp.
    return "" if is_menu(headline) or is_date_line(headline) else headline


# What a site says it covers, in the <title> it gives every page ("News, Sports, Business, Opinion,
# Entertainment", "Football News, Fixtures, Results, Match Reports"): the site's sections, no headline.
_SECTION_WORDS = frozenset(
    "news sport sports weather business opinion entertainment world local politics health technology "  # noqa: SIM905
    "travel lifestyle obituaries classifieds results fixtures transfers reports video videos breaking "
    "latest jobs cars homes events community life style arts music movies".split()
)
_LIST_ITEM = re.compile(r"\s*(?:,|\band\b|&|/)\s*")
# A list of at least this many items, most of them naming a section, describes the site.
SECTION_LIST_ITEMS = 3
SECTION_ITEM_WORDS = 3


def lists_the_sites_sections(title: str) -> bool:
    """Whether a title lists what the site covers ("Local News, Weather, Sports and Entertainment"):
    SECTION_LIST_ITEMS items or more, two thirds of them naming a section."""
    for part in TITLE_SEPARATOR.split(title):
        items = [item for item in _LIST_ITEM.split(part) if _WORD.search(item)]
        # A headline's list ends in its clause ("Sports, politics and money: how the race was won").
        if len(items) < SECTION_LIST_ITEMS or len(_WORD.findall(items[-1])) > SECTION_ITEM_WORDS:
            continue
        sections = sum(any(word.lower() in _SECTION_WORDS for word in _WORD.findall(item)) for item in items)
        if sections * 3 >= len(items) * 2:
            return True
    return False


# Words of a section's name a <title> gives beside the headline ("- Soccer - Sport - Breaking News").
_TRAILING_SECTION_WORDS = _SECTION_WORDS | frozenset(
    "uk us national international general soccer football cricket rugby golf tennis columnists".split()  # noqa: SIM905
)
# Words of a page's label that a title may be instead of a headline ("News", "Breaking News", "Local
# Sports Wire", "Recent Features", "All The News", "News Article").
_LABEL_WORDS = _TRAILING_SECTION_WORDS | frozenset(
    {
        *("article", "articles", "story", "stories", "feature", "features", "recent", "archive", "archives"),
        *("calendar", "wire", "the", "all", "other", "top", "home", "page", "section", "headlines", "plus"),
        *("more", "today", "online"),
    }
)
LABEL_WORDS = 4


def is_section_label(title: str) -> bool:
    """Whether a title is a section's or a page's label, no headline: a few words, all of labels."""
    words = [word.lower() for word in _WORD.findall(title)]
    return 0 < len(words) <= LABEL_WORDS and all(word in _LABEL_WORDS for word in words)


# Before the headline, "Reports: ..." says where the news comes from, a part of the headline.
_LEADING_SECTION_WORDS = _TRAILING_SECTION_WORDS - {"reports"}
# The words of headline a title keeps when sections' or the site's names go from it.
HEADLINE_LEFT_WORDS = 3


def without_trailing_sections(title: str) -> str:
    """A title without the sections' names a <title> gives after its headline ("Covic turns up heat
    on Schwarzer - Football - Sport") and without a date stamp there ("... | January 15, 2008"),
    where HEADLINE_LEFT_WORDS words of headline or more are left."""
    parts = TITLE_SEPARATOR.split(title)
    while len(parts) > 1:
        words = [word.lower() for word in _WORD.findall(parts[-1])]
        names_sections = bool(words) and all(word in _TRAILING_SECTION_WORDS for word in words)
        if not names_sections and is_date_line(parts[-1]) is None:
            break
        if len(_WORD.findall(" ".join(parts[:-1]))) < HEADLINE_LEFT_WORDS:
            break
        parts.pop()
    separators = list(TITLE_SEPARATOR.finditer(title))
    if len(parts) > len(separators):
        return title
    # The title up to the separator before the first section dropped (its own separators kept).
    return title[: separators[len(parts) - 1].start()].strip()


# A title's first part and what sets it apart ("World -- ", "ESPN - ", "oHERALDo :: ", "Music- ").
_LEADING_PART = re.compile(r"^(?P<part>[^-|:–—»•]{1,40}?)\s*(?:--|::|[-|:–—»•])\s+(?P<rest>\S.*)$")


def without_leading_sections(title: str, site_names: tuple[str, ...]) -> str:
    """A title without a section's or the site's name before its headline ("World -- Judges allow
    video of victim", "ESPN - Williams misses news conference"), where HEADLINE_LEFT_WORDS words stay."""
    while (match := _LEADING_PART.match(title)) is not None:
        part, rest = match["part"], match["rest"]
        words = [word.lower() for word in _WORD.findall(part)]
        names_a_section = bool(words) and all(word in _LEADING_SECTION_WORDS for word in words)
        names_the_site = is_site_banner(part, site_names) or names_the_site_within(part, site_names)
        if not (names_a_section or names_the_site) or len(_WORD.findall(rest)) < HEADLINE_LEFT_WORDS:
            break
        title = rest.strip()
    return title


# What a broken <title> leaves of the page's markup ('Intww.example.com/search.xml" />').
_MARKUP_RESIDUE = re.compile(r"/>|</?[a-z][a-z0-9]*[\s>/]|\w=[\"']", re.IGNORECASE)
# A breadcrumb trail: the site's sections down to the page ("TV3 > News > National News > Story").
_TRAIL_STEP = re.compile(r"\s+>\s+")
TRAIL_STEPS = 3
TRAIL_STEP_WORDS = 3


def headline_of_broken_title(title: str) -> str | None:
    """A title that is a breadcrumb trail or holds markup (a page's broken <title>) is no headline:
    None, or the trail's last step where it reads as a headline ("Home > World > Rebels take port")."""
    if _MARKUP_RESIDUE.search(title):
        return None
    steps = _TRAIL_STEP.split(title)
    # A step is a few runs between spaces in any script ("きょうのイソップ童話" is one); the last one's
    # words are counted as a headline's are (a Japanese headline by its characters).
    if len(steps) < TRAIL_STEPS or any(len(_WORD.findall(step)) > TRAIL_STEP_WORDS for step in steps[:-1]):
        return title
    return steps[-1].strip() if count_words(steps[-1]) >= HEADLINE_LEFT_WORDS else None


def is_skip_link(text: str) -> bool:
    """Whether a line opens with a skip link ("Skip to main content"): page furniture, no headline."""
    return _SKIP_LINK_LINE.match(text) is not None


def without_skip_links(title: str) -> str:
    """A title without the skip links a scraper glued after it ("Vast riddles skip to main")."""
    return _TRAILING_SKIP_LINK.sub("", title)


# A scraper's label before the headline in its header lines ("Title: ...", "Headline: ..."), or a
# Markdown heading's mark on a page too little Markdown to be read as such ("# Headline").
_TITLE_LABEL = re.compile(r"^(?:#{1,6}\s+|(?:title|headline|titel|titre|t[íi]tulo|titolo)\s*:\s*)(?=\S)", re.IGNORECASE)


def without_title_label(title: str) -> str:
    """A title without the label a scraper wrote before it ("Title: Council passes budget")."""
    return _TITLE_LABEL.sub("", title)
