"""The Python API: analyse paths into a database, read its report, compare two texts."""

from __future__ import annotations

import re
from dataclasses import replace

from newstrace.align.relation import RelationModels, relate_articles
from newstrace.clean import clean_pages
from newstrace.model import Article, Page, Relation
from newstrace.pipeline import RunSummary, analyze
from newstrace.report import load_report

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")

__all__ = ["RunSummary", "analyze", "compare_texts", "load_report"]


def compare_texts(
    text_a: str,
    text_b: str,
    id_a: str = "A",
    id_b: str = "B",
    models: RelationModels | None = None,
    clean: bool = False,
) -> Relation:
    """The relation between two plain texts and their story similarity: article bodies as given, or
    with `clean`, scraped pages' texts, which the text cleaner reads first as `analyze` would."""
    first, second = (
        _cleaned_article(article_id, text) if clean else _article(article_id, text)
        for article_id, text in ((id_a, text_a), (id_b, text_b))
    )
    return relate_articles(first, second, models).relation


def _article(article_id: str, text: str) -> Article:
    paragraphs = [part.strip() for part in _PARAGRAPH_BREAK.split(text) if part.strip()]
    return Article(id=article_id, source=article_id, content_hash="", position=1, title=None, paragraphs=paragraphs)


def _cleaned_article(article_id: str, text: str) -> Article:
    """A scraped text's first article as the cleaner reads it (boilerplate, captions, dateline and
    credits out, date and credits as fields), its headline kept as its first line: the text compared
    is the one given less its junk. A text the cleaner finds no article in is compared as given."""
    page = Page(source=article_id, content_hash="", format="text", names=(article_id,), text=text)
    [result] = clean_pages([page])
    if isinstance(result, Exception) or not result or not result[0].paragraphs:
        return _article(article_id, text)
    article = result[0]
    headline = [article.title] if article.title else []
    return replace(article, id=article_id, paragraphs=[*headline, *article.paragraphs])
