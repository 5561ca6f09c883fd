"""The JSON report: articles with their cleaned body and metadata, and per-file errors."""

from __future__ import annotations

from typing import Any

from newstrace.model import Article, ReadError

ARTICLE_KEYS = (
    "id",
    "source",
    "url",
    "outlet",
    "title",
    "date",
    "date_source",
    "dateline",
    "credit",
    "byline",
    "captions",
    "paragraphs",
    "removed",
    "metadata",
)


def article_record(article: Article) -> dict[str, Any]:
    data = article.to_dict()
    return {key: data[key] for key in ARTICLE_KEYS}


def build_report(articles: list[Article], errors: list[ReadError]) -> dict[str, Any]:
    return {
        "articles": [article_record(article) for article in articles],
        "errors": [{"source": error.source, "error": error.error} for error in errors],
    }
