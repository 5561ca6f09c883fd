"""Site boilerplate: paragraphs an outlet prints on many of its different articles (newsletter
prompts, "Article continues", disclaimers, teasers, a registration form), found across the
articles of one outlet.

A page alone cannot tell its site's template from its article; many pages of one site can. On the
extraction-train datasets the line model never learns from, grouped by site, plain text: Dragnet
0.853 -> 0.864 (precision 0.851 -> 0.876), CleanPortalEval 0.968 -> 0.971, L3S-GN1 0.947 unchanged.
Two articles of a site were not enough: the 97 measuring pages (no site with three) fell 0.984 ->
0.981 when two counted."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from itertools import groupby
from urllib.parse import urlsplit

from newstrace.clean.dates import MONTHS, WEEKDAYS, is_date_line
from newstrace.clean.headlines import TITLE_COLON, TITLE_PARTS
from newstrace.clean.line_vocabulary import STOP_WORDS
from newstrace.model import NO_OUTLET, Article, RemovedLine

SITE_BOILERPLATE_REASON = "site boilerplate (on several articles of the outlet)"
# A paragraph is the site's when this many articles of it on other subjects hold it.
SITE_ARTICLES = 3
# A title two articles of a known outlet carry over other stories is the site's (its name, its motto):
# see _page_headlines.
SITE_TITLE_ARTICLES = 2
# A site's name or motto taken for title, and no headline of the page to replace it, leaves the article
# untitled where it has at most this many words. Of the 2,167 training and measuring pages read as a
# crawl, 18 titles so go as text and 13 as HTML ("The Sports Network", "News Update Service",
# "Paulo Coelho's Blog", "Schneier on Security"); a series' title over each post has more words.
SITE_NAME_WORDS = 7
# Two articles are versions of one (an update, a page saved twice, a blog's front page on two
# days) when they have one address or one headline, or when this share of the smaller's paragraphs
# is the other's too. Their shared paragraphs are their story's, not the site's.
SAME_ARTICLE_SHARE = 0.5
# Pages whose article the cleaner missed, left with their site's forms and menus alone, share all
# their text, yet are no versions of each other. So headlines without a subject word in common
# (see subject_words: of this many letters or more) tell other stories, whatever their pages share
# (a reworded update keeps its subject: "storm", a name, a place); and under headlines sharing
# less than SAME_HEADLINE_WORDS of their words, only story paragraphs count: of
# STORY_PARAGRAPH_WORDS words or more and, in an outlet of COMMON_FROM_ARTICLES articles or more,
# held by fewer than COMMON_SHARE of them. (In a smaller one, three updates of one story would be
# most of what it printed.)
SHARED_HEADLINE_WORD = 4
SAME_HEADLINE_WORDS = 0.5
STORY_PARAGRAPH_WORDS = 10
COMMON_SHARE = 0.3
COMMON_FROM_ARTICLES = 10
HOLDERS_COMPARED = 300
# Where the site's paragraphs stood among an article's paragraphs as read (metadata, "2,7").
SITE_POSITIONS = "site_boilerplate_positions"
# An HTML page's <title>, or a scraped page's first line in its form, where it is not the article's
# title (metadata), and the title as read where the pass gave the article the headline of its
# <title> instead (metadata).
PAGE_TITLE = "page_title"
SITE_TITLE = "site_title"
# What the site's parts leave of a <title> is a headline of this many words or more: "Maps" or
# "Home" is a section's name.
PAGE_HEADLINE_WORDS = 2

# The articles of no known outlet (text files, records without an address) are read as one site: a
# paragraph that SITE_ARTICLES of them on other stories hold word for word is a template's (a blog's
# sidebar, a press office's closing paragraph), whichever sites they came from. Their headlines do
# not tell their stories apart, as papers retitle the copies they take: on METER's wire stories and
# the papers' versions of them, headlines did, and a quotation that a wire story and two papers'
# copies of it held was taken for a template. Only their texts do, by their words too: papers edit
# the sentences they take, so a copy may share no other paragraph word for word with its source, but
# it keeps the source's words (its names, places, figures). Of the content words of the smaller text
# (SHARED_HEADLINE_WORD letters or more, no function word), those copies shared 0.77-0.90 with the
# wire story; articles of other stories holding one template paragraph shared at most 0.37 (a
# closing formula of court reports, a magazine's footer, a press office's paragraph, a blog's teasers).
# A short sentence shared so is the stories' own formula ("The case continues."), and stays: METER's
# court reports keep their last sentence.
SAME_STORY_WORD_SHARE = 0.5
# The fewest content words of a text whose share with another can say that they tell one story.
STORY_CONTENT_WORDS = 20
_WORD = re.compile(r"\w+")
_NOT_WORD = re.compile(r"[^\w\n]+")
# A sentence's end, not the colon and comma that patterns.SENTENCE_END counts too for a line's tail: a
# removed heading "Ingredients for the quince jelly and the toast:" is no prose.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s*$")
_SHORT_SENTENCE = re.compile(r"[\"'“‘]?[A-Z][^.!?:]*[.!?][\"'”’]?$")
_NOT_SUBJECT_WORDS = STOP_WORDS | MONTHS.keys() | WEEKDAYS.keys()


def subject_words(title: str | None, outlet: str | None = None) -> frozenset[str]:
    """The words of a headline that say what it is about: of SHARED_HEADLINE_WORD letters or more,
    and none that any of its outlet's headlines may carry: function words ("with"), numbers, months
    and weekdays, and parts of the outlet's own name ("Nintendo" on nintendo.com)."""
    if not title:
        return frozenset()
    names = _WORD.findall(outlet.lower()) if outlet else []
    return frozenset(
        word
        for word in _WORD.findall(title.lower())
        if len(word) >= SHARED_HEADLINE_WORD
        and not word.isdigit()
        and word not in _NOT_SUBJECT_WORDS
        and not _in_name(word, names)
    )


def _in_name(word: str, names: list[str]) -> bool:
    # A host runs its words together ("washingtonpost"): a word it begins or ends with is its own, one
    # within it may be chance ("droid" in "androidcommunity", "edit" in "aphotoeditor").
    return any(name.startswith(word) or name.endswith(word) for name in names)


def paragraph_key(text: str) -> str:
    """A paragraph's words, lower-cased: the same paragraph with other punctuation or spacing."""
    return " ".join(_WORD.findall(text.lower()))


def paragraph_keys(texts: Sequence[str]) -> list[str]:
    """paragraph_key of many texts, in one pass over them joined: a regular expression a text cost
    0.2 ms an article's removed lines, twice the rest of the site pass."""
    if not texts:
        return []
    joined = "\n".join(text.replace("\n", " ") for text in texts).lower()
    # str.translate is fast on ASCII text alone, as most pages' lines are.
    words_only = joined.translate(_ascii_marks_to_spaces()) if joined.isascii() else _NOT_WORD.sub(" ", joined)
    return [" ".join(line.split()) for line in words_only.split("\n")]


@cache
def _ascii_marks_to_spaces() -> dict[int, str]:
    """str.translate's table turning each ASCII character that is no word character (nor a line break) into a space."""
    return str.maketrans({chr(code): " " for code in range(128) if not (chr(code).isalnum() or chr(code) in "_\n")})


@dataclass(slots=True)
class _Identity:
    """What tells whether two articles of an outlet are one: address, headline, paragraphs."""

    address: str | None
    headline: frozenset[str]
    subject: frozenset[str]
    keys: frozenset[str]
    story_keys: frozenset[str]
    # The title is the site's (its name or motto on SITE_ARTICLES pages), no headline: between two
    # such articles the texts alone tell versions of one article, and the title names no subject.
    site_title: bool = False
    # Whether the articles' words tell their stories (see NO_OUTLET); their content words are read
    # from the keys when first compared, as most articles of a large group never are.
    by_words: bool = False
    words: frozenset[str] | None = None

    def same_article(self, other: _Identity) -> bool:
        if self.address is not None and self.address == other.address:
            return True
        if self.site_title and other.site_title:
            return _share_most(self.keys, other.keys)
        if self.headline and other.headline:
            if self.headline == other.headline:
                return True
            if not self.subject & other.subject:
                return False
            if len(self.headline & other.headline) < SAME_HEADLINE_WORDS * len(self.headline | other.headline):
                return _share_most(self.story_keys, other.story_keys)
        return _share_most(self.keys, other.keys)

    def same_subject(self, other: _Identity, key: str) -> bool:
        if self.site_title and other.site_title:
            return False
        if self.headline and other.headline:
            return bool(self.subject & other.subject)
        if (self.story_keys & other.story_keys) - {key}:
            return True
        if not self.by_words or not other.by_words:
            return False
        # The paragraph's own words are no sign of one story: every holder has them.
        own = content_words(key)
        return _share_story_words(self.content_words() - own, other.content_words() - own)

    def content_words(self) -> frozenset[str]:
        if self.words is None:
            self.words = content_words(" ".join(self.keys))
        return self.words


def _share_story_words(first: frozenset[str], second: frozenset[str]) -> bool:
    """Whether two texts' content words tell one story: SAME_STORY_WORD_SHARE of the smaller's are the other's."""
    return len(first & second) >= SAME_STORY_WORD_SHARE * max(1, min(len(first), len(second)))


def content_words(text: str) -> frozenset[str]:
    """A text's words that tell its subject: lower-cased, not figures, not stop words, not short."""
    return frozenset(
        word
        for word in _WORD.findall(text.lower())
        if len(word) >= SHARED_HEADLINE_WORD and not word.isdigit() and word not in STOP_WORDS
    )


def _share_most(first: frozenset[str], second: frozenset[str]) -> bool:
    shared = len(first & second)
    return shared > 0 and shared >= SAME_ARTICLE_SHARE * min(len(first), len(second))


@dataclass(frozen=True, slots=True)
class _Read:
    """An article's paragraphs as read (see _paragraphs_as_read) and their keys, made once a pass:
    finding the boilerplate and taking it out both need them."""

    paragraphs: list[str]
    keys: list[str]
    # The title before any pass gave the article its <title>'s headline (see _page_headlines).
    title: str | None

    @classmethod
    def of(cls, article: Article) -> _Read:
        paragraphs = _paragraphs_as_read(article)
        title = article.metadata.get(SITE_TITLE, article.title)
        return cls(paragraphs, paragraph_keys(paragraphs), title)


def _paragraphs_as_read(article: Article) -> list[str]:
    """The article's paragraphs before the site pass: the site's paragraphs it removed go back where
    they stood, so that each pass decides afresh from the outlet's articles as they were read."""
    site_lines = [item.line for item in article.removed if item.reason == SITE_BOILERPLATE_REASON]
    if not site_lines:
        return list(article.paragraphs)
    positions = [int(position) for position in article.metadata.get(SITE_POSITIONS, "").split(",") if position]
    if len(positions) != len(site_lines) or max(positions) >= len(article.paragraphs) + len(site_lines):
        return [*article.paragraphs, *site_lines]
    as_read: list[str] = []
    kept = iter(article.paragraphs)
    by_position = dict(zip(positions, site_lines, strict=True))
    for position in range(len(article.paragraphs) + len(site_lines)):
        as_read.append(by_position[position] if position in by_position else next(kept))
    return as_read


def _address(url: str | None) -> str | None:
    """An article's address without its fragment, "www." or a closing slash; None if it has none, or
    only its site's (a dump that gives each page its site's home page names no article)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").removeprefix("www.")
    path = parts.path.rstrip("/")
    if not path and not parts.query:
        return None
    return f"{host}{path}?{parts.query}" if parts.query else f"{host}{path}"


def site_boilerplate(articles: Sequence[Article]) -> frozenset[str]:
    """The keys of the paragraphs that SITE_ARTICLES articles of one outlet on other subjects hold."""
    return _site_boilerplate(articles, [_Read.of(article) for article in articles])


def _site_boilerplate(articles: Sequence[Article], reads: Sequence[_Read], by_headline: bool = True) -> frozenset[str]:
    keys = {
        article.id: frozenset(key for key in read.keys if key) for article, read in zip(articles, reads, strict=True)
    }
    # An article holds a template line where its cleaning removed it too: teasers the cleaner took
    # out of two pages make the third page's copy the site's. Not a sentence of prose, which may be
    # another article's lead that the site's pages tease. On the held-out pages (plain text, site
    # pass), Dragnet 0.879 -> 0.882 (80 pages up, 16 down: headings such as "Ingredients:" that the
    # model left out of other pages), L3S-GN1 0.955 -> 0.956 (20 up), CleanPortalEval 0.971 (3 up).
    # Only lines some article kept can leave one: the others (most removed lines) are not counted.
    kept = frozenset().union(*keys.values())
    removed = {article.id: kept.intersection(_removed_template_keys(article)) for article in articles}
    holders: dict[str, list[str]] = defaultdict(list)
    for article_id in sorted(keys):
        for key in keys[article_id] | removed[article_id]:
            holders[key].append(article_id)
    common_from = max(SITE_ARTICLES, math.ceil(COMMON_SHARE * len(articles)))
    common = (
        {key for key, ids in holders.items() if len(ids) >= common_from}
        if len(articles) >= COMMON_FROM_ARTICLES
        else set()
    )
    # A title that SITE_ARTICLES articles carry is the site's (its name or motto given as every
    # page's og:title): such pages are other stories, whatever they share, as pages under headlines
    # of other subjects are.
    titles = Counter(read.title for read in reads if read.title and by_headline)
    identities = {
        article.id: _Identity(
            _address(article.url),
            frozenset(_WORD.findall(read.title.lower())) if read.title and by_headline else frozenset(),
            subject_words(read.title, article.outlet) if by_headline else frozenset(),
            keys[article.id],
            frozenset(key for key in keys[article.id] - common if key.count(" ") + 1 >= STORY_PARAGRAPH_WORDS),
            site_title,
            by_words=not by_headline,
        )
        for article, read in zip(articles, reads, strict=True)
        for site_title in [bool(read.title) and titles[read.title] >= SITE_ARTICLES]
    }
    # Of articles of no known outlet, a short sentence is the stories' own formula, not a template.
    formulas = set() if by_headline else _short_sentences(reads)
    return frozenset(
        key
        for key, ids in holders.items()
        if len(ids) >= SITE_ARTICLES
        and key not in formulas
        and _different_stories([identities[article_id] for article_id in ids], key)
    )


# The longest removed line that counts (a teaser's headline, a menu, a heading): longer ones are
# comments and bios, which no site repeats, and keying them took most of the pass's time.
REMOVED_TEMPLATE_WORDS = 25


def _removed_template_keys(article: Article) -> list[str]:
    """The keys of the lines the cleaning removed from an article that may be its site's template:
    not the site pass's own, and no sentence of prose."""
    return paragraph_keys(
        [
            item.line
            for item in article.removed
            if item.reason != SITE_BOILERPLATE_REASON
            and (words := item.line.count(" ") + 1) <= REMOVED_TEMPLATE_WORDS
            and (words < STORY_PARAGRAPH_WORDS or not _SENTENCE_END.search(item.line))
        ]
    )


def _short_sentences(reads: Sequence[_Read]) -> set[str]:
    """The keys of paragraphs that are one short sentence of prose (fewer than STORY_PARAGRAPH_WORDS
    words, a capital first and a full stop last): "The hearing continues.", as court reports of
    other trials end. A template's lines are labels, links and long paragraphs about its owner."""
    return {
        key
        for read in reads
        for paragraph, key in zip(read.paragraphs, read.keys, strict=True)
        if key.count(" ") + 1 < STORY_PARAGRAPH_WORDS and _SHORT_SENTENCE.match(paragraph.strip())
    }


def _different_stories(identities: list[_Identity], key: str) -> bool:
    """Whether SITE_ARTICLES of the articles tell pairwise other stories: not versions of one, and
    of other subjects (headlines without a word of four letters in common; without headlines, no
    other story paragraph in common). A wire service's background paragraph, repeated in its
    stories of one running event, is theirs and not the site's. Greedy in order: each compared with
    at most SITE_ARTICLES - 1 others, however many hold the key."""
    chosen: list[_Identity] = []
    # Thousands of copies of one page (a mirror, a spam site) would be compared each with the first:
    # the first few hundred holders decide.
    for identity in identities[:HOLDERS_COMPARED]:
        if not any(identity.same_article(other) or identity.same_subject(other, key) for other in chosen):
            chosen.append(identity)
            if len(chosen) >= SITE_ARTICLES:
                return True
    return False


def without_site_boilerplate(article: Article, boilerplate: frozenset[str]) -> Article | None:
    """The article as read with its site's paragraphs moved to its removed lines (and any it lost
    to an earlier pass that are no longer the site's back in place), or None if that is the article
    as it stands. An article of nothing but the template comes back with no paragraphs."""
    return _without_site_boilerplate(article, _Read.of(article), boilerplate)


def _without_site_boilerplate(
    article: Article,
    read: _Read,
    boilerplate: frozenset[str],
    headline: str | None = None,
    own_title: str | None = None,
    site_title: bool = False,
) -> Article | None:
    """The article with its site's paragraphs removed and, where `headline` is given (its title as
    read is the site's, or holds the site's or a section's name at an end), that headline for title;
    with `site_title` (its title as read is the site's, and no headline takes its place), no title.
    None if that is the article as it stands."""
    as_read = read.paragraphs
    is_site = [key in boilerplate and key != own_title for key in read.keys]
    keep = [paragraph for paragraph, site in zip(as_read, is_site, strict=True) if not site]
    title = None if site_title else headline or read.title
    if keep == article.paragraphs and title == article.title:
        return None
    removed = [item for item in article.removed if item.reason != SITE_BOILERPLATE_REASON]
    removed += [
        RemovedLine(paragraph, SITE_BOILERPLATE_REASON)
        for paragraph, site in zip(as_read, is_site, strict=True)
        if site
    ]
    metadata = {name: value for name, value in article.metadata.items() if name not in (SITE_POSITIONS, SITE_TITLE)}
    if any(is_site):
        metadata[SITE_POSITIONS] = ",".join(str(position) for position, site in enumerate(is_site) if site)
    if (headline or site_title) and read.title is not None:
        metadata[SITE_TITLE] = read.title
    return replace(article, title=title, paragraphs=keep, removed=removed, metadata=metadata)


def _page_headlines(
    articles: Sequence[Article],
    reads: Sequence[_Read],
    by_words: bool = False,
    boilerplate: frozenset[str] = frozenset(),
) -> tuple[list[str | None], set[str]]:
    """For each article whose title as read is the site's (SITE_ARTICLES of the outlet's articles carry
    it, or SITE_TITLE_ARTICLES of other stories: a blog's name as every page's heading, "Seth's Blog"),
    the headline of its page's <title>: what is left of it once the parts that SITE_ARTICLES of the
    outlet's <title>s carry ("Seth's Blog: ...", "... - NFL.com", "Google Lat Long: ...") and the
    site's title are gone. None for the others, and where nothing of a headline is left. With them,
    the site's titles.

    `by_words`: the articles are of no known outlet, and copies of one story (a wire report three
    papers printed, saved as text files) carry its headline: a title is the site's only where
    SITE_ARTICLES of other stories carry it (their texts sharing less than SAME_STORY_WORD_SHARE of
    their content words). Before, three such copies had their headline replaced by the other part
    of their first line: the papers' names."""
    # The reads under each title, gathered once: a crawl of one outlet repeats thousands of titles.
    reads_of: dict[str, list[_Read]] = defaultdict(list)
    for read in reads:
        if read.title:
            reads_of[read.title].append(read)
    if by_words:
        site_titles = {
            title
            for title, under in reads_of.items()
            if len(under) >= SITE_ARTICLES and _stories_of(under, boilerplate) >= SITE_ARTICLES
        }
    else:
        # Two articles of an outlet under one title tell other stories (a blog's name over each
        # post) where their texts share few content words: an update of one story shares most.
        site_titles = {
            title
            for title, under in reads_of.items()
            if len(under) >= SITE_ARTICLES
            or (len(under) >= SITE_TITLE_ARTICLES and _stories_of(under, boilerplate) >= SITE_TITLE_ARTICLES)
        }
    if not site_titles:
        return [None] * len(articles), site_titles
    parts_of = [_title_parts(article.metadata.get(PAGE_TITLE)) for article in articles]
    held = Counter(key for parts in parts_of for key in {paragraph_key(part) for part in parts})
    site_keys = {key for key, count in held.items() if count >= SITE_ARTICLES} | {
        paragraph_key(title) for title in site_titles
    }
    headlines: list[str | None] = []
    for read, parts in zip(reads, parts_of, strict=True):
        # A date alone ("Nintendo Download - November 8, 2012": a series' post of the day) is no headline.
        own = [
            part for part in parts if paragraph_key(part) not in site_keys and _WORD.search(part) and not _is_date(part)
        ]
        headline = max(own, key=lambda part: len(part.split()), default=None) if read.title in site_titles else None
        headlines.append(headline if headline and len(headline.split()) >= PAGE_HEADLINE_WORDS else None)
    return headlines, site_titles


def _stories_of(reads: Sequence[_Read], boilerplate: frozenset[str]) -> int:
    """How many stories the articles of one title tell: those whose text (the site's paragraphs aside)
    shares SAME_STORY_WORD_SHARE of the smaller's content words with one counted before tell its story."""
    # Texts of too few words to be told apart (pages whose text the extraction all but missed) each
    # tell a story of their own, and are compared with none.
    stories = 0
    counted: list[frozenset[str]] = []
    for read in reads:
        own = [paragraph for paragraph, key in zip(read.paragraphs, read.keys, strict=True) if key not in boilerplate]
        words = content_words(" ".join(own))
        if len(words) < STORY_CONTENT_WORDS:
            stories += 1
        elif not any(_share_story_words(words, other) for other in counted):
            counted.append(words)
    return stories + len(counted)


def _title_parts(page_title: str | None) -> list[str]:
    return [part.strip() for part in TITLE_PARTS.split(page_title)] if page_title else []


# Where a title's parts meet: marks with a space on each side ("Headline | Section", "Site - Headline",
# "Site : Headline"), marks opening the title ("» Headline"), a mark glued to the next word after a
# space ("Headline :zenhabits") and a double colon after a word ("Headline 7:: Site"). A colon and a
# space alone are not one: "Obama: ..." opens many headlines of one site with their speaker.
_TITLE_SEPARATOR = re.compile(
    rf"\s+(?:--|::|{TITLE_COLON}|[-|–—»«•›])\s+|^\s*[|–—»«•›]+\s*|\s+(?:::?|[|»›])(?=\w)|(?<=\w)::\s+"
)

# Rounds of trimming a title's ends: a site's name, its section and a stamp are at most three parts deep
# ("Photography, CA - Blue Lily Photo - Blue Lily Blog - tiny apple" took three).
TITLE_TRIMMING_ROUNDS = 4


def _part_spans(title: str) -> list[tuple[int, int]]:
    """Where each part of a title stands (see _TITLE_SEPARATOR)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _TITLE_SEPARATOR.finditer(title):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(title)))
    return spans


def _titles_without_shared_ends(titles: Sequence[str | None]) -> list[str | None]:
    """Each title of an outlet without the parts at its ends that SITE_ARTICLES of the outlet's titles
    carry at theirs (the site's or a section's name: "... | IdeaFeed", "High Scalability - ..."), nor
    those that hold no word or a date alone ("... - Theater News - Nov 6, 2012"); None where nothing
    goes, or where no part of the title would stay (the title is the site's)."""
    current = {title: title for title in titles if title}
    # Once the outermost shared parts are gone, the next ones are at the ends ("Photography, CA - Blue
    # Lily Photo - Blue Lily Blog - tiny apple"): a few rounds, each counting the titles as trimmed.
    for _ in range(TITLE_TRIMMING_ROUNDS):
        trimmed = _without_shared_ends(list(dict.fromkeys(current.values())))
        if not trimmed:
            break
        current = {title: trimmed.get(now, now) for title, now in current.items()}
    return [current[title] if title and current[title] != title else None for title in titles]


def _without_shared_ends(titles: list[str]) -> dict[str, str]:
    """One round of _titles_without_shared_ends: the titles that lose parts, and what they keep."""
    spans_of = {title: _part_spans(title) for title in titles}
    held: Counter[str] = Counter()
    for title, spans in spans_of.items():
        # The parts at a title's ends once those of no word or a date alone are gone ("Section - Nov 6").
        named = [paragraph_key(title[start:end]) for start, end in spans if not _is_date(title[start:end])]
        named = [key for key in named if key]
        if len(named) > 1:
            held.update({named[0], named[-1]})
    shared = {key for key, count in held.items() if count >= SITE_ARTICLES}
    trimmed: dict[str, str] = {}
    for title, spans in spans_of.items():

        def goes(part: tuple[int, int], title: str = title) -> bool:
            text = title[part[0] : part[1]]
            return not _WORD.search(text) or paragraph_key(text) in shared or _is_date(text)

        first, last = 0, len(spans) - 1
        while first < last:
            if goes(spans[first]) and _headline_words(title, spans[first + 1], spans[last]):
                first += 1
            elif goes(spans[last]) and _headline_words(title, spans[first], spans[last - 1]):
                last -= 1
            else:
                break
        if (first, last) != (0, len(spans) - 1) and not all(map(goes, spans[first : last + 1])):
            trimmed[title] = title[spans[first][0] : spans[last][1]].strip()
    return trimmed


def _is_date(text: str) -> bool:
    return is_date_line(text) is not None


def _headline_words(title: str, first: tuple[int, int], last: tuple[int, int]) -> bool:
    """Whether the parts from `first` to `last` hold a headline's words (PAGE_HEADLINE_WORDS)."""
    return len(_WORD.findall(title[first[0] : last[1]])) >= PAGE_HEADLINE_WORDS


def articles_without_site_boilerplate(articles: Sequence[Article]) -> list[Article]:
    """The articles that change when each outlet's boilerplate leaves them, changed (those left with
    no paragraphs among them); the articles of no known outlet are one group (NO_OUTLET), and those
    of a group with fewer than SITE_ARTICLES here stay as they are."""
    changed: list[Article] = []
    by_outlet = sorted(articles, key=lambda article: article.outlet or NO_OUTLET)
    for outlet, group in groupby(by_outlet, key=lambda article: article.outlet or NO_OUTLET):
        outlet_articles = list(group)
        if len(outlet_articles) < SITE_ARTICLES:
            continue
        reads = [_Read.of(article) for article in outlet_articles]
        boilerplate = _site_boilerplate(outlet_articles, reads, by_headline=outlet != NO_OUTLET)
        headlines, site_titles = _page_headlines(
            outlet_articles, reads, by_words=outlet == NO_OUTLET, boilerplate=boilerplate
        )
        # A site's title (its name over every page, "The Sports Network") with no headline of the page
        # to take its place leaves the article untitled: a story labelled by the site's name, or a
        # relation told by it, would name none of its subject. Text pages have no <title> to read. A
        # longer title is a series' headline over each of its posts ("Nintendo Download Highlights
        # New Digital Content for Nintendo Systems") and stays.
        untitled = [
            bool(read.title)
            and read.title in site_titles
            and not headline
            and len(_WORD.findall(read.title)) <= SITE_NAME_WORDS
            for read, headline in zip(reads, headlines, strict=True)
        ]
        # An article's own headline, printed in its text, is its own, though other pages of the site
        # list it among their teasers; a title that several articles carry is the site's name.
        carried = Counter(read.title for read in reads if read.title)
        own_titles = [
            paragraph_key(read.title) if read.title and carried[read.title] < SITE_TITLE_ARTICLES else None
            for read in reads
        ]
        trimmed = _titles_without_shared_ends([read.title for read in reads])
        headlines = [headline or title for headline, title in zip(headlines, trimmed, strict=True)]
        # With no boilerplate left, an earlier pass's removals still go back.
        if (
            boilerplate
            or any(headlines)
            or any(untitled)
            or any(SITE_POSITIONS in article.metadata or SITE_TITLE in article.metadata for article in outlet_articles)
        ):
            changed += filter(
                None,
                (
                    _without_site_boilerplate(article, read, boilerplate, headline, own_title, site_title)
                    for article, read, headline, own_title, site_title in zip(
                        outlet_articles, reads, headlines, own_titles, untitled, strict=True
                    )
                ),
            )
    return changed


@dataclass(frozen=True, slots=True)
class OutletSummary:
    """What the site pass did to one outlet's articles: how many it changed, how many it left
    without text, and the site's paragraphs it removed, each with how many articles held it."""

    outlet: str
    articles: int
    changed: int
    without_text: int
    paragraphs: list[tuple[str, int]]


def outlet_summary(outlet: str, articles: Sequence[Article]) -> OutletSummary:
    """The site pass's work on the stored articles of one outlet (those left without text among them)."""
    held: Counter[str] = Counter()
    changed = 0
    for article in articles:
        site_lines = {item.line for item in article.removed if item.reason == SITE_BOILERPLATE_REASON}
        changed += bool(site_lines)
        held.update(site_lines)
    return OutletSummary(
        outlet=outlet,
        articles=len(articles),
        changed=changed,
        without_text=sum(not article.paragraphs for article in articles),
        paragraphs=held.most_common(),
    )
