"""Site boilerplate: paragraphs an outlet prints on many of its different articles (newsletter
prompts, "Article continues", disclaimers, teasers), found across the articles of one outlet.

A page alone cannot tell its site's template from its article; many pages of one site can. On the
extraction-train datasets the line model never learns from, grouped by site, removing a paragraph
found on three or more different articles of the site took Dragnet 0.852 -> 0.856 (precision 0.849
-> 0.857) and CleanPortalEval 0.968 -> 0.971, L3S-GN1 and the 97 measuring pages (no site with three
pages) unchanged. Two pages of a site were not enough: the measuring pages fell 0.984 -> 0.981."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from itertools import groupby

from newstrace.model import Article, RemovedLine

SITE_BOILERPLATE_REASON = "site boilerplate (on several articles of the outlet)"
# A paragraph is the site's when this many different articles of it hold it.
SITE_ARTICLES = 3
# Two articles are versions of one (an update, a page saved twice) when this share of the smaller's
# paragraphs is the other's too: their shared paragraphs are their story's, not the site's.
SAME_ARTICLE_SHARE = 0.5
_WORD = re.compile(r"\w+")


def paragraph_key(text: str) -> str:
    """A paragraph's words, lower-cased: the same paragraph with other punctuation or spacing."""
    return " ".join(_WORD.findall(text.lower()))


def _keys_of(article: Article) -> frozenset[str]:
    # Paragraphs removed as the site's before count still, so that adding articles to a store
    # gives what analysing them all at once gives.
    lines = [*article.paragraphs, *(item.line for item in article.removed if item.reason == SITE_BOILERPLATE_REASON)]
    return frozenset(key for key in map(paragraph_key, lines) if key)


def site_boilerplate(articles: Sequence[Article]) -> frozenset[str]:
    """The keys of the paragraphs that SITE_ARTICLES different articles of one outlet hold."""
    keys = {article.id: _keys_of(article) for article in articles}
    holders: dict[str, list[str]] = defaultdict(list)
    for article_id in sorted(keys):
        for key in keys[article_id]:
            holders[key].append(article_id)
    return frozenset(
        key
        for key, ids in holders.items()
        if len(ids) >= SITE_ARTICLES and _holds_different_articles(ids, keys, SITE_ARTICLES)
    )


def _holds_different_articles(ids: Iterable[str], keys: dict[str, frozenset[str]], wanted: int) -> bool:
    """Whether `wanted` of the articles are pairwise different (not versions of one). Greedy over
    the ids in order: each compared with at most wanted - 1 others, however many hold the key."""
    chosen: list[frozenset[str]] = []
    for article_id in ids:
        own = keys[article_id]
        if all(not _same_article(own, other) for other in chosen):
            chosen.append(own)
            if len(chosen) >= wanted:
                return True
    return False


def _same_article(first: frozenset[str], second: frozenset[str]) -> bool:
    return len(first & second) >= SAME_ARTICLE_SHARE * min(len(first), len(second))


def without_site_boilerplate(article: Article, boilerplate: frozenset[str]) -> Article | None:
    """The article with its site's paragraphs moved to its removed lines, or None if it holds none
    (or holds nothing else: a page of the template alone is left as it was read)."""
    keep = [paragraph for paragraph in article.paragraphs if paragraph_key(paragraph) not in boilerplate]
    if len(keep) == len(article.paragraphs) or not keep:
        return None
    removed = [
        RemovedLine(paragraph, SITE_BOILERPLATE_REASON)
        for paragraph in article.paragraphs
        if paragraph_key(paragraph) in boilerplate
    ]
    return replace(article, paragraphs=keep, removed=[*article.removed, *removed])


def articles_without_site_boilerplate(articles: Sequence[Article]) -> list[Article]:
    """The articles that change when each outlet's boilerplate leaves them, changed; articles of
    no known outlet, or of an outlet with fewer than SITE_ARTICLES here, stay as they are."""
    changed: list[Article] = []
    known = sorted((article for article in articles if article.outlet), key=lambda article: article.outlet or "")
    for _, group in groupby(known, key=lambda article: article.outlet):
        outlet_articles = list(group)
        if len(outlet_articles) < SITE_ARTICLES:
            continue
        if boilerplate := site_boilerplate(outlet_articles):
            changed += filter(None, (without_site_boilerplate(article, boilerplate) for article in outlet_articles))
    return changed
