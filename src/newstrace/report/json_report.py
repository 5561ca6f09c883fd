"""The JSON report: articles with their cleaned body and metadata, and per-file errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newstrace.model import Article, ReadError, Relation, Story
from newstrace.store import Store
from newstrace.stories import dated_by_its_day, story_dates

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


def build_report(
    articles: list[Article],
    errors: list[ReadError],
    stories: list[Story] | None = None,
    relations: list[Relation] | None = None,
) -> dict[str, Any]:
    """The report; an article whose text gives no date takes its story's, marked as such."""
    stories = stories or []
    dated_by_story = story_dates(stories)
    records = []
    for article in articles:
        record = article_record(article)
        story_date = dated_by_story.get(article.id)
        if record["date"] is None and story_date is not None:
            if (own_day := dated_by_its_day(article, story_date)) is not None:
                # Its wire dateline names the day ("Lima, 12 nov (EFE)"); the story gives the year.
                record["date"], record["date_source"] = own_day.isoformat(), "dateline day, story's year"
            elif not article.metadata.get("dateline_day"):
                record["date"], record["date_source"] = story_date, "story"
        records.append(record)
    return {
        "articles": records,
        "stories": [story_record(story) for story in stories],
        "relations": [relation_record(relation) for relation in relations or []],
        "errors": [{"source": error.source, "error": error.error} for error in errors],
    }


def story_record(story: Story) -> dict[str, Any]:
    data = story.to_dict()
    return {key: data[key] for key in ("id", "label", "date", "origin", "members", "origin_evidence")}


def relation_record(relation: Relation) -> dict[str, Any]:
    data = relation.to_dict()
    data["aligned"] = [
        {
            "copy_sentence": item["copy_sentence"],
            "source_sentence": item["source_sentences"][0] if item["source_sentences"] else None,
            "kind": item["kind"],
            "score": item["score"],
        }
        for item in data["aligned"]
    ]
    return data


def load_report(db: str | Path) -> dict[str, Any]:
    """The JSON report of everything stored in a database: articles, stories, relations, errors."""
    with Store(db) as store:
        articles = list(store.articles())
        stories = store.stories()
        relations = store.relations()
        errors = [ReadError(source, error) for source, error in store.errors()]
    return build_report(articles, errors, stories, relations)
