"""The Python API: analyse paths into a database, read its report, compare two texts."""

from __future__ import annotations

import re

from newstrace.align.relation import RelationModels, relate_articles
from newstrace.model import Article, Relation
from newstrace.pipeline import RunSummary, analyze
from newstrace.report import load_report

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")

__all__ = ["RunSummary", "analyze", "compare_texts", "load_report"]


def compare_texts(
    text_a: str, text_b: str, id_a: str = "A", id_b: str = "B", models: RelationModels | None = None
) -> Relation:
    """The relation between two plain texts (already clean article bodies) and their story similarity."""
    articles = []
    for article_id, text in ((id_a, text_a), (id_b, text_b)):
        paragraphs = [part.strip() for part in _PARAGRAPH_BREAK.split(text) if part.strip()]
        articles.append(
            Article(id=article_id, source=article_id, content_hash="", position=1, title=None, paragraphs=paragraphs)
        )
    first, second = articles
    return relate_articles(first, second, models).relation
